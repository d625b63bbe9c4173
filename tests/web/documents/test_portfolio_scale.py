"""The portfolio at the size of a big fund (issue 16): the page asks the database the same number
of questions whatever the number of projects and shows one page of them; the printed report
groups the projects by state and leaves the full list to the XLSX; the list of portfolios and
the fund pages ask the policy once."""

from __future__ import annotations

import io
import re
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from sif.reports.pdf import render_html
from sif.reports.xlsx import render_xlsx
from sif.web.documents.portfolio import PRINTED_PROJECTS, portfolio
from sif.web.documents.portfolio_views import PAGE_PROJECTS
from sif.web.ledger.models import LedgerEntry
from sif.web.projects.models import Decision, DecisionKind, Fund, ProjectState
from tests.web.builders import allocate, make_fund, make_project

STATES = [ProjectState.PROPOSAL, ProjectState.IN_REVIEW, ProjectState.RUNNING]


def _add_projects(world: Any, fund: Fund, first: int, count: int) -> None:
    """`count` projects in turn proposed, in review and running; every running one granted
    100 000 kr and paid 40 000 kr."""
    for n in range(first, first + count):
        state = STATES[n % len(STATES)]
        project = make_project(
            fund, world.unit_a, state=state, title=f"Projekt {n:03d}", sought_amount=150_000
        )
        if state == ProjectState.RUNNING:
            Decision.objects.create(
                project=project,
                kind=DecisionKind.GRANT,
                granted=True,
                body="Nämnden",
                granted_amount=Decimal(100_000),
            )
            for kind, amount in (("commitment", 100_000), ("disbursement", 40_000)):
                LedgerEntry.objects.create(
                    fund=fund,
                    project=project,
                    kind=kind,
                    amount=amount,
                    booked_on=date(2021, 3, 1),
                )


def _queries(client: Client, url: str) -> tuple[int, str]:
    client.get(url)  # warm the process's caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_the_portfolio_pages_query_count_is_the_same_for_a_fund_with_3_and_with_60_projects(
    world: Any,
) -> None:
    allocate(world.fund, 10_000_000)
    client = Client()
    client.force_login(world.admin)
    url = f"/fond/{world.fund.pk}/portfolj"
    _add_projects(world, world.fund, 0, 3)
    small, _ = _queries(client, url)
    _add_projects(world, world.fund, 3, 57)
    large, html = _queries(client, url)
    assert large == small
    assert len(re.findall(r'<th scope="row"><a href="/projekt/\d+/"', html)) == PAGE_PROJECTS
    # the sums per state cover every project, not only the page shown
    running = re.search(r"<th scope=\"row\">pågående</th><td class=\"num\">(\d+)</td>", html)
    assert running is not None and running.group(1) == "20"


def test_the_printed_portfolio_groups_by_state_and_states_the_full_list_is_in_the_xlsx(
    world: Any,
) -> None:
    count = 3 * (PRINTED_PROJECTS + 2)  # 42 running projects, each granted 100 000 kr
    _add_projects(world, world.fund, 0, count)
    doc = portfolio(world.fund)
    html = render_html(doc)
    by_state, printed, every = doc.tables()[:3]
    assert [r[0].text for r in by_state.rows] == [
        "förslag",
        "under beredning",
        "pågående",
        "Totalt",
    ]
    assert by_state.rows[-1][1].text == str(count)
    assert by_state.rows[2][3].text == "4\xa0200"  # granted to the 42 running projects, tkr
    # row by row only the funded projects, at most PRINTED_PROJECTS; every one in the XLSX only
    assert len(printed.rows) == PRINTED_PROJECTS
    assert all(r[2].text == "pågående" for r in printed.rows)
    assert every.sheet_only and len(every.rows) == count + 1  # and the total
    assert f"de {PRINTED_PROJECTS} projekt som fått störst beviljat belopp" in html
    assert f"alla {count} projekt" in html and "(XLSX)" in html
    assert "Projekt 000" not in html  # a proposal: summed, not listed
    sheet = load_workbook(io.BytesIO(render_xlsx(doc)))["Projekt"]
    titles = [sheet.cell(row=r, column=1).value for r in range(3, 3 + count)]
    assert sorted(titles) == [f"Projekt {n:03d}" for n in range(count)]


def test_a_small_funds_printed_portfolio_still_lists_every_project(world: Any) -> None:
    _add_projects(world, world.fund, 0, 4)
    by_state, projects = portfolio(world.fund).tables()[:2]
    assert [r[0].text for r in projects.rows] == [f"Projekt {n:03d}" for n in range(4)] + ["Totalt"]
    assert not projects.sheet_only and by_state.rows[-1][1].text == "4"


def test_the_list_of_portfolios_asks_the_policy_once_and_shows_only_the_users_funds(
    world: Any,
) -> None:
    second = make_fund(world.sthlm, "Stockholms andra fond")
    for n in range(5):
        make_fund(world.malmo, f"Malmös fond {n}")
    client = Client()
    client.force_login(world.admin)
    count, html = _queries(client, "/portfolj/")
    assert f'href="/fond/{world.fund.pk}/portfolj"' in html
    assert f'href="/fond/{second.pk}/portfolj"' in html and "Malmö" not in html
    for n in range(5, 25):
        make_fund(world.malmo, f"Malmös fond {n}")
    assert _queries(client, "/portfolj/")[0] == count


def test_a_fund_page_is_not_found_for_another_municipality_and_refused_for_its_own_reader(
    world: Any,
) -> None:
    reader, outsider = Client(), Client()
    reader.force_login(world.reader)
    outsider.force_login(world.outsider)
    pk = world.fund.pk
    assert outsider.get(f"/fond/{pk}/portfolj").status_code == 404
    assert outsider.get(f"/fond/{pk}/bokforing/").status_code == 404
    assert outsider.get(f"/fond/{pk}/publicering/").status_code == 404
    assert reader.get(f"/fond/{pk}/portfolj").status_code == 403
    assert reader.get(f"/fond/{pk}/publicering/").status_code == 403
    assert reader.get(f"/fond/{pk}/bokforing/").status_code == 200
    assert reader.get("/fond/999999/bokforing/").status_code == 404
