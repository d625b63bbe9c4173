"""The project lifecycle as data: which state may follow which, and who may move it.

förslag → ansökan steg 1 → ansökan steg 2 → under beredning → beviljad | avslagen;
beviljad → pågående → slutrapporterad → avslutad (utfall: ordinarie verksamhet | avslutad);
återtagen from any state before a decision.

Granting and rejecting happen only through `decision_record` (they need a decision: body, date,
amount), so those two edges are marked `via_decision` and refused by `project_transition`.
"""

from __future__ import annotations

from dataclasses import dataclass

from sif.web.accounts.models import Role
from sif.web.projects.models import ProjectState as S

APPLICANT_AND_ADMIN = frozenset({Role.APPLICANT, Role.FUND_ADMIN})
ADMIN_ONLY = frozenset({Role.FUND_ADMIN})


@dataclass(frozen=True)
class Transition:
    roles: frozenset[str]
    via_decision: bool = False
    needs_reason: bool = False
    needs_closing_outcome: bool = False


_WITHDRAW = Transition(APPLICANT_AND_ADMIN, needs_reason=True)

TRANSITIONS: dict[str, dict[str, Transition]] = {
    S.PROPOSAL: {S.APPLICATION_STEP1: Transition(APPLICANT_AND_ADMIN), S.WITHDRAWN: _WITHDRAW},
    S.APPLICATION_STEP1: {
        S.APPLICATION_STEP2: Transition(APPLICANT_AND_ADMIN),
        S.WITHDRAWN: _WITHDRAW,
    },
    S.APPLICATION_STEP2: {S.IN_REVIEW: Transition(APPLICANT_AND_ADMIN), S.WITHDRAWN: _WITHDRAW},
    S.IN_REVIEW: {
        S.GRANTED: Transition(ADMIN_ONLY, via_decision=True),
        S.REJECTED: Transition(ADMIN_ONLY, via_decision=True),
        S.WITHDRAWN: _WITHDRAW,
    },
    S.GRANTED: {S.RUNNING: Transition(ADMIN_ONLY)},
    S.RUNNING: {S.FINAL_REPORT_SUBMITTED: Transition(APPLICANT_AND_ADMIN)},
    S.FINAL_REPORT_SUBMITTED: {S.CLOSED: Transition(ADMIN_ONLY, needs_closing_outcome=True)},
    S.REJECTED: {},
    S.CLOSED: {},
    S.WITHDRAWN: {},
}

# States in which the applicant still writes the application (and may change budget and texts).
APPLICATION_STATES = frozenset({S.PROPOSAL, S.APPLICATION_STEP1, S.APPLICATION_STEP2})
# States after which nothing about the project changes any more.
FINAL_STATES = frozenset({S.REJECTED, S.CLOSED, S.WITHDRAWN})
# States in which the fund has decided on the project (it may then be published).
DECIDED_STATES = frozenset({S.GRANTED, S.RUNNING, S.FINAL_REPORT_SUBMITTED, S.CLOSED, S.REJECTED})
# States in which reviewers comment and score.
REVIEW_STATES = frozenset({S.PROPOSAL, S.APPLICATION_STEP1, S.APPLICATION_STEP2, S.IN_REVIEW})


def transition_for(from_state: str, to_state: str) -> Transition | None:
    return TRANSITIONS.get(from_state, {}).get(to_state)


def state_label(state: str) -> str:
    try:
        return str(S(state).label)
    except ValueError:
        return state
