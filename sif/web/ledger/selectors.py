"""Reads for the ledger pages: entries, derived figures (sif/calc/ledger.py) and agreements.

Figures over many entries are summed by the database (issue 16: a page's cost must not grow with
the ledger): `GROUP BY kind, write_off_of` over the effective entries gives one summed entry per
group, and sif/calc/ledger.py derives the figures from those exactly as from the single entries
(every figure is a sum by kind, so summing first changes nothing).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet, Sum
from django.db.models.functions import ExtractYear

from sif.calc import ledger as rules
from sif.web.ledger.models import LedgerEntry, RepaymentAgreement
from sif.web.ledger.permissions import ledger_municipality_ids
from sif.web.projects.models import Decision, DecisionKind, Fund, Project


def funds_visible(user: Any) -> QuerySet[Fund]:
    return Fund.objects.filter(municipality_id__in=ledger_municipality_ids(user)).select_related(
        "municipality"
    )


# Neither a correction nor reversed by one: the entries every figure sums (sif/calc/ledger.effective).
# "Not reversed" is NOT EXISTS on the unique index of `reverses`, not `reversed_by__isnull`: that
# LEFT JOIN … IS NULL made PostgreSQL hash every entry of the database for each fund's sums
# (5 ms on the national data and growing with it; 1,8 ms as an anti-join over the fund's own).
EFFECTIVE = ~Q(kind=rules.CORRECTION) & ~Exists(LedgerEntry.objects.filter(reverses=OuterRef("pk")))


def summed_entries(
    entries: QuerySet[LedgerEntry], *by: str
) -> list[tuple[tuple[Any, ...], rules.Entry]]:
    """The effective entries summed per (*by, kind, write_off_of), each sum as one rule entry
    (year and project filled when `by` has "year" or "project_id"), with its `by` values."""
    if "year" in by:
        entries = entries.annotate(year=ExtractYear("booked_on"))
    rows = (
        entries.filter(EFFECTIVE)
        .values(*by, "kind", "write_off_of")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    return [
        (
            tuple(row[name] for name in by),
            rules.Entry(
                key=(*(row[name] for name in by), row["kind"], row["write_off_of"]),
                kind=row["kind"],
                amount=row["total"],
                year=row.get("year") or 0,
                project=row.get("project_id"),
                write_off_of=row["write_off_of"],
            ),
        )
        for row in rows
    ]


def fund_totals(fund: Fund) -> rules.Totals:
    return rules.totals(e for _key, e in summed_entries(LedgerEntry.objects.filter(fund=fund)))


def totals_by_fund(funds: Iterable[Fund]) -> dict[int, rules.Totals]:
    """Each fund's totals from one grouped query (a fund without entries gets zero totals)."""
    ids = [f.pk for f in funds]
    groups: dict[int, list[rules.Entry]] = {pk: [] for pk in ids}
    for (fund_id,), entry in summed_entries(LedgerEntry.objects.filter(fund_id__in=ids), "fund_id"):
        groups[fund_id].append(entry)
    return {pk: rules.totals(group) for pk, group in groups.items()}


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


@dataclass(frozen=True)
class LedgerFilter:
    """The ledger page's filter: kinds (a correction counts with the entry it reverses), one
    project, one booking year."""

    kinds: Sequence[str] = ()
    project_id: int | None = None
    year: int | None = None

    def q(self) -> Q:
        q = Q()
        if self.kinds:
            q &= (~Q(kind=rules.CORRECTION) & Q(kind__in=self.kinds)) | Q(
                kind=rules.CORRECTION, reverses__kind__in=self.kinds
            )
        if self.project_id is not None:
            q &= Q(project_id=self.project_id)
        if self.year is not None:
            q &= Q(booked_on__year=self.year)
        return q


def entries_filtered(fund: Fund, shown: LedgerFilter) -> QuerySet[LedgerEntry]:
    """The ids of the fund's entries the filter shows, oldest first, ready to be paged in SQL;
    `entries_shown` then reads one page's entries with what they show."""
    return (
        LedgerEntry.objects.filter(fund=fund)
        .filter(shown.q())
        .order_by("booked_on", "id")
        .values_list("id", flat=True)
    )


def entries_shown(ids: list[int]) -> list[LedgerEntry]:
    """One page's entries, in the page's order, with their project, decision, author and
    correction links. Paging the ids first and joining only the page's rows keeps the page's cost
    at its own size: joined before the LIMIT, PostgreSQL hashed every project, decision and ledger
    entry of the whole database for each page (15 ms of the national fund ledger's page, growing
    with the data; 1 ms after)."""
    rows = LedgerEntry.objects.select_related(
        "project", "reverses", "reversed_by", "created_by", "decision"
    ).in_bulk(ids)
    return [rows[i] for i in ids]


def shown_totals(fund: Fund, shown: LedgerFilter) -> rules.Totals:
    """The totals of the shown entries taken by themselves (sif/calc/ledger.totals of that list):
    an entry counts unless a correction *among the shown* reverses it. The correction has the
    entry's kind and project, so only a year filter can leave it out: then the entry counts."""
    rows = LedgerEntry.objects.filter(fund=fund).filter(shown.q())
    counted = ~Q(kind=rules.CORRECTION) & (
        Q(reversed_by__isnull=True)
        if shown.year is None
        else Q(reversed_by__isnull=True) | ~Q(reversed_by__booked_on__year=shown.year)
    )
    sums = (
        rows.filter(counted).values("kind", "write_off_of").annotate(total=Sum("amount")).order_by()
    )
    return rules.totals(
        rules.Entry(
            (r["kind"], r["write_off_of"]), r["kind"], r["total"], 0, None, None, r["write_off_of"]
        )
        for r in sums
    )


def booking_years(fund: Fund) -> list[int]:
    return [d.year for d in LedgerEntry.objects.filter(fund=fund).dates("booked_on", "year")]


@dataclass(frozen=True)
class ProjectRow:
    project: Project
    totals: rules.Totals


def projects_with_entries(fund: Fund) -> QuerySet[Project]:
    """The fund's projects with at least one effective entry, by title: the overview's rows."""
    booked = LedgerEntry.objects.filter(fund=fund).filter(EFFECTIVE).values("project_id")
    return Project.objects.filter(pk__in=booked).order_by("title", "pk")


def project_rows(fund: Fund, projects: Iterable[Project]) -> list[ProjectRow]:
    """One row per given project (one page of them) with its totals, from one grouped query."""
    projects = list(projects)
    entries = LedgerEntry.objects.filter(fund=fund, project__in=projects)
    groups: dict[int, list[rules.Entry]] = {p.pk: [] for p in projects}
    for (project_id,), entry in summed_entries(entries, "project_id"):
        groups[project_id].append(entry)
    return [ProjectRow(p, rules.totals(groups[p.pk])) for p in projects]


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
