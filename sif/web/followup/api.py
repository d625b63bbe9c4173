"""Follow-up through the API: the same services and permission checks as the pages.

GET  /api/projects/{pk}/periods                         reporting periods
POST /api/projects/{pk}/periods                         a new period (the fund's follow-up editors)
GET  /api/projects/{pk}/measurements                    per unit and period, paginated, filterable;
                                                         small counts hidden for those who see published figures
POST /api/projects/{pk}/measurements                    one unit's figure (the unit's reporter)
GET  /api/projects/{pk}/activity-counts                 activity counts, paginated
POST /api/projects/{pk}/activity-counts                 one unit's count of one activity
GET  /api/projects/{pk}/status-reports                  status reports, paginated
POST /api/projects/{pk}/status-reports                  submit (or save as draft) one unit's report
POST /api/projects/{pk}/status-reports/{id}/approve     approve
POST /api/projects/{pk}/status-reports/{id}/return      send back with a comment
POST /api/projects/{pk}/spider-ratings                  one unit's ratings at one occasion
GET  /api/projects/{pk}/periods/{id}/template           the XLSX template for the user's units
POST /api/projects/{pk}/periods/{id}/upload             a filled template: preview, or store all (store=true)

The indicators have their own router (api_indicators.py).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Field, File, Form, Query, Router, Schema, Status
from ninja.files import UploadedFile

from sif.web.accounts.models import OrgUnit
from sif.web.api_common import (
    ERRORS,
    MAX_ID,
    XLSX,
    PageQuery,
    child_of,
    file_answer,
    page,
    visible_project,
)
from sif.web.followup import (
    measurement_store,
    reporting_periods,
    spider_measurement,
    status_reports,
    views,
    xlsx,
)
from sif.web.followup.models import (
    ActivityCount,
    ActivityType,
    Group,
    Measurement,
    PeriodKind,
    ReportingPeriod,
    SpiderInstrument,
    StatusReport,
)
from sif.web.followup.selectors import aggregate, sees_suppressed_figures
from sif.web.projects.models import Indicator, Project

router = Router(tags=["uppföljning"])

# Counts are whole, non-negative and below a billion per unit and period; ids fit a 64-bit key.
COUNT_LIMIT = 10**9
ID = Query(None, gt=0, le=MAX_ID)


class PeriodIn(Schema):
    kind: PeriodKind = PeriodKind.TERTIAL
    label: str = Field(min_length=1, max_length=60)
    start: dt.date
    end: dt.date
    opens_at: dt.date
    closes_at: dt.date


class PeriodOut(Schema):
    id: int
    kind: str
    label: str
    start: dt.date
    end: dt.date
    opens_at: dt.date
    closes_at: dt.date
    closed: bool


class MeasurementIn(Schema):
    indicator: int = Field(gt=0, le=MAX_ID)
    period: int = Field(gt=0, le=MAX_ID)
    unit: int = Field(gt=0, le=MAX_ID)
    group: Group = Group.INTERVENTION
    value: Decimal | None = Field(
        default=None, ge=-(10**12), le=10**12, max_digits=16, decimal_places=4
    )
    numerator: int | None = Field(default=None, ge=0, le=COUNT_LIMIT)
    denominator: int | None = Field(default=None, ge=0, le=COUNT_LIMIT)


class MeasurementOut(Schema):
    id: int
    indicator: int
    period: int
    unit: int
    unit_name: str
    group: str
    value: Decimal | None
    numerator: int | None
    denominator: int | None
    suppressed: bool


class MeasurementPage(Schema):
    items: list[MeasurementOut]
    count: int


class ActivityIn(Schema):
    period: int = Field(gt=0, le=MAX_ID)
    unit: int = Field(gt=0, le=MAX_ID)
    activity: int = Field(gt=0, le=MAX_ID)
    total: int = Field(ge=0, le=COUNT_LIMIT)
    with_mother: int | None = Field(default=None, ge=0, le=COUNT_LIMIT)
    with_father: int | None = Field(default=None, ge=0, le=COUNT_LIMIT)
    single_mother: int | None = Field(default=None, ge=0, le=COUNT_LIMIT)
    single_father: int | None = Field(default=None, ge=0, le=COUNT_LIMIT)
    women: int | None = Field(default=None, ge=0, le=COUNT_LIMIT)
    men: int | None = Field(default=None, ge=0, le=COUNT_LIMIT)


class ActivityOut(Schema):
    id: int
    period: int
    unit: int
    activity: str
    total: int | None
    with_mother: int | None
    with_father: int | None
    single_mother: int | None
    single_father: int | None
    suppressed: bool


class ActivityPage(Schema):
    items: list[ActivityOut]
    count: int


class StatusReportIn(Schema):
    period: int = Field(gt=0, le=MAX_ID)
    unit: int = Field(gt=0, le=MAX_ID)
    text: str = Field(max_length=20000)
    draft: bool = False


class ReviewIn(Schema):
    comment: str = Field(default="", max_length=5000)


class StatusReportOut(Schema):
    id: int
    period: int
    unit: int
    unit_name: str
    state: str
    text: str
    comment: str


class StatusReportPage(Schema):
    items: list[StatusReportOut]
    count: int


def _unit(project: Project, pk: int) -> OrgUnit:
    return child_of(project, OrgUnit.objects.filter(municipality_id=project.municipality_id), pk)


def _period(project: Project, pk: int) -> ReportingPeriod:
    return child_of(project, project.reporting_periods.all(), pk)


def _measurement_out(
    m: Measurement,
    hide_below: int | None,
    unit_name: str | None = None,
    indicators: dict[int, Indicator] | None = None,
) -> dict[str, Any]:
    """A measurement as the API shows it; `unit_name` and `indicators` (by pk) spare a list the
    joins (one figure read alone uses its own relations)."""
    n = None
    if hide_below is not None:
        indicator = (indicators or {}).get(m.indicator_id) or m.indicator
        n = aggregate(indicator, [m]).n
    hidden = hide_below is not None and (n is None or n < hide_below)
    return {
        "id": m.pk,
        "indicator": m.indicator_id,
        "period": m.period_id,
        "unit": m.unit_id,
        "unit_name": unit_name if unit_name is not None else m.unit.name,
        "group": m.group,
        "value": None if hidden else m.value,
        "numerator": None if hidden else m.numerator,
        "denominator": None if hidden else m.denominator,
        "suppressed": hidden,
    }


def _threshold_for(request: HttpRequest, project: Project) -> int | None:
    """The fund's threshold for those who see published (suppressed) figures, else None."""
    return (
        project.fund.suppression_threshold
        if sees_suppressed_figures(request.user, project)
        else None
    )


