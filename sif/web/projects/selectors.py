"""Reads for the project pages: the filtered list and everything the project page shows.

Nothing here writes. Totals of a budget are derived here from its cells, never stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from sif.calc import budget as budget_rules
from sif.calc.budget import BudgetRowInput
from sif.web.accounts.models import Membership, Municipality, OrgUnit
from sif.web.accounts.permissions import check, user_memberships, visible_projects
from sif.web.audit.models import Event
from sif.web.projects.models import BudgetRow, Decision, DecisionKind, Fund, Project, ProjectUnit

ZERO = Decimal(0)


@dataclass(frozen=True)
class ProjectFilters:
    state: str = ""
    unit: OrgUnit | None = None
    year: int | None = None
    fund: Fund | None = None


# What a line of the project list shows: only these columns are read (the long texts of a project
# made the list's DISTINCT sort and its rows several times wider than what it draws; issue 16).
LIST_COLUMNS = (
    "title",
    "example_note",
    "example_sections",
    "state",
    "start_date",
    "end_date",
    "sought_amount",
    "fund__name",
    "owner_unit__name",
)


def project_list(*, user: Any, filters: ProjectFilters) -> QuerySet[Project]:
    """The projects the user may see, narrowed by the filters, with what the list shows joined in
    (only LIST_COLUMNS: another field read from a row costs a query per row)."""
    qs = visible_projects(user).select_related("fund", "owner_unit").only(*LIST_COLUMNS)
    if filters.state:
        qs = qs.filter(state=filters.state)
    if filters.unit is not None:
        qs = qs.filter(Q(owner_unit=filters.unit) | Q(units=filters.unit))
    if filters.year is not None:
        # any overlap of the project period with the calendar year
        qs = qs.filter(
            start_date__lte=date(filters.year, 12, 31), end_date__gte=date(filters.year, 1, 1)
        )
    if filters.fund is not None:
        qs = qs.filter(fund=filters.fund)
    return qs.order_by("-start_date", "title", "pk")


def municipality_ids_for(user: Any) -> set[int]:
    return {m.municipality_id for m in user_memberships(user)}


def funds_for(user: Any) -> QuerySet[Fund]:
    return Fund.objects.filter(municipality_id__in=municipality_ids_for(user)).order_by(
        "name", "pk"
    )


def units_for(user: Any) -> QuerySet[OrgUnit]:
    return OrgUnit.objects.filter(municipality_id__in=municipality_ids_for(user)).order_by(
        "name", "pk"
    )


def municipalities_with_funds() -> list[Municipality]:
    """Every municipality with its funds (the platform operator's start page; no fund data)."""
    return list(
        Municipality.objects.prefetch_related(
            Prefetch("funds", queryset=Fund.objects.order_by("name"))
        ).order_by("name")
    )


def memberships_for(user: Any) -> list[Membership]:
    return user_memberships(user)


def may_propose_somewhere(user: Any) -> bool:
    """Whether some unit exists for which the user may write a proposal (the policy's menu.new_proposal)."""
    return bool(check(user, "menu.new_proposal"))


def project_get(*, user: Any, pk: int) -> Project | None:
    """The project if the user may see it; None otherwise (the caller answers 404)."""
    return (
        visible_projects(user)
        .select_related("fund", "owner_unit", "municipality")
        .prefetch_related(
            Prefetch(
                "project_units",
                queryset=ProjectUnit.objects.select_related("unit").order_by("unit__name", "pk"),
            ),
        )
        .filter(pk=pk)
        .first()
    )


# ---------------------------------------------------------------- budget table


@dataclass
class BudgetTableRow:
    label: str
    marker: str
    amounts: list[Decimal]
    total: Decimal
    category: str = ""


@dataclass
class BudgetTable:
    years: list[int]
    rows: list[BudgetTableRow]
    year_totals: list[Decimal]
    grand_total: Decimal
    footnotes: list[tuple[str, str]] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.rows


def period_years(project: Project) -> list[int]:
    if project.start_date is None or project.end_date is None:
        return []
    return list(range(project.start_date.year, project.end_date.year + 1))


def budget_inputs(project: Project) -> list[BudgetRowInput]:
    rows = (
        BudgetRow.objects.filter(project=project)
        .prefetch_related("cells")
        .order_by("position", "pk")
    )
    return [
        BudgetRowInput(
            r.category, r.display_label(), r.footnote, {c.year: c.amount for c in r.cells.all()}
        )
        for r in rows
    ]


def budget_table(project: Project) -> BudgetTable:
    """Rows × years of the budget with derived row, column and grand totals (kronor, sif.calc.budget)."""
    rows = budget_inputs(project)
    cell_years = {y for r in rows for y in r.amounts}
    years = sorted(set(period_years(project)) | cell_years)
    by_year = budget_rules.year_totals(rows)
    table_rows: list[BudgetTableRow] = []
    footnotes: list[tuple[str, str]] = []
    for row, total in zip(rows, budget_rules.row_totals(rows), strict=True):
        marker = ""
        if row.footnote:
            marker = "*" * (len(footnotes) + 1)
            footnotes.append((marker, row.footnote))
        amounts = [Decimal(row.amounts.get(y, ZERO)) for y in years]
        table_rows.append(BudgetTableRow(row.label, marker, amounts, total, row.category))
    year_totals = [by_year.get(y, ZERO) for y in years]
    return BudgetTable(years, table_rows, year_totals, budget_rules.grand_total(rows), footnotes)


# ---------------------------------------------------------------- timeline


TIMELINE_LENGTH = 25


def project_events(project: Project) -> QuerySet[Event]:
    return Event.objects.filter(project=project).select_related("actor").order_by("-at", "-id")


def project_timeline(project: Project, *, everything: bool) -> tuple[list[Event], int]:
    """The newest events (all of them on request) and how many there are in all.

    A follow-up period can log hundreds of ratings; the page shows the latest and links to the rest.
    """
    events = project_events(project)
    if everything:
        shown = list(events)
        return shown, len(shown)
    shown = list(events[: TIMELINE_LENGTH + 1])
    if len(shown) <= TIMELINE_LENGTH:
        return shown, len(shown)
    return shown[:TIMELINE_LENGTH], events.count()


def granted_amount(decisions: list[Decision]) -> Decimal | None:
    """The amount of the grant decision in force (a superseded one no longer counts), if it grants."""
    superseded = {d.supersedes_id for d in decisions if d.supersedes_id}
    current = [d for d in decisions if d.kind == DecisionKind.GRANT and d.pk not in superseded]
    if not current or not current[-1].granted:
        return None
    return current[-1].granted_amount


def corrections(decisions: list[Decision]) -> dict[int, Decision]:
    """Superseded decision id -> the decision that corrected it (its reason and who decided it)."""
    return {d.supersedes_id: d for d in decisions if d.supersedes_id}


def submitted_on(project: Project) -> date | None:
    """The day the first step of the application was submitted (drafts do not count)."""
    first = (
        project.applications.filter(is_draft=False)
        .order_by("submitted_at")
        .values_list("submitted_at", flat=True)
        .first()
    )
    return first.date() if first else None


def fund_available(fund: Fund) -> Decimal:
    """Money free to grant, from the fund's ledger (0 kr when nothing is allocated to it yet)."""
    from sif.calc import ledger as rules
    from sif.web.ledger.models import LedgerEntry

    return rules.available(
        [e.as_rule_entry() for e in LedgerEntry.objects.filter(fund=fund).order_by("id")]
    )
