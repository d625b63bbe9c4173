"""Keeping the files a project's data came from (an application, a committee paper).

Stored with their checksum so that an imported project can always show where its data came from.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction

from sif.calc.errors import SifError
from sif.web.accounts import permissions as perms
from sif.web.audit.services import project_event_record
from sif.web.core.files import note_written
from sif.web.projects.models import Project, SourceDocument
from sif.web.projects.service_support import full_clean_or_refuse, require


@transaction.atomic
def source_document_add(
    *, actor: Any, project: Project, name: str, content: bytes, kind: str = ""
) -> SourceDocument:
    """Keep a file the project's data came from (an application, a committee paper) with the project."""
    require(perms.can_add_document(actor, project))
    if not content:
        raise SifError("document_empty", name=name)
    digest = hashlib.sha256(content).hexdigest()
    document = SourceDocument(
        project=project,
        original_name=name,
        sha256=digest,
        kind=kind,
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    document.file.save(name, ContentFile(content), save=False)
    note_written(document.file.name)  # removed again if the caller's transaction is refused
    full_clean_or_refuse(document, exclude=["uploaded_by"])
    document.save()
    project_event_record(
        actor,
        "source_document_add",
        document,
        project,
        after={"name": name, "sha256": digest, "kind": kind, "bytes": len(content)},
    )
    return document
