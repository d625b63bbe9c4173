"""The JSON API at /api/ (OpenAPI at /api/docs): the same selectors, services and permission
functions as the pages; a browser session or a personal API token (`Authorization: Bearer sif_…`,
created by the user at /konto/api-nycklar/) authenticates.

Errors always answer {"code", "message", "fields"}: 400 for bad input or a rule on the values, 401
when not logged in, 403 when the user may see the project but may not do this (in its state), 404
when the project does not exist or is not visible to the user, 409 when a save names a version
someone else has replaced since it was read.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from ninja import Field, NinjaAPI, Query, Schema, Status
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.security import django_auth

from sif.calc import budget as budget_rules
from sif.calc.budget import BudgetRowInput
from sif.calc.errors import SifError
from sif.messages import message_for, message_for_error
from sif.policy.model import REFUSALS
from sif.web.accounts.permissions import can_decide, can_review, visible_projects
from sif.web.api_common import PageQuery, page
from sif.web.api_input import (
    FIRST_YEAR,
    ID_MAX,
    LAST_YEAR,
    Amount,
    InputParser,
    Score,
    Year,
    field_message,
    id_in_range,
)
from sif.web.projects import budget_changes, grant_decisions, project_transitions, reviews
from sif.web.projects.models import Decision, Project, ProjectState, Review
from sif.web.tokens.auth import TokenAuth

api = NinjaAPI(
    title="SIF API",
    version="1",
    auth=[TokenAuth(), django_auth],
    urls_namespace="api",
    parser=InputParser(),
)

NOT_FOUND_CODES = {"project_not_found", "not_found", "fund_not_found", "ledger_entry_not_found"}
FORBIDDEN_CODES = {
    "permission_denied",
    "not_reporter_for_unit",
    "unit_not_yours",
    "not_project_leader",
    "ledger_not_keeper",
    "not_followup_editor",
}
# A save based on what someone else has changed since it was read (optimistic concurrency).
CONFLICT_CODES = {"edit_conflict", "indicator_edit_conflict"}


# ---------------------------------------------------------------- errors


def _error(
    request: HttpRequest, status: int, code: str, message: str, fields: dict[str, str] | None = None
) -> HttpResponse:
    return api.create_response(
        request, {"code": code, "message": message, "fields": fields or {}}, status=status
    )


@api.exception_handler(SifError)
def _sif_error(request: HttpRequest, exc: SifError) -> HttpResponse:
    # A refusal by the policy is 403 whatever its reason (who, or not in this state), as on the
    # pages; 400 is kept for bad input and for rules on the values (issue 8, point 6).
    forbidden = exc.code in FORBIDDEN_CODES or exc.code in REFUSALS
    status = (
        404
        if exc.code in NOT_FOUND_CODES
        else 403
        if forbidden
        else 409
        if exc.code in CONFLICT_CODES
        else 400
    )
    message = message_for_error(exc)
    field, fields = exc.params.get("field"), exc.params.get("fields")
    if isinstance(fields, dict):  # several fields, each with its own message
        return _error(
            request, status, exc.code, message, {str(k): str(v) for k, v in fields.items()}
        )
    return _error(request, status, exc.code, message, {str(field): message} if field else None)


@api.exception_handler(NinjaValidationError)
def _invalid(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    fields = {}
    for error in exc.errors:
        location = ".".join(
            str(part)
            for part in error.get("loc", ())
            if part not in ("body", "query", "path", "payload")
        )
        fields[location or "__all__"] = field_message(error)
    return _error(request, 400, "invalid_input", message_for("invalid_input"), fields)


@api.exception_handler(MultiPartParserError)
@api.exception_handler(SuspiciousOperation)
def _unreadable(request: HttpRequest, exc: Exception) -> HttpResponse:
    """A body Django cannot read (multipart without a boundary, too many fields) is bad input."""
    return _error(request, 400, "invalid_input", message_for("invalid_input"))


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    """Ninja's own refusals: not logged in (401), CSRF/authorisation (403), unreadable body (400).
    A body the input parser refused (a NUL character) names its fields as any invalid input does."""
    if isinstance(exc.__cause__, NinjaValidationError):
        return _invalid(request, exc.__cause__)
    code = {401: "not_authenticated", 403: "permission_denied", 404: "not_found"}.get(
        exc.status_code, "invalid_input"
    )
    status = exc.status_code if exc.status_code in (401, 403, 404) else 400
    return _error(request, status, code, message_for(code))


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return _error(request, 404, "not_found", message_for("not_found"))


@api.exception_handler(PermissionDenied)
def _denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    """A page view answering for the API (documents) refuses with Django's PermissionDenied."""
    return _error(request, 403, "permission_denied", str(exc) or message_for("permission_denied"))


# ---------------------------------------------------------------- schemas


class ErrorOut(Schema):
    code: str
    message: str
    fields: dict[str, str]


