"""Pieces several documents share, gathered from the models and selectors and turned into content
blocks (sif/reports/content.py): budget, decisions, follow-up aggregates, activities, gender
analysis, spindelmätning, the socioeconomic result and the source documents."""

from __future__ import annotations

import contextvars
import functools
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any, ParamSpec, TypeVar

from sif.calc import format as fmt
from sif.calc.labels_sv import actor_label
from sif.reports import charts
from sif.reports import content as c
from sif.reports.content import Block, Cell, Figure, Paragraph, Subheading, Table
from sif.reports.figures import ChartCall
from sif.web.calculations.models import Purpose
from sif.web.calculations.selectors import calculation_current
from sif.web.core.money import format_kr
from sif.web.followup import selectors as fu
from sif.web.projects.models import Decision, DecisionKind, Indicator, IndicatorUnit, Project
from sif.web.projects.selectors import budget_table

QUALIFIER = {"over": "drygt", "about": "ca"}
# Indicators printed in detail (per period, per unit, a chart) in a PDF or DOCX; the rest are in
# the summary table and, in detail, in the XLSX: a project of 25 indicators × 40 units would
# otherwise print 25 charts and 1 300 table rows (issue 16: a document in ≤ 5 s).
PRINTED_INDICATORS = 6


P = ParamSpec("P")
R = TypeVar("R")
_build: contextvars.ContextVar[dict[Any, Any] | None] = contextvars.ContextVar(
    "sif_document_build", default=None
)


def one_build(builder: Callable[P, R]) -> Callable[P, R]:
    """A document builder whose parts share what they read: the follow-up's indicator tables
    (every measurement of the project) are read once per document, not once per section that
    shows them."""

    @functools.wraps(builder)
    def build(*args: P.args, **kwargs: P.kwargs) -> R:
        token = _build.set({}) if _build.get() is None else None
        try:
            return builder(*args, **kwargs)
        finally:
            if token is not None:
                _build.reset(token)

    return build


def indicator_tables(project: Project, threshold: int | None) -> list[fu.IndicatorTable]:
    memo = _build.get()
    key = ("indicator_tables", project.pk, threshold)
    if memo is not None and key in memo:
        return memo[key]  # type: ignore[no-any-return]
    tables = fu.indicator_tables(project, threshold=threshold)
    if memo is not None:
        memo[key] = tables
    return tables


def date_text(value: date | None, precision: str = "day") -> str:
    if value is None:
        return ""
    if precision == "month":
        months = [
            "januari",
            "februari",
            "mars",
            "april",
            "maj",
            "juni",
            "juli",
            "augusti",
            "september",
            "oktober",
            "november",
            "december",
        ]
        return f"{months[value.month - 1]} {value.year}"
    if precision == "year":
        return str(value.year)
    return value.isoformat()


def period_text(project: Project) -> str:
    if project.start_date is None and project.end_date is None:
        return ""
    left = project.start_date.isoformat() if project.start_date else "…"
    right = project.end_date.isoformat() if project.end_date else "…"
    return f"{left} \u2013 {right}"


def example_blocks(project: Project) -> list[Block]:
    """The demo's or an import's note on which figures are examples, shown wherever they are."""
    return [Paragraph(project.example_note, "example")] if project.example_note else []


# ---------------------------------------------------------------- budget and decisions


def budget_blocks(project: Project, *, summary: bool = False) -> list[Block]:
    table = budget_table(project)
    if table.is_empty:
        return []
    lines = [c.BudgetLine(r.label, r.marker, r.amounts, r.total) for r in table.rows]
    blocks: list[Block] = [
        c.budget_table(table.years, lines, table.year_totals, table.grand_total, table.footnotes)
    ]
    if summary:
        blocks.extend(c.budget_summary(table.years, table.year_totals, table.grand_total))
    return blocks


def decisions_of(project: Project) -> list[Decision]:
    return list(project.decisions.order_by("created_at", "pk"))


