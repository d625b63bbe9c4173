"""The fund's ledger and repayment agreements through the API, via the ledger services.

GET  /api/funds                                     the funds the user may read, with derived figures
GET  /api/funds/{id}/entries                        the ledger, paginated, filterable by kind, project, year
POST /api/funds/{id}/entries                        book one entry (the fund's keepers)
POST /api/funds/{id}/entries/{entry}/correction     a reversing entry with its reason
GET  /api/projects/{pk}/repayment-agreement         the current agreement and its versions
POST /api/projects/{pk}/repayment-agreement         a new version of the agreement
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status

from sif.calc import ledger as rules
from sif.calc.errors import SifError
from sif.web.accounts.permissions import check
from sif.web.api_common import (
    ERRORS,
    MAX_ID,
    WRITE_ERRORS,
    PageQuery,
    child_of,
    page,
    visible_project,
)
from sif.web.ledger import selectors, services
from sif.web.ledger.models import EntryKind, LedgerEntry, WriteOffOf
from sif.web.projects.models import Fund, Project

router = Router(tags=["fondens bokföring"])

AMOUNT = Field(gt=0, le=Decimal("1e13"), max_digits=15, decimal_places=2)


class FundOut(Schema):
    id: int
    name: str
    municipality: str
    allocated: Decimal
    committed: Decimal
    disbursed: Decimal
    repaid: Decimal
    balance: Decimal
    available: Decimal


class EntryIn(Schema):
    kind: EntryKind
    amount: Decimal = AMOUNT
    booked_on: dt.date = Field(ge=dt.date(1900, 1, 1), le=dt.date(2200, 12, 31))
    project: int | None = Field(default=None, gt=0, le=MAX_ID)
    text: str = Field(default="", max_length=2000)
    reference: str = Field(default="", max_length=200)
    write_off_of: WriteOffOf | None = None


class CorrectionIn(Schema):
    reason: str = Field(min_length=1, max_length=2000)
    booked_on: dt.date | None = Field(
        default=None, ge=dt.date(1900, 1, 1), le=dt.date(2200, 12, 31)
    )


class EntryOut(Schema):
    id: int
    kind: str
    amount: Decimal
    booked_on: dt.date
    project: int | None
    text: str
    reference: str
    write_off_of: str
    reverses: int | None
    decision: int | None


class EntryPage(Schema):
    items: list[EntryOut]
    count: int


class AgreementIn(Schema):
    rule: str = Field(max_length=30)
    parameters: dict[str, Any] = {}
    agreed_on: dt.date | None = Field(
        default=None, ge=dt.date(1900, 1, 1), le=dt.date(2200, 12, 31)
    )
    note: str = Field(default="", max_length=5000)
    version: int | None = Field(
        default=None,
        ge=0,
        le=2**31,
        description="Versionen du utgick från (0 om ingen fanns); har någon sparat en nyare "
        "svarar API:t 409 och inget sparas. Utan version kontrolleras inget.",
    )


class AgreementOut(Schema):
    version: int
    rule: str
    parameters: dict[str, Any]
    agreed_on: dt.date | None
    note: str


class AgreementsOut(Schema):
    current: AgreementOut | None
    versions: list[AgreementOut]


def _fund(request: HttpRequest, fund_id: int, action: str = "fund.view") -> Fund:
    """The fund if the policy lets the user take `action` on it; as on the pages, another
    municipality's fund is not found (404), one's own refused with the policy's reason (403)."""
    fund = (
        Fund.objects.select_related("municipality").filter(pk=fund_id).first()
        if 0 < fund_id <= MAX_ID
        else None
    )
    if fund is None:
        raise SifError("fund_not_found")
    verdict = check(request.user, action, fund)
    if not verdict:
        raise SifError(verdict.reason)
    return fund


def _fund_out(fund: Fund, t: rules.Totals) -> dict[str, Any]:
    return {
        "id": fund.pk,
        "name": fund.name,
        "municipality": fund.municipality.name,
        "allocated": t.allocated,
        "committed": t.committed,
        "disbursed": t.disbursed,
        "repaid": t.repaid,
        "balance": t.balance,
        "available": t.available,
    }


