"""Charts are SVG strings with their title inside, the same on every run."""

from __future__ import annotations

import json

import pytest

from sif.reports import charts


@pytest.mark.parametrize(
    ("title", "make"),
    [
        (
            "Andel samtal med pappa",
            lambda t: charts.line_over_periods(
                t,
                ["T1 2020", "T2 2020", "T3 2020"],
                {"Insatsgrupp": [0.3, None, 0.4], "Jämförelsegrupp": [0.2, 0.25, 0.2]},
                references={"Mål": 0.5},
                percent=True,
            ),
        ),
        (
            "Hembesök per stadsdel",
            lambda t: charts.bars_per_unit(
                t, ["Farsta", "Skarpnäck", "Skärholmen"], [640.0, None, 610.0]
            ),
        ),
        (
            "Farsta, mättillfälle 1",
            lambda t: charts.radar(
                t,
                [f"Utfallsmått {i}" for i in range(1, 10)],
                {"Farsta": [5.0, 6, 7, 4, 5, 6, 7, None, 5]},
            ),
        ),
        (
            "Spridning mellan stadsdelar",
            lambda t: charts.spread_over_occasions(
                t, ["1", "2", "3"], [1.2, 0.8, 0.4], [4.0, 4.5, 5.0], [7.0, 6.5, 6.0]
            ),
        ),
    ],
)
def test_each_chart_is_an_svg_with_its_title_and_is_reproducible(title, make) -> None:
    svg = make(title)
    assert svg.startswith("<svg")
    assert f"<title>{title}</title>" in svg and f'aria-label="{title}"' in svg
    charts.cache_clear()
    assert make(title) == svg  # drawn again, not taken from the cache


def _radar(values: list[float | None], order: tuple[str, ...] = ("Farsta", "Skarpnäck")) -> str:
    series = {"Farsta": values, "Skarpnäck": [5.0, 5.0, 5.0]}
    return charts.radar("Samverkan", ["a", "b", "c"], {name: series[name] for name in order})


def test_the_same_figures_give_the_cached_chart_and_a_changed_figure_a_new_one(monkeypatch) -> None:
    charts.cache_clear()
    drawn: list[str] = []
    real_svg = charts._svg
    monkeypatch.setattr(
        charts, "_svg", lambda fig, title: drawn.append(title) or real_svg(fig, title)
    )
    first = _radar([4.0, 6.0, 7.0])
    assert _radar([4.0, 6.0, 7.0]) is first and len(drawn) == 1
    changed = _radar([4.0, 6.5, 7.0])
    assert changed != first and len(drawn) == 2
    assert (
        _radar([4.0, 6.0, 7.0], order=("Skarpnäck", "Farsta")) != first and len(drawn) == 3
    )  # colours follow the order


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ((["T1"], {"x": [1.0]}), (["T1"], {"x": [1.0]}), True),
        ((["T1"], {"x": [1.0]}), (["T1"], {"x": [1.0000001]}), False),
        ((["T1"], {"x": [1.0]}), (["T2"], {"x": [1.0]}), False),
        ((["T1"], {"x": [None]}), (["T1"], {"x": [0.0]}), False),
        ((["T1"], {"x": [1.0], "y": [2.0]}), (["T1"], {"y": [2.0], "x": [1.0]}), False),
    ],
)
def test_the_cache_key_is_a_hash_of_the_input_data(a, b, same) -> None:
    assert (
        charts.chart_key("line_over_periods", ("t", *a), {})
        == charts.chart_key("line_over_periods", ("t", *b), {})
    ) is same


def test_the_cache_keeps_at_most_its_size(monkeypatch) -> None:
    charts.cache_clear()
    monkeypatch.setattr(charts, "CACHE_SIZE", 2)
    for value in (1.0, 2.0, 3.0):
        charts.bars_per_unit("Hembesök", ["Farsta"], [value])
    assert charts.cache_size() == 2


@pytest.mark.parametrize(
    "title", ["Andel barn \\d", "Kostnad \\1 och \\g<0>", "Pris $\\d$ per dag", "<b>&\"'</b>"]
)
def test_a_backslash_a_dollar_or_markup_in_a_title_is_drawn_and_escaped_not_an_error(
    title: str,
) -> None:
    charts.cache_clear()
    svg = charts.line_over_periods(
        title, ["T1 $x$", "T2 \\d"], {"Insats \\d": [0.2, 0.3]}, percent=True
    )
    label = (
        title.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )
    assert (
        svg.startswith("<svg")
        and f"<title>{label}</title>" in svg
        and f'aria-label="{label}"' in svg
    )
    assert charts.radar(title, ["a \\d", "b $", "c"], {"Farsta $\\x$": [1.0, 2.0, 3.0]}).startswith(
        "<svg"
    )


class _DictStore:
    """A shared store as the web app's: what any process drew."""

    def __init__(self) -> None:
        self.charts: dict[str, str] = {}

    def get(self, key: str) -> str | None:
        return self.charts.get(key)

    def set(self, key: str, svg: str) -> None:
        self.charts[key] = svg

    def clear(self) -> None:
        self.charts.clear()


def test_a_chart_another_process_drew_is_taken_from_the_shared_store_not_drawn(monkeypatch) -> None:
    shared = _DictStore()
    charts.use_store(shared)
    charts.cache_clear()
    drawn: list[str] = []
    real_svg = charts._svg
    monkeypatch.setattr(
        charts, "_svg", lambda fig, title: drawn.append(title) or real_svg(fig, title)
    )
    svg = charts.bars_per_unit("Hembesök", ["Farsta"], [3.0])
    assert list(shared.charts.values()) == [svg] and drawn == ["Hembesök"]
    charts._local.clear()  # another process: its own LRU is empty, the shared store is not
    assert charts.bars_per_unit("Hembesök", ["Farsta"], [3.0]) == svg and drawn == ["Hembesök"]


def test_past_the_budget_a_chart_is_deferred_and_the_worker_draws_it_with_its_series_order() -> (
    None
):
    charts.cache_clear()
    series = {"Skarpnäck": [5.0, 5.0, 5.0], "Farsta": [4.0, 6.0, 7.0]}
    with charts.drawing_budget(1) as budget:
        first = charts.bars_per_unit("Hembesök", ["Farsta"], [1.0])
        deferred = charts.radar("Samverkan", ["a", "b", "c"], series, scale=(1, 10))
    assert first.startswith("<svg") and deferred == "" and len(budget.deferred) == 1
    spec = budget.deferred[0]
    again = json.loads(
        json.dumps([spec.name, spec.args, spec.kwargs])
    )  # as the task queue keeps it
    drawn = charts.draw_deferred(*again)
    assert drawn == charts.radar("Samverkan", ["a", "b", "c"], series, scale=(1, 10))
    assert drawn.index("Skarpnäck") < drawn.index("Farsta")  # the legend keeps the order