def decisions_table(decisions: Sequence[Decision]) -> Table | None:
    if not decisions:
        return None
    rows = [
        [
            c.text_cell(d.get_kind_display()),
            c.text_cell(d.body),
            c.text_cell(date_text(d.decided_on, d.date_precision) or "–"),
            c.text_cell(d.paragraph or "–"),
            c.text_cell(
                "–" if d.kind == DecisionKind.CLOSING else ("beviljat" if d.granted else "avslag")
            ),
            c.kr_cell(d.granted_amount),
        ]
        for d in decisions
    ]
    return Table(
        "Beslut",
        ["Beslut", "Beslutande organ", "Datum", "§", "Utfall", "Beviljat belopp"],
        rows,
        sheet="Beslut",
    )


def granted_total(decisions: Sequence[Decision]) -> Decimal | None:
    granted = [
        d
        for d in decisions
        if d.kind == DecisionKind.GRANT and d.granted and d.granted_amount is not None
    ]
    return granted[-1].granted_amount if granted else None


# ---------------------------------------------------------------- indicators and follow-up


def indicator_line(indicator: Indicator) -> c.IndicatorLine:
    method = indicator.method_detail or str(indicator.get_method_display())
    return c.IndicatorLine(
        indicator.group,
        indicator.name,
        method,
        figure_text(indicator.baseline_value, indicator.unit)
        if indicator.baseline_value is not None
        else "",
        figure_text(indicator.target_value, indicator.unit)
        if indicator.target_value is not None
        else "",
        indicator.comparison_group,
    )


def figure_text(value: Decimal | None, kind: str) -> str:
    return figure_cell(value, kind).text


def figure_cell(value: Decimal | None, kind: str) -> Cell:
    if kind == IndicatorUnit.SHARE:
        return c.percent_cell(value)
    if kind == IndicatorUnit.SCORE:
        return c.score_cell(value)
    return c.count_cell(value)


def followup_blocks(
    project: Project,
    *,
    published: bool,
    with_charts: bool = True,
    per_unit: bool = False,
    period_tables: bool = True,
) -> list[Block]:
    """Per indicator with data: the aggregate per period (insatsgrupp, jämförelsegrupp) against
    baseline and target, a line chart, and (final report) the per-unit figures, suppressed when
    the document is published."""
    threshold = project.fund.suppression_threshold
    tables = indicator_tables(project, threshold if published else None)
    blocks: list[Block] = []
    summary_rows = []
    for t in tables:
        if not t.has_data:
            continue
        ind = t.indicator
        latest = next((r for r in reversed(t.rows) if r.intervention is not None), None)
        summary_rows.append(
            [
                c.text_cell(ind.name),
                c.text_cell(latest.period.label if latest else "–"),
                aggregate_cell(latest.intervention if latest else None, ind.unit, threshold),
                aggregate_cell(latest.comparison, ind.unit, threshold)
                if latest and latest.comparison
                else c.text_cell("–"),
                figure_cell(ind.baseline_value, ind.unit),
                figure_cell(ind.target_value, ind.unit),
            ]
        )
    if not summary_rows:
        return []
    blocks.append(
        Table(
            "Indikatorer: senaste utfall mot baslinje och mål",
            ["Indikator", "Period", "Insatsgrupp", "Jämförelsegrupp", "Baslinje", "Mål"],
            summary_rows,
            ["left", "left", "right", "right", "right", "right"],
            sheet="Indikatorer, utfall",
        )
    )
    measured = [t for t in tables if t.has_data]
    for t in measured[:PRINTED_INDICATORS]:
        for block in _indicator_detail(t, published, threshold, with_charts, per_unit):
            if isinstance(block, Table) and with_charts and not period_tables:
                block.sheet_only = True  # the chart shows the periods; the figures are in the XLSX
            blocks.append(block)
    rest = measured[PRINTED_INDICATORS:]
    if rest:
        blocks.append(
            Paragraph(
                f"Ytterligare {fmt.count(len(rest), ('indikator', 'indikatorer'))} redovisas per period"
                + (" och enhet" if per_unit else "")
                + " i Excel-versionen av dokumentet och på projektets uppföljningssida.",
                "note",
            )
        )
        for t in rest:
            for block in _indicator_detail(t, published, threshold, False, per_unit):
                if isinstance(block, Table):
                    block.sheet_only = True
                    blocks.append(block)
    return blocks


