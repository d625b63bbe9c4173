"""The follow-up page's cost follows what it shows, not the project's size (issue 16): only the
chosen indicators' figures are read, charts are linked rather than inlined, and a big project's
per-unit parts are the chosen units'."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sif.reports import charts
from sif.web.followup import selectors
from sif.web.followup.selection import DEFAULT_INDICATORS
from tests.web.followup.test_overview_selection import _grow, _page


@pytest.fixture
def figures_read(monkeypatch: Any) -> list[Any]:
    """Every figure the indicator tables read from the database."""
    read: list[Any] = []
    real = selectors.Figure

    def counted(*numbers: Any) -> Any:
        read.append(numbers)
        return real(*numbers)

    monkeypatch.setattr(selectors, "Figure", counted)
    return read


def test_the_page_reads_the_figures_of_the_shown_indicators_only(
    client: Any, stis: Any, figures_read: list[Any], settings: Any
) -> None:
    settings.CHARTS_PER_REQUEST = 0  # no drawing: this is about reading
    _grow(stis, DEFAULT_INDICATORS)
    client.force_login(stis.admin)
    _page(client, stis)
    shown = len(figures_read)
    with CaptureQueriesContext(connection) as few:
        _page(client, stis)
    _grow(stis, 12)  # twelve more indicators with figures, none shown by default
    figures_read.clear()
    with CaptureQueriesContext(connection) as many:
        page = _page(client, stis)
    assert page.count('class="indicator"') == DEFAULT_INDICATORS
    assert len(figures_read) == shown > 0
    assert len(many) == len(few)


def test_the_charts_are_images_from_the_shared_store_for_the_user_who_saw_the_page(
    client: Any, stis: Any
) -> None:
    _grow(stis, 1)
    charts.cache_clear()
    client.force_login(stis.admin)
    page = _page(client, stis)
    links = re.findall(r'<img src="(/projekt/\d+/uppfoljning/diagram/[^"]+)" alt="([^"]+)"', page)
    assert links and "<svg" not in page
    response = client.get(links[0][0])
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")
    assert b"<svg" in response.content and "immutable" in response["Cache-Control"]
    client.force_login(stis.reader)  # another user's link (or a forged one) is not served
    assert client.get(links[0][0]).status_code == 404
    forged = links[0][0].rsplit(":", 1)[0] + ":forged"
    assert client.get(forged).status_code == 404


def test_a_chart_the_store_forgot_answers_a_placeholder_that_asks_for_a_reload(
    client: Any, stis: Any
) -> None:
    _grow(stis, 1)
    client.force_login(stis.admin)
    link = re.findall(r'<img src="([^"]+)"', _page(client, stis))[0]
    charts.cache_clear()
    from django.core.cache import cache

    cache.clear()
    response = client.get(link)
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    assert "Diagrammet ritas när sidan laddas om" in response.content.decode()


def test_a_big_project_lists_reporting_per_unit_for_the_chosen_units_and_counts_them_all(
    client: Any, stis: Any
) -> None:
    client.force_login(stis.admin)
    url = reverse("followup:overview", args=[stis.project.pk])
    page = client.get(url).content.decode()  # seven districts: more than the default shows
    units = list(stis.districts.values())
    assert "Vilka enheter har rapporterat" not in page
    assert f"av {len(units)} enheter har rapporterat siffror" in page
    assert "Rapportera</a>" not in page and "Rapportera:" not in page
    page = client.get(f"{url}?enhet={units[0].pk}").content.decode()
    assert "Vilka enheter har rapporterat" in page
    assert f"Rapportera: {units[0].name}" in page
    assert f"Rapportera: {units[1].name}" not in page
