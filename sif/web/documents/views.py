"""Downloads: a project's documents with the permission to view the project (another
municipality's project answers 404), the fund's portfolio for that municipality's fund admins."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse

from sif.messages import message_for
from sif.web.accounts.permissions import check, visible_projects
from sif.web.documents import content
from sif.web.documents.render import CONTENT_TYPES, render
from sif.web.followup.selectors import sees_suppressed_figures
from sif.web.projects.models import Fund

# URL slugs (Swedish, ASCII) -> document kinds
SLUGS = {
    "ansokan": "application",
    "tjansteutlatande": "committee_paper",
    "slutrapport": "final_report",
}


def _download(data: bytes, fmt: str, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@login_required
def project_document(request: HttpRequest, pk: int, kind: str, fmt: str) -> HttpResponse:
    if kind not in SLUGS or fmt not in CONTENT_TYPES:
        raise Http404(message_for("document_kind_unknown", kind=kind, kinds=", ".join(SLUGS)))
    project = (
        visible_projects(request.user)
        .select_related("fund", "owner_unit", "municipality")
        .filter(pk=pk)
        .first()
    )
    if project is None:
        raise Http404(message_for("project_not_found"))
    published = sees_suppressed_figures(request.user, project)
    document = content.project_document(SLUGS[kind], project, published=published)
    return _download(render(document, fmt), fmt, f"{kind}-{project.pk}")


@login_required
def fund_portfolio(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    fund = Fund.objects.select_related("municipality").filter(pk=pk).first()
    if (
        fund is None
        or fmt not in CONTENT_TYPES
        or not check(request.user, "document.portfolio", fund)
    ):
        raise Http404(message_for("fund_not_found"))
    return _download(render(content.portfolio(fund), fmt), fmt, f"portfolj-{fund.pk}")
