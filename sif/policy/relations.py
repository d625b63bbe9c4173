"""How an actor stands to a target, derived from memberships: the only place roles are read.

A relation is a role narrowed to this target:
- fund_admin, reviewer, reader: held for the target's municipality (these roles see all of it);
- leader: an applicant whose unit covers the project's owner unit (the project leader);
- participant: an applicant of a participating unit only (sees the project, does not run it);
- reporter: a reporter whose unit covers the owner or a participating unit;
- unit_reporter: a reporter whose unit covers the unit the report is for (`Target.unit_id`).
An applicant or reporter without a unit covers the whole municipality.
"""

from __future__ import annotations

from sif.policy.model import APPLICANT, FUND_ADMIN, MUNICIPALITY_WIDE_ROLES, REPORTER, Actor, Target

LEADER = "leader"
PARTICIPANT = "participant"
UNIT_REPORTER = "unit_reporter"


def relations(actor: Actor, target: Target) -> frozenset[str]:
    found: set[str] = set()
    for m in actor.in_municipality(target.municipality_id):
        if m.role in MUNICIPALITY_WIDE_ROLES:
            found.add(m.role)
        elif m.role == APPLICANT:
            if m.covers(target.owner_unit_id) or (
                target.owner_unit_id is None and m.covers(target.unit_id)
            ):
                found.add(LEADER)
            elif m.unit_ids is None or m.unit_ids & target.participating_unit_ids:
                found.add(PARTICIPANT)
        elif m.role == REPORTER:
            if m.unit_ids is None or m.unit_ids & target.unit_ids:
                found.add(REPORTER)
            if (
                target.unit_id is not None
                and m.covers(target.unit_id)
                and target.unit_id in target.unit_ids
            ):
                found.add(UNIT_REPORTER)
    return frozenset(found)


def sees_project(actor: Actor, target: Target) -> bool:
    return bool(relations(actor, target) - {UNIT_REPORTER})


def is_member(actor: Actor, municipality_id: int | None) -> bool:
    return bool(actor.in_municipality(municipality_id))


def holds(actor: Actor, role: str, municipality_id: int | None = None) -> bool:
    """Whether the actor has the role (in the municipality, when one is given)."""
    return any(
        m.role == role and (municipality_id is None or m.municipality_id == municipality_id)
        for m in actor.memberships
    )


def project_scope(actor: Actor) -> list[tuple[int, frozenset[int] | None]]:
    """For queryset filters: per membership, the municipality and the units whose projects (owned
    or participated in) are visible; None means every project of the municipality."""
    scope: list[tuple[int, frozenset[int] | None]] = []
    for m in actor.memberships:
        wide = m.role in MUNICIPALITY_WIDE_ROLES or m.unit_ids is None
        scope.append((m.municipality_id, None if wide else m.unit_ids))
    return scope


def municipalities_with(actor: Actor, roles: frozenset[str]) -> frozenset[int]:
    return frozenset(m.municipality_id for m in actor.memberships if m.role in roles)


def fund_scope(actor: Actor) -> frozenset[int]:
    """Municipalities whose funds (ledger, portfolio) the actor reads: the `fund.view` rule as a filter."""
    return municipalities_with(actor, MUNICIPALITY_WIDE_ROLES)


def admin_scope(actor: Actor) -> frozenset[int] | None:
    """Municipalities whose rows the admin shows the actor; None for the platform operator (all)."""
    return None if actor.is_superuser else municipalities_with(actor, frozenset({FUND_ADMIN}))