@router.get(
    "/projects/{pk}/periods",
    response={200: list[PeriodOut], **ERRORS},
    summary="Rapporteringsperioder",
)
def period_list(request: HttpRequest, pk: int) -> Any:
    project = visible_project(request, pk)
    return [_period_out(p) for p in project.reporting_periods.all()]


def _period_out(p: ReportingPeriod) -> dict[str, Any]:
    return {
        "id": p.pk,
        "kind": p.kind,
        "label": p.label,
        "start": p.start,
        "end": p.end,
        "opens_at": p.opens_at,
        "closes_at": p.closes_at,
        "closed": p.closed_at is not None,
    }


@router.post(
    "/projects/{pk}/periods", response={201: PeriodOut, **ERRORS}, summary="Ny rapporteringsperiod"
)
def period_post(request: HttpRequest, pk: int, payload: PeriodIn) -> Any:
    project = visible_project(request, pk)
    period = reporting_periods.period_create(actor=request.user, project=project, **payload.dict())
    return Status(201, _period_out(period))


@router.get(
    "/projects/{pk}/measurements",
    response={200: MeasurementPage, **ERRORS},
    summary="Mätvärden per enhet och period",
)
def measurement_list(
    request: HttpRequest,
    paging: Query[PageQuery],
    pk: int,
    period: int | None = ID,
    indicator: int | None = ID,
    unit: int | None = ID,
) -> Any:
    """One page of the project's figures, in (period, indicator, unit, group) order.

    Read so that its cost follows the page, not the project: the project's periods are looked up
    first, so the page is a plain range of the measurement table (its period index gives the
    order, each period's rows are sorted on their own) with no join; unit names and indicator kinds
    are read for the page's rows only; the total is counted over the same index range (always,
    so the number of queries does not depend on whether the page is full).
    """
    project = visible_project(request, pk)
    period_ids = list(project.reporting_periods.order_by().values_list("pk", flat=True))
    rows = Measurement.objects.filter(period_id__in=period_ids).order_by(
        "period_id", "indicator_id", "unit_id", "group", "pk"
    )
    for name, value in (("period_id", period), ("indicator_id", indicator), ("unit_id", unit)):
        if value is not None:
            rows = rows.filter(**{name: value})
    items = list(rows[paging.offset : paging.offset + paging.limit])
    names = dict(
        OrgUnit.objects.filter(pk__in={m.unit_id for m in items})
        .order_by()
        .values_list("pk", "name")
    )
    hide_below = _threshold_for(request, project)
    kinds = (
        {i.pk: i for i in Indicator.objects.filter(pk__in={m.indicator_id for m in items})}
        if hide_below is not None and items
        else {}
    )
    return {
        "items": [_measurement_out(m, hide_below, names[m.unit_id], kinds) for m in items],
        "count": rows.count(),
    }


