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


def _formula_cells(data: bytes) -> list[str]:
    wb = load_workbook(io.BytesIO(data))
    return [
        f"{ws.title}!{cell.coordinate}"
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]


INJECTIONS = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


def test_every_text_cell_that_looks_like_a_formula_is_written_as_inert_text() -> None:
    from sif.reports import content as c

    doc = pilot_document()
    doc.meta = [("=Ansökande", INJECTIONS[0])]
    doc.sections.append(
        c.section(
            "Risker",
            [
                c.Table(
                    "=Tabell",
                    ["=Rubrik", "Antal"],
                    [[c.text_cell(t), c.count_cell(1)] for t in INJECTIONS],
                    footnotes=["=fotnot"],
                )
            ],
        )
    )
    data = render_xlsx(doc)
    assert _formula_cells(data) == []
    wb = load_workbook(io.BytesIO(data))
    ws = wb.worksheets[-1]
    texts = [ws.cell(row=r, column=1) for r in range(3, 3 + len(INJECTIONS))]
    assert [t.value for t in texts] == INJECTIONS  # shown as typed
    assert all(t.data_type == "s" and t.quotePrefix for t in texts)
