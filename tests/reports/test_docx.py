"""The DOCX: real Word tables with right-aligned numbers, headings, the chart as a picture."""

from __future__ import annotations

import io

from docx import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH

from sif.reports import charts
from sif.reports.content import Figure
from sif.reports.docx import render_docx
from tests.reports.seed_content import pilot_document


def test_the_budget_is_a_word_table_with_right_aligned_numbers() -> None:
    word = WordDocument(io.BytesIO(render_docx(pilot_document())))
    table = word.tables[1]  # the first table is the document's meta block
    assert [cell.text for cell in table.rows[0].cells] == [
        "Kostnadsslag",
        "År 2020",
        "År 2021",
        "År 2022",
        "Totalt",
    ]
    assert table.rows[1].cells[1].text == "8\xa0177"
    assert table.rows[1].cells[1].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert table.rows[1].cells[0].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert table.rows[3].cells[4].text == "22\xa0540"
    assert table.rows[3].cells[4].paragraphs[0].runs[0].bold


def test_headings_header_and_chart() -> None:
    doc = pilot_document()
    doc.sections[0].blocks.append(
        Figure("Hembesök", charts.bars_per_unit("Hembesök", ["Farsta"], [12.0]))
    )
    word = WordDocument(io.BytesIO(render_docx(doc)))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:2] == ["Praktisk beskrivning", "Ekonomi"]
    assert word.sections[0].header.paragraphs[0].text == "Stockholms stad"
    assert len(word.inline_shapes) == 1
