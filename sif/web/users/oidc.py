"""Sign-in with the municipality's identity provider (OpenID Connect, mozilla-django-oidc).

Configured by environment (SIF_OIDC_ISSUER, SIF_OIDC_CLIENT_ID, SIF_OIDC_CLIENT_SECRET); off
unless configured. The endpoints come from the provider's discovery document, fetched on first
use and kept per process, so a provider that is down does not stop SIF from starting.

The provider only says who someone is: a signed-in person is matched to an existing, active SIF
account by e-mail address (exactly one; the provider must not call the address unverified). SIF
never creates an account or a role from a sign-in; the kommunadministratör invites people first.
The id_token must be signed (RS256, key from the provider's JWKS), issued by the configured issuer
for this client (iss and aud are checked, which the library leaves to us) and carry our nonce.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings
from mozilla_django_oidc.views import OIDCAuthenticationRequestView

log = logging.getLogger("sif.oidc")

ENDPOINTS = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
}


@lru_cache(maxsize=4)
def discovery(issuer: str) -> dict[str, Any]:
    response = requests.get(issuer.rstrip("/") + "/.well-known/openid-configuration", timeout=10)
    response.raise_for_status()
    document: dict[str, Any] = response.json()
    if document.get("issuer", "").rstrip("/") != issuer.rstrip("/"):
        raise SuspiciousOperation("the discovery document names another issuer")
    return document


def oidc_setting(attr: str, *args: Any) -> Any:
    if attr in ENDPOINTS:
        return discovery(settings.OIDC_ISSUER)[ENDPOINTS[attr]]
    return import_from_settings(attr, *args)


class EmailMatchingBackend(OIDCAuthenticationBackend):
    get_settings = staticmethod(oidc_setting)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Django builds the backends for every login, password logins too: read nothing yet.
        self.UserModel = get_user_model()

    def authenticate(self, request: HttpRequest | None, **kwargs: Any) -> Any:
        if not settings.OIDC_ENABLED or request is None or "code" not in request.GET:
            return None
        super().__init__()
        try:
            return super().authenticate(request, **kwargs)
        except (
            SuspiciousOperation
        ) as exc:  # a token we must not trust: the login page says it failed
            log.warning("OIDC sign-in refused: %s", exc)
            return None

    def get_payload_data(self, token: Any, key: Any) -> dict[str, Any]:
        payload: dict[str, Any] = super().get_payload_data(token, key)
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if settings.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("id_token for another client")
        if str(payload.get("iss", "")).rstrip("/") != settings.OIDC_ISSUER.rstrip("/"):
            raise SuspiciousOperation("id_token from another issuer")
        return payload

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        return bool(claims.get("email")) and claims.get("email_verified") is not False

    def filter_users_by_claims(self, claims: dict[str, Any]) -> Any:
        users = self.UserModel.objects.filter(email__iexact=claims["email"].strip(), is_active=True)
        if users.count() != 1:
            log.warning("OIDC sign-in matched %d accounts", users.count())
            return self.UserModel.objects.none()
        return users

    def create_user(
        self, claims: dict[str, Any]
    ) -> Any:  # never reached: OIDC_CREATE_USER is False
        raise SuspiciousOperation("SIF never creates accounts from a sign-in")


class RequestView(OIDCAuthenticationRequestView):
    """The redirect to the provider; 404 when no provider is configured."""

    get_settings = staticmethod(oidc_setting)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if settings.OIDC_ENABLED:
            super().__init__(*args, **kwargs)

    def get(self, request: HttpRequest) -> HttpResponse:
        if not settings.OIDC_ENABLED:
            raise Http404
        response: HttpResponse = super().get(request)
        return response