def aggregate_cell(figure: fu.Aggregate | None, kind: str, threshold: int) -> Cell:
    """A period total, or an empty suppressed cell when the rule hides it (sif.calc.suppression)."""
    if figure is not None and figure.hidden:
        return c.suppressed_cell("percent" if kind == IndicatorUnit.SHARE else "count", threshold)
    return figure_cell(figure.value if figure else None, kind)


def _indicator_detail(
    t: fu.IndicatorTable, published: bool, threshold: int, with_charts: bool, per_unit: bool
) -> list[Block]:
    ind = t.indicator
    share = ind.unit == IndicatorUnit.SHARE
    blocks: list[Block] = [Subheading(ind.name + (" (exempeldata)" if t.is_example else ""))]
    # a comparison measured without a named comparison group is shown too (the pilot's)
    compared = bool(ind.comparison_group) or any(r.comparison for r in t.rows)
    rows = [
        [
            c.text_cell(r.period.label),
            aggregate_cell(r.intervention, ind.unit, threshold),
            aggregate_cell(r.comparison, ind.unit, threshold) if compared else c.text_cell("–"),
        ]
        for r in t.rows
        if r.intervention or r.comparison
    ]
    blocks.append(
        Table(
            f"{ind.name}, per period",
            ["Period", "Insatsgrupp", "Jämförelsegrupp"],
            rows,
            ["left", "right", "right"],
            sheet=f"Ind {ind.pk} perioder",
        )
    )
    if per_unit and t.latest_period is not None:
        unit_rows = []
        for cell in t.by_unit:
            shown = (
                c.suppressed_cell("percent" if share else "count", threshold)
                if cell.hidden_reason
                else figure_cell(cell.figure.value if cell.figure else None, ind.unit)
            )
            unit_rows.append([c.text_cell(cell.unit.name), shown])
        if unit_rows:
            notes = (
                [f"Celler med färre än {threshold} observationer visas inte."] if published else []
            )
            blocks.append(
                Table(
                    f"{ind.name}, per enhet, {t.latest_period.label}",
                    ["Enhet", "Värde"],
                    unit_rows,
                    ["left", "right"],
                    notes,
                    sheet=f"Ind {ind.pk} enheter",
                )
            )
    if with_charts:
        series = {
            "Insatsgrupp": [
                float(r.intervention.value)
                if r.intervention and r.intervention.value is not None
                else None
                for r in t.rows
            ]
        }
        if any(r.comparison for r in t.rows):
            series["Jämförelsegrupp"] = [
                float(r.comparison.value)
                if r.comparison and r.comparison.value is not None
                else None
                for r in t.rows
            ]
        refs = {}
        if ind.baseline_value is not None:
            refs["Baslinje"] = float(ind.baseline_value)
        if ind.target_value is not None:
            refs["Mål"] = float(ind.target_value)
        chart = ChartCall.of(
            charts.line_over_periods,
            ind.name,
            [r.period.label for r in t.rows],
            series,
            references=refs,
            percent=share,
        )
        blocks.append(Figure(ind.name, chart=chart))
    return blocks