class ProjectOut(Schema):
    id: int
    title: str
    short_name: str
    state: str
    state_label: str
    fund_id: int
    fund: str
    municipality: str
    owner_unit_id: int
    owner_unit: str
    start_date: date | None
    end_date: date | None
    sought_amount: Decimal | None
    example_note: str


class ProjectPage(Schema):
    items: list[ProjectOut]
    count: int


class BudgetRowIn(Schema):
    category: str
    label: str = ""
    footnote: str = ""
    amounts: dict[Year, Amount]


class BudgetIn(Schema):
    rows: list[BudgetRowIn]
    version: int | None = Field(
        default=None,
        ge=0,
        le=2**31,
        description="Budgetens version när du läste den (GET ger `version`); har någon annan "
        "sparat sedan dess svarar API:t 409 och inget sparas. Utan version kontrolleras inget.",
    )


class BudgetRowOut(Schema):
    category: str
    label: str
    footnote: str
    amounts: dict[int, Decimal]
    total: Decimal


class BudgetOut(Schema):
    years: list[int]
    rows: list[BudgetRowOut]
    year_totals: dict[int, Decimal]
    grand_total: Decimal
    version: int


class ContactOut(Schema):
    id: int
    name: str
    title: str
    email: str
    phone: str


class TransitionOut(Schema):
    to_state: str
    allowed: bool
    reason: str


class ProjectDetailOut(ProjectOut):
    summary: str
    purpose: str
    goals: str
    target_group: str
    closing_outcome: str
    units: list[str]
    contacts: list[ContactOut]
    budget: BudgetOut
    transitions: list[TransitionOut]
    can_review: bool
    can_decide: bool


class TransitionIn(Schema):
    to_state: str
    reason: str = ""
    closing_outcome: str = ""


class SoughtAmountIn(Schema):
    amount: Amount


class ReviewIn(Schema):
    comments: str
    scores: dict[str, Score] = {}
    recommendation: str = "none"


class ReviewOut(Schema):
    id: int
    comments: str
    scores: dict[str, int]
    recommendation: str
    reviewer_name: str


class DecisionIn(Schema):
    granted: bool
    body: str
    decided_on: date | None = None
    paragraph: str = ""
    granted_amount: Amount | None = None
    conditions: str = ""
    above_sought_reason: str = ""
    above_available_confirmed: bool = False


class DecisionOut(Schema):
    id: int
    kind: str
    granted: bool
    body: str
    decided_on: date | None
    paragraph: str
    granted_amount: Decimal | None
    conditions: str
    project_state: str


ERRORS: dict[int, type[Schema]] = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut}
WRITE_ERRORS: dict[int, type[Schema]] = {**ERRORS, 409: ErrorOut}  # 409: saved in between


# ---------------------------------------------------------------- helpers


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


def _project_out(p: Project) -> dict[str, Any]:
    return {
        "id": p.pk,
        "title": p.title,
        "short_name": p.short_name,
        "state": p.state,
        "state_label": str(p.get_state_display()),
        "fund_id": p.fund_id,
        "fund": p.fund.name,
        "municipality": p.municipality.name,
        "owner_unit_id": p.owner_unit_id,
        "owner_unit": p.owner_unit.name,
        "start_date": p.start_date,
        "end_date": p.end_date,
        "sought_amount": p.sought_amount,
        "example_note": p.example_note,
    }


def _budget_out(project: Project) -> dict[str, Any]:
    rows = budget_changes.budget_inputs(project)
    totals = budget_rules.row_totals(rows)
    years = sorted(budget_rules.year_totals(rows))
    return {
        "years": years,
        "rows": [
            {
                "category": r.category,
                "label": r.label,
                "footnote": r.footnote,
                "amounts": dict(r.amounts),
                "total": t,
            }
            for r, t in zip(rows, totals, strict=True)
        ],
        "year_totals": budget_rules.year_totals(rows),
        "grand_total": budget_rules.grand_total(rows),
        "version": project.budget_version,
    }


def _detail_out(request: HttpRequest, p: Project) -> dict[str, Any]:
    user = request.user
    return _project_out(p) | {
        "summary": p.summary,
        "purpose": p.purpose,
        "goals": p.goals,
        "target_group": p.target_group,
        "closing_outcome": p.closing_outcome,
        "units": sorted(p.units.values_list("name", flat=True)),
        "contacts": list(p.contacts.values("id", "name", "title", "email", "phone")),
        "budget": _budget_out(p),
        "transitions": [
            {"to_state": s, "allowed": bool(v), "reason": v.reason}
            for s, v in project_transitions.allowed_transitions(user, p)
        ],
        "can_review": bool(can_review(user, p)),
        "can_decide": bool(can_decide(user, p)),
    }


# ---------------------------------------------------------------- endpoints


