"""Who may read and keep a fund's ledger. Same shape as sif/web/accounts/permissions.py: a Verdict
with a reason code; another municipality's fund is answered as not found."""

from __future__ import annotations

from typing import Any

from sif.web.accounts.permissions import (
    ALLOWED,
    MUNICIPALITY_WIDE_ROLES,
    Verdict,
    is_fund_admin,
    refuse,
    user_memberships,
)


def _member(user: Any, municipality_id: int) -> list[str]:
    return [m.role for m in user_memberships(user) if m.municipality_id == municipality_id]


def can_view_fund(user: Any, fund: Any) -> Verdict:
    """Fund administrators, reviewers and readers of the fund's municipality read its ledger."""
    roles = _member(user, fund.municipality_id)
    if not roles:
        return refuse("fund_not_found")
    return ALLOWED if set(roles) & MUNICIPALITY_WIDE_ROLES else refuse("permission_denied")


def can_keep_ledger(user: Any, fund: Any) -> Verdict:
    """Only a fund administrator of the fund's municipality books entries and saves agreements."""
    if is_fund_admin(user, fund.municipality_id):
        return ALLOWED
    return (
        refuse("permission_denied")
        if _member(user, fund.municipality_id)
        else refuse("fund_not_found")
    )


def ledger_municipality_ids(user: Any) -> set[int]:
    """Municipalities whose funds the user may read."""
    return {m.municipality_id for m in user_memberships(user) if m.role in MUNICIPALITY_WIDE_ROLES}