def activity_table(project: Project, *, published: bool = False) -> Table | None:
    threshold = project.fund.suppression_threshold
    rows = []
    for a in fu.activity_rows(project, threshold=threshold if published else None):
        qualifier = QUALIFIER.get(a.qualifier, "")
        total = (
            c.suppressed_cell("count", threshold) if "total" in a.hidden else c.count_cell(a.total)
        )
        if qualifier and a.total is not None:
            total = Cell(f"{qualifier} {total.text}", total.value, "count")
        rows.append(
            [
                c.text_cell(a.activity.label),
                c.text_cell(a.period.label),
                total,
                _split_cell(a, "women", threshold),
                _split_cell(a, "men", threshold),
            ]
        )
    if not rows:
        return None
    return Table(
        "Aktiviteter",
        ["Aktivitet", "Period", "Antal", "Kvinnor", "Män"],
        rows,
        ["left", "left", "right", "right", "right"],
        sheet="Aktiviteter",
    )


def _split_cell(row: Any, part: str, threshold: int) -> Cell:
    value = getattr(row, part)
    if part in row.hidden:
        return c.suppressed_cell("count", threshold)
    return c.count_cell(value) if value is not None else c.text_cell("–")


def gender_blocks(project: Project, *, published: bool = False) -> list[Block]:
    """The gender analysis: shares with a mother / a father, and who came alone, from counts where
    the units gave them and the shares a source published; and activities split by women and men.
    Published: small counts and the shares built on them are hidden (sif.calc.suppression)."""
    threshold = project.fund.suppression_threshold
    limit = threshold if published else None
    blocks: list[Block] = []
    for g in fu.gender_blocks(project, threshold=limit):
        rows = []
        if g.hidden:
            rows.append(
                [
                    c.text_cell("Andelar efter förälder"),
                    c.suppressed_cell("percent", threshold),
                    c.text_cell(f"Dolda: bygger på färre än {threshold} observationer."),
                ]
            )
        if g.counted is not None:
            a = g.counted
            rows += [
                [
                    c.text_cell("En mamma deltog"),
                    c.percent_cell(a.share_with_mother),
                    c.text_cell(f"{a.with_mother} av {a.total}"),
                ],
                [
                    c.text_cell("En pappa deltog"),
                    c.percent_cell(a.share_with_father),
                    c.text_cell(f"{a.with_father} av {a.total}"),
                ],
                [
                    c.text_cell("Ensam deltagare var en mamma"),
                    c.percent_cell(a.single_share_mother),
                    c.text_cell(f"{a.single_mother} av {a.single_total}"),
                ],
                [
                    c.text_cell("Ensam deltagare var en pappa"),
                    c.percent_cell(a.single_share_father),
                    c.text_cell(f"{a.single_father} av {a.single_total}"),
                ],
            ]
        for s in g.published:
            label = str(s.get_measure_display())
            rows.append(
                [
                    c.text_cell(label[:1].upper() + label[1:]),
                    c.percent_cell(s.share, QUALIFIER.get(s.qualifier, "")),
                    c.text_cell(s.source),
                ]
            )
        title = f"{g.activity.label}, {g.period.label}" + (" (exempeldata)" if g.is_example else "")
        blocks.append(
            Table(
                title,
                ["Mått", "Andel", "Källa"],
                rows,
                ["left", "right", "left"],
                sheet="Jämställdhet",
            )
        )
    split = [
        a
        for a in fu.activity_rows(project, threshold=limit)
        if a.women is not None or a.men is not None or {"women", "men"} & a.hidden.keys()
    ]
    if split:
        rows = [
            [
                c.text_cell(a.activity.label),
                c.text_cell(a.period.label),
                _split_cell(a, "women", threshold),
                _split_cell(a, "men", threshold),
                c.percent_cell(Decimal(a.women) / (a.women + a.men))
                if a.women is not None and a.men is not None and (a.women + a.men)
                else (c.suppressed_cell("percent", threshold) if a.hidden else c.text_cell("–")),
            ]
            for a in split
        ]
        blocks.append(
            Table(
                "Deltagare efter kön",
                ["Aktivitet", "Period", "Kvinnor", "Män", "Andel kvinnor"],
                rows,
                sheet="Kön",
            )
        )
    return blocks


