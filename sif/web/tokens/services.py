"""Creating, revoking and checking personal API tokens; every use is written to the event log."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from sif.calc.errors import SifError
from sif.web.accounts.permissions import user_memberships
from sif.web.audit.services import event_record
from sif.web.tokens.models import ApiToken

TOKEN_PREFIX = "sif_"
LIFETIMES_DAYS = (30, 90, 365)
MAX_ACTIVE_TOKENS = 20


@dataclass(frozen=True)
class NewToken:
    """The stored token and its secret, which is shown to the user once and never again."""

    token: ApiToken
    secret: str


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def token_create(*, user: Any, name: str, days: int) -> NewToken:
    """A new token for `user`, valid `days` days. Refused for users without a role in a
    municipality (the token's uses are logged in that municipality's event log)."""
    memberships = user_memberships(user)
    if not memberships:
        raise SifError("token_needs_membership")
    if days not in LIFETIMES_DAYS:
        raise SifError("token_lifetime_invalid", days=days)
    if (
        ApiToken.objects.filter(
            user=user, revoked_at__isnull=True, expires_at__gt=timezone.now()
        ).count()
        >= MAX_ACTIVE_TOKENS
    ):
        raise SifError("token_too_many", limit=MAX_ACTIVE_TOKENS)
    prefix = secrets.token_hex(4)
    while ApiToken.objects.filter(prefix=prefix).exists():  # pragma: no cover - 1 in 4 billion
        prefix = secrets.token_hex(4)
    secret = f"{TOKEN_PREFIX}{prefix}_{secrets.token_urlsafe(32)}"
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=user,
            municipality=memberships[0].municipality,
            name=name.strip(),
            prefix=prefix,
            digest=_digest(secret),
            expires_at=timezone.now() + timedelta(days=days),
        )
        event_record(
            actor=user,
            action="api_token_create",
            obj=token,
            municipality_id=token.municipality_id,
            after={"name": token.name, "prefix": prefix, "expires_at": token.expires_at},
        )
    return NewToken(token, secret)


def token_revoke(*, user: Any, token_id: int) -> ApiToken:
    """Revoke one of the user's own tokens (another user's token is answered as not found)."""
    with transaction.atomic():
        token = ApiToken.objects.select_for_update().filter(pk=token_id, user=user).first()
        if token is None:
            raise SifError("not_found")
        if token.revoked_at is None:
            token.revoked_at = timezone.now()
            token.save(update_fields=["revoked_at"])
            event_record(
                actor=user,
                action="api_token_revoke",
                obj=token,
                municipality_id=token.municipality_id,
                after={"prefix": token.prefix},
            )
    return token


def token_user(secret: str, *, method: str, path: str) -> Any | None:
    """The active user a presented token belongs to, or None. Each accepted use is logged."""
    parts = secret.split("_", 2)  # the random tail may itself contain "_"
    if len(parts) != 3 or f"{parts[0]}_" != TOKEN_PREFIX:
        return None
    token = ApiToken.objects.select_related("user").filter(prefix=parts[1]).first()
    now = timezone.now()
    if token is None or not hmac.compare_digest(token.digest, _digest(secret)):
        return None
    if token.revoked_at is not None or token.expires_at <= now or not token.user.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    event_record(
        actor=token.user,
        action="api_token_use",
        obj=token,
        municipality_id=token.municipality_id,
        after={"prefix": token.prefix, "method": method, "path": path[:200]},
    )
    return token.user


def tokens_of(user: Any) -> list[ApiToken]:
    return list(ApiToken.objects.filter(user=user))
