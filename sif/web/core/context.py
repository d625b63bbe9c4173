"""Template context every page needs: the installation's name and the user's memberships."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def sif_context(request: HttpRequest) -> dict[str, Any]:
    return {"sif_product_name": "SIF"}
