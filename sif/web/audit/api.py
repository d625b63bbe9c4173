"""The event log through the API: a project's events, newest first, paginated.

GET /api/projects/{pk}/events    who did what and when (the same rows the timeline shows)
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema

from sif.web.api_common import ERRORS, PageQuery, page, visible_project
from sif.web.audit.models import Event

router = Router(tags=["händelselogg"])


class EventOut(Schema):
    id: int
    at: dt.datetime
    action: str
    actor: str
    object_type: str
    object_id: str
    reason: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


class EventPage(Schema):
    items: list[EventOut]
    count: int


@router.get(
    "/projects/{pk}/events",
    response={200: EventPage, **ERRORS},
    summary="Projektets händelselogg",
)
def event_list(request: HttpRequest, paging: Query[PageQuery], pk: int, action: str = "") -> Any:
    project = visible_project(request, pk)
    rows = Event.objects.filter(project=project).select_related("actor").order_by("-at", "-id")
    if action:
        rows = rows.filter(action=action)
    return page(
        rows,
        paging,
        lambda e: {
            "id": e.pk,
            "at": e.at,
            "action": e.action,
            "actor": e.actor.get_username() if e.actor else "",
            "object_type": e.object_type,
            "object_id": e.object_id,
            "reason": e.reason,
            "before": e.before,
            "after": e.after,
        },
    )
