"""The closing decision on the final report, which closes the project, and its corrections.

It also carries the repayment agreed for the project, kept on both the decision and the project.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from sif.calc.errors import SifError
from sif.policy.decisions import check_closing
from sif.web.accounts import permissions as perms
from sif.web.audit.services import project_event_record
from sif.web.projects.decision_records import (
    check_decision_basics,
    current_grant_decision,
    decision_after,
    decision_save,
    decision_to_correct,
)
from sif.web.projects.models import ClosingOutcome, Decision, DecisionKind, Project, ProjectState
from sif.web.projects.project_transitions import apply_transition
from sif.web.projects.service_support import (
    full_clean_or_refuse,
    lock_project,
    require,
    snapshot,
)


def _check_closing_terms(
    project: Project, body: str, decided_on: date | None, date_precision: str, outcome: str
) -> None:
    """A closing decision's basics, its outcome, and its date after the grant and the start."""
    check_decision_basics(body, date_precision)
    if not outcome:
        raise SifError("closing_outcome_required")
    if outcome not in ClosingOutcome.values:
        raise SifError("closing_outcome_unknown", outcome=outcome)
    grant = current_grant_decision(project)
    check_closing(
        decided_on,
        date_precision,
        grant_decided_on=grant.decided_on if grant else None,
        project_start=project.start_date,
    )


def _closing_save(
    actor: Any, project: Project, *, closing_outcome: str, text: str, **fields: Any
) -> tuple[Decision, dict[str, Any]]:
    """Store a closing decision with its terms, and put the terms on the project; returns the
    decision and the project's terms before."""
    rule, note = fields.pop("repayment_rule"), fields.pop("repayment_note").strip()
    decision = decision_save(
        actor,
        project,
        kind=DecisionKind.CLOSING,
        granted=True,
        granted_amount=None,
        conditions=text,
        closing_outcome=closing_outcome,
        repayment_rule=rule,
        repayment_note=note,
        **fields,
    )
    before = {
        "closing_outcome": project.closing_outcome,
        "repayment_rule": project.repayment_rule,
        "repayment_note": project.repayment_note,
    }
    project.repayment_rule, project.repayment_note = rule, note
    full_clean_or_refuse(project)
    project.save(update_fields=["repayment_rule", "repayment_note", "updated_at"])
    return decision, before


def _closing_after(decision: Decision) -> dict[str, Any]:
    return decision_after(decision) | snapshot(
        decision, ("closing_outcome", "repayment_rule", "repayment_note")
    )


@transaction.atomic
def closing_decision_record(
    *,
    actor: Any,
    project: Project,
    body: str,
    decided_on: date | None,
    closing_outcome: str,
    text: str = "",
    paragraph: str = "",
    date_precision: str = "day",
    repayment_rule: str = "",
    repayment_note: str = "",
) -> Decision:
    """The decision on the final report: the project is closed, into regular operations or ended.
    `text` holds the decision's wording (e.g. the förvaltning's proposed decisions). The repayment
    agreed for this project (`repayment_rule`, blank: the fund's rule; `repayment_note`, e.g.
    "enligt överenskommelse med kommunledningskontoret") is kept on the decision and the project."""
    lock_project(project)
    require(perms.can_record_closing(actor, project))
    _check_closing_terms(project, body, decided_on, date_precision, closing_outcome)
    decision, before = _closing_save(
        actor,
        project,
        closing_outcome=closing_outcome,
        text=text,
        body=body,
        decided_on=decided_on,
        date_precision=date_precision,
        paragraph=paragraph,
        repayment_rule=repayment_rule,
        repayment_note=repayment_note,
    )
    before.pop("closing_outcome")
    project_event_record(
        actor, "decision_record", decision, project, before=before, after=_closing_after(decision)
    )
    apply_transition(
        actor,
        project,
        ProjectState.CLOSED,
        reason=f"{decision.body} {decided_on or ''}".strip(),
        closing_outcome=closing_outcome,
    )
    return decision


@transaction.atomic
def closing_decision_correct(
    *, actor: Any, project: Project, reason: str, **decision: Any
) -> Decision:
    """Correct the closing decision by a new one that supersedes it (append-only: the old one stays,
    struck through, with the reason and who corrected it). `decision` takes
    closing_decision_record's fields; the same rules hold (outcome, dates after the grant and the
    start). The project stays closed, with the corrected outcome and repayment."""
    old = decision_to_correct(
        actor, project, "project.correct_closing", DecisionKind.CLOSING, reason
    )
    fields = {
        "text": "",
        "paragraph": "",
        "date_precision": "day",
        "repayment_rule": "",
        "repayment_note": "",
    } | decision
    _check_closing_terms(
        project,
        fields["body"],
        fields["decided_on"],
        fields["date_precision"],
        fields["closing_outcome"],
    )
    new, before = _closing_save(
        actor, project, supersedes=old, correction_reason=reason.strip(), **fields
    )
    project.closing_outcome = new.closing_outcome
    project.save(update_fields=["closing_outcome", "updated_at"])
    project_event_record(
        actor,
        "decision_correct",
        new,
        project,
        before=_closing_after(old) | before,
        after=_closing_after(new),
        reason=reason.strip(),
    )
    return new
