"""The demo ledger: published figures with their source; every other post is an example and says
so in its text (so that no demo fund is empty)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from sif.web.ledger.models import LedgerEntry, RepaymentAgreement
from sif.web.projects.models import Fund, Project
from tests.web.demo_data import demo_loaded


@pytest.fixture(scope="module")
def demo(
    django_db_setup: None, django_db_blocker: object, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The demo loaded once for the module (it takes seconds), rolled back afterwards (a flush
    of every table is slow on PostgreSQL)."""
    with demo_loaded(django_db_blocker, tmp_path_factory) as out:
        yield out


def login(username: str) -> Client:
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


@pytest.mark.parametrize(
    ("fund", "project", "kind", "amount", "booked_on", "reference", "source"),
    [
        (
            "malmo",
            None,
            "allocation",
            "50000000",
            "2012-04-12",
            "KF 2012-04-12",
            "mynewsdesk.com/se/malmo",
        ),
        (
            "eskilstuna",
            "Team Samagera",
            "commitment",
            "3800000",
            "2014-09-01",
            "Eskilstuna kommun 2014-09",
            "Beviljat belopp enligt beslut",
        ),
    ],
)
def test_the_demo_books_only_published_amounts_with_their_source(
    demo: object,
    db: None,
    fund: str,
    project: str | None,
    kind: str,
    amount: str,
    booked_on: str,
    reference: str,
    source: str,
) -> None:
    entry = LedgerEntry.objects.get(fund__municipality__code=fund, kind=kind)
    assert (
        entry.project.title if entry.project else None,
        entry.amount,
        entry.booked_on.isoformat(),
        entry.reference,
    ) == (project, Decimal(amount), booked_on, reference)
    assert source in entry.text


def test_every_other_demo_post_is_marked_as_an_example(demo: object, db: None) -> None:
    sourced = LedgerEntry.objects.filter(
        reference__in=["KF 2012-04-12", "Eskilstuna kommun 2014-09"]
    )
    assert sourced.count() == 2
    others = LedgerEntry.objects.exclude(pk__in=sourced.values("pk"))
    assert others.count() == 10
    assert all(e.text.startswith("Exempeldata: ") and e.reference == "Exempel" for e in others)
    assert LedgerEntry.objects.filter(
        fund__municipality__code="stockholm", kind="allocation"
    ).get().amount == Decimal("300000000")


def test_samagera_commitment_comes_from_its_grant_decision(demo: object, db: None) -> None:
    entry = LedgerEntry.objects.get(kind="commitment", project__title="Team Samagera")
    assert entry.decision is not None and entry.decision.granted_amount == Decimal("3800000")


@pytest.mark.parametrize(
    ("title", "rule", "phrase"),
    [
        (
            "Team Samagera",
            "by_agreement",
            "i överenskommelse med kommunledningskontoret. Källa: Rapport Team Samagera (källdokument 003)",
        ),
        (
            "Hela familjen",
            "waived",
            "Det efterskänkta beloppet är inte publicerat och är därför inte bokfört.",
        ),
    ],
)
def test_the_demo_agreements_carry_their_source(
    demo: object, db: None, title: str, rule: str, phrase: str
) -> None:
    agreement = RepaymentAgreement.objects.get(project__title=title)
    assert (agreement.version, agreement.rule, agreement.parameters) == (1, rule, {})
    assert phrase in agreement.note


def test_stockholms_fund_shows_its_example_capital_and_links_the_portfolio(
    demo: object, db: None
) -> None:
    fund = Fund.objects.get(municipality__code="stockholm")
    page = login("fondforvaltare").get(f"/fond/{fund.pk}/").text
    assert "Fondkapitalet är okänt" not in page and "300\xa0000\xa0000\xa0kr" in page
    assert f'href="/fond/{fund.pk}/portfolj"' in page


def test_malmos_overview_shows_the_allocation_and_hela_familjens_waiver(
    demo: object, db: None
) -> None:
    client = login("malmo")
    fund = Fund.objects.get(municipality__code="malmo")
    assert "50\xa0000\xa0000\xa0kr" in client.get(f"/fond/{fund.pk}/").text
    page = client.get(
        f"/projekt/{Project.objects.get(title='Hela familjen').pk}/aterbetalning/"
    ).text
    assert "efterskänkt" in page and "Malmö kommunstyrelsen, 2016" in page


def test_samageras_repayment_page_shows_its_commitment_and_agreement(
    demo: object, db: None
) -> None:
    page = (
        login("eskilstuna")
        .get(f"/projekt/{Project.objects.get(title='Team Samagera').pk}/aterbetalning/")
        .text
    )
    assert "enligt överenskommelse" in page
    assert "3\xa0800\xa0000\xa0kr" in page
    assert "Regeln har ingen återbetalningsplan per år." in page
