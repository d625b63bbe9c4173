"""Who may choose what a fund publishes: the policy's `fund.publish` (its fund administrators)."""

from __future__ import annotations

from typing import Any

from sif.web.accounts.permissions import check


def can_publish(user: Any, fund: Any) -> bool:
    return bool(check(user, "fund.publish", fund))