@router.post(
    "/projects/{pk}/measurements",
    response={201: MeasurementOut, **ERRORS},
    summary="Spara ett mätvärde",
)
def measurement_post(request: HttpRequest, pk: int, payload: MeasurementIn) -> Any:
    project = visible_project(request, pk)
    measurement = measurement_store.measurement_save(
        actor=request.user,
        indicator=child_of(project, project.indicators.all(), payload.indicator),
        period=_period(project, payload.period),
        unit=_unit(project, payload.unit),
        group=payload.group,
        value=payload.value,
        numerator=payload.numerator,
        denominator=payload.denominator,
    )
    return Status(201, _measurement_out(measurement, None))


def _activity_out(a: ActivityCount, hide_below: int | None) -> dict[str, Any]:
    fields = ("total", "with_mother", "with_father", "single_mother", "single_father")
    hidden = hide_below is not None and a.total < hide_below
    out = {
        "id": a.pk,
        "period": a.period_id,
        "unit": a.unit_id,
        "activity": a.activity.code,
        "suppressed": hidden,
    }
    out.update({f: None if hidden else getattr(a, f) for f in fields})
    return out


@router.get(
    "/projects/{pk}/activity-counts",
    response={200: ActivityPage, **ERRORS},
    summary="Aktiviteter per enhet och period",
)
def activity_list(
    request: HttpRequest,
    paging: Query[PageQuery],
    pk: int,
    period: int | None = ID,
    unit: int | None = ID,
) -> Any:
    project = visible_project(request, pk)
    rows = (
        ActivityCount.objects.filter(project=project)
        .select_related("activity")
        .order_by("period_id", "unit_id", "activity_id", "pk")
    )
    if period is not None:
        rows = rows.filter(period_id=period)
    if unit is not None:
        rows = rows.filter(unit_id=unit)
    hide_below = _threshold_for(request, project)
    return page(rows, paging, lambda a: _activity_out(a, hide_below))


@router.post(
    "/projects/{pk}/activity-counts",
    response={201: ActivityOut, **ERRORS},
    summary="Spara en aktivitetsräkning",
)
def activity_post(request: HttpRequest, pk: int, payload: ActivityIn) -> Any:
    project = visible_project(request, pk)
    data = payload.dict()
    count = measurement_store.activity_save(
        actor=request.user,
        period=_period(project, data.pop("period")),
        unit=_unit(project, data.pop("unit")),
        activity=child_of(
            project, ActivityType.objects.filter(project=project), data.pop("activity")
        ),
        **data,
    )
    return Status(201, _activity_out(count, None))


def _report_out(r: StatusReport) -> dict[str, Any]:
    return {
        "id": r.pk,
        "period": r.period_id,
        "unit": r.unit_id,
        "unit_name": r.unit.name,
        "state": r.state,
        "text": r.text,
        "comment": r.comment,
    }


@router.get(
    "/projects/{pk}/status-reports",
    response={200: StatusReportPage, **ERRORS},
    summary="Statusrapporter",
)
def report_list(
    request: HttpRequest, paging: Query[PageQuery], pk: int, period: int | None = ID
) -> Any:
    project = visible_project(request, pk)
    rows = (
        StatusReport.objects.filter(project=project)
        .select_related("unit")
        .order_by("period_id", "unit_id", "pk")
    )
    if period is not None:
        rows = rows.filter(period_id=period)
    return page(rows, paging, _report_out)


@router.post(
    "/projects/{pk}/status-reports",
    response={201: StatusReportOut, **ERRORS},
    summary="Lämna (eller spara utkast till) en statusrapport",
)
def report_post(request: HttpRequest, pk: int, payload: StatusReportIn) -> Any:
    project = visible_project(request, pk)
    report = status_reports.status_report_submit(
        actor=request.user,
        period=_period(project, payload.period),
        unit=_unit(project, payload.unit),
        text=payload.text,
        draft=payload.draft,
    )
    return Status(201, _report_out(report))


