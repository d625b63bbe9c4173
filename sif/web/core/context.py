"""Template context every page needs: which main-menu entries this user has."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from sif.web.accounts.models import Role
from sif.web.accounts.permissions import user_memberships

IMPORTING_ROLES = {Role.FUND_ADMIN, Role.APPLICANT}
FUND_VIEWING_ROLES = {Role.FUND_ADMIN, Role.REVIEWER, Role.READER}


def sif_context(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    roles = {m.role for m in user_memberships(user)} if user is not None else set()
    return {
        "sif_product_name": "SIF",
        "sif_can_import": bool(roles & IMPORTING_ROLES),
        "sif_can_see_funds": bool(roles & FUND_VIEWING_ROLES),
    }
