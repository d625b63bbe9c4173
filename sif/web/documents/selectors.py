"""Reads of the handläggare's texts."""

from __future__ import annotations

from sif.web.documents.models import DocumentText
from sif.web.projects.models import Project


def document_text_current(project: Project, kind: str) -> DocumentText | None:
    return DocumentText.objects.filter(project=project, kind=kind).order_by("-version").first()


def document_text_versions(project: Project, kind: str) -> list[DocumentText]:
    return list(
        DocumentText.objects.filter(project=project, kind=kind)
        .select_related("created_by")
        .order_by("-version")
    )
