"""Who may manage users: the policy's `users.manage`, asked for a municipality.

A kommunadministratör manages the users of their own municipality (invites, gives and removes roles
and units, deactivates). Nobody manages users of another municipality; a platform operator
(superuser) uses the Django admin, not these pages.
"""

from __future__ import annotations

from typing import Any

from sif.policy.model import Verdict
from sif.web.accounts.permissions import check, user_memberships


def can_manage_users(user: Any, municipality_id: int) -> Verdict:
    """Allowed for a kommunadministratör of that municipality (the policy's `users.manage`)."""
    return check(user, "users.manage", municipality_id)


def managed_municipality_ids(user: Any) -> list[int]:
    return sorted(
        {
            m.municipality_id
            for m in user_memberships(user)
            if can_manage_users(user, m.municipality_id)
        }
    )


def can_manage_users_anywhere(user: Any) -> bool:
    return bool(managed_municipality_ids(user))
