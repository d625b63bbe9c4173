"""Ledger pages: the derived figures, each linked to its entries; booking and correcting through the
form; the project's repayment plan against the booked repayments; access."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from django.test import Client

from sif.web.ledger import services
from sif.web.ledger.models import LedgerEntry
from sif.web.projects.models import Decision, Project
from tests.web.conftest import World


def login(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def cell(page: str, figure: str) -> str:
    row = re.search(rf'<tr id="figure-{figure}">.*?</tr>', page, re.S)
    assert row, figure
    return row.group(0)


@pytest.mark.parametrize(
    ("figure", "shown", "query"),
    [
        ("allocated", "50\xa0000\xa0000\xa0kr", "typ=allocation"),
        ("committed_total", "3\xa0800\xa0000\xa0kr", "typ=commitment"),
        ("disbursed", "3\xa0000\xa0000\xa0kr", "typ=disbursement"),
        ("repaid", "1\xa0000\xa0000\xa0kr", "typ=repayment"),
        ("written_off", "0\xa0kr", "typ=write_off&amp;typ=waiver"),
        (
            "balance",
            "48\xa0000\xa0000\xa0kr",
            "typ=allocation&amp;typ=disbursement&amp;typ=repayment",
        ),
        ("committed", "800\xa0000\xa0kr", "typ=commitment&amp;typ=disbursement&amp;typ=write_off"),
        (
            "available",
            "47\xa0200\xa0000\xa0kr",
            "typ=allocation&amp;typ=commitment&amp;typ=repayment&amp;typ=write_off",
        ),
    ],
)
def test_the_fund_overview_shows_each_figure_linked_to_its_entries(
    world: World, funded: Project, figure: str, shown: str, query: str
) -> None:
    page = login(world.admin).get(f"/fond/{world.fund.pk}/").text
    row = cell(page, figure)
    assert shown in row
    assert f"/fond/{world.fund.pk}/bokforing/?{query}" in row


def test_a_figures_link_lists_exactly_the_entries_behind_it(world: World, funded: Project) -> None:
    page = login(world.admin).get(f"/fond/{world.fund.pk}/bokforing/?typ=disbursement").text
    assert "1 av 4 poster" in page
    assert "−3\xa0000\xa0000\xa0kr" in page
    assert page.count('<tr id="post-') == 1


def test_the_ledger_filters_by_project_and_year(world: World, funded: Project) -> None:
    client = login(world.reader)
    assert (
        login(world.reader)
        .get(f"/fond/{world.fund.pk}/bokforing/?ar=2016")
        .text.count('<tr id="post-')
        == 1
    )
    assert (
        client.get(f"/fond/{world.fund.pk}/bokforing/?projekt={funded.pk}").text.count(
            '<tr id="post-'
        )
        == 3
    )


def test_booking_through_the_form_and_a_refusal_in_swedish(world: World, funded: Project) -> None:
    client = login(world.admin)
    url = f"/fond/{world.fund.pk}/bokforing/"
    response = client.post(
        url,
        {
            "kind": "disbursement",
            "project": funded.pk,
            "amount": "900 000",
            "booked_on": "2016-02-01",
        },
    )
    assert response.status_code == 400
    assert (
        "Utbetalningen 900\xa0000,00\xa0kr överstiger det som återstår av projektets beviljade belopp: 800\xa0000,00\xa0kr."
        in response.text
    )
    assert LedgerEntry.objects.count() == 4
    response = client.post(
        url,
        {
            "kind": "disbursement",
            "project": funded.pk,
            "amount": "800 000",
            "booked_on": "2016-02-01",
            "reference": "Utbetalning 2",
        },
    )
    assert response.status_code == 302
    assert LedgerEntry.objects.filter(kind="disbursement").count() == 2


def test_a_correction_is_shown_struck_through_with_a_link_to_the_reversing_entry(
    world: World, funded: Project
) -> None:
    client = login(world.admin)
    repayment = LedgerEntry.objects.get(kind="repayment")
    client.post(
        f"/fond/{world.fund.pk}/bokforing/{repayment.pk}/rattelse/", {"reason": "Dubbelbokad"}
    )
    correction = LedgerEntry.objects.get(kind="correction")
    page = client.get(f"/fond/{world.fund.pk}/bokforing/").text
    row = re.search(rf'<tr id="post-{repayment.pk}" class="reversed">.*?</tr>', page, re.S)
    assert row and "<s>1\xa0000\xa0000\xa0kr</s>" in row.group(0)
    assert f'Rättad av <a href="#post-{correction.pk}">post {correction.number}</a>' in row.group(0)
    assert "0\xa0kr" in cell(client.get(f"/fond/{world.fund.pk}/").text, "repaid")


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("admin", 200),
        ("reader", 200),
        ("reviewer", 200),
        ("applicant_a", 403),
        ("reporter", 403),
        ("outsider", 404),
    ],
)
def test_who_reads_the_funds_ledger(
    world: World, funded: Project, persona: str, status: int
) -> None:
    client = login(world.persona(persona))
    assert client.get(f"/fond/{world.fund.pk}/").status_code == status
    assert client.get(f"/fond/{world.fund.pk}/bokforing/").status_code == status


def test_a_reader_sees_no_booking_form_and_cannot_post(world: World, funded: Project) -> None:
    client = login(world.reader)
    assert "Bokför en post" not in client.get(f"/fond/{world.fund.pk}/bokforing/").text
    assert (
        client.post(
            f"/fond/{world.fund.pk}/bokforing/",
            {"kind": "allocation", "amount": "1", "booked_on": "2020-01-01"},
        ).status_code
        == 403
    )
    assert LedgerEntry.objects.count() == 4


def test_the_fund_index_lists_only_the_users_funds(world: World, funded: Project) -> None:
    page = login(world.admin).get("/fond/").text
    assert "Stockholms stads sociala investeringsfond" in page and "Malmö" not in page
    assert "Malmö stads sociala investeringsfond" in login(world.outsider).get("/fond/").text


def test_a_fixed_four_year_plan_against_the_booked_repayments(
    world: World, funded: Project
) -> None:
    client = login(world.admin)
    client.post(
        f"/projekt/{funded.pk}/aterbetalning/overenskommelse/",
        {"rule": "fixed_plan", "years": "4", "start_year": "2016", "note": "Plan enligt beslut"},
    )
    services.ledger_repay(
        actor=world.admin, project=funded, amount="500000", booked_on=date(2017, 6, 1)
    )
    page = client.get(f"/projekt/{funded.pk}/aterbetalning/").text
    rows = re.findall(r"<tr><td>(\d{4})</td>(.*?)</tr>", page, re.S)
    table = [(year, re.findall(r'<td class="num">(.*?)</td>', cells)) for year, cells in rows]
    assert table == [
        ("2016", ["750\xa0000\xa0kr", "1\xa0000\xa0000\xa0kr", "", "2\xa0000\xa0000\xa0kr"]),
        ("2017", ["750\xa0000\xa0kr", "500\xa0000\xa0kr", "", "1\xa0500\xa0000\xa0kr"]),
        ("2018", ["750\xa0000\xa0kr", "–", "", "750\xa0000\xa0kr"]),
        ("2019", ["750\xa0000\xa0kr", "–", "", "0\xa0kr"]),
    ]
    assert '<dd class="outstanding">1\xa0500\xa0000\xa0kr</dd>' in page


def test_share_of_gains_without_an_effect_card_says_so(world: World, funded: Project) -> None:
    services.repayment_agreement_save(
        actor=world.admin,
        project=funded,
        rule="share_of_gains",
        parameters={"years": 3, "start_year": 2017, "share": "0.5"},
    )
    page = login(world.admin).get(f"/projekt/{funded.pk}/aterbetalning/").text
    assert "Projektets uppföljning har inget effektkort med realiserade vinster ännu" in page
    assert (
        "<dd>50,0\xa0%</dd>" in page and "<dd>0.5</dd>" not in page
    )  # a share shows as a percentage


def test_book_the_granted_amount_with_one_click_once(
    world: World, project: Project, decision: Decision
) -> None:
    client = login(world.admin)
    page = client.get(f"/projekt/{project.pk}/aterbetalning/").text
    assert "Boka beviljat belopp" in page
    client.post(f"/projekt/{project.pk}/aterbetalning/boka-beslut/{decision.pk}/")
    client.post(f"/projekt/{project.pk}/aterbetalning/boka-beslut/{decision.pk}/")
    assert list(LedgerEntry.objects.values_list("kind", "amount")) == [
        ("commitment", Decimal("3800000"))
    ]
    assert "Boka beviljat belopp" not in client.get(f"/projekt/{project.pk}/aterbetalning/").text


def test_the_project_page_links_to_its_repayment(world: World, project: Project) -> None:
    assert (
        f'href="/projekt/{project.pk}/aterbetalning/"'
        in login(world.admin).get(f"/projekt/{project.pk}/").text
    )


def test_another_municipality_cannot_see_the_projects_repayment(
    world: World, funded: Project
) -> None:
    assert login(world.outsider).get(f"/projekt/{funded.pk}/aterbetalning/").status_code == 404


def test_the_ledger_page_reads_with_few_queries(
    world: World, funded: Project, django_assert_max_num_queries: object
) -> None:
    client = login(world.admin)
    for i in range(20):
        services.ledger_repay(
            actor=world.admin, project=funded, amount="1000", booked_on=date(2018, 1, 1 + i)
        )
    with django_assert_max_num_queries(12):  # type: ignore[operator]
        client.get(f"/fond/{world.fund.pk}/bokforing/")


def test_earlier_agreement_versions_are_listed_in_words_without_internal_keys(
    world: World, funded: Project
) -> None:
    services.repayment_agreement_save(
        actor=world.admin,
        project=funded,
        rule="share_of_gains",
        parameters={"years": 3, "start_year": 2017, "share": "0.5", "cap": "2000000"},
    )
    services.repayment_agreement_save(actor=world.admin, project=funded, rule="waived", version=1)
    page = login(world.admin).get(f"/projekt/{funded.pk}/aterbetalning/").text
    history = page.split("Tidigare versioner", 1)[1].split("</ul>", 1)[0]
    assert "3 år" in history and "från 2017" in history and "2\xa0000\xa0000\xa0kr" in history
    for key in ("years", "start_year", "share", "cap", "{"):
        assert key not in history
