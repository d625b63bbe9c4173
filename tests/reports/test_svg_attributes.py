"""Charts carry no inline CSS, so pages under a Content-Security-Policy without 'unsafe-inline' draw them."""

from __future__ import annotations

from sif.reports import charts
from sif.reports.svg_attributes import inline_styles_to_attributes


def test_style_attributes_become_presentation_attributes() -> None:
    svg = '<svg width="1"><defs><style type="text/css">*{stroke-linejoin: round; stroke-linecap: butt}</style></defs><path d="M0" style="fill: #1f5f8b; stroke-width: 0.8"/></svg>'
    assert (
        inline_styles_to_attributes(svg)
        == '<svg stroke-linejoin="round" stroke-linecap="butt" width="1"><defs></defs><path d="M0" fill="#1f5f8b" stroke-width="0.8"/></svg>'
    )


def test_every_chart_is_drawn_without_style_attributes_or_elements() -> None:
    svg = charts.line_over_periods(
        "Andel barn",
        ["2021", "2022", "2023"],
        {"Insats": [0.2, 0.3, 0.35]},
        references={"Mål": 0.4},
        percent=True,
    )
    assert "style=" not in svg and "<style" not in svg
    assert 'stroke-dasharray="' in svg  # the dashed reference line keeps its dashes
    assert svg.startswith('<svg role="img" aria-label="Andel barn"')
