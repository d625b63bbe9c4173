"""Downloads and pages of the documents: a project's documents with the permission to view the
project (another municipality's project answers 404) and only the ones it offers
(sif/web/documents/offer.py); the texts page where the handläggare writes a document's prose;
the browser preview, which is the very HTML the PDF is printed from."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from sif.calc.errors import SifError
from sif.messages import message_for, message_for_error
from sif.reports.pdf import render_html
from sif.web.accounts.permissions import visible_projects
from sif.web.documents import content, fields, offer
from sif.web.documents.cache import rendered
from sif.web.documents.drafts import texts_for
from sif.web.documents.forms import DocumentTextsForm
from sif.web.documents.selectors import document_text_versions
from sif.web.documents.services import document_texts_save
from sif.web.followup.selectors import sees_suppressed_figures
from sif.web.projects.models import Project
from sif.web.tasks import views as tasks

# URL slugs (Swedish, ASCII) -> document kinds
SLUGS = {
    "ansokan": "application",
    "tjansteutlatande": "committee_paper",
    "slutrapport": "final_report",
}
KIND_SLUGS = {kind: slug for slug, kind in SLUGS.items()}
LABELS = {
    "application": "Ansökan",
    "committee_paper": "Tjänsteutlåtande",
    "final_report": "Slutrapport",
}


def _download(data: bytes, fmt: str, name: str) -> HttpResponse:
    from sif.web.documents.render import CONTENT_TYPES

    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def _project(request: HttpRequest, pk: int) -> Project:
    project = (
        visible_projects(request.user)
        .select_related("fund", "owner_unit", "municipality")
        .filter(pk=pk)
        .first()
    )
    if project is None:
        raise Http404(message_for("project_not_found"))
    return project


def _offered_kind(project: Project, slug: str) -> str:
    kind = SLUGS.get(slug)
    if kind is None:
        raise Http404(message_for("document_kind_unknown", kind=slug, kinds=", ".join(SLUGS)))
    if kind not in offer.documents_offered(project):
        raise Http404(message_for("document_not_offered", document=LABELS[kind]))
    return kind


@login_required
def project_document(request: HttpRequest, pk: int, kind: str, fmt: str) -> HttpResponse:
    from sif.web.documents.render import CONTENT_TYPES

    if fmt not in CONTENT_TYPES:
        raise Http404(
            message_for("document_format_unknown", format=fmt, formats=", ".join(CONTENT_TYPES))
        )
    project = _project(request, pk)
    document_kind = _offered_kind(project, kind)
    # The published variant (small counts hidden) is what leaves the fund's team; it is the only
    # one for those who may not see small counts, and offered to everyone (?variant=publicerad).
    published = (
        sees_suppressed_figures(request.user, project) or request.GET.get("variant") == "publicerad"
    )
    suffix = "-publicerad" if published else ""
    if settings.DOCUMENTS_IN_BACKGROUND:  # made by `sif worker`; the job page links the file
        return tasks.start(
            request,
            kind=document_kind,
            fmt=fmt,
            filename=f"{kind}-{project.pk}{suffix}",
            project=project,
            published=published,
        )
    document = content.project_document(document_kind, project, published=published)
    return _download(rendered(document, fmt), fmt, f"{kind}-{project.pk}{suffix}")


@login_required
def project_preview(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    project = _project(request, pk)
    document_kind = _offered_kind(project, kind)
    document = content.project_document(
        document_kind, project, published=sees_suppressed_figures(request.user, project)
    )
    return HttpResponse(render_html(document), content_type="text/html; charset=utf-8")


@login_required
def project_texts(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    project = _project(request, pk)
    document_kind = _offered_kind(project, kind)
    if document_kind not in fields.FIELDS:
        raise Http404(
            message_for(
                "document_kind_unknown",
                kind=kind,
                kinds=", ".join(KIND_SLUGS[k] for k in fields.FIELDS),
            )
        )
    may_write = bool(offer.can_edit_document_texts(request.user, project))
    error = ""
    if request.method == "POST":
        form = DocumentTextsForm(request.POST, kind=document_kind)
        if not may_write:
            error = message_for("permission_denied")
        elif form.is_valid():
            try:
                document_texts_save(
                    actor=request.user, project=project, kind=document_kind, texts=form.cleaned_data
                )
            except SifError as exc:
                error = message_for_error(exc)
            else:
                return redirect("documents:texts", pk=project.pk, kind=kind)
    else:
        form = DocumentTextsForm(initial=texts_for(project, document_kind), kind=document_kind)
    if not may_write:
        for field in form.fields.values():
            field.disabled = True
    context = {
        "project": project,
        "form": form,
        "slug": kind,
        "label": LABELS[document_kind],
        "may_write": may_write,
        "versions": document_text_versions(project, document_kind),
        "error": error,
    }
    return render(request, "documents/texts.html", context)
