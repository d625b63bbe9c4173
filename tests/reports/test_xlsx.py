"""The XLSX: each table a sheet, numbers as numeric cells with Swedish-ready number formats,
suppressed cells blank with a note in a published document."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from sif.reports.xlsx import render_xlsx
from tests.reports.seed_content import pilot_document


def test_budget_figures_are_numbers_in_tkr() -> None:
    wb = load_workbook(io.BytesIO(render_xlsx(pilot_document())))
    ws = wb["Budget"]
    assert [c.value for c in ws[2]] == ["Kostnadsslag", "År 2020", "År 2021", "År 2022", "Totalt"]
    assert (
        ws["B3"].value == 8177 and ws["B3"].data_type == "n" and ws["B3"].number_format == "#,##0"
    )
    assert ws["E5"].value == 22540 and ws["E5"].font.bold


def test_a_suppressed_cell_is_blank_with_a_note_when_published() -> None:
    wb = load_workbook(io.BytesIO(render_xlsx(pilot_document(published=True))))
    ws = wb["Per enhet"]
    assert ws["B3"].value == 12
    assert ws["B4"].value is None
    assert "färre än 5" in ws["B4"].comment.text
