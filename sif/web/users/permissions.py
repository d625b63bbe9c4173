"""Who may manage users: ONE rule, so the policy module can take it over unchanged.

A kommunadministratör manages the users of their own municipality (invites, gives and removes roles
and units, deactivates). Nobody manages users of another municipality; a platform operator
(superuser) uses the Django admin, not these pages.
"""

from __future__ import annotations

from typing import Any

from sif.web.accounts.models import Role
from sif.web.accounts.permissions import ALLOWED, Verdict, refuse, user_memberships


def can_manage_users(user: Any, municipality_id: int) -> Verdict:
    """Allowed for a kommunadministratör of that municipality."""
    if any(
        m.role == Role.MUNICIPALITY_ADMIN and m.municipality_id == municipality_id
        for m in user_memberships(user)
    ):
        return ALLOWED
    return refuse("permission_denied")


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
