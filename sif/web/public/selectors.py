"""What the public sees: one builder for the page, the CSV files and the JSON, so the three never
disagree. Only published funds, only their published projects, and follow-up totals under the
fund's small-numbers threshold are hidden (never the unit figures: the public gets totals only)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import QuerySet

from sif.calc import ledger as rules
from sif.web.followup.effects import effect_cards
from sif.web.followup.selectors import Aggregate, indicator_tables
from sif.web.ledger import selectors as ledger_selectors
from sif.web.ledger.models import LedgerEntry
from sif.web.projects.models import Decision, DecisionKind, Fund, Project


@dataclass(frozen=True)
class PublicFigure:
    indicator: str
    period: str
    kind: str
    value: Decimal | None  # None when suppressed or not reported
    n: int | None
    suppressed: bool


@dataclass
class PublicProject:
    id: int
    title: str
    unit: str
    state: str
    state_label: str
    decision_body: str
    decided_on: date | None
    paragraph: str
    granted: bool | None  # None: no decision on funds is recorded
    granted_amount: Decimal | None
    closing_body: str = ""
    closed_on: date | None = None
    expected_gain_per_year: Decimal | None = None
    realised_gain_per_year: Decimal | None = None
    gains_period: str = ""
    figures: list[PublicFigure] = field(default_factory=list)


@dataclass
class PublicFund:
    id: int
    name: str
    municipality: str
    threshold: int
    allocated: Decimal
    disbursed: Decimal
    repaid: Decimal
    balance: Decimal
    balance_by_year: list[tuple[int, Decimal]]
    projects: list[PublicProject]


def published_funds() -> QuerySet[Fund]:
    return (
        Fund.objects.filter(publication__published=True)
        .select_related("municipality")
        .order_by("municipality__name", "name")
    )


def published_fund(fund_id: int) -> Fund | None:
    return published_funds().filter(pk=fund_id).first()


def published_projects(fund: Fund) -> QuerySet[Project]:
    return (
        Project.objects.filter(
            fund=fund, municipality_id=fund.municipality_id, publication__published=True
        )
        .select_related("owner_unit", "publication")
        .order_by("title", "pk")
    )


def _latest_decision(project: Project, kind: str) -> Decision | None:
    decisions = [d for d in project.decisions.all() if d.kind == kind]
    return decisions[-1] if decisions else None


def _public_figure(
    table_name: str, period: str, kind: str, aggregate: Aggregate, threshold: int
) -> PublicFigure:
    n = aggregate.n
    hidden = n is None or n < threshold
    return PublicFigure(
        table_name, period, kind, None if hidden else aggregate.value, None if hidden else n, hidden
    )


def _figures(project: Project, threshold: int) -> list[PublicFigure]:
    figures = []
    for table in indicator_tables(project):
        row = next((r for r in reversed(table.rows) if r.intervention is not None), None)
        if row is None or row.intervention is None:
            continue
        figures.append(
            _public_figure(
                table.indicator.name,
                row.period.label,
                table.indicator.unit,
                row.intervention,
                threshold,
            )
        )
    return figures


def _gains(project: Project, public: PublicProject) -> None:
    """Expected and realised gains per year (sum over actors) from the follow-up's effect card."""
    cards = [
        c for c in effect_cards(project, indicator_tables(project)) if c.expected or c.realised
    ]
    if not cards:
        return
    card = cards[0]
    public.expected_gain_per_year = (
        Decimal(round(sum(card.expected.values()))) if card.expected else None
    )
    public.realised_gain_per_year = (
        Decimal(round(sum(card.realised.values()))) if card.realised else None
    )
    public.gains_period = card.period_label


def public_project(project: Project, threshold: int) -> PublicProject:
    decision = _latest_decision(project, DecisionKind.GRANT)
    closing = _latest_decision(project, DecisionKind.CLOSING)
    public = PublicProject(
        id=project.pk,
        title=project.title,
        unit=project.owner_unit.name,
        state=project.state,
        state_label=str(project.get_state_display()),
        decision_body=decision.body if decision else "",
        decided_on=decision.decided_on if decision else None,
        paragraph=decision.paragraph if decision else "",
        granted=decision.granted if decision else None,
        granted_amount=decision.granted_amount if decision and decision.granted else None,
        closing_body=closing.body if closing else "",
        closed_on=closing.decided_on if closing else None,
    )
    if project.publication.include_followup:
        public.figures = _figures(project, threshold)
        _gains(project, public)
    return public


def public_fund(fund: Fund) -> PublicFund:
    # summed per year and kind by the database: the figures and the balance per year need no more
    entries = [
        e
        for _year, e in ledger_selectors.summed_entries(
            LedgerEntry.objects.filter(fund=fund), "year"
        )
    ]
    totals = rules.totals(entries)
    projects = [
        public_project(p, fund.suppression_threshold)
        for p in published_projects(fund).prefetch_related("decisions")
    ]
    return PublicFund(
        id=fund.pk,
        name=fund.name,
        municipality=fund.municipality.name,
        threshold=fund.suppression_threshold,
        allocated=totals.allocated,
        disbursed=totals.disbursed,
        repaid=totals.repaid,
        balance=totals.balance,
        balance_by_year=rules.balance_by_year(entries),
        projects=projects,
    )
