"""The follow-up page shows a chosen selection of indicators and units (bookmarkable GET form, a
sensible default) and draws a bounded number of charts per request, whatever the project's size."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from sif.reports import charts
from sif.web.followup.models import Measurement
from sif.web.followup.selection import DEFAULT_INDICATORS, MAX_INDICATORS
from sif.web.projects.models import Indicator, IndicatorUnit

BUDGET = 3  # charts a request may draw in these tests (cheap; production: SIF_CHARTS_PER_REQUEST)


@pytest.fixture
def drawn(monkeypatch: Any, settings: Any) -> list[str]:
    """The titles of the charts drawn (a cached chart is not drawn)."""
    settings.CHARTS_PER_REQUEST = BUDGET
    charts.cache_clear()
    titles: list[str] = []
    real_svg = charts._svg
    monkeypatch.setattr(
        charts, "_svg", lambda fig, title: titles.append(title) or real_svg(fig, title)
    )
    return titles


def _grow(stis: Any, indicators: int) -> list[Indicator]:
    """`indicators` more count indicators, each with a figure from every district (bulk: cheap)."""
    made = Indicator.objects.bulk_create(
        Indicator(
            project=stis.project,
            name=f"Indikator {i:02}",
            unit=IndicatorUnit.COUNT,
            position=10 + i,
        )
        for i in range(indicators)
    )
    Measurement.objects.bulk_create(
        Measurement(indicator=ind, period=stis.period, unit=unit, value=Decimal(5 + n))
        for ind in made
        for n, unit in enumerate(stis.districts.values())
    )
    return made


def _page(client: Any, stis: Any, query: str = "") -> str:
    response = client.get(reverse("followup:overview", args=[stis.project.pk]) + query)
    assert response.status_code == 200
    return response.content.decode()


def test_the_charts_drawn_per_request_do_not_grow_with_indicators_and_units(
    client: Any, stis: Any, drawn: list[str]
) -> None:
    made = _grow(stis, 2)
    client.force_login(stis.admin)
    _page(client, stis)
    small = len(drawn)
    more = _grow(stis, 18)  # 20 indicators × 7 districts: 40 charts if all were drawn
    drawn.clear()
    charts.cache_clear()
    page = _page(client, stis)
    assert small <= BUDGET and len(drawn) == BUDGET
    assert page.count('class="indicator"') == DEFAULT_INDICATORS
    assert "Diagrammet ritas när sidan laddas om" in page  # a placeholder, not a missing chart
    # the largest selection draws no more
    drawn.clear()
    chosen = "&".join(f"indikator={i.pk}" for i in (made + more)[:MAX_INDICATORS])
    units = "&".join(f"enhet={u.pk}" for u in list(stis.districts.values())[:5])
    page = _page(client, stis, f"?{chosen}&{units}")
    assert len(drawn) == BUDGET and page.count('class="indicator"') == MAX_INDICATORS


def test_a_reload_draws_the_next_charts_until_the_page_is_complete(
    client: Any, stis: Any, drawn: list[str]
) -> None:
    _grow(stis, 3)
    client.force_login(stis.admin)
    pages = [_page(client, stis) for _ in range(4)]
    assert "Diagrammet ritas när sidan laddas om" in pages[0]
    assert "Diagrammet ritas när sidan laddas om" not in pages[-1]
    assert len(drawn) == len(set(drawn))  # each chart drawn once


def test_any_indicator_is_one_link_away_and_a_selection_is_bookmarkable(
    client: Any, stis: Any, drawn: list[str]
) -> None:
    made = _grow(stis, 6)
    client.force_login(stis.admin)
    page = _page(client, stis)
    last = made[-1]
    assert f"?indikator={last.pk}#indikatorer" in page  # not shown by default, linked
    page = _page(client, stis, f"?indikator={last.pk}")
    assert page.count('class="indicator"') == 1 and f"<h3>{last.name}" in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?indikator=999999", "Välj bland projektets indikatorer."),
        ("?enhet=abc", "Välj bland projektets enheter."),
    ],
)
def test_a_bad_selection_shows_a_swedish_message_and_the_default(
    client: Any, stis: Any, drawn: list[str], query: str, message: str
) -> None:
    _grow(stis, 1)
    client.force_login(stis.admin)
    page = _page(client, stis, query)
    assert message in page and 'class="indicator"' in page


def test_too_many_indicators_are_refused_in_swedish(
    client: Any, stis: Any, drawn: list[str]
) -> None:
    made = _grow(stis, MAX_INDICATORS + 1)
    client.force_login(stis.admin)
    page = _page(client, stis, "?" + "&".join(f"indikator={i.pk}" for i in made))
    assert f"Välj högst {MAX_INDICATORS} indikatorer åt gången" in page
    assert page.count('class="indicator"') == DEFAULT_INDICATORS


def test_charts_past_the_bound_are_drawn_by_the_worker_and_queued_once(
    client: Any, stis: Any, drawn: list[str], settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from tests.web.tasks.test_document_jobs import run_queued_tasks

    settings.CHARTS_IN_BACKGROUND = True
    _grow(stis, 4)  # 8 charts
    client.force_login(stis.admin)
    with django_capture_on_commit_callbacks(execute=True):
        first = _page(client, stis)
        _page(client, stis)  # draws its own BUDGET; queues nothing already queued
    assert "Diagrammet ritas i bakgrunden" in first and len(drawn) == 2 * BUDGET
    assert run_queued_tasks() == 1
    drawn.clear()
    assert "Diagrammet ritas i bakgrunden" not in _page(client, stis)
    assert drawn == []  # all drawn by the worker into the shared store