def _entry_out(e: LedgerEntry) -> dict[str, Any]:
    return {
        "id": e.pk,
        "kind": e.kind,
        "amount": e.amount,
        "booked_on": e.booked_on,
        "project": e.project_id,
        "text": e.text,
        "reference": e.reference,
        "write_off_of": e.write_off_of,
        "reverses": e.reverses_id,
        "decision": e.decision_id,
    }


@router.get("/funds", response={200: list[FundOut], **ERRORS}, summary="Fonder med ställning")
def fund_list(request: HttpRequest) -> Any:
    funds = list(selectors.funds_visible(request.user).order_by("name", "pk"))
    totals = selectors.totals_by_fund(funds)
    return [_fund_out(f, totals[f.pk]) for f in funds]


@router.get(
    "/funds/{fund_id}/entries",
    response={200: EntryPage, **ERRORS},
    summary="Fondens bokföring",
)
def entry_list(
    request: HttpRequest,
    paging: Query[PageQuery],
    fund_id: int,
    kind: str = "",
    project: int | None = Query(None, gt=0, le=MAX_ID),
    year: int | None = Query(None, ge=1900, le=2200),
) -> Any:
    fund = _fund(request, fund_id)
    rows = LedgerEntry.objects.filter(fund=fund).order_by("booked_on", "pk")
    if kind:
        rows = rows.filter(kind=kind)
    if project is not None:
        rows = rows.filter(project_id=project)
    if year is not None:
        rows = rows.filter(booked_on__year=year)
    return page(rows, paging, _entry_out)


@router.post(
    "/funds/{fund_id}/entries", response={201: EntryOut, **ERRORS}, summary="Bokför en post"
)
def entry_post(request: HttpRequest, fund_id: int, payload: EntryIn) -> Any:
    fund = _fund(request, fund_id, "ledger.book")
    project = (
        child_of(fund, Project.objects.filter(fund=fund), payload.project)
        if payload.project
        else None
    )
    entry = services.ledger_book(
        actor=request.user,
        fund=fund,
        kind=payload.kind,
        amount=payload.amount,
        booked_on=payload.booked_on,
        project=project,
        text=payload.text,
        reference=payload.reference,
        write_off_of=payload.write_off_of or "",
    )
    return Status(201, _entry_out(entry))


@router.post(
    "/funds/{fund_id}/entries/{entry_id}/correction",
    response={201: EntryOut, **ERRORS},
    summary="Rätta en post (en motpost)",
)
def entry_correct(request: HttpRequest, fund_id: int, entry_id: int, payload: CorrectionIn) -> Any:
    fund = _fund(request, fund_id, "ledger.book")
    entry = child_of(fund, LedgerEntry.objects.filter(fund=fund), entry_id)
    return Status(
        201,
        _entry_out(
            services.ledger_correct(
                actor=request.user, entry=entry, reason=payload.reason, booked_on=payload.booked_on
            )
        ),
    )


def _agreement_out(a: Any) -> dict[str, Any]:
    return {
        "version": a.version,
        "rule": a.rule,
        "parameters": a.parameters or {},
        "agreed_on": a.agreed_on,
        "note": a.note,
    }


@router.get(
    "/projects/{pk}/repayment-agreement",
    response={200: AgreementsOut, **ERRORS},
    summary="Återbetalningsöverenskommelse",
)
def agreement_get(request: HttpRequest, pk: int) -> Any:
    project = visible_project(request, pk)
    current = selectors.agreement_current(project)
    return {
        "current": _agreement_out(current) if current else None,
        "versions": [_agreement_out(a) for a in selectors.agreement_versions(project)],
    }


@router.post(
    "/projects/{pk}/repayment-agreement",
    response={201: AgreementOut, **WRITE_ERRORS},
    summary="Spara en ny version av överenskommelsen",
)
def agreement_post(request: HttpRequest, pk: int, payload: AgreementIn) -> Any:
    project = visible_project(request, pk)
    agreement = services.repayment_agreement_save(
        actor=request.user,
        project=project,
        rule=payload.rule,
        parameters=payload.parameters,
        agreed_on=payload.agreed_on,
        note=payload.note,
        version=payload.version,
    )
    return Status(201, _agreement_out(agreement))
