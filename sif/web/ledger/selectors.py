"""Reads for the ledger pages: entries, derived figures (sif/calc/ledger.py) and agreements."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from sif.calc import ledger as rules
from sif.web.ledger.models import LedgerEntry, RepaymentAgreement
from sif.web.ledger.permissions import ledger_municipality_ids
from sif.web.projects.models import Decision, DecisionKind, Fund, Project


def funds_visible(user: Any) -> QuerySet[Fund]:
    return Fund.objects.filter(municipality_id__in=ledger_municipality_ids(user)).select_related(
        "municipality"
    )


def fund_entries(fund: Fund) -> list[LedgerEntry]:
    return list(
        LedgerEntry.objects.filter(fund=fund)
        .select_related("project", "reverses", "reversed_by", "created_by", "decision")
        .order_by("booked_on", "id")
    )


def project_entries(project: Project) -> list[LedgerEntry]:
    return list(
        LedgerEntry.objects.filter(project=project)
        .select_related("reverses", "reversed_by", "created_by", "decision")
        .order_by("booked_on", "id")
    )


def rule_entries(entries: Iterable[LedgerEntry]) -> list[rules.Entry]:
    return [e.as_rule_entry() for e in entries]


def figure_kind(entry: LedgerEntry) -> str:
    """The kind an entry counts as in a filter: a correction counts with the entry it reverses."""
    return entry.reverses.kind if entry.kind == rules.CORRECTION and entry.reverses else entry.kind


def entries_filtered(
    entries: Sequence[LedgerEntry],
    *,
    kinds: Sequence[str] = (),
    project_id: int | None = None,
    year: int | None = None,
) -> list[LedgerEntry]:
    return [
        e
        for e in entries
        if (not kinds or figure_kind(e) in kinds)
        and (project_id is None or e.project_id == project_id)
        and (year is None or e.booked_on.year == year)
    ]


@dataclass(frozen=True)
class ProjectRow:
    project: Project
    totals: rules.Totals


def project_rows(entries: Sequence[LedgerEntry]) -> list[ProjectRow]:
    projects = {e.project_id: e.project for e in entries if e.project is not None}
    per = rules.by_project(rule_entries(entries))
    rows = [
        ProjectRow(projects[pid], t)
        for pid, t in per.items()
        if isinstance(pid, int) and pid in projects
    ]
    return sorted(rows, key=lambda r: r.project.title)


def agreement_current(project: Project) -> RepaymentAgreement | None:
    return (
        RepaymentAgreement.objects.filter(project=project)
        .order_by("-version")
        .select_related("created_by")
        .first()
    )


def agreement_versions(project: Project) -> list[RepaymentAgreement]:
    return list(
        RepaymentAgreement.objects.filter(project=project)
        .order_by("-version")
        .select_related("created_by")
    )


def decisions_to_book(
    project: Project, entries: Sequence[LedgerEntry]
) -> list[tuple[Decision, LedgerEntry | None]]:
    """The project's granted grant decisions with an amount, each with its effective commitment entry (or None)."""
    booked = {
        e.decision_id: e
        for e in entries
        if e.kind == rules.COMMITMENT and e.decision_id and not _reversed(e)
    }
    decisions = Decision.objects.filter(
        project=project, kind=DecisionKind.GRANT, granted=True, granted_amount__isnull=False
    ).order_by("created_at", "id")
    return [(d, booked.get(d.pk)) for d in decisions]


def _reversed(entry: LedgerEntry) -> bool:
    try:
        return entry.reversed_by is not None
    except LedgerEntry.DoesNotExist:
        return False
