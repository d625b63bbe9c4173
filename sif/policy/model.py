"""The plain values the policy decides over: who acts (Actor), on what (Target), and the answer.

Built by the web layer's adapter (sif/web/accounts/permissions.py) from the database; here they are
only numbers and codes, so every rule can be tested without Django.
"""

from __future__ import annotations

from dataclasses import dataclass, field

FUND_ADMIN = "fund_admin"
APPLICANT = "applicant"
REPORTER = "reporter"
REVIEWER = "reviewer"
READER = "reader"
ROLES: tuple[str, ...] = (FUND_ADMIN, APPLICANT, REPORTER, REVIEWER, READER)
# The municipality's own administrator of users and roles (kommunadministratör): no project role.
MUNICIPALITY_ADMIN = "municipality_admin"


def removes_own_admin_role(actor_id: int, member_user_id: int, role: str) -> bool:
    """A kommunadministratör may not remove their own administrator role (the municipality would be
    left without anyone to manage its users)."""
    return actor_id == member_user_id and role == MUNICIPALITY_ADMIN


# Roles that see every project of their municipality whatever their unit.
MUNICIPALITY_WIDE_ROLES = frozenset({FUND_ADMIN, REVIEWER, READER})


@dataclass(frozen=True)
class Membership:
    """One role in one municipality; `unit_ids` is the unit's subtree, None for the whole municipality."""

    role: str
    municipality_id: int
    unit_ids: frozenset[int] | None = None

    def covers(self, unit_id: int | None) -> bool:
        return self.unit_ids is None or (unit_id is not None and unit_id in self.unit_ids)


@dataclass(frozen=True)
class Actor:
    user_id: int | None
    is_superuser: bool = False
    memberships: tuple[Membership, ...] = ()
    is_authenticated: bool = True

    def in_municipality(self, municipality_id: int | None) -> tuple[Membership, ...]:
        return tuple(m for m in self.memberships if m.municipality_id == municipality_id)

    def roles(self) -> frozenset[str]:
        return frozenset(m.role for m in self.memberships)


ANONYMOUS = Actor(user_id=None, is_authenticated=False)


@dataclass(frozen=True)
class Target:
    """What an action is about. A project has an owner unit and state; a fund or a new proposal has
    only a municipality (and, for a proposal, the owner unit in `unit_id`); a menu item has nothing.
    `unit_id` is the unit a report is entered for."""

    municipality_id: int | None = None
    owner_unit_id: int | None = None
    participating_unit_ids: frozenset[int] = field(default_factory=frozenset)
    state: str = ""
    unit_id: int | None = None

    @property
    def unit_ids(self) -> frozenset[int]:
        ids = set(self.participating_unit_ids)
        if self.owner_unit_id is not None:
            ids.add(self.owner_unit_id)
        return frozenset(ids)


NOTHING = Target()


@dataclass(frozen=True)
class Verdict:
    """Whether an action is allowed; when not, an ASCII reason code (Swedish in sif/web/messages_sv.py)."""

    allowed: bool
    reason: str = ""

    def __bool__(self) -> bool:
        return self.allowed


ALLOWED = Verdict(True)

# Every reason a rule of the registry refuses with (tests/policy/test_reasons.py keeps this whole):
# the API answers each 403 (the user may not do this, in this state) except the two "not found",
# answered 404 for what the user may not see at all (another municipality's project or fund).
NOT_FOUND_REASONS = frozenset({"project_not_found", "fund_not_found"})
REFUSALS = NOT_FOUND_REASONS | frozenset(
    {
        "calculation_after_decision",
        "closing_not_after_final_report",
        "decision_none_to_correct",
        "decision_not_in_review",
        "indicator_locked",
        "login_required",
        "not_followup_editor",
        "not_project_leader",
        "not_reporter_for_unit",
        "period_closed",
        "permission_denied",
        "project_locked",
        "project_not_editable_in_state",
        "publication_not_allowed",
        "review_not_open",
        "transition_not_allowed",
    }
)


def refuse(reason: str) -> Verdict:
    return Verdict(False, reason)
