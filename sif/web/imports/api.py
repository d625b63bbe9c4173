"""Imports through the API: stage files, read each draft with the line every value came from, and
confirm a draft into a project through the same service as the review screen (all or nothing).

POST /api/imports                                  stage files (multipart: fund, files)
GET  /api/imports/{batch}                          the batch: each file read or its Swedish error
GET  /api/imports/{batch}/files/{index}            the draft with its source lines
POST /api/imports/{batch}/files/{index}/confirm    create the project the confirmed values describe
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Field, File, Form, Router, Schema, Status
from ninja.files import UploadedFile

from sif.calc.budget import BudgetRowInput
from sif.calc.errors import SifError
from sif.web.accounts.models import OrgUnit
from sif.web.accounts.permissions import check
from sif.web.api_common import ERRORS, MAX_ID
from sif.web.core.uploads import check_upload_size
from sif.web.imports import staging
from sif.web.imports.services import ContactInput, ImportPlan, IndicatorInput, import_confirm
from sif.web.imports.views import _import_funds
from sif.web.projects.models import Fund

router = Router(tags=["import"])
MAX_FILES = 20
AMOUNT = Field(default=None, ge=0, le=Decimal("1e13"), max_digits=15, decimal_places=2)
DATE = Field(default=None, ge=dt.date(1900, 1, 1), le=dt.date(2200, 12, 31))


class StagedFileOut(Schema):
    index: int
    name: str
    ok: bool
    error: str
    kind: str
    format: str
    project_ids: list[int]


class BatchOut(Schema):
    id: str
    fund_id: int
    files: list[StagedFileOut]


class DraftOut(Schema):
    name: str
    result: dict[str, Any]
    lines: list[list[Any]]


class BudgetRowIn(Schema):
    category: str = Field(max_length=30)
    label: str = Field(default="", max_length=200)
    amounts: dict[int, Decimal] = {}


class ContactIn(Schema):
    name: str = Field(max_length=200)
    title: str = Field(default="", max_length=200)
    email: str = Field(default="", max_length=254)
    phone: str = Field(default="", max_length=40)


class IndicatorIn(Schema):
    name: str = Field(max_length=300)
    group: str = Field(default="", max_length=100)
    method: str = Field(default="manual", max_length=40)


class ConfirmIn(Schema):
    state: str = Field(max_length=30)
    title: str = Field(default="", max_length=300)
    owner_unit: int | None = Field(default=None, gt=0, le=MAX_ID)
    new_unit_name: str = Field(default="", max_length=200)
    registration_number: str = Field(default="", max_length=60)
    start_date: dt.date | None = DATE
    end_date: dt.date | None = DATE
    summary: str = Field(default="", max_length=20000)
    purpose: str = Field(default="", max_length=20000)
    goals: str = Field(default="", max_length=20000)
    target_group: str = Field(default="", max_length=20000)
    lessons: str = Field(default="", max_length=20000)
    sought_amount: Decimal | None = AMOUNT
    granted_amount: Decimal | None = AMOUNT
    decision_body: str = Field(default="", max_length=200)
    decided_on: dt.date | None = DATE
    budget: list[BudgetRowIn] = Field(default=[], max_length=50)
    contacts: list[ContactIn] = Field(default=[], max_length=50)
    indicators: list[IndicatorIn] = Field(default=[], max_length=100)


class ConfirmOut(Schema):
    project_ids: list[int]


def _batch_out(batch: staging.Batch) -> dict[str, Any]:
    return {"id": batch.id, "fund_id": batch.fund_id, "files": [vars(f) for f in batch.files]}


def _batch(request: HttpRequest, batch_id: str) -> staging.Batch:
    batch = staging.batch_get(batch_id, user_id=request.user.pk)
    if batch is None or not _import_funds(request.user).filter(pk=batch.fund_id).exists():
        raise SifError("not_found")
    return batch


@router.post(
    "/imports",
    response={201: BatchOut, **ERRORS},
    summary="Läs in dokument (utkast som ska bekräftas)",
)
def batch_post(
    request: HttpRequest,
    fund: int = Form(..., gt=0, le=MAX_ID),
    files: list[UploadedFile] = File(...),  # noqa: B008 - how ninja declares uploads
) -> Any:
    chosen = Fund.objects.filter(pk=fund).first()
    if chosen is None:
        raise SifError("fund_not_found")
    verdict = check(request.user, "import.documents", chosen.municipality_id)
    if not verdict:  # 404 for another municipality's fund, 403 for one's own (as in the policy)
        raise SifError(verdict.reason)
    if not files or len(files) > MAX_FILES:
        raise SifError("import_file_count", limit=MAX_FILES)
    for upload in files:
        check_upload_size(upload.size, upload.name or "dokument")
    uploads = [(f.name or "dokument", f.read()) for f in files]
    batch = staging.batch_stage(
        user_id=request.user.pk,
        fund_id=chosen.pk,
        municipality_id=chosen.municipality_id,
        uploads=uploads,
    )
    return Status(201, _batch_out(batch))


@router.get(
    "/imports/{batch_id}", response={200: BatchOut, **ERRORS}, summary="En inläsning och dess filer"
)
def batch_get(request: HttpRequest, batch_id: str) -> Any:
    return _batch_out(_batch(request, batch_id))


@router.get(
    "/imports/{batch_id}/files/{index}",
    response={200: DraftOut, **ERRORS},
    summary="Utkastet med raden varje uppgift kom från",
)
def draft_get(request: HttpRequest, batch_id: str, index: int) -> Any:
    batch = _batch(request, batch_id)
    staged = batch.file(index)
    if staged is None or not staged.ok:
        raise SifError("not_found")
    data = batch.result(index)
    return {"name": staged.name, "result": data["result"], "lines": data["lines"]}


@router.post(
    "/imports/{batch_id}/files/{index}/confirm",
    response={201: ConfirmOut, **ERRORS},
    summary="Bekräfta utkastet som projekt",
)
def draft_confirm(request: HttpRequest, batch_id: str, index: int, payload: ConfirmIn) -> Any:
    batch = _batch(request, batch_id)
    staged = batch.file(index)
    if staged is None or not staged.ok:
        raise SifError("not_found")
    if staged.confirmed:
        raise SifError("import_already_confirmed", filename=staged.name)
    fund = Fund.objects.select_related("municipality").get(pk=batch.fund_id)
    data = payload.dict()
    owner = None
    if data.pop("owner_unit") is not None:
        owner = OrgUnit.objects.filter(
            pk=payload.owner_unit, municipality_id=fund.municipality_id
        ).first()
        if owner is None:
            raise SifError("not_found")
    plan = ImportPlan(
        filename=staged.name,
        content=batch.content(index),
        kind=staged.kind,
        owner_unit=owner,
        budget=[
            BudgetRowInput(category=r["category"], label=r["label"], amounts=r["amounts"])
            for r in data.pop("budget")
        ],
        contacts=[ContactInput(**c) for c in data.pop("contacts")],
        indicators=[IndicatorInput(**i) for i in data.pop("indicators")],
        **data,
    )
    projects = import_confirm(actor=request.user, fund=fund, plan=plan)
    staging.file_confirmed(batch, index, [p.pk for p in projects])
    return Status(201, {"project_ids": [p.pk for p in projects]})
