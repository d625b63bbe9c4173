"""Template context for the login pages and the menu: sign-in options and the users page link."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def users_context(request: HttpRequest) -> dict[str, Any]:
    from sif.web.users.permissions import can_manage_users_anywhere

    user = getattr(request, "user", None)
    return {
        "sif_oidc_enabled": settings.OIDC_ENABLED,
        "sif_oidc_button": settings.OIDC_BUTTON,
        "sif_lockout_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
        "sif_can_manage_users": bool(user is not None and can_manage_users_anywhere(user)),
    }
