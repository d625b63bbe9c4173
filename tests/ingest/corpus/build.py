"""The corpus as files: plain text; Word with the letterhead in the page header, tables for the
tab-separated rows and a footer (python-docx); PDF with the letterhead as a table, the footer
and page numbers in the page margins (WeasyPrint)."""

from __future__ import annotations

import html
import io

from tests.ingest.builders import add_blocks, html_blocks
from tests.ingest.corpus.documents import CorpusDocument

FORMATS = ("txt", "docx", "pdf")


def corpus_bytes(document: CorpusDocument, fmt: str) -> bytes:
    if fmt == "txt":
        return document.text.encode("utf-8")
    if fmt == "docx":
        return _docx(document)
    return _pdf(document)


def _docx(document: CorpusDocument) -> bytes:
    from docx import Document

    word = Document()
    section = word.sections[0]
    header = section.header
    header.paragraphs[0].text = document.head[0]
    for line in document.head[1:]:
        header.add_paragraph(line)
    section.footer.paragraphs[0].text = document.foot
    add_blocks(word, document.body)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


CSS = """
@page { size: A4; margin: 2.5cm 2cm;
  @bottom-left { content: "%(foot)s"; font-size: 8pt }
  @bottom-right { content: "Sida " counter(page) " (" counter(pages) ")"; font-size: 8pt } }
body { font-family: sans-serif; font-size: 10pt }
p { margin: 0 0 0.8em 0 }
.head p { margin: 0; font-size: 9pt }
.head { margin-bottom: 1.5em }
table { border-collapse: collapse; margin: 0 0 0.8em 0 }
td { padding: 4pt 10pt; vertical-align: top; border: 0.5pt solid #999 }
"""


def _pdf(document: CorpusDocument) -> bytes:
    from weasyprint import HTML

    head = "".join(f"<p>{html.escape(line)}</p>" for line in document.head)
    parts = [f'<div class="head">{head}</div>', html_blocks(document.body)]
    css = CSS % {"foot": document.foot.replace('"', "'").replace("\t", " ")}
    page = f"<html><head><style>{css}</style></head><body>{''.join(parts)}</body></html>"
    result: bytes = HTML(string=page).write_pdf()
    return result
