"""What every API router shares: the error schema and the project a user may see (else 404).

The routers are registered on the one NinjaAPI in sif/web/api.py, whose exception handlers turn a
SifError into {"code", "message", "fields"} with the Swedish message.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Schema

from sif.calc.errors import SifError
from sif.web.accounts.permissions import visible_projects
from sif.web.projects.models import Project


class ErrorOut(Schema):
    code: str
    message: str
    fields: dict[str, str]


ERRORS: dict[int, type[Schema]] = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut}
# 409: someone saved a newer version since the client read it (sif/web/core/versions.py).
WRITE_ERRORS: dict[int, type[Schema]] = {**ERRORS, 409: ErrorOut}

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def file_answer(description: str, *media_types: str) -> dict[str, Any]:
    """`openapi_extra` of an operation whose 200 is a file, not JSON: the schema names the file's
    media types, so a client (and the schema probe) knows what the download is."""
    binary = {"schema": {"type": "string", "format": "binary"}}
    return {
        "responses": {
            200: {"description": description, "content": dict.fromkeys(media_types, binary)}
        }
    }


# Ids arrive in paths and bodies; anything past a 64-bit key can only be "not found".
MAX_ID = 2**63 - 1


def visible_project(request: HttpRequest, pk: int) -> Project:
    if not 0 < pk <= MAX_ID:
        raise SifError("project_not_found")
    project = (
        visible_projects(request.user)
        .select_related("fund", "owner_unit", "municipality")
        .filter(pk=pk)
        .first()
    )
    if project is None:
        raise SifError("project_not_found")
    return project


def child_of(project: Project, queryset, pk: int):  # type: ignore[no-untyped-def]
    """One object of the project (a period, an indicator, a unit, a report), else `not_found`."""
    obj = queryset.filter(pk=pk).first() if 0 < pk <= MAX_ID else None
    if obj is None:
        raise SifError("not_found")
    return obj


class PageQuery(Schema):
    """`?limit=&offset=` of every list operation: at most 500 rows a page."""

    limit: int = Field(default=100, ge=1, le=500)
    offset: int = Field(default=0, ge=0, le=10**9)


def page(
    rows: QuerySet[Any], query: PageQuery, out: Callable[[Any], dict[str, Any]]
) -> dict[str, Any]:
    """One page of a queryset, sliced in SQL, with the total count: {"items": [...], "count": N}."""
    return {
        "items": [out(r) for r in rows[query.offset : query.offset + query.limit]],
        "count": rows.count(),
    }
