"""The only way to write the event log."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

from sif.web.audit.models import Event

_encoder = DjangoJSONEncoder()


def _json_safe(data: dict[str, Any] | None) -> dict[str, Any] | None:
    if data is None:
        return None
    import json

    return json.loads(_encoder.encode(data))


def event_record(
    *,
    actor: AbstractBaseUser | AnonymousUser | None,
    action: str,
    obj: models.Model,
    municipality_id: int,
    project_id: int | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    reason: str = "",
) -> Event:
    """Append one event. `action` is an ASCII code (e.g. `project_transition`); labels are translated."""
    actor_obj = actor if actor is not None and getattr(actor, "is_authenticated", False) else None
    return Event.objects.create(
        municipality_id=municipality_id,
        project_id=project_id,
        actor=actor_obj,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        before=_json_safe(before),
        after=_json_safe(after),
        reason=reason,
    )


def project_event_record(
    actor: AbstractBaseUser | AnonymousUser | None,
    action: str,
    obj: models.Model,
    project: Any,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    reason: str = "",
) -> Event:
    """Append an event about something of a project's: the project's municipality and the project
    scope it, so that it shows in the project's timeline and only to its municipality. Every
    service that changes a project's things records through here."""
    return event_record(
        actor=actor,
        action=action,
        obj=obj,
        municipality_id=project.municipality_id,
        project_id=project.pk,
        before=before,
        after=after,
        reason=reason,
    )
