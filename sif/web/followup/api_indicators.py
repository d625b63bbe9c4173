"""Indicators through the API: the same service, policy and version check as the indicator page.

GET    /api/projects/{pk}/indicators                 the project's indicators, with their version
POST   /api/projects/{pk}/indicators                 a new indicator (the leader or the fund, until
                                                     the work runs)
PUT    /api/projects/{pk}/indicators/{id}            replace one; `version` is the version read
DELETE /api/projects/{pk}/indicators/{id}?version=   remove one that has no figures yet

A `version` older than the stored one answers 409 with the Swedish message naming who changed
what; a share's baseline and target are fractions 0–1 here (as stored and as measured), where the
page takes them in per cent.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status

from sif.calc.errors import SifError
from sif.web.api_common import ERRORS, MAX_ID, ErrorOut, child_of, visible_project
from sif.web.followup import indicator_services, reporting_units
from sif.web.projects.models import (
    Direction,
    Frequency,
    Indicator,
    IndicatorUnit,
    MeasurementMethod,
    Project,
)

router = Router(tags=["indikatorer"])

Figure = Annotated[
    Decimal, Field(ge=-(10**10), le=10**10, max_digits=15, decimal_places=4, allow_inf_nan=False)
]
Version = Annotated[int, Field(ge=1, le=2**31 - 1)]
VERSION_READ = Query(..., ge=1, le=2**31 - 1, description="Den version du läste")
CONFLICT = {**ERRORS, 409: ErrorOut}


class IndicatorIn(Schema):
    name: str = Field(min_length=1, max_length=300)
    group: str = Field(default="", max_length=100)
    unit: IndicatorUnit = IndicatorUnit.COUNT
    direction: Direction = Direction.HIGHER_IS_BETTER
    segment: str = Field(default="", max_length=100)
    method: MeasurementMethod = MeasurementMethod.MANUAL
    method_detail: str = Field(default="", max_length=5000)
    baseline_value: Figure | None = None
    baseline_date: dt.date | None = Field(
        default=None, ge=dt.date(1900, 1, 1), le=dt.date(2200, 12, 31)
    )
    target_value: Figure | None = None
    comparison_group: str = Field(default="", max_length=200)
    frequency: Frequency = Frequency.TERTIAL
    responsible_unit: int | None = Field(default=None, gt=0, le=MAX_ID)
    position: int = Field(default=0, ge=0, le=32767)
    plausible_max: int | None = Field(default=None, ge=0, le=2**31 - 1)


class IndicatorChangeIn(IndicatorIn):
    version: Version


class IndicatorOut(Schema):
    id: int
    version: int
    name: str
    group: str
    unit: str
    direction: str
    segment: str
    method: str
    method_detail: str
    baseline_value: Decimal | None
    baseline_date: dt.date | None
    target_value: Decimal | None
    comparison_group: str
    frequency: str
    responsible_unit: int | None
    position: int
    plausible_max: int | None


def _out(i: Indicator) -> dict[str, Any]:
    return {
        "id": i.pk,
        "version": i.version,
        **{
            f: getattr(i, f) for f in indicator_services.INDICATOR_FIELDS if f != "responsible_unit"
        },
        "responsible_unit": i.responsible_unit_id,
    }


def _fields(project: Project, payload: IndicatorIn) -> dict[str, Any]:
    data = payload.dict(exclude={"version"})
    unit_id = data.pop("responsible_unit")
    data["name"] = data["name"].strip()
    data["responsible_unit"] = None
    if unit_id is not None:
        data["responsible_unit"] = next(
            (u for u in reporting_units.units_in_order(project) if u.pk == unit_id), None
        )
        if data["responsible_unit"] is None:
            raise SifError("unknown_org_unit", unit=unit_id, field="responsible_unit")
    return data


def _save(request: HttpRequest, project: Project, **kwargs: Any) -> Indicator:
    """The service's save; the model's own checks (a share's baseline 0–1) answer 400 with fields."""
    try:
        return indicator_services.indicator_save(actor=request.user, project=project, **kwargs)
    except ValidationError as exc:
        raise SifError(
            "invalid_input", fields={k: " ".join(v) for k, v in exc.message_dict.items()}
        ) from None


def _indicator(project: Project, indicator_id: int) -> Indicator:
    return child_of(project, project.indicators.all(), indicator_id)


@router.get(
    "/projects/{pk}/indicators",
    response={200: list[IndicatorOut], **ERRORS},
    summary="Projektets indikatorer",
)
def indicator_list(request: HttpRequest, pk: int) -> Any:
    project = visible_project(request, pk)
    return [_out(i) for i in project.indicators.all()]


@router.post(
    "/projects/{pk}/indicators", response={201: IndicatorOut, **ERRORS}, summary="Ny indikator"
)
def indicator_post(request: HttpRequest, pk: int, payload: IndicatorIn) -> Any:
    project = visible_project(request, pk)
    return Status(201, _out(_save(request, project, **_fields(project, payload))))


@router.put(
    "/projects/{pk}/indicators/{indicator_id}",
    response={200: IndicatorOut, **CONFLICT},
    summary="Ändra en indikator (med den version du läste)",
)
def indicator_put(
    request: HttpRequest, pk: int, indicator_id: int, payload: IndicatorChangeIn
) -> Any:
    project = visible_project(request, pk)
    indicator = _indicator(project, indicator_id)
    saved = _save(
        request,
        project,
        indicator=indicator,
        version=payload.version,
        **_fields(project, payload),
    )
    return _out(saved)


@router.delete(
    "/projects/{pk}/indicators/{indicator_id}",
    response={204: None, **CONFLICT},
    summary="Ta bort en indikator som ännu saknar mätvärden",
)
def indicator_delete(
    request: HttpRequest, pk: int, indicator_id: int, version: int = VERSION_READ
) -> Any:
    project = visible_project(request, pk)
    indicator_services.indicator_delete(
        actor=request.user,
        project=project,
        indicator=_indicator(project, indicator_id),
        version=version,
    )
    return Status(204, None)
