"""Template context every page needs: which main-menu entries this user has (the policy's menu.*)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from sif.web.accounts.permissions import check

MENU = {
    "sif_can_propose": "menu.new_proposal",
    "sif_can_import": "menu.import",
    "sif_can_see_funds": "menu.funds",
    "sif_can_see_portfolio": "menu.portfolio",
    "sif_can_see_platform": "menu.platform",
    "sif_can_admin": "admin.site",
}


def sif_context(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    menu = {key: bool(check(user, action)) for key, action in MENU.items()}
    return {"sif_product_name": "SIF", **menu}
