"""Who may choose what a fund publishes: the fund administrators of its municipality.

One function, so that the policy module can take the rule over in one place.
"""

from __future__ import annotations

from typing import Any

from sif.web.accounts.permissions import is_fund_admin


def can_publish(user: Any, municipality_id: int) -> bool:
    return is_fund_admin(user, municipality_id)
