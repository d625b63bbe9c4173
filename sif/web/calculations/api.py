"""JSON API for the socioeconomic calculation, registered on the project API (sif/web/api.py):

GET  /api/projects/{pk}/calculation?purpose=expected  the current version with its results
POST /api/projects/{pk}/calculation                   a new version (case-file data in `scenario`)

Results are computed from the stored inputs by sif.calc (`result_to_dict`), never stored.
Errors answer {"code", "message", "fields"} through the project API's handlers.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Field, Router, Schema, Status

from sif.calc.errors import SifError
from sif.calc.model import result_to_dict
from sif.calc.render import plain
from sif.messages import message_for_error
from sif.web.accounts.permissions import visible_projects
from sif.web.api_input import id_in_range
from sif.web.calculations import present, selectors, services
from sif.web.calculations.models import Calculation, Purpose
from sif.web.projects.models import Project

router = Router(tags=["kalkyl"])
FORBIDDEN = {"permission_denied", "calculation_after_decision"}


class CalculationIn(Schema):
    scenario: dict[str, Any]
    purpose: str = Purpose.EXPECTED
    label: str = ""
    note: str = ""
    version: int | None = Field(
        default=None,
        ge=0,
        le=2**31,
        description="Versionen du utgick från (0 om ingen fanns); har någon sparat en nyare "
        "version med samma syfte svarar API:t 409 och inget sparas. Utan version kontrolleras inget.",
    )


class CalculationOut(Schema):
    id: int
    project_id: int
    version: int
    purpose: str
    label: str
    note: str
    created_at: str
    created_by: str
    scenario: dict[str, Any]
    result: dict[str, Any]


class ErrorOut(Schema):
    code: str
    message: str
    fields: dict[str, str]


ERRORS: dict[int, type[Schema]] = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut}


def _project(request: HttpRequest, pk: int) -> Project:
    if not id_in_range(pk):  # above 2^63 the database cannot even look it up
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


def _out(calculation: Calculation) -> dict[str, Any]:
    _scenario, result, _bars = present.evaluated(calculation.scenario)
    user = calculation.created_by
    return {
        "id": calculation.pk,
        "project_id": calculation.project_id,
        "version": calculation.version,
        "purpose": calculation.purpose,
        "label": calculation.label,
        "note": calculation.note,
        "created_at": calculation.created_at.isoformat(),
        "created_by": (user.get_full_name() or user.username) if user else "",
        "scenario": calculation.scenario,
        "result": plain(result_to_dict(result)),
    }


def _error(request: HttpRequest, exc: SifError, status: int) -> HttpResponse:
    from sif.web.api import api

    message = message_for_error(exc)
    return api.create_response(
        request, {"code": exc.code, "message": message, "fields": {}}, status=status
    )


@router.get(
    "/projects/{pk}/calculation",
    response={200: CalculationOut, **ERRORS},
    summary="Projektets socioekonomiska kalkyl med resultat",
)
def calculation_get(request: HttpRequest, pk: int, purpose: str = Purpose.EXPECTED) -> Any:
    project = _project(request, pk)
    if purpose not in Purpose.values:
        raise SifError("calculation_purpose_unknown", field="purpose", value=purpose)
    calculation = selectors.calculation_current(project, purpose)
    if calculation is None:
        return _error(request, SifError("calculation_missing"), 404)
    return _out(calculation)


@router.post(
    "/projects/{pk}/calculation",
    response={201: CalculationOut, **ERRORS, 409: ErrorOut},
    summary="Spara en ny version av kalkylen",
)
def calculation_post(request: HttpRequest, pk: int, payload: CalculationIn) -> Any:
    project = _project(request, pk)
    try:
        calculation = services.calculation_save(
            actor=request.user,
            project=project,
            scenario=payload.scenario,
            purpose=payload.purpose,
            label=payload.label,
            note=payload.note,
            version=payload.version,
        )
    except SifError as exc:
        if exc.code in FORBIDDEN:
            return _error(request, exc, 403)
        raise
    return Status(201, _out(calculation))
