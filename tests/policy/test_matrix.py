"""The whole matrix: every action of the registry × every persona (role × owning / participating /
unrelated unit, and the platform operator) × own / other municipality × every state, against the
hand-written table in expectations.py. One test per action; each lists every cell that disagrees."""

from __future__ import annotations

import itertools

import pytest

from sif.policy import NOTHING, REGISTRY, can
from sif.policy import states as s
from tests.policy import builders
from tests.policy.expectations import (
    FUND_ACTIONS,
    OTHER,
    PERSONAS,
    PROJECT_ACTIONS,
    PROPOSAL_ACTIONS,
    SEES_PROJECT,
    SITE_ACTIONS,
)

EVERYONE = (*PERSONAS, "operator")


def project_cells(action: str) -> list[tuple[str, str, str, str]]:
    """Every (persona, municipality, state) cell of one action that disagrees with the table."""
    wrong = []
    for persona, state in itertools.product(EVERYONE, s.ALL_STATES):
        target = builders.project(state)
        verdict = can(action, builders.actor(persona), target)
        expected = state in PROJECT_ACTIONS[action].get(persona, frozenset())
        hidden = persona not in SEES_PROJECT
        if verdict.allowed is not expected or (
            not expected and (verdict.reason == "project_not_found") is not hidden
        ):
            wrong.append((persona, "own", state, verdict.reason))
        if persona != "operator":
            outside = can(action, builders.actor(persona, OTHER), target)
            if outside.reason != "project_not_found":
                wrong.append((persona, "other", state, outside.reason))
    return wrong


def test_the_expectation_table_names_every_action_of_the_registry_once() -> None:
    named = [
        a
        for table in (PROJECT_ACTIONS, FUND_ACTIONS, PROPOSAL_ACTIONS, SITE_ACTIONS)
        for a in table
    ]
    assert sorted(named) == sorted(REGISTRY)
    assert {REGISTRY[a].target for a in PROJECT_ACTIONS} == {"project"}


@pytest.mark.parametrize("action", sorted(PROJECT_ACTIONS))
def test_a_project_action_is_allowed_exactly_where_the_process_says(action: str) -> None:
    assert project_cells(action) == []


@pytest.mark.parametrize("action", sorted(FUND_ACTIONS))
def test_a_fund_action_is_allowed_exactly_for_the_funds_own_roles(action: str) -> None:
    got = {p for p in EVERYONE if can(action, builders.actor(p), builders.fund())}
    assert got == FUND_ACTIONS[action]
    assert {can(action, builders.actor(p, OTHER), builders.fund()).reason for p in PERSONAS} == {
        "fund_not_found"
    }


@pytest.mark.parametrize("action", sorted(PROPOSAL_ACTIONS))
def test_a_new_proposal_is_written_only_by_the_fund_or_an_applicant_of_the_owner_unit(
    action: str,
) -> None:
    target = builders.proposal() if action != "import.documents" else builders.fund()
    assert {p for p in EVERYONE if can(action, builders.actor(p), target)} == PROPOSAL_ACTIONS[
        action
    ]
    assert not any(can(action, builders.actor(p, OTHER), target) for p in PERSONAS)


@pytest.mark.parametrize("action", sorted(SITE_ACTIONS))
def test_menus_and_admin_are_offered_exactly_to_those_who_may(action: str) -> None:
    assert {p for p in EVERYONE if can(action, builders.actor(p), NOTHING)} == SITE_ACTIONS[action]


def matrix_size() -> int:
    """Cells checked: project actions × personas × states × (own + other municipality, no operator
    in another), plus fund/proposal actions × personas × 2 and site actions × personas."""
    project = len(PROJECT_ACTIONS) * len(s.ALL_STATES) * (len(EVERYONE) + len(PERSONAS))
    return (
        project
        + (len(FUND_ACTIONS) + len(PROPOSAL_ACTIONS)) * (len(EVERYONE) + len(PERSONAS))
        + len(SITE_ACTIONS) * len(EVERYONE)
    )
