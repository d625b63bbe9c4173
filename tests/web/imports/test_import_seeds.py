"""Upload each seed → the review shows what was read, with its lines → confirm → a project in the
right state with the seed's figures, its source file kept and the import in the event log."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from sif.demo import SEEDS
from sif.web.accounts.models import OrgUnit, Role, UnitKind
from sif.web.audit.models import Event
from sif.web.projects.models import (
    BudgetCell,
    ClosingOutcome,
    Decision,
    DecisionKind,
    Project,
    ProjectState,
    Review,
)
from tests.web.builders import make_fund, make_municipality, make_unit, make_user
from tests.web.imports.conftest import review_url, seed_upload, shown_data, upload

pytestmark = pytest.mark.django_db


def confirm(client: Any, fund: Any, key: str, **changes: str) -> tuple[Any, Any]:
    """Upload one seed, open its review, post it back with `changes`; (review page, response)."""
    batch = upload(client, fund, seed_upload(key))
    page = client.get(review_url(batch))
    assert page.status_code == 200
    data = shown_data(page) | changes
    return page, client.post(review_url(batch), data)


def budget_by_year(project: Project) -> dict[int, Decimal]:
    totals: dict[int, Decimal] = {}
    for cell in BudgetCell.objects.filter(row__project=project):
        totals[cell.year] = totals.get(cell.year, Decimal(0)) + cell.amount
    return totals


def test_the_pilot_application_002_becomes_a_step_2_application_with_budget_contacts_and_indicators(
    client, world
):
    client.force_login(world.admin)
    page, response = confirm(client, world.fund, "002")
    html = page.content.decode()
    assert "Pilot för en innovativ och hållbar socialtjänst för barn och unga" in html
    assert (
        'href="#rad-9"' in html and 'id="rad-9"' in html
    )  # the title's line, linked into the source panel
    assert "Andrea Hormazabal" in html and "Rebecca Hedenstedt" in html
    project = Project.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "projects:detail", args=[project.pk]
    )
    assert project.state == ProjectState.APPLICATION_STEP2
    assert (
        project.owner_unit == world.unit_a
    )  # "Hässelby-Vällingby stadsdelsförvaltning" in the document
    assert budget_by_year(project) == {
        2020: Decimal("9577000"),
        2021: Decimal("9811000"),
        2022: Decimal("3152000"),
    }
    assert project.sought_amount == Decimal("22540000")
    assert [c.name for c in project.contacts.all()] == ["Andrea Hormazabal", "Rebecca Hedenstedt"]
    assert project.indicators.count() == 12
    document = project.source_documents.get()
    assert (
        document.original_name == "002_82c3b8477884a97e.txt"
        and document.file.read() == SEEDS["002"].read_bytes()
    )
    event = Event.objects.get(action="project_import", project_id=project.pk)
    assert "002_82c3b8477884a97e.txt" in event.reason
    detail = client.get(reverse("projects:detail", args=[project.pk])).content.decode()
    assert "002_82c3b8477884a97e.txt" in detail and "22\xa0540" in detail


def test_the_short_application_004_keeps_its_sought_amount_and_two_years_and_creates_the_new_unit_on_confirm(
    client, world
):
    client.force_login(world.admin)
    batch = upload(client, world.fund, seed_upload("004"))
    page = client.get(review_url(batch))
    assert page.context["form"]["new_unit_name"].value() == "Hässelby-Vällingby stadsdelsnämnd"
    assert not OrgUnit.objects.filter(name="Hässelby-Vällingby stadsdelsnämnd").exists()
    response = client.post(review_url(batch), shown_data(page) | {"new_unit_kind": UnitKind.BOARD})
    assert response.status_code == 302
    project = Project.objects.get()
    assert project.state == ProjectState.APPLICATION_STEP1
    assert project.sought_amount == Decimal("2460000")
    assert budget_by_year(project) == {2013: Decimal("600000"), 2014: Decimal("1860000")}
    assert (
        project.owner_unit.name == "Hässelby-Vällingby stadsdelsnämnd"
        and project.owner_unit.kind == UnitKind.BOARD
    )
    assert Event.objects.filter(action="org_unit_create").count() == 1


@pytest.fixture
def eskilstuna(db: Any) -> dict[str, Any]:
    esk = make_municipality("eskilstuna")
    return {
        "unit": make_unit(esk, "Torshälla stads nämnd", kind=UnitKind.BOARD),
        "fund": make_fund(esk, "Eskilstuna kommuns sociala investeringsfond"),
        "admin": make_user("esk_admin", Role.FUND_ADMIN, esk),
    }


def test_the_team_samagera_report_003_is_closed_with_its_grant_of_3_8_million_by_torshalla(
    client, world, eskilstuna
):
    client.force_login(eskilstuna["admin"])
    page, response = confirm(client, eskilstuna["fund"], "003")
    assert page.context["form"]["granted_amount"].value() == Decimal("3800000")
    assert response.status_code == 302
    project = Project.objects.get()
    assert project.state == ProjectState.CLOSED
    assert project.closing_outcome == ClosingOutcome.REGULAR_OPERATIONS
    assert project.owner_unit == eskilstuna["unit"]
    grant = Decision.objects.get(project=project, kind=DecisionKind.GRANT)
    assert grant.granted_amount == Decimal("3800000") and grant.body == "Torshälla stads nämnd"
    closing = Decision.objects.get(project=project, kind=DecisionKind.CLOSING)
    assert closing.body == "Torshälla stads nämnd" and "ordinarie drift" in closing.conditions
    assert project.source_documents.count() == 1


def test_the_committee_paper_001_asks_for_the_closing_outcome_and_is_then_closed_by_socialnamnden_on_its_date(
    client, world
):
    client.force_login(world.admin)
    batch = upload(client, world.fund, seed_upload("001"))
    page = client.get(review_url(batch))
    asked = client.post(
        review_url(batch), shown_data(page)
    )  # the paper does not say whether it goes into regular operations
    assert asked.status_code == 400 and not Project.objects.exists()
    assert (
        "Ange om verksamheten förs över till ordinarie drift eller avslutas."
        in asked.context["form"].errors["closing_outcome"]
    )
    response = client.post(
        review_url(batch), shown_data(page) | {"closing_outcome": ClosingOutcome.REGULAR_OPERATIONS}
    )
    assert response.status_code == 302
    project = Project.objects.get()
    assert project.state == ProjectState.CLOSED
    assert (project.start_date.isoformat(), project.end_date.isoformat()) == (
        "2017-09-04",
        "2021-04-30",
    )
    closing = Decision.objects.get(project=project)
    assert closing.body == "Socialnämnden" and closing.decided_on.isoformat() == "2021-11-23"
    assert [c.name for c in project.contacts.all()] == ["Marianne Gabrielsson"]


def test_the_proposal_list_000_becomes_five_proposals_each_with_its_synpunkter(client, world):
    client.force_login(world.admin)
    page, response = confirm(
        client, world.fund, "000", owner_unit=str(world.unit_a.pk), new_unit_name=""
    )
    assert response.status_code == 302
    projects = list(Project.objects.order_by("pk"))
    assert [p.title for p in projects] == [
        "Hembesöksprogrammet",
        "Ersta vändpunkten – förskola, tidig upptäckt",
        "Utvidga PPSS – tydligare form",
        "Hela familjen, försörjningsstöd barnfamiljer",
        "Framtid Stockholm, filial Järva – ex Mini Maria, föräldrastöd och familjerådgivning",
    ]
    assert {p.state for p in projects} == {ProjectState.PROPOSAL}
    reviews = [Review.objects.get(project=p) for p in projects]
    assert reviews[0].comments.startswith("Inte särskilt kostnadsdrivande för socialtjänsten")
    assert all(p.source_documents.count() == 1 for p in projects)


def test_an_applicant_imports_an_application_for_their_own_unit_but_cannot_register_it_as_closed(
    client, world
):
    client.force_login(world.applicant_a)
    batch = upload(client, world.fund, seed_upload("002"))
    page = client.get(review_url(batch))
    states = [code for code, _label in page.context["form"].fields["state"].choices]
    assert states == [ProjectState.PROPOSAL]  # the fund, not the applicant, invites to step 1 and 2
    refused = client.post(review_url(batch), shown_data(page) | {"state": ProjectState.CLOSED})
    assert refused.status_code == 400 and not Project.objects.exists()
    response = client.post(review_url(batch), shown_data(page))
    assert response.status_code == 302
    project = Project.objects.get()
    assert project.state == ProjectState.PROPOSAL and project.sought_amount == Decimal("22540000")
    assert project.owner_unit == world.unit_a


@pytest.mark.parametrize("key", ["000", "002", "003", "004"])
def test_every_input_on_the_review_screen_has_a_label(client, world, key):
    import re

    client.force_login(world.admin)
    batch = upload(client, world.fund, seed_upload(key))
    html = client.get(review_url(batch)).content.decode()
    labelled = set(re.findall(r'<label[^>]*for="([^"]+)"', html))
    inputs = re.findall(r"<(?:input|select|textarea)\b[^>]*>", html)
    visible = [
        tag
        for tag in inputs
        if 'type="hidden"' not in tag
        and 'name="csrfmiddlewaretoken"' not in tag
        and 'name="next"' not in tag
    ]
    ids = [m.group(1) if (m := re.search(r'id="([^"]+)"', tag)) else tag for tag in visible]
    assert len(ids) > 10
    assert set(ids) <= labelled


def test_the_team_samagera_report_003_keeps_its_purpose_goals_and_four_lessons_each_beside_its_line(
    client, world, eskilstuna
):
    client.force_login(eskilstuna["admin"])
    page, response = confirm(client, eskilstuna["fund"], "003")
    form = page.context["form"]
    assert (
        form["purpose"].value().startswith("Syftet var att utveckla arbetssätt, metoder och stöd")
    )
    html = page.content.decode()
    for line in (102, 104, 106, 108):  # the four "Att …" paragraphs under "Lärdomar som gjorts är:"
        assert f'href="#rad-{line}"' in html
    assert response.status_code == 302
    project = Project.objects.get()
    assert "målpuppfyllelse" in project.purpose  # the seed's own spelling
    assert project.lessons.startswith("Att det behöver bli tydligt hur elevhälsokedjan ska se ut")
    assert [p.split(" ")[0] for p in project.lessons.split("\n\n")] == ["Att", "Att", "Att", "Att"]
    assert "Riktlinjerna för fonden bör kompletteras med resurser" in project.lessons
    assert (
        "Alla unga ska ha slutbetyg från grundskolan" in project.goals
        and "Föräldrar till barn i åldern 0-6 år" in project.goals
    )
    assert (
        project.summary == "" and project.target_group == ""
    )  # the report gives neither under a heading of its own
    event = Event.objects.get(action="project_import", project_id=project.pk)
    assert "elevhälsokedjan" in event.after["lessons"]


def test_the_short_application_004_keeps_purpose_goal_and_implementation_from_its_form_labels(
    client, world
):
    client.force_login(world.admin)
    page, response = confirm(client, world.fund, "004", new_unit_kind=UnitKind.BOARD)
    assert response.status_code == 302
    project = Project.objects.get()
    assert project.purpose == (
        "Att utveckla och utöka samverkan mellan de verksamheter som möter barnfamiljer i Hässelby-Vällingby "
        "för att på ett mer effektivt sätt kunna möta de ökande behoven."
    )
    assert project.goals.startswith("Att arbetet med att nå de barnfamiljer som behöver stöd")
    assert project.summary.startswith(
        "I tertialrapport 1 beviljades Hässelby-Vällingby stadsdelsnämnd medel"
    )
    assert "Plan för implementering" not in project.summary
    assert project.target_group == "" and project.lessons == ""


def test_the_pilot_application_002_keeps_its_current_state_intervention_and_target_group_texts(
    client, world
):
    client.force_login(world.admin)
    page, response = confirm(client, world.fund, "002")
    html = page.content.decode()
    assert (
        "Texten är hämtad från rad 156–173." in html
    )  # the target group's lines, under "Berörd målgrupp"
    assert response.status_code == 302
    project = Project.objects.get()
    assert "I stadsdelsområdet bor idag 18 488 barn i berörd ålderskategori" in project.target_group
    assert project.summary.startswith(
        "Nulägesbeskrivning\n\nHässelby-Vällingby stadsdelsförvaltning har under flera år sett utmaningar"
    )
    assert "\n\nBeskrivning av insatsen\n\nBeskrivning av pilot\n\n" in project.summary
    assert "Utfall (effekt)" not in project.summary and "Indikatorer" not in project.summary
    assert project.lessons == ""


def test_a_text_corrected_on_the_review_screen_is_what_is_stored(client, world, eskilstuna):
    client.force_login(eskilstuna["admin"])
    _page, response = confirm(
        client, eskilstuna["fund"], "003", lessons="Att samverkan tar tid.", purpose=""
    )
    assert response.status_code == 302
    project = Project.objects.get()
    assert (project.lessons, project.purpose) == ("Att samverkan tar tid.", "")


def test_the_proposal_list_000_leaves_the_project_texts_empty_since_each_proposal_keeps_its_own(
    client, world
):
    client.force_login(world.admin)
    batch = upload(client, world.fund, seed_upload("000"))
    form = client.get(review_url(batch)).context["form"]
    assert [
        form[name].value() for name in ("summary", "purpose", "goals", "target_group", "lessons")
    ] == [""] * 5


def test_an_applicant_importing_an_application_keeps_its_texts(client, world):
    client.force_login(world.applicant_a)
    _page, response = confirm(client, world.fund, "002", lessons="Att börja i tid.")
    assert response.status_code == 302
    project = Project.objects.get()
    assert "18 488 barn" in project.target_group and project.lessons == "Att börja i tid."