def spider_blocks(project: Project, *, with_charts: bool = True) -> list[Block]:
    blocks: list[Block] = []
    for view in fu.spider_views(project):
        if not view.spread:
            continue
        inst = view.instrument
        mark = " (Exempeldata)" if view.is_example else ""
        blocks.append(Subheading(f"{inst.name}{mark}"))
        blocks.append(
            Paragraph(
                f"{fmt.count(len(inst.dimensions))} mått, {fmt.count(len(view.occasions), ('mättillfälle', 'mättillfällen'))}, {fmt.count(len(view.ratings), ('enhet', 'enheter'))}."
            )
        )
        rows = [
            [
                c.text_cell(str(o.occasion)),
                c.score_cell(o.overall.mean if o.overall else None),
                c.score_cell(o.overall.sd if o.overall else None),
                c.text_cell(
                    f"{fmt.number(o.overall.low, 1)}–{fmt.number(o.overall.high, 1)}"
                    if o.overall
                    else "–"
                ),
            ]
            for o in view.spread
        ]
        blocks.append(
            Table(
                f"{inst.name}: spridning mellan enheter",
                ["Mättillfälle", "Medel", "Standardavvikelse", "Lägsta–högsta"],
                rows,
                ["left", "right", "right", "right"],
                sheet="Spindelmätning",
            )
        )
        if with_charts:
            chart = ChartCall.of(
                charts.spread_over_occasions,
                f"{inst.name}: spridning mellan enheter{mark}",
                [str(s.occasion) for s in view.spread],
                [s.overall.sd if s.overall else None for s in view.spread],
                [s.overall.low if s.overall else None for s in view.spread],
                [s.overall.high if s.overall else None for s in view.spread],
            )
            blocks.append(Figure(f"{inst.name}: spridning", chart=chart))
    return blocks


# ---------------------------------------------------------------- the socioeconomic result


PURPOSE_TITLES = {
    Purpose.EXPECTED: "Förväntade vinster (socioekonomisk kalkyl i ansökan)",
    Purpose.DECISION: "Beslutsunderlag (socioekonomisk kalkyl)",
    Purpose.REALISED: "Realiserade vinster (socioekonomisk kalkyl i uppföljningen)",
}


def calculation_blocks(project: Project) -> list[Block]:
    """The headline of each purpose's latest calculation (present value of costs and gains per
    actor, NPV, benefit per krona, payback, break-even), as the calculation page shows it."""
    from sif.web.calculations import present

    blocks: list[Block] = []
    for purpose in (Purpose.EXPECTED, Purpose.DECISION, Purpose.REALISED):
        calculation = calculation_current(project, purpose)
        if calculation is None or not isinstance(calculation.scenario, dict):
            continue
        try:
            page = present.page(calculation.scenario, charts=False)
        except Exception as error:  # noqa: BLE001 – a stored calculation that no longer parses is reported, not guessed
            blocks.append(
                Paragraph(
                    f"{PURPOSE_TITLES[purpose]}: kalkylen version {calculation.version} kan inte räknas ({error}).",
                    "note",
                )
            )
            continue
        rows = [[c.text_cell(line.label), _headline_cell(line, page)] for line in page.headline]
        settings = "; ".join(f"{s.label}: {s.value}" for s in page.settings)
        blocks.append(
            Table(
                f"{PURPOSE_TITLES[purpose]}, version {calculation.version}",
                ["Resultat", "Värde"],
                rows,
                ["left", "right"],
                [settings],
                sheet=f"Kalkyl {purpose}",
            )
        )
    return blocks


def _headline_cell(line: Any, page: Any) -> Cell:
    """A break-even counted in a share (the pilot: "andel av placeringskostnaderna") in percent,
    not as 0,0337."""
    from sif.reports.plain import share_outcome_text

    if line.key.startswith("break_even_successes") and page.scenario.outcomes:
        value = getattr(page.result, line.key, None)  # the social or the municipality's break-even
        shown = (
            share_outcome_text(value, page.scenario.outcomes[0].unit) if value is not None else ""
        )
        if shown:
            return c.text_cell(shown)
    return _line_cell(line)


