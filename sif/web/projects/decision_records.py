"""What grant and closing decisions share: the decision in force, the checks and the storing.

Decisions are append-only: a correction stores a new decision that supersedes the old one, so
the grant (grant_decisions.py) and closing (closing_decisions.py) services build, check and find
decisions through the one set of functions here.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sif.calc.errors import SifError
from sif.web.accounts import permissions as perms
from sif.web.projects.models import Decision, DecisionKind, Project
from sif.web.projects.service_support import full_clean_or_refuse, lock_project, require, snapshot

DATE_PRECISIONS = ("day", "month", "year")


def check_decision_basics(body: str, date_precision: str) -> None:
    if not body.strip():
        raise SifError("decision_body_required")
    if date_precision not in DATE_PRECISIONS:
        raise SifError("date_precision_unknown", precision=date_precision)


def decision_after(decision: Decision) -> dict[str, Any]:
    return snapshot(
        decision,
        (
            "kind",
            "granted",
            "body",
            "decided_on",
            "date_precision",
            "paragraph",
            "granted_amount",
            "conditions",
            "above_sought_reason",
            "above_available",
        ),
    )


def current_decision(project: Project, kind: str) -> Decision | None:
    """The decision of this kind in force: the newest one no later decision supersedes."""
    return (
        Decision.objects.filter(project=project, kind=kind, superseded_by__isnull=True)
        .order_by("-created_at", "-pk")
        .first()
    )


def current_grant_decision(project: Project) -> Decision | None:
    return current_decision(project, DecisionKind.GRANT)


def decision_to_correct(
    actor: Any, project: Project, action: str, kind: str, reason: str
) -> Decision:
    """The decision in force that a correction will supersede, once the project is locked, the
    actor may correct and a reason is given."""
    lock_project(project)
    require(perms.check(actor, action, project))
    old = current_decision(project, kind)
    if old is None:
        raise SifError("decision_none_to_correct")
    if not reason.strip():
        raise SifError("decision_correction_reason_required")
    return old


def decision_save(
    actor: Any,
    project: Project,
    *,
    kind: str,
    granted: bool,
    body: str,
    decided_on: date | None,
    date_precision: str,
    paragraph: str,
    granted_amount: Decimal | None,
    conditions: str,
    **extra: Any,
) -> Decision:
    """One place that builds, validates and stores a decision of either kind."""
    decision = Decision(
        project=project,
        kind=kind,
        granted=granted,
        body=body.strip(),
        decided_on=decided_on,
        date_precision=date_precision,
        paragraph=paragraph,
        granted_amount=granted_amount,
        conditions=conditions,
        decided_by=actor if getattr(actor, "is_authenticated", False) else None,
        **extra,
    )
    full_clean_or_refuse(decision, exclude=["decided_by"])
    decision.save()
    return decision


def current_closing_decision(project: Project) -> Decision | None:
    return current_decision(project, DecisionKind.CLOSING)
