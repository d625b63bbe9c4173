"""Builders: a seed's text as a Word file and as a PDF, made the way an office would.

Consecutive tab-separated lines become one real Word/HTML table (blank lines inside it are
skipped); every other non-empty line becomes a paragraph. Nothing here knows the seeds.
"""

from __future__ import annotations

import html
import io
from typing import Any


def blocks(text: str) -> list[list[str]]:
    """Paragraphs as one-line blocks and tables as blocks of tab-separated rows."""
    lines = text.splitlines()
    result: list[list[str]] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if "\t" in line:
            table = []
            while index < len(lines) and ("\t" in lines[index] or _blank_inside(lines, index)):
                if lines[index].strip():
                    table.append(lines[index])
                index += 1
            result.append(table)
            continue
        if line.strip():
            result.append([line])
        index += 1
    return result


def _blank_inside(lines: list[str], index: int) -> bool:
    return not lines[index].strip() and index + 1 < len(lines) and "\t" in lines[index + 1]


def docx_bytes(text: str) -> bytes:
    from docx import Document

    document = Document()
    add_blocks(document, text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def add_blocks(document: Any, text: str) -> None:
    """Paragraphs and Word tables for `text`'s blocks, appended to a python-docx document."""
    for block in blocks(text):
        if len(block) == 1 and "\t" not in block[0]:
            document.add_paragraph(block[0])
            continue
        width = max(len(row.split("\t")) for row in block)
        table = document.add_table(rows=len(block), cols=width)
        for row, line in zip(table.rows, block, strict=True):
            for cell, value in zip(row.cells, line.split("\t"), strict=False):
                cell.text = value


CSS = """
@page { size: A4; margin: 2cm }
body { font-family: sans-serif; font-size: 10pt }
p { margin: 0 0 0.8em 0 }
table { border-collapse: collapse; margin: 0 0 0.8em 0 }
td { padding: 4pt 10pt; vertical-align: top; border: 0.5pt solid #999 }
"""


def pdf_bytes(text: str) -> bytes:
    from weasyprint import HTML

    document = f"<html><head><style>{CSS}</style></head><body>{html_blocks(text)}</body></html>"
    result: bytes = HTML(string=document).write_pdf()
    return result


def html_blocks(text: str) -> str:
    """Paragraphs and HTML tables for `text`'s blocks."""
    parts = []
    for block in blocks(text):
        if len(block) == 1 and "\t" not in block[0]:
            parts.append(f"<p>{html.escape(block[0])}</p>")
            continue
        rows = "".join(
            "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row.split("\t")) + "</tr>"
            for row in block
        )
        parts.append(f"<table>{rows}</table>")
    return "".join(parts)
