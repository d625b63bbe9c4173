"""The fund's portfolio report: the projects per state with sought, granted, disbursed and repaid,
and row by row (sif/web/documents/portfolio_tables.py); expected and realised gains per year; the fund's
balance per year (booked, then projected from open commitments and planned repayments); who gains
per actor across the portfolio. One content (sif/reports/content.py) for PDF, DOCX and XLSX;
filters by state, unit and year.

Issue 16: the sums come from the database (sif/web/documents/portfolio_selectors.py) and a big
fund's report prints no longer a row per project (331 rows: 11 pages, 5–9 s in WeasyPrint)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.utils import timezone

from sif.calc import ledger as rules
from sif.calc.labels_sv import actor_label
from sif.policy.states import WITHOUT_GAINS_STATES
from sif.reports import content as c
from sif.reports.content import Block, Document, Figure, Paragraph, Table
from sif.reports.figures import ChartCall
from sif.reports.portfolio_charts import balance_svg
from sif.web.calculations.models import Calculation, Purpose
from sif.web.calculations.selectors import calculation_current
from sif.web.documents import document_build
from sif.web.documents.portfolio_selectors import (
    Filters,
    projects_shown,
    state_rows,
    state_total,
)
from sif.web.documents.portfolio_tables import PRINTED_PROJECTS, project_blocks
from sif.web.ledger.models import LedgerEntry
from sif.web.ledger.repayment import repayment_view
from sif.web.ledger.selectors import agreement_current
from sif.web.projects.models import Fund, Project

__all__ = ["PRINTED_PROJECTS", "Filters", "portfolio"]

EXAMPLE_MARK = "Exempeldata"
WITHOUT_GAINS = WITHOUT_GAINS_STATES  # no application, or none going ahead


@dataclass
class Gains:
    expected: dict[int, float] = field(default_factory=lambda: defaultdict(float))
    realised: dict[int, float] = field(default_factory=lambda: defaultdict(float))
    expected_by_actor: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    realised_by_actor: dict[str, float] = field(default_factory=lambda: defaultdict(float))


def _result(project: Project, purposes: tuple[str, ...]) -> Any:
    from sif.web.calculations import present

    calc = next((x for p in purposes if (x := calculation_current(project, p)) is not None), None)
    if calc is None or not isinstance(calc.scenario, dict):
        return None
    try:
        return present.evaluated(calc.scenario)[1]
    except Exception:  # noqa: BLE001 – a calculation that no longer parses is left out; its page says why
        return None


def _add(per_year: dict[int, float], per_actor: dict[str, float], result: Any) -> None:
    for year, value in zip(result.years, result.gains_by_year, strict=True):
        per_year[year] += value
    for actor, values in result.gains_by_actor_by_year.items():
        per_actor[actor] += sum(values)


def _gains(projects: list[Project]) -> Gains:
    """Expected gains from the decision's (else the application's) calculation; realised from
    the follow-up's calculation, or else the effect the follow-up measured (sif/web/followup/
    effects.py, kronor per year per actor) over the years the expected calculation counts gains."""
    from sif.web.followup import effects

    gains = Gains()
    # one query for which projects have a calculation at all: without one a project has neither
    # expected nor realised gains (nor a measured effect to value), so nothing else is read for it
    calculated = set(
        Calculation.objects.filter(project__in=[p.pk for p in projects])
        .values_list("project_id", flat=True)
        .distinct()
    )
    for project in projects:
        if project.pk not in calculated:
            continue
        expected = _result(project, (Purpose.DECISION, Purpose.EXPECTED))
        if expected is not None:
            _add(gains.expected, gains.expected_by_actor, expected)
        realised = _result(project, (Purpose.REALISED,))
        if realised is not None:
            _add(gains.realised, gains.realised_by_actor, realised)
            continue
        if expected is None:  # a measured effect is valued over the expected calculation's years
            continue
        card = next(
            (
                x
                for x in effects.effect_cards(
                    project, document_build.indicator_tables(project, None)
                )
                if x.realised
            ),
            None,
        )
        if card is None or expected is None:
            continue
        years = [y for y, v in zip(expected.years, expected.gains_by_year, strict=True) if v]
        for year in years:
            gains.realised[year] += sum(card.realised.values())
        for actor, value in card.realised.items():
            gains.realised_by_actor[actor] += value * len(years)
    return gains


def _balance_rows(
    fund: Fund, entries: list[LedgerEntry], projects: list[Project], today: date
) -> list[tuple[int, Decimal, Decimal, Decimal, Decimal, bool]]:
    """(year, allocations, disbursements, repayments, balance at year end, projected) per year:
    booked up to this year; after it, open commitments paid out in the budget's remaining years
    (or evenly over the project's remaining years) and the repayment plans' planned amounts."""
    booked = [e.as_rule_entry() for e in entries]
    alloc = rules.by_year(booked, rules.ALLOCATION)
    out = rules.by_year(booked, rules.DISBURSEMENT)
    back = rules.by_year(booked, rules.REPAYMENT)
    planned_out: dict[int, Decimal] = defaultdict(Decimal)
    planned_back: dict[int, Decimal] = defaultdict(Decimal)
    per_project = rules.by_project(booked)
    for project in projects:
        totals = per_project.get(project.pk)
        if totals is None:
            continue
        if totals.committed > 0:
            last = max(
                today.year + 1, project.end_date.year if project.end_date else today.year + 1
            )
            years = list(range(today.year + 1, last + 1))
            for y in years:
                planned_out[y] += totals.committed / len(years)
        view = repayment_view(
            project, [e for e in entries if e.project_id == project.pk], agreement_current(project)
        )
        for row in view.rows or []:
            if row.year > today.year and row.actual is None:
                planned_back[row.year] += row.planned
    years = sorted(set(alloc) | set(out) | set(back) | set(planned_out) | set(planned_back))
    rows, balance = [], Decimal(0)
    for y in years:
        projected = y > today.year
        a = alloc.get(y, Decimal(0))
        d = planned_out.get(y, Decimal(0)) if projected else out.get(y, Decimal(0))
        r = planned_back.get(y, Decimal(0)) if projected else back.get(y, Decimal(0))
        balance += a - d + r
        rows.append((y, a, d, r, balance, projected))
    return rows


@document_build.one_build
def portfolio(fund: Fund, filters: Filters | None = None) -> Document:
    filters = filters or Filters()
    today = timezone.localdate()
    states = state_rows(fund, filters)
    total = state_total(states)
    entries = list(
        LedgerEntry.objects.filter(fund=fund)
        .select_related("project", "reverses")
        .order_by("booked_on", "id")
    )
    doc = Document(
        kind="portfolio",
        title=f"Portföljrapport – {fund.name}",
        municipality=fund.municipality.name,
        threshold=fund.suppression_threshold,
        filename=f"portfolj-{fund.pk}",
    )
    doc.meta = [
        ("Fond", fund.name),
        ("Antal projekt", str(total.count)),
        ("Utskriven", today.isoformat()),
    ]
    if filters.describe():
        doc.meta.append(("Urval", filters.describe()))
    if any(EXAMPLE_MARK.lower() in (e.text or "").lower() for e in entries):
        doc.marker = "Exempeldata: poster i fondens huvudbok som är märkta Exempeldata är påhittade för demonstrationen, inte hämtade ur ett beslut."
    doc.sections.append(
        c.section("Projekt", project_blocks(fund, filters, states, total) if total.count else [])
    )
    booked_projects = list(
        Project.objects.filter(fund=fund, pk__in={e.project_id for e in entries if e.project_id})
        .select_related("fund")
        .order_by("pk")
    )
    doc.sections.append(
        c.section("Fondens saldo per år", _balance_blocks(fund, entries, booked_projects, today))
    )
    gains = _gains(list(projects_shown(fund, filters).exclude(state__in=WITHOUT_GAINS)))
    doc.sections.append(
        c.section("Förväntade och realiserade vinster per år", _gains_blocks(gains))
    )
    doc.sections.append(c.section("Vem vinner: vinster per aktör", _actor_blocks(gains)))
    doc.sections.append(
        c.section(
            "Om uppgifterna",
            [
                Paragraph(
                    "Beviljat belopp är det senaste beslutet om medel per projekt. Utbetalt och återbetalt kommer ur fondens huvudbok. "
                    "Förväntade vinster kommer ur beslutsunderlagets (annars ansökans) socioekonomiska kalkyl, realiserade ur uppföljningens; förslag, avslagna och återtagna projekt ingår inte; "
                    "alla belopp är odiskonterade.",
                    "note",
                )
            ],
        )
    )
    return doc


def _balance_blocks(
    fund: Fund, entries: list[LedgerEntry], projects: list[Project], today: date
) -> list[Block]:
    rows = _balance_rows(fund, entries, projects, today)
    if not rows:
        return [Paragraph("Fondens huvudbok har inga poster.", "note")]
    table_rows = [
        [
            c.text_cell(f"{y}{' (prognos)' if projected else ''}"),
            c.kr_cell(a),
            c.kr_cell(d),
            c.kr_cell(r),
            c.kr_cell(b),
        ]
        for y, a, d, r, b, projected in rows
    ]
    chart = ChartCall.of(
        balance_svg,
        "Fondens saldo vid årets slut",
        [str(y) for y, *_ in rows],
        [float(b) for *_, b, _p in rows],
        [p for *_, p in rows],
    )
    return [
        Table(
            "Saldo per år",
            ["År", "Avsättningar", "Utbetalningar", "Återbetalningar", "Saldo vid årets slut"],
            table_rows,
            footnotes=[
                "Prognos: öppna åtaganden betalas ut jämnt fram till projektets slutår; återbetalningar enligt överenskommen plan."
            ],
            sheet="Saldo",
        ),
        Figure("Fondens saldo vid årets slut", chart=chart),
    ]


def _gains_blocks(gains: Gains) -> list[Block]:
    years = sorted(set(gains.expected) | set(gains.realised))
    if not years:
        return []
    rows = [
        [
            c.text_cell(str(y)),
            c.kr_cell(_kr(gains.expected.get(y))),
            c.kr_cell(_kr(gains.realised.get(y))),
        ]
        for y in years
    ]
    return [
        Table(
            "Vinster per år (kr)", ["År", "Förväntade", "Realiserade"], rows, sheet="Vinster per år"
        )
    ]


def _actor_blocks(gains: Gains) -> list[Block]:
    actors = sorted(
        set(gains.expected_by_actor) | set(gains.realised_by_actor),
        key=lambda a: -gains.expected_by_actor.get(a, 0),
    )
    if not actors:
        return []
    rows = [
        [
            c.text_cell(actor_label(a)),
            c.kr_cell(_kr(gains.expected_by_actor.get(a))),
            c.kr_cell(_kr(gains.realised_by_actor.get(a))),
        ]
        for a in actors
    ]
    return [
        Table(
            "Vinster per aktör, summa över kalkylperioden (kr, odiskonterat)",
            ["Aktör", "Förväntade", "Realiserade"],
            rows,
            sheet="Per aktör",
        )
    ]


def _kr(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(round(value))
