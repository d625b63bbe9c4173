"""A `Document` as DOCX (python-docx): headings, paragraphs, lists, real Word tables with
right-aligned numbers and bold totals, charts as PNG (the same SVG, rasterised by
sif/reports/images.py), the municipality's name in the page header and page numbers in the footer."""

from __future__ import annotations

import io
from typing import Any

from docx import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Inches, Pt, RGBColor

from sif.reports.content import (
    Block,
    BulletList,
    Document,
    Figure,
    Paragraph,
    Signatures,
    Subheading,
    Table,
    column_widths,
)
from sif.reports.images import png_width_inches, svg_to_png

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MAX_FIGURE_WIDTH_IN = 6.2
TEXT_WIDTH_CM = 16.6


def render_docx(document: Document) -> bytes:
    word = WordDocument()
    _page(word, document)
    word.core_properties.title = document.title
    word.core_properties.language = "sv-SE"
    if document.marker:
        run = word.add_paragraph().add_run(document.marker)
        run.font.size = Pt(8.5)
        run.font.color.rgb = RGBColor(0x8A, 0x4B, 0x00)
    if document.letterhead:
        _letterhead(word, document)
    if document.subtitle:
        word.add_paragraph(document.subtitle).runs[0].italic = True
    word.add_heading(document.title, level=0)
    if document.lead:
        word.add_paragraph(document.lead)
    if document.meta and document.letterhead is None:
        meta = word.add_table(rows=0, cols=2)
        for key, value in document.meta:
            cells = meta.add_row().cells
            cells[0].paragraphs[0].add_run(key).bold = True
            cells[1].paragraphs[0].add_run(value)
    for section in document.sections:
        word.add_heading(section.heading, level=1 if section.level <= 1 else 2)
        for block in section.blocks:
            _block(word, block)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _page(word: Any, document: Document) -> None:
    sec = word.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.left_margin = sec.right_margin = Cm(2.2)
    sec.top_margin = sec.bottom_margin = Cm(2.0)
    style = word.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(10.5)
    header = sec.header.paragraphs[0]
    header.text = document.municipality
    footer = sec.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer.add_run("Sida ")
    _field(footer, "PAGE")
    footer.add_run(" av ")
    _field(footer, "NUMPAGES")


def _field(paragraph: Any, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays out the document."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, code), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {text} "
        run._r.append(element)


def _letterhead(word: Any, document: Document) -> None:
    head = document.letterhead
    assert head is not None
    grid = word.add_table(rows=1, cols=2)
    left, right = grid.rows[0].cells
    for i, line in enumerate(head.left()):
        paragraph = left.paragraphs[0] if i == 0 else left.add_paragraph()
        run = paragraph.add_run(line)
        run.bold = i == 0
        run.font.size = Pt(12 if i == 0 else 9)
    for i, (key, value) in enumerate(head.right()):
        paragraph = right.paragraphs[0] if i == 0 else right.add_paragraph()
        paragraph.add_run(f"{key}: ").bold = True
        paragraph.add_run(value)
    word.add_paragraph()


def _block(word: Any, block: Block) -> None:
    if isinstance(block, Signatures):
        grid = word.add_table(rows=1, cols=max(len(block.people), 1))
        for cell, person in zip(grid.rows[0].cells, block.people, strict=False):
            cell.paragraphs[0].add_run(person.name)
            cell.add_paragraph(person.title)
    elif isinstance(block, Paragraph):
        p = word.add_paragraph()
        run = p.add_run(block.text)
        run.italic = block.style in ("note", "example")
        if block.style == "warning":
            run.bold = True
            run.font.color.rgb = RGBColor(0xB0, 0x00, 0x20)
    elif isinstance(block, BulletList):
        style = "List Number" if block.numbered else "List Bullet"
        for item in block.items:
            word.add_paragraph(item, style=style)
    elif isinstance(block, Subheading):
        word.add_heading(block.text, level=2)
    elif isinstance(block, Table):
        if not block.sheet_only:
            _table(word, block)
    elif isinstance(block, Figure):
        _figure(word, block)
    else:
        raise TypeError(f"unknown block {type(block).__name__}")


def _table(word: Any, table: Table) -> None:
    caption = word.add_paragraph()
    caption.add_run(table.title).bold = True
    grid = word.add_table(rows=1, cols=len(table.header))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.LEFT
    grid.autofit = False
    widths = [Cm(TEXT_WIDTH_CM * w / 100) for w in column_widths(table)]
    for i, text in enumerate(table.header):
        _cell(grid.rows[0].cells[i], text, table.alignment(i), bold=True, size=9)
    first_total = len(table.rows) - table.total_rows
    for n, row in enumerate(table.rows):
        cells = grid.add_row().cells
        for i, cell in enumerate(row[: len(cells)]):
            _cell(cells[i], cell.text, table.alignment(i), bold=n >= first_total, size=9)
    for row in grid.rows:
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = width
    for note in table.footnotes:
        p = word.add_paragraph()
        run = p.add_run(note)
        run.italic = True
        run.font.size = Pt(8)


def _cell(cell: Any, text: str, align: str, *, bold: bool, size: int) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT if align == "right" else WD_ALIGN_PARAGRAPH.LEFT
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)


def _figure(word: Any, figure: Figure) -> None:
    if figure.chart is not None:
        png = figure.chart.png()
        width_in = png_width_inches(png)
    else:
        png, width_in = svg_to_png(figure.svg)
    word.add_picture(io.BytesIO(png), width=Inches(min(width_in, MAX_FIGURE_WIDTH_IN)))
    if figure.caption:
        p = word.add_paragraph()
        run = p.add_run(figure.caption)
        run.italic = True
        run.font.size = Pt(8.5)
