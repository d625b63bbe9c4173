"""The one place that writes a document's texts: each save is a new version, logged in the event
log with the texts before and after."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from sif.calc.errors import SifError
from sif.web.audit.services import project_event_record
from sif.web.documents import fields, offer
from sif.web.documents.models import DocumentText
from sif.web.documents.selectors import document_text_current
from sif.web.projects.models import Project


def document_texts_save(
    *, actor: Any, project: Project, kind: str, texts: dict[str, str]
) -> DocumentText:
    """Save the texts as the next version (unchanged texts save nothing and return the current one)."""
    if kind not in fields.FIELDS:
        raise SifError("document_kind_unknown", kind=kind, kinds=", ".join(fields.FIELDS))
    verdict = offer.can_edit_document_texts(actor, project)
    if not verdict:
        raise SifError(verdict.reason)
    clean = {code: str(texts.get(code, "") or "").strip() for code in fields.codes(kind)}
    for field in fields.FIELDS[kind]:
        if len(clean[field.code]) > fields.MAX_LENGTH:
            raise SifError("document_text_too_long", label=field.label, limit=fields.MAX_LENGTH)
    with transaction.atomic():
        current = document_text_current(project, kind)
        if current is not None and current.texts == clean:
            return current
        saved = DocumentText.objects.create(
            project=project,
            kind=kind,
            version=(current.version + 1) if current else 1,
            texts=clean,
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        project_event_record(
            actor,
            "document_texts_save",
            saved,
            project,
            before=_changed(current.texts if current else {}, clean, before=True),
            after=_changed(current.texts if current else {}, clean, before=False),
        )
    return saved


def _changed(old: dict[str, str], new: dict[str, str], *, before: bool) -> dict[str, str]:
    keys = [k for k in new if old.get(k, "") != new[k]]
    return {k: (old.get(k, "") if before else new[k]) for k in keys}
