"""The project lifecycle as data: which state may follow which, which action moves it, who may.

förslag → ansökan steg 1 → ansökan steg 2 → under beredning → beviljad | avslagen;
beviljad → pågående → slutrapporterad → avslutad; återtagen from any state before a decision.

The applicant writes and submits (the proposal, the step-1 and the step-2 application, each stored
as its own step) but does not move the project on: the fund administrator invites to step 1 and to
step 2 and sends to review; granting and rejecting happen only through a recorded decision
(`via_decision`); the project leader starts the work and submits the final report; the fund
administrator closes with a closing decision. `relations` names who may trigger each edge
(sif/policy/relations.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from sif.policy import states as s
from sif.policy.model import FUND_ADMIN
from sif.policy.relations import LEADER

ADMIN = frozenset({FUND_ADMIN})
LEADER_OR_ADMIN = frozenset({LEADER, FUND_ADMIN})


@dataclass(frozen=True)
class Transition:
    action: str
    from_states: frozenset[str]
    to_state: str
    relations: frozenset[str]
    via_decision: bool = False
    needs_reason: bool = False
    needs_closing_outcome: bool = False


TRANSITIONS: tuple[Transition, ...] = (
    Transition("project.invite_to_step1", frozenset({s.PROPOSAL}), s.APPLICATION_STEP1, ADMIN),
    Transition(
        "project.invite_to_step2", frozenset({s.APPLICATION_STEP1}), s.APPLICATION_STEP2, ADMIN
    ),
    Transition("project.send_to_review", frozenset({s.APPLICATION_STEP2}), s.IN_REVIEW, ADMIN),
    Transition("project.decide", frozenset({s.IN_REVIEW}), s.GRANTED, ADMIN, via_decision=True),
    Transition("project.decide", frozenset({s.IN_REVIEW}), s.REJECTED, ADMIN, via_decision=True),
    Transition("project.start", frozenset({s.GRANTED}), s.RUNNING, LEADER_OR_ADMIN),
    Transition(
        "project.submit_final_report",
        frozenset({s.RUNNING}),
        s.FINAL_REPORT_SUBMITTED,
        LEADER_OR_ADMIN,
    ),
    Transition(
        "project.close",
        frozenset({s.FINAL_REPORT_SUBMITTED}),
        s.CLOSED,
        ADMIN,
        needs_closing_outcome=True,
    ),
    Transition(
        "project.withdraw",
        s.BEFORE_DECISION_STATES,
        s.WITHDRAWN,
        LEADER_OR_ADMIN,
        needs_reason=True,
    ),
)


def transition_for(from_state: str, to_state: str) -> Transition | None:
    for t in TRANSITIONS:
        if from_state in t.from_states and t.to_state == to_state:
            return t
    return None


def transitions_from(state: str) -> list[Transition]:
    return [t for t in TRANSITIONS if state in t.from_states]


def transition_by_action(action: str) -> list[Transition]:
    return [t for t in TRANSITIONS if t.action == action]
