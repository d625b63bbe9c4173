"""The grant decision: a project under review becomes granted or rejected, and its corrections.

The rules (amount above the sought one, above the fund's available money, dates in order) live
in sif/policy/decisions.py; this module gathers their facts and stores the decision.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction

from sif.calc.errors import SifError
from sif.policy.decisions import GrantFacts, check_grant, exceeds_available
from sif.web.accounts import permissions as perms
from sif.web.audit.services import project_event_record
from sif.web.projects.decision_records import (
    check_decision_basics,
    decision_after,
    decision_save,
    decision_to_correct,
)
from sif.web.projects.lifecycle import state_label
from sif.web.projects.models import Decision, DecisionKind, Project, ProjectState
from sif.web.projects.project_transitions import apply_transition
from sif.web.projects.service_support import lock_project, parse_money, require


def _grant_facts(
    project: Project,
    granted: bool,
    amount: Decimal | None,
    decided_on: date | None,
    date_precision: str,
    above_sought_reason: str,
    confirmed: bool,
    superseded: Decision | None = None,
) -> GrantFacts:
    """What the policy's decision rules need, read from the project, its applications and the ledger.
    A correction frees the amount of the decision it supersedes."""
    from sif.web.projects.selectors import fund_available, submitted_on

    available = fund_available(project.fund)
    if superseded is not None and superseded.granted_amount is not None:
        available += superseded.granted_amount
    return GrantFacts(
        granted=granted,
        granted_amount=amount,
        sought_amount=project.sought_amount,
        available=available,
        decided_on=decided_on,
        date_precision=date_precision,
        submitted_on=submitted_on(project),
        project_start=project.start_date,
        above_sought_reason=above_sought_reason,
        above_available_confirmed=confirmed,
    )


def _grant_amount(granted: bool, granted_amount: Decimal | int | str | None) -> Decimal | None:
    if not granted:
        return None
    if granted_amount is None or granted_amount == "":
        raise SifError("decision_amount_required")
    return parse_money(granted_amount, "decision_amount")


@transaction.atomic
def decision_record(
    *,
    actor: Any,
    project: Project,
    granted: bool,
    body: str,
    decided_on: date | None,
    paragraph: str = "",
    granted_amount: Decimal | int | str | None = None,
    conditions: str = "",
    date_precision: str = "day",
    above_sought_reason: str = "",
    above_available_confirmed: bool = False,
) -> Decision:
    """The grant decision for a project under review: it becomes `granted` or `rejected`.
    A grant needs the granted amount (kronor ≥ 0); above the sought amount it needs a reason, above
    the fund's available money a confirmation (and is then recorded as such); dates in order
    (sif/policy/decisions.py)."""
    lock_project(project)
    require(perms.can_decide(actor, project))
    decision = _grant_decision_save(
        actor,
        project,
        granted=granted,
        body=body,
        decided_on=decided_on,
        paragraph=paragraph,
        granted_amount=granted_amount,
        conditions=conditions,
        date_precision=date_precision,
        above_sought_reason=above_sought_reason,
        above_available_confirmed=above_available_confirmed,
    )
    project_event_record(
        actor, "decision_record", decision, project, after=decision_after(decision)
    )
    apply_transition(
        actor,
        project,
        ProjectState.GRANTED if granted else ProjectState.REJECTED,
        reason=f"{decision.body} {decided_on or ''} {paragraph}".strip(),
    )
    return decision


def _grant_decision_save(
    actor: Any,
    project: Project,
    *,
    superseded: Decision | None = None,
    correction_reason: str = "",
    **fields: Any,
) -> Decision:
    """Check a grant decision against the policy's rules (sif/policy/decisions.py) and store it."""
    check_decision_basics(fields["body"], fields["date_precision"])
    granted = fields["granted"]
    amount = _grant_amount(granted, fields["granted_amount"])
    reason = fields["above_sought_reason"].strip()
    facts = _grant_facts(
        project,
        granted,
        amount,
        fields["decided_on"],
        fields["date_precision"],
        reason,
        fields["above_available_confirmed"],
        superseded=superseded,
    )
    check_grant(facts)
    above_sought = (
        amount is not None and project.sought_amount is not None and amount > project.sought_amount
    )
    return decision_save(
        actor,
        project,
        kind=DecisionKind.GRANT,
        granted=granted,
        body=fields["body"],
        decided_on=fields["decided_on"],
        date_precision=fields["date_precision"],
        paragraph=fields["paragraph"],
        granted_amount=amount,
        conditions=fields["conditions"],
        above_sought_reason=reason if above_sought else "",
        above_available=exceeds_available(facts),
        supersedes=superseded,
        correction_reason=correction_reason,
    )


@transaction.atomic
def decision_correct(*, actor: Any, project: Project, reason: str, **decision: Any) -> Decision:
    """Correct the grant decision by a new one that supersedes it (append-only: the old one stays).
    `decision` takes decision_record's fields. Turning a grant into a rejection or back is possible
    only before the work has started."""
    old = decision_to_correct(
        actor, project, "project.correct_decision", DecisionKind.GRANT, reason
    )
    fields = {
        "paragraph": "",
        "granted_amount": None,
        "conditions": "",
        "date_precision": "day",
        "above_sought_reason": "",
        "above_available_confirmed": False,
    } | decision
    granted = fields["granted"]
    if granted != old.granted and project.state not in (
        ProjectState.GRANTED,
        ProjectState.REJECTED,
    ):
        raise SifError("decision_outcome_fixed", state=state_label(project.state))
    new = _grant_decision_save(
        actor, project, superseded=old, correction_reason=reason.strip(), **fields
    )
    project_event_record(
        actor,
        "decision_correct",
        new,
        project,
        before=decision_after(old),
        after=decision_after(new),
        reason=reason.strip(),
    )
    if granted != old.granted:
        apply_transition(
            actor,
            project,
            ProjectState.GRANTED if granted else ProjectState.REJECTED,
            reason=reason.strip(),
        )
    return new