def effect_blocks(project: Project, *, published: bool = False) -> list[Block]:
    """Effect per indicator (intervention against comparison group or baseline) and the realised
    against expected gains where the effect feeds the project's calculation. Published: an effect
    built on a suppressed count is not shown (sif.calc.suppression)."""
    from sif.web.followup import effects

    tables = indicator_tables(project, project.fund.suppression_threshold if published else None)
    blocks: list[Block] = []
    for card in effects.effect_cards(project, tables):
        name = card.table.indicator.name
        blocks.append(
            Subheading(
                f"{name}, {card.period_label}" + (" (exempeldata)" if card.is_example else "")
            )
        )
        if card.effect is not None:
            e = card.effect
            blocks.append(
                Paragraph(
                    f"Insatsgrupp {fmt.percent(e.rate_intervention)}, jämförelsegrupp {fmt.percent(e.rate_comparison)}: "
                    f"skillnad {fmt.percentage_points(e.difference)} (95 % konfidensintervall {fmt.percentage_points(e.ci_low)} "
                    f"till {fmt.percentage_points(e.ci_high)}; Fishers exakta test p = {fmt.p_value(e.fisher_p)})."
                )
            )
        elif card.baseline_difference is not None:
            blocks.append(
                Paragraph(
                    f"Skillnad mot baslinjen: {figure_text(card.baseline_difference, card.table.indicator.unit)}."
                )
            )
        if card.error:
            blocks.append(Paragraph(card.error, "note"))
        if card.gains_rows:
            rows = [
                [
                    c.text_cell(actor_label(g.actor)),
                    c.kr_cell(_dec(g.expected)),
                    c.kr_cell(_dec(g.realised)),
                ]
                for g in card.gains_rows
            ]
            rows.append(
                [
                    c.text_cell("Totalt"),
                    c.kr_cell(_dec(card.expected_total)),
                    c.kr_cell(_dec(card.realised_total)),
                ]
            )
            blocks.append(
                Table(
                    f"{name}: förväntade och realiserade vinster per år",
                    ["Aktör", "Förväntade", "Realiserade"],
                    rows,
                    ["left", "right", "right"],
                    total_rows=1,
                    sheet="Vinster",
                )
            )
            blocks.extend(Paragraph(w, "warning") for w in card.warnings)
            blocks.extend(Paragraph(line, "note") for line in card.formula)
    return blocks


def _line_cell(line: Any) -> Cell:
    """A calculation result as a number cell where it is one (kronor, share), so XLSX holds numbers."""
    if line.number is not None and line.kind == fmt.KRONOR:
        return c.kr_cell(_dec(line.number))
    if line.number is not None and line.kind == fmt.SHARE:
        return Cell(line.value, Decimal(str(line.number)), "percent")
    return c.text_cell(line.value)


def _dec(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(str(round(value)))


def repayment_text(project: Project) -> str:
    rule = (
        project.get_repayment_rule_display()
        if project.repayment_rule
        else project.fund.get_repayment_rule_display()
    )
    note = project.repayment_note or ("" if project.repayment_rule else project.fund.repayment_note)
    return f"Återbetalning: {rule}." + (f" {note}" if note else "")


def sources_list(project: Project) -> list[str]:
    return [
        f"{d.original_name}" + (f" ({d.kind})" if d.kind else "")
        for d in project.source_documents.order_by("uploaded_at", "pk")
    ]


def money(amount: Decimal | None) -> str:
    return format_kr(amount) if amount is not None else ""


def noun_list(items: Sequence[Any]) -> str:
    names = [str(i) for i in items]
    return ", ".join(names[:-1]) + f" och {names[-1]}" if len(names) > 1 else "".join(names)
