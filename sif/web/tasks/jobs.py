"""Ordering a document (in the request) and making it (in `sif worker`).

`document_order` stores a DocumentJob and enqueues `render_document_job`; the task builds the same
content the synchronous download builds (sif/web/documents/content.py), renders it and saves the
file. A failure is stored as an error code and shown in Swedish; the job never disappears.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from sif.web.tasks.models import DocumentJob, JobState

log = logging.getLogger("sif.tasks")
REUSE_WITHIN = timedelta(minutes=2)  # a second click on the same link follows the first job


def document_order(
    *,
    user: Any,
    kind: str,
    fmt: str,
    filename: str,
    project: Any = None,
    fund: Any = None,
    published: bool = False,
    filters: dict[str, Any] | None = None,
) -> DocumentJob:
    """The user's job for this document: the one ordered in the last two minutes, else a new one."""
    fields = {
        "requested_by": user,
        "project": project,
        "fund": fund,
        "kind": kind,
        "fmt": fmt,
        "published": published,
        "filters": filters or {},
    }
    job = (
        DocumentJob.objects.filter(**fields, created_at__gte=timezone.now() - REUSE_WITHIN)
        .exclude(state=JobState.FAILED)
        .first()
    )
    if job is not None:
        return job
    with transaction.atomic():
        job = DocumentJob.objects.create(**fields, filename=f"{filename}.{fmt}")
        transaction.on_commit(lambda: render_document_job.enqueue(str(job.pk)))
    return job


def _content(job: DocumentJob) -> Any:
    from sif.web.documents import content

    if job.fund_id is not None:
        from sif.web.documents.portfolio import Filters

        f = job.filters or {}
        return content.portfolio(
            job.fund, Filters(tuple(f.get("states", ())), f.get("unit_id"), f.get("year"))
        )
    return content.project_document(job.kind, job.project, published=job.published)


@task()
def render_document_job(job_id: str) -> str:
    from sif.web.documents.cache import rendered

    job = DocumentJob.objects.select_related(
        "project__fund", "project__owner_unit", "project__municipality", "fund__municipality"
    ).get(pk=job_id)
    job.state, job.started_at = JobState.RUNNING, timezone.now()
    job.save(update_fields=["state", "started_at"])
    try:
        data = rendered(_content(job), job.fmt)  # unchanged content: the bytes made before
    except Exception:  # noqa: BLE001 - any failure is stored on the job and logged, never lost
        log.exception("document job failed", extra={"job": str(job.pk)})
        job.state, job.error, job.finished_at = (
            JobState.FAILED,
            "document_render_failed",
            timezone.now(),
        )
        job.save(update_fields=["state", "error", "finished_at"])
        return JobState.FAILED
    job.file.save(job.filename, ContentFile(data), save=False)
    job.state, job.finished_at = JobState.DONE, timezone.now()
    job.save(update_fields=["file", "state", "finished_at"])
    log.info(
        "document job done",
        extra={"duration_ms": round((job.finished_at - job.started_at).total_seconds() * 1000)},
    )
    return JobState.DONE
