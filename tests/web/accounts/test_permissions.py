"""The permission matrix: every persona × every action, across two municipalities and two units.

The project belongs to unit A (Hässelby-Vällingby) of Stockholm; Malmö's fund administrator is the
outsider. Each row names the state the project is in when the action is asked about."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from sif.web.accounts import permissions as p
from sif.web.projects.models import Project, ProjectState
from tests.web.builders import make_project
from tests.web.conftest import PERSONAS, World

S = ProjectState
Check = Callable[[World, Project], Any]

# action, state of the project, the check, personas allowed
MATRIX: list[tuple[str, str, Check, set[str]]] = [
    (
        "view",
        S.APPLICATION_STEP2,
        lambda w, pr: p.can_view_project,
        {"admin", "applicant_a", "reporter", "reviewer", "reader"},
    ),
    (
        "edit while applying",
        S.APPLICATION_STEP2,
        lambda w, pr: p.can_edit_project,
        {"admin", "applicant_a"},
    ),
    ("edit while running", S.RUNNING, lambda w, pr: p.can_edit_project, {"admin"}),
    ("edit when closed", S.CLOSED, lambda w, pr: p.can_edit_project, set()),
    ("edit budget", S.APPLICATION_STEP1, lambda w, pr: p.can_edit_budget, {"admin", "applicant_a"}),
    (
        "submit application",
        S.APPLICATION_STEP2,
        lambda w, pr: p.can_submit_application,
        {"admin", "applicant_a"},
    ),
    ("submit application under review", S.IN_REVIEW, lambda w, pr: p.can_submit_application, set()),
    ("review", S.IN_REVIEW, lambda w, pr: p.can_review, {"admin", "reviewer"}),
    ("review after the decision", S.GRANTED, lambda w, pr: p.can_review, set()),
    ("decide", S.IN_REVIEW, lambda w, pr: p.can_decide, {"admin"}),
    ("decide before review", S.APPLICATION_STEP2, lambda w, pr: p.can_decide, set()),
    ("record closing", S.FINAL_REPORT_SUBMITTED, lambda w, pr: p.can_record_closing, {"admin"}),
    ("add document", S.RUNNING, lambda w, pr: p.can_add_document, {"admin"}),
    (
        "add document while applying",
        S.PROPOSAL,
        lambda w, pr: p.can_add_document,
        {"admin", "applicant_a"},
    ),
]

PROJECT_CASES = [
    (action, state, check, allowed, persona)
    for action, state, check, allowed in MATRIX
    for persona in PERSONAS
]


@pytest.mark.parametrize(
    ("action", "state", "check", "allowed", "persona"),
    PROJECT_CASES,
    ids=[f"{c[0]}-{c[4]}" for c in PROJECT_CASES],
)
def test_project_actions_follow_the_matrix(
    world: World, action: str, state: str, check: Check, allowed: set[str], persona: str
) -> None:
    project = make_project(world.fund, world.unit_a, state=state)
    verdict = check(world, project)(world.persona(persona), project)
    assert bool(verdict) is (persona in allowed)
    if not verdict:
        assert verdict.reason


@pytest.mark.parametrize("persona", PERSONAS)
def test_nobody_outside_the_municipality_or_the_unit_learns_that_a_project_exists(
    world: World, persona: str
) -> None:
    project = make_project(world.fund, world.unit_a, state=S.APPLICATION_STEP2)
    verdict = p.can_edit_project(world.persona(persona), project)
    if persona in {"outsider", "applicant_b"}:
        assert verdict.reason == "project_not_found"


@pytest.mark.parametrize(
    ("persona", "unit", "allowed"),
    [
        (persona, unit, allowed)
        for persona in PERSONAS
        for unit, allowed in (("unit_a", {"admin", "reporter"}), ("unit_b", {"admin"}))
    ],
)
def test_a_reporter_reports_only_for_its_own_unit(
    world: World, persona: str, unit: str, allowed: set[str]
) -> None:
    project = make_project(world.fund, world.unit_b, state=S.RUNNING, units=[world.unit_a])
    verdict = p.can_report_for_unit(world.persona(persona), project, getattr(world, unit))
    assert bool(verdict) is (persona in allowed)


@pytest.mark.parametrize(
    ("persona", "allowed"), [(x, x in {"admin", "applicant_a"}) for x in PERSONAS]
)
def test_creating_a_project_for_unit_a_is_for_its_applicant_and_the_fund_administrator(
    world: World, persona: str, allowed: bool
) -> None:
    assert bool(p.can_create_project(world.persona(persona), world.fund, world.unit_a)) is allowed


def test_a_unit_of_another_municipality_cannot_own_a_project_of_this_fund(world: World) -> None:
    assert (
        p.can_create_project(world.admin, world.fund, world.malmo_unit).reason
        == "unit_outside_municipality"
    )


def test_an_applicant_of_a_participating_unit_sees_the_project_but_cannot_change_it(
    world: World,
) -> None:
    project = make_project(
        world.fund, world.unit_a, state=S.APPLICATION_STEP1, units=[world.unit_b]
    )
    assert p.can_view_project(world.applicant_b, project)
    assert p.can_edit_project(world.applicant_b, project).reason == "permission_denied"


def test_an_applicant_of_a_parent_unit_acts_for_the_units_below_it(world: World) -> None:
    from sif.web.accounts.models import Role
    from tests.web.builders import make_unit, make_user

    department = make_unit(
        world.sthlm, "Avdelningen för barn och unga", kind="avdelning", parent=world.unit_a
    )
    project = make_project(world.fund, department)
    parent_applicant = make_user("parent", Role.APPLICANT, world.sthlm, world.unit_a)
    assert p.can_edit_project(parent_applicant, project)


@pytest.mark.parametrize(
    ("persona", "allowed"), [(x, x in {"admin", "outsider"}) for x in PERSONAS]
)
def test_the_admin_site_is_for_fund_administrators(
    world: World, persona: str, allowed: bool
) -> None:
    assert bool(p.can_view_admin(world.persona(persona))) is allowed


@pytest.mark.parametrize(
    ("persona", "count"),
    [
        ("admin", 2),
        ("applicant_a", 1),
        ("applicant_b", 1),
        ("reporter", 1),
        ("reviewer", 2),
        ("reader", 2),
        ("outsider", 1),
    ],
)
def test_visible_projects_are_scoped_by_municipality_and_unit(
    world: World, persona: str, count: int
) -> None:
    make_project(world.fund, world.unit_a, title="A")
    make_project(world.fund, world.unit_b, title="B")
    make_project(world.malmo_fund, world.malmo_unit, title="Hela familjen")
    assert p.visible_projects(world.persona(persona)).count() == count
