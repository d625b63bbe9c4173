"""The PDF: A4, the municipality in the header, page numbers, tables with the seed's figures."""

from __future__ import annotations

import base64

import pypdfium2 as pdfium

from sif.reports import charts
from sif.reports.content import Figure
from sif.reports.pdf import render_html, render_pdf
from tests.reports.seed_content import pilot_document


def pdf_text(data: bytes) -> tuple[str, list[tuple[float, float]]]:
    pdf = pdfium.PdfDocument(data)
    try:
        text = "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
        sizes = [pdf[i].get_size() for i in range(len(pdf))]
    finally:
        pdf.close()
    return text, sizes


def test_the_pdf_is_a4_with_the_municipality_page_numbers_and_the_budget() -> None:
    text, sizes = pdf_text(render_pdf(pilot_document()))
    width, height = sizes[0]
    assert round(width / 72 * 25.4) == 210 and round(height / 72 * 25.4) == 297
    assert "Stockholms stad" in text
    assert f"Sida 1 av {len(sizes)}" in text
    for figure in ("22\xa0540", "9\xa0577", "8\xa0177"):
        assert figure in text.replace(" ", "\xa0")
    assert "Uppgift saknas" in text


def test_a_chart_this_process_drew_is_printed_as_a_png_of_the_same_figure() -> None:
    doc = pilot_document()
    svg = charts.bars_per_unit("Hembesök per enhet", ["Farsta", "Skarpnäck"], [12.0, 30.0])
    doc.sections[0].blocks.append(Figure("Hembesök per enhet", svg))
    html = render_html(doc)
    png = charts.png_for(svg)
    assert png is not None and png.startswith(b"\x89PNG")
    assert "data:image/png;base64," + base64.b64encode(png).decode("ascii") in html
    assert render_pdf(doc).startswith(b"%PDF")


def test_an_svg_this_process_did_not_draw_is_embedded_as_svg() -> None:
    doc = pilot_document()
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="100pt" height="50pt"><text x="5" y="20">Farsta</text></svg>'
    doc.sections[0].blocks.append(Figure("Hembesök per enhet", svg))
    assert "data:image/svg+xml;base64," in render_html(doc)
    text, _ = pdf_text(render_pdf(doc))
    assert "Farsta" in text
