"""The public transparency page: only what the fund administrator published, small counts
suppressed, nothing from another municipality, the same content as CSV and JSON."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from sif.calc.errors import SifError
from sif.web.audit.models import Event
from sif.web.followup.models import Group, Measurement, ReportingPeriod
from sif.web.ledger import services as ledger
from sif.web.projects.models import Decision, DecisionKind, Indicator, IndicatorUnit, ProjectState
from sif.web.public import services
from tests.web.builders import make_project

pytestmark = pytest.mark.django_db


def decided(world: Any, title: str, amount: str = "2460000", **fields: Any) -> Any:
    project = make_project(
        world.fund, world.unit_a, state=ProjectState.GRANTED, title=title, **fields
    )
    Decision.objects.create(
        project=project,
        kind=DecisionKind.GRANT,
        granted=True,
        body="Socialnämnden",
        decided_on=date(2019, 12, 17),
        paragraph="§ 12",
        granted_amount=Decimal(amount),
    )
    return project


def publish(world: Any, *projects: Any) -> None:
    services.fund_publish(user=world.admin, fund=world.fund, published=True)
    for project in projects:
        services.project_publish(user=world.admin, project=project, published=True)


def test_an_unpublished_fund_has_no_public_page(world: Any) -> None:
    assert Client().get(f"/oppet/fond/{world.fund.pk}/").status_code == 404
    assert Client().get(f"/oppet/fond/{world.fund.pk}/data.json").status_code == 404


def test_the_public_page_shows_the_published_decision_without_login(world: Any) -> None:
    shown = decided(world, "Ytterstadsprojektet")
    hidden = decided(world, "Ett opublicerat projekt")
    publish(world, shown)
    page = Client().get(f"/oppet/fond/{world.fund.pk}/").content.decode()
    assert "Ytterstadsprojektet" in page and "Socialnämnden" in page and "§ 12" in page
    assert "2\xa0460\xa0000" in page
    assert hidden.title not in page


def test_a_project_without_a_decision_cannot_be_published(world: Any) -> None:
    proposal = make_project(world.fund, world.unit_a, title="Bara ett förslag")
    with pytest.raises(SifError) as err:
        services.project_publish(user=world.admin, project=proposal, published=True)
    assert err.value.code == "publication_needs_decision"


@pytest.mark.parametrize("persona", ["reader", "reviewer", "applicant_a", "outsider"])
def test_only_the_funds_own_administrator_may_publish(world: Any, persona: str) -> None:
    project = decided(world, "X")
    with pytest.raises(SifError):
        services.project_publish(user=world.persona(persona), project=project, published=True)
    client = Client()
    client.force_login(world.persona(persona))
    # the municipality's own members are refused; another municipality's fund is not found
    wanted = 404 if persona == "outsider" else 403
    assert client.get(f"/fond/{world.fund.pk}/publicering/").status_code == wanted


def test_publishing_is_logged(world: Any) -> None:
    project = decided(world, "X")
    publish(world, project)
    assert set(Event.objects.values_list("action", flat=True)) >= {
        "fund_publish",
        "project_publish",
    }


def small_count_project(world: Any) -> Any:
    project = decided(world, "STIS")
    indicator = Indicator.objects.create(
        project=project, name="Familjer i egen försörjning", unit=IndicatorUnit.COUNT
    )
    period = ReportingPeriod.objects.create(
        project=project,
        label="2021",
        start=date(2021, 1, 1),
        end=date(2021, 12, 31),
        opens_at=date(2021, 12, 1),
        closes_at=date(2022, 1, 31),
    )
    Measurement.objects.create(
        indicator=indicator,
        period=period,
        unit=world.unit_a,
        group=Group.INTERVENTION,
        value=Decimal(3),
    )
    return project


def test_a_small_count_is_suppressed_on_the_page_and_in_every_file(world: Any) -> None:
    project = small_count_project(world)
    publish(world, project)
    client = Client()
    page = client.get(f"/oppet/fond/{world.fund.pk}/").content.decode()
    assert "dold (färre än 5)" in page
    rows = list(
        csv.DictReader(
            io.StringIO(client.get(f"/oppet/fond/{world.fund.pk}/uppfoljning.csv").content.decode())
        )
    )
    assert rows == [
        {
            "projekt_id": str(project.pk),
            "indikator": "Familjer i egen försörjning",
            "period": "2021",
            "typ": "antal",
            "varde": "",
            "n": "",
            "undertryckt": "ja",
        }
    ]
    data = client.get(f"/oppet/fond/{world.fund.pk}/data.json").json()
    assert data["projekt"][0]["uppfoljning"] == [
        {
            "indikator": "Familjer i egen försörjning",
            "period": "2021",
            "typ": "antal",
            "varde": None,
            "n": None,
            "undertryckt": True,
        }
    ]
    assert data["licens"] == "CC0 1.0"


def test_a_count_at_the_threshold_is_shown(world: Any) -> None:
    project = small_count_project(world)
    Measurement.objects.filter(indicator__project=project).update(value=Decimal(16))
    publish(world, project)
    data = Client().get(f"/oppet/fond/{world.fund.pk}/data.json").json()
    assert data["projekt"][0]["uppfoljning"][0]["varde"] == 16.0


def test_follow_up_figures_stay_off_the_page_when_the_administrator_says_so(world: Any) -> None:
    project = small_count_project(world)
    services.fund_publish(user=world.admin, fund=world.fund, published=True)
    services.project_publish(
        user=world.admin, project=project, published=True, include_followup=False
    )
    data = Client().get(f"/oppet/fond/{world.fund.pk}/data.json").json()
    assert data["projekt"][0]["uppfoljning"] == []


def test_another_municipalitys_project_never_appears_on_a_funds_page(world: Any) -> None:
    from tests.web.builders import make_project as mp

    malmo_project = mp(
        world.malmo_fund, world.malmo_unit, state=ProjectState.GRANTED, title="Hela familjen"
    )
    Decision.objects.create(
        project=malmo_project,
        kind=DecisionKind.GRANT,
        granted=True,
        body="KS",
        granted_amount=Decimal(1),
    )
    services.project_publish(user=world.outsider, project=malmo_project, published=True)
    publish(world)
    page = Client().get(f"/oppet/fond/{world.fund.pk}/").content.decode()
    assert "Hela familjen" not in page
    # the Malmö fund itself is not published, so its page does not exist
    assert Client().get(f"/oppet/fond/{world.malmo_fund.pk}/").status_code == 404


def test_the_balance_per_year_is_the_ledgers(world: Any) -> None:
    project = decided(world, "Pilot", amount="3000000")
    ledger.ledger_allocate(
        actor=world.admin,
        fund=world.fund,
        amount="10000000",
        booked_on=date(2019, 1, 10),
        reference="KF",
        text="Avsättning",
    )
    decision = project.decisions.get()
    ledger.ledger_commit_decision(actor=world.admin, decision=decision)
    ledger.ledger_disburse(
        actor=world.admin, project=project, amount="1250000.50", booked_on=date(2021, 3, 1)
    )
    publish(world, project)
    rows = list(
        csv.reader(
            io.StringIO(Client().get(f"/oppet/fond/{world.fund.pk}/saldo.csv").content.decode())
        )
    )
    assert rows == [
        ["ar", "saldo_kr"],
        ["2019", "10000000"],
        ["2020", "10000000"],
        ["2021", "8749999.5"],
    ]


def test_the_data_dictionary_names_every_column_of_every_file(world: Any) -> None:
    project = decided(world, "X")
    publish(world, project)
    page = Client().get("/oppet/datadefinitioner/").content.decode()
    for name in ("projekt.csv", "uppfoljning.csv", "saldo.csv"):
        header = (
            Client()
            .get(f"/oppet/fond/{world.fund.pk}/{name}")
            .content.decode()
            .splitlines()[0]
            .split(",")
        )
        assert name in page
        for column in header:
            assert f"<code>{column}</code>" in page
    assert "CC0 1.0" in page


def test_a_closed_projects_closing_decision_is_shown_and_in_the_files(world: Any) -> None:
    project = decided(world, "STIS")
    Decision.objects.create(
        project=project,
        kind=DecisionKind.CLOSING,
        granted=True,
        body="Socialnämnden",
        decided_on=date(2021, 11, 23),
    )
    publish(world, project)
    page = Client().get(f"/oppet/fond/{world.fund.pk}/").content.decode()
    assert "Beslut om avslut" in page and "2021-11-23" in page
    row = next(
        csv.DictReader(
            io.StringIO(Client().get(f"/oppet/fond/{world.fund.pk}/projekt.csv").content.decode())
        )
    )
    assert (row["avslut_beslutande_organ"], row["avslut_datum"]) == ("Socialnämnden", "2021-11-23")


def test_years_are_written_without_a_thousands_space(world: Any) -> None:
    ledger.ledger_allocate(
        actor=world.admin,
        fund=world.fund,
        amount="1000",
        booked_on=date(2012, 4, 12),
        reference="KF",
        text="",
    )
    publish(world)
    page = Client().get(f"/oppet/fond/{world.fund.pk}/").content.decode()
    assert '<th scope="row">2012</th>' in page
