"""Every state × every target × every persona: who may move a project where, and that a refusal
changes nothing. The expected table is written out here, independently of lifecycle.TRANSITIONS."""

from __future__ import annotations

import pytest

from sif.calc.errors import SifError
from sif.web.audit.models import Event
from sif.web.projects import project_transitions
from sif.web.projects.models import Project, ProjectState
from tests.web.builders import make_project
from tests.web.conftest import PERSONAS, World

S = ProjectState
OWNERS = frozenset({"admin", "applicant_a"})
ADMIN = frozenset({"admin"})

# (from, to) -> personas that may do it; every other pair is refused for everyone. The applicant
# writes and submits; the fund invites to step 1 and 2 and sends to review; the leader starts the work.
ALLOWED: dict[tuple[str, str], frozenset[str]] = {
    (S.PROPOSAL, S.APPLICATION_STEP1): ADMIN,
    (S.PROPOSAL, S.WITHDRAWN): OWNERS,
    (S.APPLICATION_STEP1, S.APPLICATION_STEP2): ADMIN,
    (S.APPLICATION_STEP1, S.WITHDRAWN): OWNERS,
    (S.APPLICATION_STEP2, S.IN_REVIEW): ADMIN,
    (S.APPLICATION_STEP2, S.WITHDRAWN): OWNERS,
    (S.IN_REVIEW, S.WITHDRAWN): OWNERS,
    (S.GRANTED, S.RUNNING): OWNERS,
    (S.RUNNING, S.FINAL_REPORT_SUBMITTED): OWNERS,
    (S.FINAL_REPORT_SUBMITTED, S.CLOSED): ADMIN,
}
PAIRS = [(a, b) for a in S.values for b in S.values]


def _try(
    world: World, persona: str, from_state: str, to_state: str
) -> tuple[Project, SifError | None]:
    project = make_project(world.fund, world.unit_a, state=from_state)
    try:
        project_transitions.project_transition(
            actor=world.persona(persona),
            project=project,
            to_state=to_state,
            reason="Motivering",
            closing_outcome="regular_operations",
        )
    except SifError as exc:
        return project, exc
    return project, None


@pytest.mark.parametrize(("from_state", "to_state"), PAIRS)
def test_a_transition_is_allowed_exactly_for_the_roles_in_the_table(
    world: World, from_state: str, to_state: str
) -> None:
    allowed = ALLOWED.get((from_state, to_state), frozenset())
    for persona in PERSONAS:
        events_before = Event.objects.count()
        project, error = _try(world, persona, from_state, to_state)
        stored = Project.objects.get(pk=project.pk)
        if persona in allowed:
            assert error is None, (persona, error)
            assert stored.state == to_state
            event = Event.objects.filter(project=project, action="project_transition").get()
            assert (event.before["state"], event.after["state"]) == (from_state, to_state)
        else:
            assert error is not None, persona
            assert stored.state == from_state
            assert Event.objects.count() == events_before


@pytest.mark.parametrize(
    ("persona", "from_state", "to_state", "code"),
    [
        ("outsider", S.PROPOSAL, S.APPLICATION_STEP1, "project_not_found"),
        ("applicant_b", S.PROPOSAL, S.APPLICATION_STEP1, "project_not_found"),
        ("reader", S.PROPOSAL, S.APPLICATION_STEP1, "permission_denied"),
        ("reviewer", S.APPLICATION_STEP2, S.IN_REVIEW, "permission_denied"),
        ("reporter", S.RUNNING, S.FINAL_REPORT_SUBMITTED, "permission_denied"),
        ("applicant_a", S.APPLICATION_STEP2, S.IN_REVIEW, "permission_denied"),
        ("applicant_a", S.PROPOSAL, S.APPLICATION_STEP1, "permission_denied"),
        ("admin", S.PROPOSAL, S.GRANTED, "transition_not_allowed"),
        ("admin", S.IN_REVIEW, S.GRANTED, "transition_requires_decision"),
        ("admin", S.IN_REVIEW, S.REJECTED, "transition_requires_decision"),
        ("admin", S.CLOSED, S.RUNNING, "transition_not_allowed"),
        ("admin", S.GRANTED, S.WITHDRAWN, "transition_not_allowed"),
    ],
)
def test_a_refusal_names_its_reason(
    world: World, persona: str, from_state: str, to_state: str, code: str
) -> None:
    _, error = _try(world, persona, from_state, to_state)
    assert error is not None and error.code == code


def test_the_refusal_of_an_impossible_step_names_both_states_in_swedish(world: World) -> None:
    _, error = _try(world, "admin", S.PROPOSAL, S.CLOSED)
    assert error is not None and error.params == {"from_label": "förslag", "to_label": "avslutad"}


def test_closing_needs_an_outcome(world: World) -> None:
    project = make_project(world.fund, world.unit_a, state=S.FINAL_REPORT_SUBMITTED)
    with pytest.raises(SifError, match="closing_outcome_required"):
        project_transitions.project_transition(
            actor=world.admin, project=project, to_state=S.CLOSED
        )
    with pytest.raises(SifError, match="closing_outcome_unknown"):
        project_transitions.project_transition(
            actor=world.admin, project=project, to_state=S.CLOSED, closing_outcome="forever"
        )
    project_transitions.project_transition(
        actor=world.admin, project=project, to_state=S.CLOSED, closing_outcome="ended"
    )
    assert Project.objects.get(pk=project.pk).closing_outcome == "ended"


def test_withdrawing_needs_a_reason_and_keeps_the_project(world: World) -> None:
    project = make_project(world.fund, world.unit_a, state=S.APPLICATION_STEP1)
    with pytest.raises(SifError, match="transition_reason_required"):
        project_transitions.project_transition(
            actor=world.applicant_a, project=project, to_state=S.WITHDRAWN, reason="  "
        )
    project_transitions.project_transition(
        actor=world.applicant_a, project=project, to_state=S.WITHDRAWN, reason="Ingen finansiering"
    )
    assert Project.objects.filter(pk=project.pk, state=S.WITHDRAWN).exists()
    assert (
        Event.objects.get(project=project, action="project_transition").reason
        == "Ingen finansiering"
    )


@pytest.mark.parametrize(
    ("persona", "state", "expected"),
    [
        ("admin", S.PROPOSAL, [(S.APPLICATION_STEP1, True), (S.WITHDRAWN, True)]),
        ("applicant_a", S.APPLICATION_STEP2, [(S.IN_REVIEW, False), (S.WITHDRAWN, True)]),
        ("reviewer", S.APPLICATION_STEP2, [(S.IN_REVIEW, False), (S.WITHDRAWN, False)]),
        ("admin", S.IN_REVIEW, [(S.WITHDRAWN, True)]),
        ("applicant_a", S.GRANTED, [(S.RUNNING, True)]),
        ("admin", S.CLOSED, []),
    ],
)
def test_allowed_transitions_lists_the_buttons_with_verdicts(
    world: World, persona: str, state: str, expected: list[tuple[str, bool]]
) -> None:
    project = make_project(world.fund, world.unit_a, state=state)
    result = project_transitions.allowed_transitions(world.persona(persona), project)
    assert [(to, bool(v)) for to, v in result] == expected
