"""Who may read and keep a fund's ledger: the policy's `fund.view` and `ledger.book`
(sif/policy/actions.py); another municipality's fund is answered as not found."""

from __future__ import annotations

from typing import Any

from sif.policy.relations import fund_scope
from sif.web.accounts.permissions import Verdict, actor_for, check


def can_view_fund(user: Any, fund: Any) -> Verdict:
    return check(user, "fund.view", fund)


def can_keep_ledger(user: Any, fund: Any) -> Verdict:
    return check(user, "ledger.book", fund)


def ledger_municipality_ids(user: Any) -> set[int]:
    """Municipalities whose funds the user may read (the scope of `fund.view` as a filter)."""
    return set(fund_scope(actor_for(user)))
