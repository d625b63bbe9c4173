"""Documents through the API: the same files as the download links, by kind and format.

GET /api/projects/{pk}/documents/{kind}?format=pdf|docx|xlsx   kind: ansokan, tjansteutlatande, slutrapport
GET /api/funds/{fund_id}/portfolio?format=pdf|docx|xlsx
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router

from sif.web.api_common import DOCX, ERRORS, MAX_ID, PDF, XLSX, file_answer
from sif.web.documents import portfolio_views, views

router = Router(tags=["dokument"])


@router.get(
    "/projects/{pk}/documents/{kind}",
    response=ERRORS,
    summary="Ett projekts dokument (PDF, DOCX eller XLSX)",
    openapi_extra=file_answer("Dokumentet i det begärda formatet", PDF, DOCX, XLSX),
)
def project_document(
    request: HttpRequest,
    pk: int,
    kind: str,
    format: str = Query("pdf", pattern="^(pdf|docx|xlsx)$"),
) -> Any:  # noqa: A002
    if not 0 < pk <= MAX_ID:
        return views.project_document(request, 0, "", "")
    return views.project_document(request, pk, kind, format)


@router.get(
    "/funds/{fund_id}/portfolio",
    response=ERRORS,
    summary="Fondens portfölj (PDF, DOCX eller XLSX)",
    openapi_extra=file_answer("Portföljen i det begärda formatet", PDF, DOCX, XLSX),
)
def fund_portfolio(
    request: HttpRequest, fund_id: int, format: str = Query("pdf", pattern="^(pdf|docx|xlsx)$")
) -> Any:  # noqa: A002
    return portfolio_views.portfolio_download(
        request, fund_id if 0 < fund_id <= MAX_ID else 0, format
    )
