"""Moving a project between states (sif/web/projects/lifecycle.py names the allowed steps).

One home for the step itself (`apply_transition`), so that a plain transition and the decisions
that move a project (grant_decisions.py, closing_decisions.py) log it the same way.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from sif.calc import budget as budget_rules
from sif.calc.errors import SifError
from sif.web.accounts import permissions as perms
from sif.web.accounts.permissions import Verdict
from sif.web.audit.services import project_event_record
from sif.web.projects.budget_changes import budget_inputs
from sif.web.projects.lifecycle import state_label, transition_for, transitions_from
from sif.web.projects.models import ClosingOutcome, Project, ProjectState
from sif.web.projects.service_support import (
    full_clean_or_refuse,
    lock_project,
    require,
)


def allowed_transitions(user: Any, project: Project) -> list[tuple[str, Verdict]]:
    """Each state the project may move to from its current one (except grant/reject, which are
    decisions: see `perms.can_decide`), with whether this user may move it there and why not."""
    return [
        (rule.to_state, perms.can_transition(user, project, rule.to_state))
        for rule in transitions_from(project.state)
        if not rule.via_decision
    ]


def apply_transition(
    actor: Any, project: Project, to_state: str, reason: str, closing_outcome: str = ""
) -> Project:
    before = {"state": project.state, "closing_outcome": project.closing_outcome}
    project.state = to_state
    if to_state == ProjectState.CLOSED:
        project.closing_outcome = closing_outcome
    full_clean_or_refuse(project)
    project.save(update_fields=["state", "closing_outcome", "updated_at"])
    after = {"state": project.state, "closing_outcome": project.closing_outcome}
    project_event_record(
        actor, "project_transition", project, project, before=before, after=after, reason=reason
    )
    return project


def _check_ready_for_review(project: Project) -> None:
    rows = budget_inputs(project)
    if rows and project.sought_amount is not None:
        budget_rules.check_sought_amount(project.sought_amount, budget_rules.grand_total(rows))


@transaction.atomic
def project_transition(
    *, actor: Any, project: Project, to_state: str, reason: str = "", closing_outcome: str = ""
) -> Project:
    """Move the project one step along TRANSITIONS (granting and rejecting: `decision_record`)."""
    lock_project(project)
    if to_state not in ProjectState.values:
        raise SifError("state_unknown", state=to_state)
    verdict = perms.can_transition(actor, project, to_state)
    if not verdict:
        if verdict.reason == "transition_not_allowed":
            raise SifError(
                "transition_not_allowed",
                from_label=state_label(project.state),
                to_label=state_label(to_state),
            )
        require(verdict)
    rule = transition_for(project.state, to_state)
    assert rule is not None
    if rule.needs_reason and not reason.strip():
        raise SifError("transition_reason_required", to_label=state_label(to_state))
    if rule.needs_closing_outcome:
        if not closing_outcome:
            raise SifError("closing_outcome_required")
        if closing_outcome not in ClosingOutcome.values:
            raise SifError("closing_outcome_unknown", outcome=closing_outcome)
    if to_state == ProjectState.IN_REVIEW:
        _check_ready_for_review(project)
    return apply_transition(actor, project, to_state, reason.strip(), closing_outcome)