@api.get(
    "/projects", response={200: ProjectPage, **ERRORS}, summary="Projekt som användaren får se"
)
def project_list(
    request: HttpRequest,
    paging: Query[PageQuery],
    state: str = "",
    unit: int | None = Query(None, ge=1, le=ID_MAX),
    year: int | None = Query(None, ge=FIRST_YEAR, le=LAST_YEAR),
    fund: int | None = Query(None, ge=1, le=ID_MAX),
) -> Any:
    if state and state not in ProjectState.values:
        raise SifError("state_unknown", field="state", state=state)
    qs = visible_projects(request.user).select_related("fund", "owner_unit", "municipality")
    if state:
        qs = qs.filter(state=state)
    if unit is not None:
        qs = qs.filter(Q(owner_unit_id=unit) | Q(units__id=unit))
    if year is not None:
        qs = qs.filter(start_date__year__lte=year, end_date__year__gte=year)
    if fund is not None:
        qs = qs.filter(fund_id=fund)
    return page(qs.distinct().order_by("-start_date", "title", "pk"), paging, _project_out)


@api.get(
    "/projects/{pk}",
    response={200: ProjectDetailOut, **ERRORS},
    summary="Ett projekt med budgettabell och summor",
)
def project_detail(request: HttpRequest, pk: int) -> Any:
    return _detail_out(request, _project(request, pk))


@api.post(
    "/projects/{pk}/transition", response={200: ProjectDetailOut, **ERRORS}, summary="Byt status"
)
def project_transition(request: HttpRequest, pk: int, payload: TransitionIn) -> Any:
    project = _project(request, pk)
    project_transitions.project_transition(
        actor=request.user,
        project=project,
        to_state=payload.to_state,
        reason=payload.reason,
        closing_outcome=payload.closing_outcome,
    )
    return _detail_out(request, project)


@api.put(
    "/projects/{pk}/budget",
    response={200: BudgetOut, **WRITE_ERRORS},
    summary="Ersätt budgeten (kronor per år och kostnadsslag)",
)
def budget_put(request: HttpRequest, pk: int, payload: BudgetIn) -> Any:
    project = _project(request, pk)
    rows = [BudgetRowInput(r.category, r.label, r.footnote, r.amounts) for r in payload.rows]
    budget_changes.budget_set(
        actor=request.user, project=project, rows=rows, version=payload.version
    )
    return _budget_out(project)


@api.put(
    "/projects/{pk}/sought-amount",
    response={200: ProjectOut, **ERRORS},
    summary="Sökt belopp (ska vara lika med budgetens totalsumma)",
)
def sought_amount_put(request: HttpRequest, pk: int, payload: SoughtAmountIn) -> Any:
    project = _project(request, pk)
    budget_changes.sought_amount_set(actor=request.user, project=project, amount=payload.amount)
    return _project_out(project)


@api.post(
    "/projects/{pk}/reviews",
    response={201: ReviewOut, **ERRORS},
    summary="Lägg till synpunkter och poäng",
)
def review_post(request: HttpRequest, pk: int, payload: ReviewIn) -> Any:
    project = _project(request, pk)
    review: Review = reviews.review_add(
        actor=request.user,
        project=project,
        comments=payload.comments,
        scores=payload.scores,
        recommendation=payload.recommendation,
    )
    return Status(
        201,
        {
            "id": review.pk,
            "comments": review.comments,
            "scores": review.scores,
            "recommendation": review.recommendation,
            "reviewer_name": review.reviewer_name,
        },
    )


@api.post(
    "/projects/{pk}/decisions",
    response={201: DecisionOut, **ERRORS},
    summary="Registrera beslut om medel",
)
def decision_post(request: HttpRequest, pk: int, payload: DecisionIn) -> Any:
    project = _project(request, pk)
    decision: Decision = grant_decisions.decision_record(
        actor=request.user,
        project=project,
        granted=payload.granted,
        body=payload.body,
        decided_on=payload.decided_on,
        paragraph=payload.paragraph,
        granted_amount=payload.granted_amount,
        conditions=payload.conditions,
        above_sought_reason=payload.above_sought_reason,
        above_available_confirmed=payload.above_available_confirmed,
    )
    out = {
        f: getattr(decision, f)
        for f in (
            "kind",
            "granted",
            "body",
            "decided_on",
            "paragraph",
            "granted_amount",
            "conditions",
        )
    }
    return Status(201, out | {"id": decision.pk, "project_state": project.state})


api.add_router("", "sif.web.calculations.api.router")
api.add_router("", "sif.web.followup.api_indicators.router")
api.add_router("", "sif.web.followup.api.router")
api.add_router("", "sif.web.ledger.api.router")
api.add_router("", "sif.web.audit.api.router")
api.add_router("", "sif.web.imports.api.router")
api.add_router("", "sif.web.documents.api.router")

# Mounted with `path("api/", include("sif.web.api"))` in sif/web/urls.py.
urlpatterns, app_name = api.urls[0], "api"
