"""Charts in documents are drawn by the format that shows them: a chart call in the content, drawn
straight to PNG for the PDF and the DOCX and never for the XLSX; tables print with a fixed layout;
a table marked for the spreadsheet only is left out of print."""

from __future__ import annotations

import pickle
from unittest import mock

from sif.reports import charts, figures
from sif.reports.content import Figure, Table, text_cell
from sif.reports.docx import render_docx
from sif.reports.figures import ChartCall
from sif.reports.images import png_width_inches
from sif.reports.pdf import render_html
from sif.reports.xlsx import render_xlsx
from tests.reports.seed_content import pilot_document


def _chart() -> ChartCall:
    return ChartCall.of(
        charts.bars_per_unit, "Hembesök per enhet", ["Farsta", "Skarpnäck"], [12.0, 30.0]
    )


def _with_chart() -> tuple[object, ChartCall]:
    doc = pilot_document()
    call = _chart()
    doc.sections[0].blocks.append(Figure("Hembesök per enhet", chart=call))
    return doc, call


def test_building_content_with_a_chart_draws_nothing_and_the_xlsx_draws_no_chart() -> None:
    doc, _ = _with_chart()
    with mock.patch.object(charts, "_svg", side_effect=AssertionError("a chart was drawn")):
        pickle.dumps(doc)  # the content's hash (the document cache's key) draws nothing either
        assert render_xlsx(doc).startswith(b"PK")


def test_the_pdf_prints_a_chart_call_as_one_png_drawn_without_an_svg() -> None:
    figures.png_cache_clear()
    doc, call = _with_chart()
    real = charts._svg
    with mock.patch.object(charts, "_svg", side_effect=real) as drawn:
        html = render_html(doc)
        assert "data:image/png;base64," in html and "image/svg+xml" not in html
        render_docx(doc)  # the DOCX reuses the PNG the PDF drew
    assert drawn.call_count == 1
    png = call.png()
    assert png.startswith(b"\x89PNG")
    assert 3 < png_width_inches(png) < 7  # a 6-inch figure cropped to its contents


def test_a_chart_drawn_for_print_leaves_the_pages_svg_cache_alone() -> None:
    charts.cache_clear()
    figures.png_cache_clear()
    call = _chart()
    call.png()
    svg = call.svg()
    assert svg.lstrip().startswith("<svg") and "Hembesök per enhet" in svg


def test_every_printed_table_has_a_fixed_layout_with_column_widths() -> None:
    html = render_html(pilot_document())
    assert "table.data { table-layout: fixed;" in html
    assert html.count('<table class="data') == html.count("<colgroup>") > 0


def test_a_table_for_the_spreadsheet_only_is_in_the_xlsx_and_not_in_print() -> None:
    doc = pilot_document()
    doc.sections[0].blocks.append(
        Table(
            "Detalj per enhet", ["Enhet"], [[text_cell("Farsta")]], sheet="Detalj", sheet_only=True
        )
    )
    assert "Detalj per enhet" not in render_html(doc)
    import io

    from openpyxl import load_workbook

    assert "Detalj" in load_workbook(io.BytesIO(render_xlsx(doc))).sheetnames
