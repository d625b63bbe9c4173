"""The tables of a `Document` as an XLSX workbook (openpyxl): one sheet per table, numbers as
numeric cells with Swedish number formats (Excel shows its locale's thousands separator: a space
in Swedish), totals in bold, footnotes under the table. In a published document a suppressed cell
is blank and carries a comment saying why (Dataskydd: cells under the threshold are hidden)."""

from __future__ import annotations

import io
import re
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font

from sif.reports.content import Cell, Document, Table

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NUMBER_FORMATS = {
    "tkr": "#,##0",
    "kr": '#,##0 "kr"',
    "count": "#,##0",
    "percent": "0.0%",
    "score": "0.00",
}
_BOLD = Font(bold=True)
_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet may read as a formula or DDE


def workbook_bytes(wb: Workbook) -> bytes:
    """The saved workbook with every text cell inert: SIF writes no formulas, so a text that starts
    like one (`=`, `+`, `-`, `@`, tab, CR; e.g. an indicator named `=HYPERLINK(...)`) is stored as a
    plain string with Excel's quote prefix, shown exactly as typed and never evaluated. Every XLSX
    writer saves through here."""
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and (
                    cell.data_type == "f" or cell.value.startswith(FORMULA_STARTS)
                ):
                    cell.data_type = (
                        "s"  # set after the value: openpyxl infers "f" from a leading "="
                    )
                    cell.quotePrefix = True
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def render_xlsx(document: Document) -> bytes:
    wb = Workbook()
    info = wb.active
    info.title = "Dokument"
    info.append([document.title])
    info["A1"].font = Font(bold=True, size=13)
    if document.subtitle:
        info.append([document.subtitle])
    info.append(["Kommun", document.municipality])
    for key, value in document.meta:
        info.append([key, value])
    if document.published:
        info.append([])
        info.append(
            [
                f"Publicerad version: celler med färre än {document.threshold} observationer är tomma."
            ]
        )
    info.column_dimensions["A"].width = 28
    info.column_dimensions["B"].width = 60
    names: set[str] = {info.title}
    for table in document.tables():
        _sheet(wb, table, _sheet_name(table.sheet or table.title, names), document)
    return workbook_bytes(wb)


def _sheet_name(wanted: str, taken: set[str]) -> str:
    base = _FORBIDDEN.sub(" ", wanted).strip()[:28] or "Tabell"
    name, n = base, 2
    while name in taken:
        name = f"{base[:26]} {n}"
        n += 1
    taken.add(name)
    return name


def _sheet(wb: Workbook, table: Table, name: str, document: Document) -> None:
    ws = wb.create_sheet(name)
    ws.append([table.title])
    ws["A1"].font = _BOLD
    ws.append(table.header)
    for cell in ws[2]:
        cell.font = _BOLD
    first_total = len(table.rows) - table.total_rows
    for n, row in enumerate(table.rows):
        ws.append([_value(c, document.published) for c in row])
        for i, c in enumerate(row):
            target = ws.cell(row=ws.max_row, column=i + 1)
            if c.is_number and c.kind in NUMBER_FORMATS:
                target.number_format = NUMBER_FORMATS[c.kind]
                target.alignment = Alignment(horizontal="right")
            if n >= first_total:
                target.font = _BOLD
            if c.suppressed and document.published and c.note:
                target.comment = Comment(c.note, "SIF")
    for note in table.footnotes:
        ws.append([note])
    for i, header in enumerate(table.header):
        longest = max([len(header), *[len(r[i].text) for r in table.rows if i < len(r)]])
        ws.column_dimensions[ws.cell(row=2, column=i + 1).column_letter].width = min(
            max(10, longest + 2), 60
        )
    ws.freeze_panes = "A3"


def _value(cell: Cell, published: bool) -> object:
    if cell.suppressed:
        return None
    if cell.is_number:
        if cell.value is None:
            return None
        return float(cell.value) if isinstance(cell.value, Decimal) else cell.value
    return cell.text
