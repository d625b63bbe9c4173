"""A document in one of the formats: content (sif/web/documents/content.py) -> bytes."""

from __future__ import annotations

from collections.abc import Callable

from sif.reports.content import Document

FORMATS = ("pdf", "docx", "xlsx")
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def renderer(fmt: str) -> Callable[[Document], bytes]:
    if fmt == "pdf":
        from sif.reports.pdf import render_pdf

        return render_pdf
    if fmt == "docx":
        from sif.reports.docx import render_docx

        return render_docx
    from sif.reports.xlsx import render_xlsx

    return render_xlsx


def render(document: Document, fmt: str) -> bytes:
    return renderer(fmt)(document)
