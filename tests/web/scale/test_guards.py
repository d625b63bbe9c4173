"""Guards for issue 16: every list page, API list operation and admin list of a growing table shows
at most one page of rows and asks the database the same number of questions whatever the size of
the data. Each case is measured on a small and on a larger dataset made by the scale generator (the
larger one has more projects, events, ledger entries and measurements than a page holds)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from sif.web.accounts.models import Municipality, Role
from sif.web.core.paging import LIST_PER_PAGE
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
    big_municipality_projects=55,
    units_per_municipality=4,
    units_per_project=2,
    indicators_per_project=2,
    periods_per_project=2,
    events_per_project=110,
    big_project_units=4,
    big_project_indicators=5,
    big_project_periods=6,
)


def _world(sizes: Sizes) -> tuple[Client, Project, Fund]:
    generate(sizes, seed=11)
    municipality = Municipality.objects.get()
    admin = make_user(f"admin-{Project.objects.count()}", Role.FUND_ADMIN, municipality)
    admin.is_staff = True  # the fund administrator also reads the admin's lists of its municipality
    admin.save()
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
    "project page": (lambda p, _f: f"/projekt/{p.pk}/", r"<li><time "),
    "whole timeline": (lambda p, _f: f"/projekt/{p.pk}/?handelser=alla", r"<li><time "),
    "fund index": (lambda _p, _f: "/fond/", r'<tr><td><a href="/fond/\d+/"'),
    "fund overview": (
        lambda _p, f: f"/fond/{f.pk}/",
        r'<tr><td><a href="/projekt/\d+/aterbetalning/"',
    ),
    "fund ledger": (lambda _p, f: f"/fond/{f.pk}/bokforing/", r'<tr id="post-\d+"'),
    "portfolio": (
        lambda _p, f: f"/fond/{f.pk}/portfolj",
        r'<th scope="row"><a href="/projekt/\d+/"',
    ),
}
# The API's list operations: rows are the items of the answer.
API: dict[str, Callable[[Project, Fund], str]] = {
    "projects": lambda _p, _f: "/api/projects",
    "funds": lambda _p, _f: "/api/funds",
    "ledger entries": lambda _p, f: f"/api/funds/{f.pk}/entries",
    "events": lambda p, _f: f"/api/projects/{p.pk}/events",
    "measurements": lambda p, _f: f"/api/projects/{p.pk}/measurements",
    "activity counts": lambda p, _f: f"/api/projects/{p.pk}/activity-counts",
    "status reports": lambda p, _f: f"/api/projects/{p.pk}/status-reports",
    "indicators": lambda p, _f: f"/api/projects/{p.pk}/indicators",
    "periods": lambda p, _f: f"/api/projects/{p.pk}/periods",
}
# The admin's lists of the tables that grow with the data, seen by a superuser (every municipality).
ADMIN = [
    "audit/event",
    "followup/measurement",
    "followup/reportingperiod",
    "followup/activitycount",
    "followup/statusreport",
    "ledger/ledgerentry",
    "projects/project",
    "accounts/membership",
    "accounts/orgunit",
]
# The admin's lists of the largest tables, also as the fund administrator (scoped to its
# municipality: a filtered query that must not walk the other municipalities' rows); at most
# LIST_PER_PAGE rows a page.
BIG_ADMIN = ["audit/event", "followup/measurement", "ledger/ledgerentry"]
ADMIN_ROW = r'<th class="field-'
PAGE_ROWS = 100  # no page and no API answer (default limit) shows more rows than this


def _measure(client: Client, url: str, marker: str | None, warm: bool) -> tuple[int, int]:
    if warm:  # fill the process's caches (content types, templates) before counting
        client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    if marker is None:
        body = response.json()
        rows = len(body["items"] if isinstance(body, dict) else body)
    else:
        rows = _rows(response.content.decode(), marker)
    return len(queries), rows


def _measure_all(sizes: Sizes, warm: bool) -> dict[str, tuple[int, int]]:
    client, project, fund = _world(sizes)
    superuser = Client()
    superuser.force_login(
        get_user_model().objects.create_superuser(f"root-{Project.objects.count()}", password=None)
    )
    return {
        **{
            f"admin {name}": _measure(superuser, f"/admin/{name}/", ADMIN_ROW, warm)
            for name in ADMIN
        },
        **{
            f"fund administrator's admin {name}": _measure(
                client, f"/admin/{name}/", ADMIN_ROW, warm
            )
            for name in BIG_ADMIN
        },
        **{
            page: _measure(client, url(project, fund), marker, warm)
            for page, (url, marker) in PAGES.items()
        },
        **{
            f"API {name}": _measure(client, url(project, fund), None, warm)
            for name, url in API.items()
        },
    }


def test_no_list_page_or_api_list_asks_more_or_draws_more_when_the_data_grows() -> None:
    from django.db import transaction

    measured: list[dict[str, tuple[int, int]]] = []
    for sizes, warm in ((SMALL, True), (LARGE, False)):  # the small run warms the caches once
        with transaction.atomic():
            measured.append(_measure_all(sizes, warm))
            transaction.set_rollback(True)
    small, large = measured
    grown = {
        page: (small[page], large[page])
        for page in small
        if large[page][0] != small[page][0] or large[page][1] > PAGE_ROWS
    }
    assert not grown, f"(queries, rows) on the small and the large data: {grown}"
    assert all(small[page][1] > 0 for page in ("project list", "whole timeline", "fund ledger"))
    for name in BIG_ADMIN:
        for who in ("admin", "fund administrator's admin"):
            assert large[f"{who} {name}"][1] <= LIST_PER_PAGE, (who, name, large[f"{who} {name}"])
    assert large["fund administrator's admin audit/event"][1] == LIST_PER_PAGE, "a full page"
    assert large["API measurements"][1] > small["API measurements"][1], "the large data is larger"
