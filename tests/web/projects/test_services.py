"""The project services: seed figures in, events with before/after out, and nothing changed by a refusal."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.apps import apps

from sif.calc.budget import BudgetRowInput
from sif.calc.errors import SifError
from sif.messages import message_for_error
from sif.web.audit.models import Event
from sif.web.projects import (
    application_answers,
    budget_changes,
    closing_decisions,
    grant_decisions,
    indicator_definitions,
    project_details,
    project_transitions,
    reviews,
    source_documents,
)
from sif.web.projects.applications import application_sections
from sif.web.projects.models import (
    ApplicationForm,
    BudgetCell,
    Contact,
    Decision,
    Project,
    ProjectState,
)
from tests.web.builders import allocate, make_project
from tests.web.conftest import World

S = ProjectState
PILOT_BUDGET = [
    BudgetRowInput(
        "personnel",
        "Personalkostnader inkl. ledning och vikarietäckning",
        "inkl. vikarietäckning",
        {2020: Decimal(8_177_000), 2021: Decimal(8_411_000), 2022: Decimal(1_752_000)},
    ),
    BudgetRowInput(
        "other",
        "Övriga kostnader",
        "Marknadsföring, digitalt stöd, del av lokalkostnader",
        {2020: Decimal(1_400_000), 2021: Decimal(1_400_000), 2022: Decimal(1_400_000)},
    ),
]


def database_state() -> dict[str, Any]:
    """Every row of the project, audit and accounts apps, to compare before and after a refusal."""
    state: dict[str, Any] = {}
    for label in ("projects", "audit", "accounts"):
        for model in apps.get_app_config(label).get_models():
            state[model._meta.label] = sorted(map(str, model.objects.order_by("pk").values_list()))
    return state


@pytest.fixture
def pilot(world: World) -> Project:
    return make_project(world.fund, world.unit_a, state=S.APPLICATION_STEP2)


def pilot_with_budget(world: World, pilot: Project) -> Project:
    budget_changes.budget_set(actor=world.applicant_a, project=pilot, rows=PILOT_BUDGET)
    return pilot


# ---------------------------------------------------------------- create and update


def test_an_applicant_creates_a_proposal_and_the_event_holds_what_was_written(world: World) -> None:
    project = project_details.project_create(
        actor=world.applicant_a,
        fund=world.fund,
        title="Pilot",
        owner_unit=world.unit_a,
        start_date=date(2020, 1, 1),
        end_date=date(2022, 12, 31),
        participating_units=[world.unit_b],
    )
    assert project.state == S.PROPOSAL
    event = Event.objects.get(project=project, action="project_create")
    assert event.actor == world.applicant_a
    assert event.after["title"] == "Pilot" and event.after["start_date"] == "2020-01-01"
    assert event.after["units"] == ["Rinkeby-Kista stadsdelsförvaltning"]


@pytest.mark.parametrize(
    ("persona", "kwargs", "code"),
    [
        ("applicant_b", {}, "permission_denied"),
        ("reader", {}, "permission_denied"),
        ("outsider", {}, "permission_denied"),
        ("admin", {"title": "  "}, "title_required"),
        (
            "admin",
            {"start_date": date(2022, 1, 1), "end_date": date(2021, 1, 1)},
            "end_before_start",
        ),
    ],
)
def test_a_refused_creation_writes_nothing(
    world: World, persona: str, kwargs: dict[str, Any], code: str
) -> None:
    before = database_state()
    args = {"title": "Pilot", **kwargs}
    with pytest.raises(SifError) as caught:
        project_details.project_create(
            actor=world.persona(persona), fund=world.fund, owner_unit=world.unit_a, **args
        )
    assert caught.value.code == code
    assert database_state() == before


def test_an_update_records_only_the_changed_fields_before_and_after(
    world: World, pilot: Project
) -> None:
    project_details.project_update(
        actor=world.applicant_a,
        project=pilot,
        title="Pilot för en innovativ socialtjänst",
        goals=pilot.goals,
    )
    event = Event.objects.get(project=pilot, action="project_update")
    assert event.before == {
        "title": "Pilot för en innovativ och hållbar socialtjänst för barn och unga"
    }
    assert event.after == {"title": "Pilot för en innovativ socialtjänst"}


def test_state_and_amounts_cannot_be_changed_through_update(world: World, pilot: Project) -> None:
    with pytest.raises(SifError, match="field_not_editable"):
        project_details.project_update(actor=world.admin, project=pilot, state=S.GRANTED)


def test_shortening_the_period_past_a_budget_year_is_refused(world: World, pilot: Project) -> None:
    pilot_with_budget(world, pilot)
    before = database_state()
    with pytest.raises(SifError) as caught:
        project_details.project_update(
            actor=world.applicant_a, project=pilot, end_date=date(2021, 12, 31)
        )
    assert caught.value.code == "budget_year_outside_period" and caught.value.params["year"] == 2022
    assert database_state() == before


def test_participating_units_are_replaced_and_logged(world: World, pilot: Project) -> None:
    project_details.participating_units_set(actor=world.admin, project=pilot, units=[world.unit_b])
    project_details.participating_units_set(actor=world.admin, project=pilot, units=[])
    events = list(
        Event.objects.filter(project=pilot, action="participating_units_set").order_by("id")
    )
    assert [(e.before, e.after) for e in events] == [
        ({"units": []}, {"units": ["Rinkeby-Kista stadsdelsförvaltning"]}),
        ({"units": ["Rinkeby-Kista stadsdelsförvaltning"]}, {"units": []}),
    ]


def test_a_unit_of_another_municipality_cannot_participate(world: World, pilot: Project) -> None:
    with pytest.raises(SifError, match="unit_outside_municipality"):
        project_details.participating_units_set(
            actor=world.admin, project=pilot, units=[world.malmo_unit]
        )


def test_contacts_are_added_and_corrected_never_removed(world: World, pilot: Project) -> None:
    contact = project_details.contact_add(
        actor=world.applicant_a,
        project=pilot,
        name="Andrea Hormazabal",
        title="avdelningschef",
        email="Andrea.hormazabal@stockholm.se",
        phone="08-508 04 025",
    )
    project_details.contact_update(actor=world.applicant_a, contact=contact, phone="08-508 04 172")
    assert Contact.objects.get(pk=contact.pk).phone == "08-508 04 172"
    update = Event.objects.get(project=pilot, action="contact_update")
    assert (update.before, update.after) == ({"phone": "08-508 04 025"}, {"phone": "08-508 04 172"})
    assert not hasattr(project_details, "contact_remove")


def test_an_invalid_email_is_refused_with_the_field_named(world: World, pilot: Project) -> None:
    with pytest.raises(SifError) as caught:
        project_details.contact_add(
            actor=world.applicant_a,
            project=pilot,
            name="Rebecca Hedenstedt",
            email="inte en adress",
        )
    assert caught.value.code == "field_invalid" and caught.value.params["field"] == "email"


# ---------------------------------------------------------------- budget and sought amount


def test_the_pilot_budget_is_stored_in_kronor_and_totals_22_540_000(
    world: World, pilot: Project
) -> None:
    pilot_with_budget(world, pilot)
    assert sum(
        BudgetCell.objects.filter(row__project=pilot).values_list("amount", flat=True)
    ) == Decimal(22_540_000)
    event = Event.objects.get(project=pilot, action="budget_set")
    assert event.before == {"rows": [], "total": "0.00"}
    assert event.after["total"] == "22540000.00"


def test_replacing_the_budget_records_the_old_cells_in_before(world: World, pilot: Project) -> None:
    pilot_with_budget(world, pilot)
    budget_changes.budget_set(actor=world.applicant_a, project=pilot, rows=PILOT_BUDGET[:1])
    event = Event.objects.filter(project=pilot, action="budget_set").order_by("-id").first()
    assert event is not None
    assert event.before["total"] == "22540000.00"
    assert event.before["rows"][1]["amounts"] == {
        "2020": "1400000.00",
        "2021": "1400000.00",
        "2022": "1400000.00",
    }
    assert event.after["total"] == "18340000.00"


def test_the_sought_amount_22_540_000_equals_the_budget(world: World, pilot: Project) -> None:
    pilot_with_budget(world, pilot)
    budget_changes.sought_amount_set(
        actor=world.applicant_a, project=pilot, amount=Decimal(22_540_000)
    )
    assert Project.objects.get(pk=pilot.pk).sought_amount == Decimal(22_540_000)
    event = Event.objects.get(project=pilot, action="sought_amount_set")
    assert (event.before, event.after) == (
        {"sought_amount": None},
        {"sought_amount": "22540000.00"},
    )


BAD_BUDGETS = [
    (
        "year 2023",
        [*PILOT_BUDGET, BudgetRowInput("training", "Utbildning", "", {2023: Decimal(1)})],
        "budget_year_outside_period",
    ),
    (
        "negative",
        [BudgetRowInput("personnel", "", "", {2020: Decimal(-8_177_000)})],
        "budget_amount_negative",
    ),
    (
        "not a number",
        [BudgetRowInput("personnel", "", "", {2020: "åtta miljoner"})],
        "budget_amount_invalid",
    ),  # type: ignore[dict-item]
    (
        "unknown category",
        [BudgetRowInput("coffee", "", "", {2020: Decimal(1)})],
        "budget_category_unknown",
    ),
]


@pytest.mark.parametrize(("case", "rows", "code"), BAD_BUDGETS, ids=[b[0] for b in BAD_BUDGETS])
def test_a_refused_budget_leaves_the_old_budget_and_writes_no_event(
    world: World, pilot: Project, case: str, rows: list[BudgetRowInput], code: str
) -> None:
    pilot_with_budget(world, pilot)
    before = database_state()
    with pytest.raises(SifError) as caught:
        budget_changes.budget_set(actor=world.applicant_a, project=pilot, rows=rows)
    assert caught.value.code == code
    assert database_state() == before


def test_a_sought_amount_of_22_540_001_is_refused_and_changes_nothing(
    world: World, pilot: Project
) -> None:
    pilot_with_budget(world, pilot)
    before = database_state()
    with pytest.raises(SifError) as caught:
        budget_changes.sought_amount_set(actor=world.applicant_a, project=pilot, amount="22540001")
    assert message_for_error(caught.value) == (
        "Sökt belopp 22\xa0540\xa0001\xa0kr stämmer inte med budgetens totalsumma 22\xa0540\xa0000\xa0kr. "
        "Sökt belopp ska vara lika med budgetens totalsumma."
    )
    assert database_state() == before


def test_a_sought_amount_needs_a_budget(world: World, pilot: Project) -> None:
    with pytest.raises(SifError, match="sought_amount_without_budget"):
        budget_changes.sought_amount_set(actor=world.applicant_a, project=pilot, amount=1)


def test_sending_for_review_checks_the_sought_amount_against_a_changed_budget(
    world: World, pilot: Project
) -> None:
    pilot_with_budget(world, pilot)
    budget_changes.sought_amount_set(actor=world.applicant_a, project=pilot, amount=22_540_000)
    budget_changes.budget_set(actor=world.applicant_a, project=pilot, rows=PILOT_BUDGET[:1])
    with pytest.raises(SifError, match="sought_amount_differs_from_budget"):
        project_transitions.project_transition(
            actor=world.admin, project=pilot, to_state=S.IN_REVIEW
        )


@pytest.mark.parametrize(
    ("persona", "code"),
    [
        ("reader", "permission_denied"),
        ("reviewer", "permission_denied"),
        ("reporter", "permission_denied"),
        ("outsider", "project_not_found"),
    ],
)
def test_only_the_owner_and_the_fund_administrator_change_a_budget(
    world: World, pilot: Project, persona: str, code: str
) -> None:
    with pytest.raises(SifError) as caught:
        budget_changes.budget_set(actor=world.persona(persona), project=pilot, rows=PILOT_BUDGET)
    assert caught.value.code == code


# ---------------------------------------------------------------- applications


def test_an_application_keeps_its_form_version_and_still_renders_after_a_new_version(
    world: World, pilot: Project
) -> None:
    old = application_answers.application_submit(
        actor=world.applicant_a,
        project=pilot,
        form_code="application_full",
        answers={"name": "Pilot", "research": "SOU 2018:32"},
    )
    assert (old.form.version, old.step) == (1, 2)
    v1 = old.form.schema
    v2 = {
        "title": v1["title"],
        "sections": [
            {
                "key": "practical",
                "label": "Om insatsen",
                "fields": [{"key": "name", "label": "Insatsens namn", "kind": "text"}],
            }
        ],
    }
    ApplicationForm.objects.create(code="application_full", version=2, title=v1["title"], schema=v2)
    new = application_answers.application_submit(
        actor=world.applicant_a,
        project=pilot,
        form_code="application_full",
        answers={"name": "Pilot 2"},
    )
    assert new.form.version == 2
    old_sections = application_sections(type(old).objects.get(pk=old.pk))
    assert [s.label for s in old_sections][0] == "Praktisk beskrivning"
    answered = {f.key: (f.label, f.value) for s in old_sections for f in s.fields}
    assert answered["name"] == ("Namn på den planerade insatsen", "Pilot")
    assert answered["research"] == ("Forskningsförankring", "SOU 2018:32")
    assert [f.label for s in application_sections(new) for f in s.fields] == ["Insatsens namn"]


def test_the_short_form_has_seed_004s_fields(db: Any) -> None:
    form = application_answers.application_form_current("application_short")
    labels = [f["label"] for s in form.schema["sections"] for f in s["fields"]]
    assert labels[:3] == ["Namn på projekt", "Nämnd", "Kontaktperson"]
    assert "Plan för implementering efter avslut" in labels and "Finns övriga intäkter" in labels


@pytest.mark.parametrize(
    ("answers", "code"),
    [
        ({"favourite_colour": "blå"}, "application_answer_unknown"),
        ({"name": 42}, "application_answer_invalid"),
    ],
)
def test_answers_outside_the_form_are_refused(
    world: World, pilot: Project, answers: dict[str, Any], code: str
) -> None:
    with pytest.raises(SifError) as caught:
        application_answers.application_submit(
            actor=world.applicant_a, project=pilot, form_code="application_full", answers=answers
        )
    assert caught.value.code == code


# ---------------------------------------------------------------- review and decisions


def test_a_reviewer_scores_the_funds_criteria_from_1_to_5(world: World, pilot: Project) -> None:
    review = reviews.review_add(
        actor=world.reviewer,
        project=pilot,
        comments="Behov av att styra mot en modell där många barn nås.",
        scores={"research": 4, "follow_up": 2},
        recommendation="grant_with_conditions",
    )
    event = Event.objects.get(project=pilot, action="review_add")
    assert event.after["scores"] == {"research": 4, "follow_up": 2}
    assert review.reviewer == world.reviewer


@pytest.mark.parametrize(
    ("scores", "code"),
    [
        ({"research": 6}, "review_score_out_of_range"),
        ({"research": 0}, "review_score_out_of_range"),
        ({"research": True}, "review_score_out_of_range"),
        ({"beauty": 3}, "review_criterion_unknown"),
    ],
)
def test_scores_outside_the_criteria_or_the_scale_are_refused(
    world: World, pilot: Project, scores: dict[str, int], code: str
) -> None:
    with pytest.raises(SifError) as caught:
        reviews.review_add(
            actor=world.reviewer, project=pilot, comments="Synpunkter", scores=scores
        )
    assert caught.value.code == code


def test_a_grant_may_differ_from_the_sought_amount_and_moves_the_project_to_granted(
    world: World,
) -> None:
    project = make_project(
        world.fund, world.unit_a, state=S.IN_REVIEW, sought_amount=Decimal(22_540_000)
    )
    allocate(world.fund, 50_000_000)
    decision = grant_decisions.decision_record(
        actor=world.admin,
        project=project,
        granted=True,
        body="Socialnämnden",
        decided_on=date(2019, 12, 17),
        paragraph="§ 12",
        granted_amount="20000000",
    )
    assert Project.objects.get(pk=project.pk).state == S.GRANTED
    assert decision.granted_amount == Decimal(20_000_000)
    assert list(
        Event.objects.filter(project=project).order_by("id").values_list("action", flat=True)
    ) == ["decision_record", "project_transition"]


def test_a_rejection_needs_no_amount(world: World) -> None:
    project = make_project(world.fund, world.unit_a, state=S.IN_REVIEW)
    grant_decisions.decision_record(
        actor=world.admin,
        project=project,
        granted=False,
        body="Socialnämnden",
        decided_on=date(2019, 12, 17),
    )
    assert Project.objects.get(pk=project.pk).state == S.REJECTED


@pytest.mark.parametrize(
    ("persona", "state", "kwargs", "code"),
    [
        ("admin", S.IN_REVIEW, {"granted_amount": None}, "decision_amount_required"),
        ("admin", S.IN_REVIEW, {"granted_amount": "-1"}, "decision_amount_negative"),
        ("admin", S.IN_REVIEW, {"body": " "}, "decision_body_required"),
        ("admin", S.APPLICATION_STEP2, {}, "decision_not_in_review"),
        ("reviewer", S.IN_REVIEW, {}, "permission_denied"),
        ("applicant_a", S.IN_REVIEW, {}, "permission_denied"),
        ("outsider", S.IN_REVIEW, {}, "project_not_found"),
    ],
)
def test_a_refused_decision_changes_nothing(
    world: World, persona: str, state: str, kwargs: dict[str, Any], code: str
) -> None:
    project = make_project(world.fund, world.unit_a, state=state)
    before = database_state()
    args = {
        "granted": True,
        "body": "Socialnämnden",
        "decided_on": date(2019, 12, 17),
        "granted_amount": 1,
        **kwargs,
    }
    with pytest.raises(SifError) as caught:
        grant_decisions.decision_record(actor=world.persona(persona), project=project, **args)
    assert caught.value.code == code
    assert database_state() == before


def test_the_closing_decision_closes_the_project_into_regular_operations(world: World) -> None:
    project = make_project(world.fund, world.unit_a, state=S.FINAL_REPORT_SUBMITTED)
    closing_decisions.closing_decision_record(
        actor=world.admin,
        project=project,
        body="Socialnämnden",
        decided_on=date(2021, 11, 23),
        closing_outcome="regular_operations",
        text="1. Socialnämnden godkänner ...",
    )
    stored = Project.objects.get(pk=project.pk)
    assert (stored.state, stored.closing_outcome) == (S.CLOSED, "regular_operations")
    assert Decision.objects.get(project=project).kind == "closing"


def test_indicators_and_documents_are_logged(world: World, pilot: Project) -> None:
    indicator_definitions.indicator_add(
        actor=world.applicant_a,
        project=pilot,
        group="För barn och unga 6-12 år",
        name="Antal barn 6-12 år som efter avslutad kontakt fått en ökad skolnärvaro",
        method="school_data",
        segment="6-12 år",
        comparison_group="ordinarie socialtjänst",
    )
    document = source_documents.source_document_add(
        actor=world.applicant_a, project=pilot, name="ansokan.txt", content="Ansökan".encode()
    )
    assert len(document.sha256) == 64
    assert set(Event.objects.filter(project=pilot).values_list("action", flat=True)) == {
        "indicator_add",
        "source_document_add",
    }


def test_a_historical_project_is_imported_by_a_fund_administrator_with_its_source(
    world: World,
) -> None:
    project = project_details.project_import(
        actor=world.admin,
        fund=world.fund,
        title="STIS",
        owner_unit=world.unit_a,
        state=S.FINAL_REPORT_SUBMITTED,
        source="Slutrapport 2021",
        participating_units=[world.unit_b],
    )
    assert Event.objects.get(project=project, action="project_import").reason == "Slutrapport 2021"
    with pytest.raises(SifError, match="permission_denied"):
        project_details.project_import(
            actor=world.applicant_a,
            fund=world.fund,
            title="X",
            owner_unit=world.unit_a,
            state=S.CLOSED,
            source="x",
        )
