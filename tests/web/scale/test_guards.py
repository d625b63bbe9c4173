"""Guards for issue 16: a list page renders at most one page of rows and asks the database the same
number of questions whatever the size of the data. Each case is measured on a small and on a larger
dataset made by the scale generator."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from sif.web.accounts.models import Municipality, Role
from sif.web.projects.models import Fund, Project
from sif.web.scale.generate import Sizes, generate
from tests.web.builders import make_user

pytestmark = pytest.mark.django_db

SMALL = Sizes(
    municipalities=1,
    big_municipality_projects=8,
    units_per_municipality=3,
    units_per_project=2,
    indicators_per_project=2,
    periods_per_project=2,
    events_per_project=30,
    big_project_units=3,
    big_project_indicators=2,
    big_project_periods=2,
)
LARGE = Sizes(
    municipalities=1,
    big_municipality_projects=60,
    units_per_municipality=3,
    units_per_project=2,
    indicators_per_project=2,
    periods_per_project=2,
    events_per_project=120,
    big_project_units=3,
    big_project_indicators=2,
    big_project_periods=2,
)


def _world(sizes: Sizes) -> tuple[Client, Project, Fund]:
    generate(sizes, seed=11)
    municipality = Municipality.objects.get()
    admin = make_user(f"admin-{Project.objects.count()}", Role.FUND_ADMIN, municipality)
    client = Client()
    client.force_login(admin)
    return (
        client,
        Project.objects.filter(municipality=municipality).order_by("pk").first(),
        Fund.objects.get(municipality=municipality),
    )


def _rows(html: str, marker: str) -> int:
    return len(re.findall(marker, html))


PAGES: dict[str, tuple[Callable[[Project, Fund], str], str]] = {
    "project list": (lambda _p, _f: "/projekt/", r'<th scope="row"><a href="/projekt/\d+/"'),
    "whole timeline": (lambda p, _f: f"/projekt/{p.pk}/?handelser=alla", r"<li><time "),
    "fund ledger": (lambda _p, f: f"/fond/{f.pk}/bokforing/", r'<tr id="post-\d+"'),
}


def _measure(client: Client, url: str, marker: str) -> tuple[int, int]:
    client.get(url)  # warm per-request caches that are not data-dependent
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), _rows(response.content.decode(), marker)


def test_no_list_page_asks_more_or_draws_more_when_the_data_grows() -> None:
    from django.db import transaction

    measured: list[dict[str, tuple[int, int]]] = []
    for sizes in (SMALL, LARGE):
        with transaction.atomic():
            client, project, fund = _world(sizes)
            measured.append(
                {
                    page: _measure(client, url_of(project, fund), marker)
                    for page, (url_of, marker) in PAGES.items()
                }
            )
            transaction.set_rollback(True)
    small, large = measured
    for page in PAGES:
        (small_queries, small_rows), (large_queries, large_rows) = small[page], large[page]
        assert small_rows > 0, f"{page}: the page shows the data"
        assert large_queries == small_queries, (
            f"{page}: {small_queries} queries on the small data, {large_queries} on the large"
        )
        assert large_rows <= 100, f"{page}: {large_rows} rows on one page"
