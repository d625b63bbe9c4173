"""The forms of the project pages: each good input reaches the service, each bad input shows a
Swedish message and changes nothing, and each refused action answers 403 or 404."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from sif.web.audit.models import Event
from sif.web.projects.models import (
    Application,
    ApplicationForm,
    BudgetCell,
    BudgetRow,
    Decision,
    Project,
    ProjectState,
    Review,
)
from tests.web.builders import allocate, make_project
from tests.web.projects import view_personas

pytestmark = pytest.mark.django_db
pages = view_personas.pages
_fast_passwords = view_personas._fast_passwords

PILOT_POST = {
    "label-personnel": "Personalkostnader inkl. ledning och vikarietäckning",
    "footnote-personnel": "inkl. vikarietäckning",
    "amount-personnel-2020": "8 177",
    "amount-personnel-2021": "8\xa0411",
    "amount-personnel-2022": "1 752",
    "amount-other-2020": "1 400",
    "amount-other-2021": "1 400",
    "amount-other-2022": "1 400",
    "sought_amount": "22 540 000",
}


@pytest.fixture
def proposal(world):
    """A fresh proposal of unit A for 2020–2022, without budget."""
    return make_project(
        world.fund, world.unit_a, ProjectState.PROPOSAL, title="Familjecoacher på BVC"
    )


def as_user(client, user):
    client.force_login(user)
    return client


def snapshot():
    """Everything a refused form must leave untouched."""
    return (
        list(
            Project.objects.order_by("pk").values_list(
                "pk", "title", "state", "sought_amount", "start_date", "end_date"
            )
        ),
        BudgetCell.objects.count(),
        Review.objects.count(),
        Decision.objects.count(),
        Application.objects.count(),
        Event.objects.count(),
    )


# ---------------------------------------------------------------- proposal


def test_an_applicant_creates_a_proposal_for_their_unit(client, world):
    response = as_user(client, world.applicant_a).post(
        reverse("projects:create"),
        {
            "title": "Utökad samverkan kring barnfamiljer i Hässelby-Vällingby",
            "fund": world.fund.pk,
            "owner_unit": world.unit_a.pk,
            "start_date": "2013-09-01",
            "end_date": "2014-12-31",
            "goals": "Rätt insats ska komma rätt familj till godo i rätt tid.",
        },
    )
    project = Project.objects.get(title__startswith="Utökad samverkan")
    assert response.status_code == 302 and response["Location"] == reverse(
        "projects:detail", args=[project.pk]
    )
    assert project.state == ProjectState.PROPOSAL
    assert Event.objects.filter(project=project, action="project_create").exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"start_date": "2022-12-31", "end_date": "2020-01-01"},
            "Slutdatum 2020-01-01 ligger före startdatum 2022-12-31.",
        ),
        ({"title": ""}, "Detta fält måste fyllas i."),
        ({"start_date": "31 februari"}, "Fyll i ett giltigt datum."),
        ({"owner_unit": "world.malmo_unit"}, "Välj ett giltigt alternativ."),
    ],
)
def test_a_bad_proposal_shows_a_swedish_message_and_creates_nothing(
    client, world, changes, message
):
    data = {
        "title": "Nytt förslag",
        "fund": world.fund.pk,
        "owner_unit": world.unit_a.pk,
        "start_date": "2020-01-01",
        "end_date": "2022-12-31",
    }
    data |= {k: (world.malmo_unit.pk if v == "world.malmo_unit" else v) for k, v in changes.items()}
    before = snapshot()
    response = as_user(client, world.applicant_a).post(reverse("projects:create"), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert snapshot() == before


def test_an_applicant_of_another_unit_cannot_create_a_proposal_for_unit_a(client, world):
    before = snapshot()
    response = as_user(client, world.applicant_b).post(
        reverse("projects:create"),
        {"title": "X", "fund": world.fund.pk, "owner_unit": world.unit_a.pk},
    )
    assert response.status_code == 403
    assert "Du har inte behörighet att göra detta." in response.content.decode()
    assert snapshot() == before


def test_editing_changes_texts_units_and_adds_a_contact(client, world, proposal):
    response = as_user(client, world.applicant_a).post(
        reverse("projects:edit", args=[proposal.pk]),
        {
            "title": "Familjecoacher på BVC i Hässelby",
            "start_date": "2020-01-01",
            "end_date": "2022-12-31",
            "participating_units": [world.unit_a.pk, world.unit_b.pk],
            "contact-TOTAL_FORMS": "1",
            "contact-INITIAL_FORMS": "0",
            "contact-0-name": "Ingrid Brännström",
            "contact-0-email": "ingrid.brannstrom@stockholm.se",
            "contact-0-phone": "50805094",
        },
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.title == "Familjecoacher på BVC i Hässelby"
    assert set(proposal.units.values_list("pk", flat=True)) == {world.unit_a.pk, world.unit_b.pk}
    assert proposal.contacts.get().name == "Ingrid Brännström"


def test_a_reader_is_refused_the_edit_page_with_a_swedish_explanation(client, world, proposal):
    response = as_user(client, world.reader).get(reverse("projects:edit", args=[proposal.pk]))
    assert response.status_code == 403
    assert "Du har inte behörighet att göra detta." in response.content.decode()


@pytest.mark.parametrize("name", ["edit", "budget", "review", "decision"])
def test_another_municipalitys_user_gets_404_on_every_form(client, world, proposal, name):
    assert (
        as_user(client, world.outsider)
        .get(reverse(f"projects:{name}", args=[proposal.pk]))
        .status_code
        == 404
    )


# ---------------------------------------------------------------- budget


def test_the_budget_editor_saves_the_pilot_budget_typed_in_swedish_tkr(client, world, proposal):
    response = as_user(client, world.applicant_a).post(
        reverse("projects:budget", args=[proposal.pk]), PILOT_POST
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.sought_amount == Decimal("22540000")
    cells = {
        (c.row.category, c.year): c.amount
        for c in BudgetCell.objects.filter(row__project=proposal).select_related("row")
    }
    assert cells[("personnel", 2020)] == Decimal("8177000")
    assert cells[("other", 2022)] == Decimal("1400000")
    html = client.get(reverse("projects:detail", args=[proposal.pk])).content.decode()
    assert ">22\xa0540<" in html and ">9\xa0577<" in html


def test_a_decimal_comma_in_tkr_is_kept_to_the_krona(client, world, proposal):
    data = {"amount-other-2020": "1 400,5", "sought_amount": "1 400 500"}
    assert (
        as_user(client, world.applicant_a)
        .post(reverse("projects:budget", args=[proposal.pk]), data)
        .status_code
        == 302
    )
    assert BudgetCell.objects.get(row__project=proposal).amount == Decimal("1400500")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"amount-other-2020": "-5"}, "Beloppet kan inte vara negativt."),
        ({"amount-other-2020": "mycket"}, "Ange ett belopp i tkr, t.ex. 1 400 eller 1 400,5."),
        (
            {"amount-other-2024": "100"},
            "Året 2024 ligger utanför projektperioden 2020-01-01 – 2022-12-31.",
        ),
        (
            {"sought_amount": "22 500 000"},
            "Sökt belopp 22\xa0500\xa0000\xa0kr stämmer inte med budgetens totalsumma 22\xa0540\xa0000\xa0kr.",
        ),
        ({"sought_amount": "-1"}, "Beloppet kan inte vara negativt."),
    ],
)
def test_a_bad_budget_shows_a_swedish_message_and_changes_nothing(
    client, world, proposal, changes, message
):
    before = snapshot()
    response = as_user(client, world.applicant_a).post(
        reverse("projects:budget", args=[proposal.pk]), PILOT_POST | changes
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert snapshot() == before
    assert not BudgetRow.objects.filter(project=proposal).exists()


def test_the_budget_editor_shows_the_years_of_the_period_and_loads_its_script(
    client, world, proposal
):
    html = (
        as_user(client, world.applicant_a)
        .get(reverse("projects:budget", args=[proposal.pk]))
        .content.decode()
    )
    assert 'name="amount-personnel-2020"' in html and 'name="amount-other-2022"' in html
    assert 'name="amount-other-2023"' not in html
    assert "sif/budget.js" in html


# ---------------------------------------------------------------- lifecycle


def test_the_fund_administrator_invites_a_proposal_to_step_1_with_the_status_button(
    client, world, proposal
):
    as_user(client, world.applicant_a)
    assert (
        'value="application_step1"'
        not in client.get(reverse("projects:detail", args=[proposal.pk])).content.decode()
    )
    as_user(client, world.admin)
    assert (
        'value="application_step1"'
        in client.get(reverse("projects:detail", args=[proposal.pk])).content.decode()
    )
    response = client.post(
        reverse("projects:transition", args=[proposal.pk]),
        {"to_state": "application_step1", "reason": ""},
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.state == ProjectState.APPLICATION_STEP1


@pytest.mark.parametrize(
    ("to_state", "message"),
    [
        ("closed", "Projektet kan inte gå från förslag till avslutad."),
        ("granted", "Projektet kan inte gå från förslag till beviljad."),
        ("withdrawn", "Ange en motivering för att ändra status till återtagen."),
        ("finished", "Okänd status: finished."),
    ],
)
def test_a_transition_that_is_not_allowed_shows_why_and_changes_nothing(
    client, world, proposal, to_state, message
):
    before = snapshot()
    response = as_user(client, world.applicant_a).post(
        reverse("projects:transition", args=[proposal.pk]), {"to_state": to_state}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert snapshot() == before


def test_granting_by_status_button_is_refused_because_it_needs_a_decision(client, world, pages):
    before = snapshot()
    response = as_user(client, world.admin).post(
        reverse("projects:transition", args=[pages.pilot.pk]), {"to_state": "granted"}
    )
    assert response.status_code == 200
    assert "Beviljande och avslag registreras som ett beslut" in response.content.decode()
    assert snapshot() == before


def test_a_reader_may_not_change_the_state(client, world, proposal):
    response = as_user(client, world.reader).post(
        reverse("projects:transition", args=[proposal.pk]), {"to_state": "application_step1"}
    )
    assert response.status_code == 403
    proposal.refresh_from_db()
    assert proposal.state == ProjectState.PROPOSAL


def test_a_status_change_needs_post(client, world, proposal):
    assert (
        as_user(client, world.admin)
        .get(reverse("projects:transition", args=[proposal.pk]))
        .status_code
        == 405
    )


# ---------------------------------------------------------------- applications


@pytest.mark.parametrize(
    ("kind", "labels"),
    [
        (
            "full",
            [
                "Praktisk beskrivning",
                "Namn på den planerade insatsen",
                "Nulägesbeskrivning",
                "Behovsanalys",
                "Forskningsförankring",
            ],
        ),
        (
            "kort",
            [
                "Sökande",
                "Nämnd",
                "Tidplan (datum för start och slut)",
                "Sökt summa (ska stämma överens med beslutssatsen)",
                "Plan för implementering efter avslut",
            ],
        ),
    ],
)
def test_both_application_forms_render_from_their_schema(client, world, proposal, kind, labels):
    html = (
        as_user(client, world.applicant_a)
        .get(reverse("projects:application", args=[proposal.pk, kind]))
        .content.decode()
    )
    for label in labels:
        assert label in html


def test_the_short_application_is_stored_with_its_form_version_and_shown_on_the_project_page(
    client, world, proposal
):
    response = as_user(client, world.applicant_a).post(
        reverse("projects:application", args=[proposal.pk, "kort"]),
        {
            "name": "Utökad samverkan kring barnfamiljer i Hässelby-Vällingby.",
            "board": "Hässelby-Vällingby stadsdelsnämnd",
            "sought_amount": "2 460 000",
            "other_income": "no",
            "goal": "Att rätt insats ska komma rätt familj till godo i rätt tid.",
        },
    )
    assert response.status_code == 302
    application = Application.objects.get(project=proposal)
    assert application.form.code == "application_short"
    assert application.answers["sought_amount"] == "2460000"
    assert application.answers["other_income"] is False
    html = client.get(reverse("projects:detail", args=[proposal.pk])).content.decode()
    assert "2\xa0460\xa0000\xa0kr" in html
    assert "Hässelby-Vällingby stadsdelsnämnd" in html


def test_a_bad_amount_in_an_application_shows_a_message_and_stores_nothing(client, world, proposal):
    before = snapshot()
    response = as_user(client, world.applicant_a).post(
        reverse("projects:application", args=[proposal.pk, "kort"]),
        {"sought_amount": "två miljoner"},
    )
    assert response.status_code == 200
    assert "Ange beloppet i kronor, t.ex. 2 460 000." in response.content.decode()
    assert snapshot() == before


def test_a_new_form_version_renders_without_code_changes(client, world, proposal):
    from sif.web.projects.application_answers import application_form_current

    current = application_form_current("application_short")
    schema = dict(current.schema)
    schema["sections"] = [
        *schema["sections"],
        {
            "key": "gender",
            "label": "Jämställdhet",
            "fields": [
                {"key": "gender_analysis", "label": "Jämställdhetsanalys", "kind": "textarea"}
            ],
        },
    ]
    ApplicationForm.objects.create(
        code="application_short", version=current.version + 1, title=current.title, schema=schema
    )
    html = (
        as_user(client, world.applicant_a)
        .get(reverse("projects:application", args=[proposal.pk, "kort"]))
        .content.decode()
    )
    assert "Jämställdhetsanalys" in html
    assert f"Formulärversion {current.version + 1}" in html


def test_an_unknown_application_kind_answers_404(client, world, proposal):
    assert (
        as_user(client, world.applicant_a)
        .get(reverse("projects:application", args=[proposal.pk, "lang"]))
        .status_code
        == 404
    )


# ---------------------------------------------------------------- review and decision


def test_a_reviewer_adds_synpunkter_with_scores(client, world, pages):
    response = as_user(client, world.reviewer).post(
        reverse("projects:review", args=[pages.pilot.pk]),
        {
            "comments": "Genomarbetad behovsanalys; indikatorerna behöver baslinjer.",
            "score-target_group": "4",
            "score-follow_up": "2",
            "recommendation": "grant_with_conditions",
        },
    )
    assert response.status_code == 302
    review = Review.objects.get(project=pages.pilot)
    assert review.scores == {"target_group": 4, "follow_up": 2}
    assert review.recommendation == "grant_with_conditions"


def test_a_review_without_synpunkter_is_refused_with_a_message(client, world, pages):
    before = snapshot()
    response = as_user(client, world.reviewer).post(
        reverse("projects:review", args=[pages.pilot.pk]),
        {"comments": "", "recommendation": "none"},
    )
    assert response.status_code == 200
    assert "Detta fält måste fyllas i." in response.content.decode()
    assert snapshot() == before


def test_an_applicant_may_not_review(client, world, pages):
    assert (
        as_user(client, world.applicant_a)
        .get(reverse("projects:review", args=[pages.pilot.pk]))
        .status_code
        == 403
    )


def test_the_administrator_records_a_grant_decision_and_the_project_is_granted(
    client, world, pages
):
    allocate(world.fund, 50_000_000)
    response = as_user(client, world.admin).post(
        reverse("projects:decision", args=[pages.pilot.pk]),
        {
            "granted": "yes",
            "body": "Kommunstyrelsen",
            "decided_on": "2019-12-11",
            "date_precision": "day",
            "paragraph": "§ 12",
            "granted_amount": "22 540 000",
            "conditions": "Uppföljning per tertial.",
        },
    )
    assert response.status_code == 302
    pages.pilot.refresh_from_db()
    assert pages.pilot.state == ProjectState.GRANTED
    decision = Decision.objects.get(project=pages.pilot)
    assert (decision.granted_amount, decision.paragraph, decision.decided_on) == (
        Decimal("22540000"),
        "12",
        date(2019, 12, 11),
    )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"granted_amount": ""}, "Ange beviljat belopp i kronor."),
        ({"granted_amount": "-100"}, "Beloppet kan inte vara negativt."),
        ({"granted_amount": "mycket"}, "Ange beviljat belopp i kronor, t.ex. 2 460 000."),
        ({"decided_on": ""}, "Detta fält måste fyllas i."),
        ({"body": ""}, "Detta fält måste fyllas i."),
    ],
)
def test_a_bad_decision_shows_a_message_and_changes_nothing(client, world, pages, changes, message):
    data = {
        "granted": "yes",
        "body": "Kommunstyrelsen",
        "decided_on": "2019-12-11",
        "date_precision": "day",
        "granted_amount": "22 540 000",
    }
    before = snapshot()
    response = as_user(client, world.admin).post(
        reverse("projects:decision", args=[pages.pilot.pk]), data | changes
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert snapshot() == before


def test_a_decision_is_refused_before_the_project_is_under_review(client, world, proposal):
    response = as_user(client, world.admin).get(reverse("projects:decision", args=[proposal.pk]))
    assert response.status_code == 403
    assert (
        "Beslut om medel kan bara fattas när projektet är under beredning."
        in response.content.decode()
    )


def test_a_budget_of_1_234_5_tkr_is_shown_as_1_234_5_not_1_235(client, world, proposal):
    data = {"amount-other-2020": "1 234,5", "sought_amount": "1 234 500"}
    assert (
        as_user(client, world.applicant_a)
        .post(reverse("projects:budget", args=[proposal.pk]), data)
        .status_code
        == 302
    )
    html = client.get(reverse("projects:detail", args=[proposal.pk])).content.decode()
    assert ">1\xa0234,5<" in html and ">1\xa0235<" not in html
