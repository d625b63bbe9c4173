"""The API's bearer authentication: `Authorization: Bearer sif_…` acts as the token's user."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer

from sif.web.tokens.services import token_user


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any | None:
        user = token_user(token, method=request.method or "", path=request.path)
        if user is not None:
            request.user = user
        return user
