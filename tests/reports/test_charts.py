"""Charts are SVG strings with their title inside, the same on every run."""

from __future__ import annotations

import pytest

from sif.reports import charts


@pytest.mark.parametrize(
    ("title", "make"),
    [
        ("Andel samtal med pappa", lambda t: charts.line_over_periods(t, ["T1 2020", "T2 2020", "T3 2020"], {"Insatsgrupp": [0.3, None, 0.4], "Jämförelsegrupp": [0.2, 0.25, 0.2]}, references={"Mål": 0.5}, percent=True)),
        ("Hembesök per stadsdel", lambda t: charts.bars_per_unit(t, ["Farsta", "Skarpnäck", "Skärholmen"], [640.0, None, 610.0])),
        ("Farsta, mättillfälle 1", lambda t: charts.radar(t, [f"Utfallsmått {i}" for i in range(1, 10)], {"Farsta": [5.0, 6, 7, 4, 5, 6, 7, None, 5]})),
        ("Spridning mellan stadsdelar", lambda t: charts.spread_over_occasions(t, ["1", "2", "3"], [1.2, 0.8, 0.4], [4.0, 4.5, 5.0], [7.0, 6.5, 6.0])),
    ],
)
def test_each_chart_is_an_svg_with_its_title_and_is_reproducible(title, make) -> None:
    svg = make(title)
    assert svg.startswith("<svg")
    assert f"<title>{title}</title>" in svg and f'aria-label="{title}"' in svg
    assert make(title) == svg
