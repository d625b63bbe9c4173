"""The scope of a fund action (sif/policy/actions.fund_scope_of): the municipalities a list of
funds filters by in one query must be exactly those where the rule allows the action."""

from __future__ import annotations

import pytest

from sif.policy import Actor, Membership, Target, can
from sif.policy.actions import fund_scope_of
from tests.policy.expectations import FUND_ACTIONS, OTHER, OWN, PERSONAS


@pytest.mark.parametrize("action", sorted(FUND_ACTIONS))
def test_a_fund_actions_scope_is_where_the_rule_allows_it_for_every_persona(action: str) -> None:
    for role, units in PERSONAS.values():
        actor = Actor(
            user_id=1, memberships=(Membership(role, OWN, units), Membership("reader", OTHER, None))
        )
        allowed = {m for m in (OWN, OTHER, 3) if can(action, actor, Target(municipality_id=m))}
        assert fund_scope_of(action, actor) == allowed, (action, role)
    operator = Actor(user_id=2, is_superuser=True)
    assert fund_scope_of(action, operator) == set()
    assert not any(can(action, operator, Target(municipality_id=m)) for m in (OWN, OTHER))


def test_the_scope_is_asked_only_of_fund_actions() -> None:
    with pytest.raises(ValueError):
        fund_scope_of("project.view", Actor(user_id=1))
