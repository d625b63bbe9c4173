"""Reads for the fund's portfolio (issue 16: the cost must not grow with the fund): the projects a
filter shows, their sums per state and one page of them with their amounts, all summed by the
database. The ledger's figures come from sif/web/ledger/selectors.py (`summed_entries`: one summed
entry per group, from which sif/calc/ledger.py derives disbursed and repaid exactly as from the
single entries); the granted amount is the latest granted grant decision with an amount, as
`parts.granted_total` picks it from a project's decisions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, DecimalField, OuterRef, Q, QuerySet, Subquery, Sum

from sif.calc import ledger as rules
from sif.web.ledger.models import LedgerEntry
from sif.web.ledger.selectors import EFFECTIVE, summed_entries
from sif.web.projects.models import Decision, DecisionKind, Fund, Project, ProjectState


@dataclass(frozen=True)
class Filters:
    """The portfolio's filter: states, one unit (owning or taking part) and a year the project
    runs in (a project without dates runs in no year)."""

    states: tuple[str, ...] = ()
    unit_id: int | None = None
    year: int | None = None

    def q(self) -> Q:
        q = Q()
        if self.states:
            q &= Q(state__in=self.states)
        if self.unit_id is not None:
            taking_part = Project.units.through.objects.filter(unit_id=self.unit_id).values(
                "project_id"
            )
            q &= Q(owner_unit_id=self.unit_id) | Q(pk__in=taking_part)
        if self.year is not None:
            q &= ~Q(start_date__isnull=True, end_date__isnull=True)
            q &= Q(start_date__isnull=True) | Q(start_date__year__lte=self.year)
            q &= Q(end_date__isnull=True) | Q(end_date__year__gte=self.year)
        return q

    def describe(self) -> str:
        parts_ = []
        if self.states:
            parts_.append("status")
        if self.unit_id is not None:
            parts_.append("enhet")
        if self.year is not None:
            parts_.append(f"år {self.year}")
        return ", ".join(parts_)


def _granted() -> Subquery:
    """The project's latest granted grant decision's amount (None without one)."""
    latest = Decision.objects.filter(
        project=OuterRef("pk"),
        kind=DecisionKind.GRANT,
        granted=True,
        granted_amount__isnull=False,
    ).order_by("-created_at", "-id")
    return Subquery(latest.values("granted_amount")[:1], output_field=DecimalField())


def projects_shown(fund: Fund, filters: Filters) -> QuerySet[Project]:
    """The fund's projects the filter shows, newest start first, each with `granted`."""
    return (
        Project.objects.filter(fund=fund)
        .filter(filters.q())
        .annotate(granted=_granted())
        .select_related("owner_unit")
        .order_by("-start_date", "title", "pk")
    )


@dataclass(frozen=True)
class Amounts:
    """Kronor; None where no project has the amount (no sought amount, no grant): shown "–"."""

    sought: Decimal | None
    granted: Decimal | None
    disbursed: Decimal
    repaid: Decimal


@dataclass(frozen=True)
class StateRow:
    state: str
    label: str
    count: int
    amounts: Amounts


@dataclass(frozen=True)
class ProjectRow:
    project: Project
    amounts: Amounts

    @property
    def period(self) -> str:
        return years_text(self.project)


def years_text(project: Project) -> str:
    """'2019–2022', '2020' or '–' (no dates)."""
    start = project.start_date.year if project.start_date else None
    end = project.end_date.year if project.end_date else None
    if start and end:
        return str(start) if start == end else f"{start}–{end}"
    return str(start or end or "–")


STATE_ORDER = {value: n for n, value in enumerate(ProjectState.values)}


def _ledger_by(entries: QuerySet[LedgerEntry], by: str) -> dict[object, rules.Totals]:
    groups: dict[object, list[rules.Entry]] = defaultdict(list)
    for (key,), entry in summed_entries(entries, by):
        groups[key].append(entry)
    return {key: rules.totals(group) for key, group in groups.items()}


def state_rows(fund: Fund, filters: Filters) -> list[StateRow]:
    """Count and amounts per state of the shown projects, in the lifecycle's order (two queries)."""
    shown = Project.objects.filter(fund=fund).filter(filters.q())
    sums = (
        shown.annotate(granted=_granted())
        .values("state")
        .annotate(n=Count("pk"), sought=Sum("sought_amount"), granted_sum=Sum("granted"))
        .order_by()
    )
    ledger = _ledger_by(
        LedgerEntry.objects.filter(fund=fund, project__in=shown.values("pk")), "project__state"
    )
    labels = dict(ProjectState.choices)
    rows = []
    for row in sorted(sums, key=lambda r: STATE_ORDER.get(r["state"], len(STATE_ORDER))):
        totals = ledger.get(row["state"], rules.Totals())
        rows.append(
            StateRow(
                row["state"],
                str(labels.get(row["state"], row["state"])),
                row["n"],
                Amounts(row["sought"], row["granted_sum"], totals.disbursed, totals.repaid),
            )
        )
    return rows


def state_total(rows: Iterable[StateRow]) -> StateRow:
    rows = list(rows)

    def known(values: list[Decimal | None]) -> Decimal | None:
        present = [v for v in values if v is not None]
        return sum(present, Decimal(0)) if present else None

    return StateRow(
        "",
        "Totalt",
        sum(r.count for r in rows),
        Amounts(
            known([r.amounts.sought for r in rows]),
            known([r.amounts.granted for r in rows]),
            sum((r.amounts.disbursed for r in rows), Decimal(0)),
            sum((r.amounts.repaid for r in rows), Decimal(0)),
        ),
    )


def project_rows(fund: Fund, projects: Iterable[Project]) -> list[ProjectRow]:
    """The given projects (from `projects_shown`: one page, or all for the XLSX) with their
    amounts; the ledger's part from one grouped query."""
    projects = list(projects)
    ledger = _ledger_by(
        LedgerEntry.objects.filter(fund=fund, project__in=[p.pk for p in projects]), "project_id"
    )
    return [
        ProjectRow(
            p,
            Amounts(
                p.sought_amount,
                getattr(p, "granted", None),
                ledger.get(p.pk, rules.Totals()).disbursed,
                ledger.get(p.pk, rules.Totals()).repaid,
            ),
        )
        for p in projects
    ]


def funded(fund: Fund, filters: Filters) -> QuerySet[Project]:
    """The shown projects the fund has put money into: a granted amount, or a commitment,
    disbursement or repayment in the ledger; the ones a committee follows project by project."""
    booked = (
        LedgerEntry.objects.filter(fund=fund, project__isnull=False)
        .filter(EFFECTIVE)
        .filter(kind__in=(rules.COMMITMENT, rules.DISBURSEMENT, rules.REPAYMENT))
        .values("project_id")
    )
    return projects_shown(fund, filters).filter(Q(granted__isnull=False) | Q(pk__in=booked))


def booked_by_year(fund: Fund) -> list[tuple[int, rules.Totals]]:
    """Allocations, disbursements and repayments per booking year, summed by the database."""
    years: dict[int, list[rules.Entry]] = defaultdict(list)
    for (year,), entry in summed_entries(LedgerEntry.objects.filter(fund=fund), "year"):
        years[year].append(entry)
    return [(y, rules.totals(years[y])) for y in sorted(years)]
