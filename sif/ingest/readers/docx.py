"""Word (.docx): body paragraphs and table rows in document order, one line each; a table row's
cells are joined by tabs (as a text export does), so the same recognisers read both."""

from __future__ import annotations

import io
import zipfile

from sif.calc.errors import SifError
from sif.ingest.model import Line


def read_docx(data: bytes, filename: str) -> list[Line]:
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise SifError("docx_broken", filename=filename) from error
    except Exception as error:  # python-docx raises lxml and package errors of many kinds
        raise SifError("docx_broken", filename=filename) from error
    texts: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            texts.extend(block.text.split("\n"))
        elif isinstance(block, Table):
            texts.extend(_rows(block))
    return [Line(number, text.rstrip()) for number, text in enumerate(texts, start=1)]


def _rows(table: object) -> list[str]:
    from docx.table import Table

    assert isinstance(table, Table)
    rows: list[str] = []
    for row in table.rows:
        seen: list[object] = []
        cells: list[str] = []
        for cell in row.cells:
            if any(cell._tc is other for other in seen):
                continue
            seen.append(cell._tc)
            cells.append(" ".join(cell.text.split()))
        rows.append("\t".join(cells))
    return rows
