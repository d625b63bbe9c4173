"""Downloads: a project's documents with the permission to view the project (another
municipality's project answers 404), the fund's portfolio for that municipality's fund admins."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse

from sif.messages import message_for
from sif.web.accounts.permissions import is_fund_admin, visible_projects
from sif.web.documents import content
from sif.web.documents.render import CONTENT_TYPES, render
from sif.web.followup.selectors import sees_suppressed_figures
from sif.web.projects.models import Fund
from sif.web.tasks import views as tasks

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
    # The published variant (small counts hidden) is what leaves the fund's team; it is the only
    # one for those who may not see small counts, and offered to everyone (?variant=publicerad).
    published = (
        sees_suppressed_figures(request.user, project) or request.GET.get("variant") == "publicerad"
    )
    if settings.DOCUMENTS_IN_BACKGROUND:  # made by `sif worker`; the job page links the file
        return tasks.start(
            request,
            kind=SLUGS[kind],
            fmt=fmt,
            filename=f"{kind}-{project.pk}",
            project=project,
            published=published,
        )
    document = content.project_document(SLUGS[kind], project, published=published)
    suffix = "-publicerad" if published else ""
    return _download(render(document, fmt), fmt, f"{kind}-{project.pk}{suffix}")


@login_required
def fund_portfolio(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    fund = Fund.objects.select_related("municipality").filter(pk=pk).first()
    if (
        fund is None
        or fmt not in CONTENT_TYPES
        or not is_fund_admin(request.user, fund.municipality_id)
    ):
        raise Http404(message_for("fund_not_found"))
    if settings.DOCUMENTS_IN_BACKGROUND:
        return tasks.start(
            request, kind="portfolio", fmt=fmt, filename=f"portfolj-{fund.pk}", fund=fund
        )
    return _download(render(content.portfolio(fund), fmt), fmt, f"portfolj-{fund.pk}")
