"""Plain builders for the policy tests: an actor per persona, a project target per state."""

from __future__ import annotations

from sif.policy import Actor, Membership, Target
from tests.policy.expectations import OWN, OWNER, PART, PERSONAS


def actor(persona: str, municipality: int = OWN) -> Actor:
    if persona == "operator":
        return Actor(user_id=99, is_superuser=True)
    role, units = PERSONAS[persona]
    return Actor(user_id=1, memberships=(Membership(role, municipality, units),))


def project(state: str, *, unit_id: int | None = PART) -> Target:
    return Target(
        municipality_id=OWN,
        owner_unit_id=OWNER,
        participating_unit_ids=frozenset({PART}),
        state=state,
        unit_id=unit_id,
    )


def fund() -> Target:
    return Target(municipality_id=OWN)


def proposal(unit_id: int | None = OWNER) -> Target:
    return Target(municipality_id=OWN, unit_id=unit_id)
