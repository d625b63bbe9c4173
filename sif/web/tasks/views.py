"""A document job's page (progress, then the link) and its file, for the user who ordered it."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from sif.messages import message_for
from sif.web.accounts.permissions import check, visible_projects
from sif.web.documents.render import CONTENT_TYPES
from sif.web.tasks.jobs import document_order
from sif.web.tasks.models import DocumentJob, JobState

REFRESH_SECONDS = 2


def start(request: HttpRequest, **order: Any) -> HttpResponse:
    """Called by the download views once they have checked access: order (kind, fmt, filename,
    project or fund, published), then show the job."""
    job = document_order(user=request.user, **order)
    response = redirect(reverse("tasks:document", args=[job.pk]))
    response.status_code = 303  # see other: the job page, whatever the method was
    return response


def _job(request: HttpRequest, job_id: uuid.UUID) -> DocumentJob:
    """The user's own job, and only while they may still see its project or fund."""
    job = (
        DocumentJob.objects.filter(pk=job_id, requested_by=request.user)
        .select_related("fund")
        .first()
    )
    if job is None:
        raise Http404(message_for("document_job_not_found"))
    if (
        job.project_id is not None
        and not visible_projects(request.user).filter(pk=job.project_id).exists()
    ):
        raise Http404(message_for("document_job_not_found"))
    if job.fund is not None and not check(request.user, "document.portfolio", job.fund):
        raise Http404(message_for("document_job_not_found"))
    return job


@login_required
def document_status(request: HttpRequest, job_id: uuid.UUID) -> HttpResponse:
    job = _job(request, job_id)
    waiting = job.state in (JobState.QUEUED, JobState.RUNNING)
    response = render(
        request,
        "tasks/document.html",
        {
            "job": job,
            "waiting": waiting,
            "refresh": REFRESH_SECONDS,
            "error": message_for(job.error) if job.error else "",
        },
    )
    if waiting:
        response["Refresh"] = str(
            REFRESH_SECONDS
        )  # the page reloads itself until the file is ready
    return response


@login_required
def document_file(request: HttpRequest, job_id: uuid.UUID) -> HttpResponse:
    job = _job(request, job_id)
    if job.state != JobState.DONE:
        return redirect(reverse("tasks:document", args=[job.pk]))
    return FileResponse(
        job.file.open("rb"),
        as_attachment=True,
        filename=job.filename,
        content_type=CONTENT_TYPES[job.fmt],
    )