def _report(project: Project, report_id: int) -> StatusReport:
    return child_of(
        project,
        StatusReport.objects.filter(project=project).select_related("unit", "project"),
        report_id,
    )


@router.post(
    "/projects/{pk}/status-reports/{report_id}/approve",
    response={200: StatusReportOut, **ERRORS},
    summary="Godkänn en statusrapport",
)
def report_approve(request: HttpRequest, pk: int, report_id: int, payload: ReviewIn) -> Any:
    project = visible_project(request, pk)
    return _report_out(
        status_reports.status_report_approve(
            actor=request.user, report=_report(project, report_id), comment=payload.comment
        )
    )


@router.post(
    "/projects/{pk}/status-reports/{report_id}/return",
    response={200: StatusReportOut, **ERRORS},
    summary="Skicka tillbaka en statusrapport",
)
def report_return(request: HttpRequest, pk: int, report_id: int, payload: ReviewIn) -> Any:
    project = visible_project(request, pk)
    return _report_out(
        status_reports.status_report_return(
            actor=request.user, report=_report(project, report_id), comment=payload.comment
        )
    )


# --- spindelmätning and the XLSX template ---------------------------------------------------------


class SpiderRatingIn(Schema):
    instrument: int = Field(gt=0, le=MAX_ID)
    unit: int = Field(gt=0, le=MAX_ID)
    occasion: int = Field(ge=1, le=100)
    values: list[Decimal | None] = Field(max_length=20)
    occasion_date: dt.date | None = Field(
        default=None, ge=dt.date(1900, 1, 1), le=dt.date(2200, 12, 31)
    )


class SpiderRatingOut(Schema):
    instrument: int
    unit: int
    occasion: int
    values: list[Decimal | None]


class RefusedRowOut(Schema):
    sheet: str
    row: int
    code: str
    message: str


class UploadOut(Schema):
    stored: bool
    measurements: int
    activities: int
    refused: list[RefusedRowOut]


@router.post(
    "/projects/{pk}/spider-ratings",
    response={201: SpiderRatingOut, **ERRORS},
    summary="Spara en enhets skattning vid ett mättillfälle",
)
def spider_rating_post(request: HttpRequest, pk: int, payload: SpiderRatingIn) -> Any:
    project = visible_project(request, pk)
    instrument = child_of(
        project, SpiderInstrument.objects.filter(project=project), payload.instrument
    )
    spider_measurement.spider_rating_save(
        actor=request.user,
        instrument=instrument,
        unit=_unit(project, payload.unit),
        occasion=payload.occasion,
        values=payload.values,
        occasion_date=payload.occasion_date,
    )
    return Status(201, payload.dict(exclude={"occasion_date"}))


@router.get(
    "/projects/{pk}/periods/{period_id}/template",
    response=ERRORS,
    summary="XLSX-mallen för perioden (de enheter användaren rapporterar för)",
    openapi_extra=file_answer("Mallen att fylla i", XLSX),
)
def template_get(request: HttpRequest, pk: int, period_id: int) -> Any:
    project = visible_project(request, pk)
    return views.template_download(request, project.pk, _period(project, period_id).pk)


@router.post(
    "/projects/{pk}/periods/{period_id}/upload",
    response={200: UploadOut, 422: UploadOut, **ERRORS},
    summary="Läs en ifylld XLSX-mall: förhandsgranska, eller spara allt (store=true)",
)
def upload_post(
    request: HttpRequest,
    pk: int,
    period_id: int,
    file: UploadedFile = File(...),  # noqa: B008 - how ninja declares an upload
    store: bool = Form(False),
) -> Any:
    project = visible_project(request, pk)
    period = _period(project, period_id)
    preview, parsed = xlsx.measurements_import_preview(
        actor=request.user,
        project=project,
        period=period,
        data=file.read(),
        filename=file.name or "",
    )
    stored = False
    if store and preview.ok:
        preview = xlsx.measurements_import_confirm(
            actor=request.user, project=project, period=period, parsed=parsed
        )
        stored = True
    body = {
        "stored": stored,
        "measurements": len(preview.measurements),
        "activities": len(preview.activities),
        "refused": [
            {"sheet": r.sheet, "row": r.row, "code": r.code, "message": r.message}
            for r in preview.refused
        ],
    }
    return Status(200 if preview.ok else 422, body)
