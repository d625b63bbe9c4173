"""Pieces several documents share, gathered from the models and selectors and turned into content
blocks (sif/reports/content.py): budget, decisions, follow-up aggregates, activities, gender
analysis, spindelmätning, the socioeconomic result and the source documents."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from sif.calc.labels_sv import actor_label
from sif.reports import charts
from sif.reports import content as c
from sif.reports.content import Block, Cell, Figure, Paragraph, Subheading, Table
from sif.web.calculations.models import Purpose
from sif.web.calculations.selectors import calculation_current
from sif.web.core.money import format_kr
from sif.web.followup import selectors as fu
from sif.web.projects.models import Decision, DecisionKind, Indicator, IndicatorUnit, Project
from sif.web.projects.selectors import budget_table

QUALIFIER = {"over": "drygt", "about": "ca"}


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
        share = value / 100 if value is not None and value > 1 else value
        return c.percent_cell(share)
    if kind == IndicatorUnit.SCORE:
        return c.score_cell(value)
    return c.count_cell(value)


def followup_blocks(
    project: Project, *, published: bool, with_charts: bool = True, per_unit: bool = False
) -> list[Block]:
    """Per indicator with data: the aggregate per period (insatsgrupp, jämförelsegrupp) against
    baseline and target, a line chart, and (final report) the per-unit figures, suppressed when
    the document is published."""
    threshold = project.fund.suppression_threshold
    tables = fu.indicator_tables(project, threshold=threshold if published else None)
    blocks: list[Block] = []
    summary_rows = []
    for t in tables:
        if not t.has_data:
            continue
        ind = t.indicator
        latest = next((r for r in reversed(t.rows) if r.intervention is not None), None)
        value = latest.intervention.value if latest and latest.intervention else None
        comparison = latest.comparison.value if latest and latest.comparison else None
        summary_rows.append(
            [
                c.text_cell(ind.name),
                c.text_cell(latest.period.label if latest else "–"),
                figure_cell(value, ind.unit),
                figure_cell(comparison, ind.unit) if comparison is not None else c.text_cell("–"),
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
    for t in tables:
        if not t.has_data:
            continue
        blocks.extend(_indicator_detail(t, published, threshold, with_charts, per_unit))
    return blocks


def _indicator_detail(
    t: fu.IndicatorTable, published: bool, threshold: int, with_charts: bool, per_unit: bool
) -> list[Block]:
    ind = t.indicator
    share = ind.unit == IndicatorUnit.SHARE
    blocks: list[Block] = [Subheading(ind.name + (" (exempeldata)" if t.is_example else ""))]
    rows = [
        [
            c.text_cell(r.period.label),
            figure_cell(r.intervention.value if r.intervention else None, ind.unit),
            figure_cell(r.comparison.value if r.comparison else None, ind.unit)
            if ind.comparison_group
            else c.text_cell("–"),
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
        svg = charts.line_over_periods(
            ind.name, [r.period.label for r in t.rows], series, references=refs, percent=share
        )
        blocks.append(Figure(ind.name, svg))
    return blocks


def activity_table(project: Project) -> Table | None:
    rows = []
    for a in fu.activity_rows(project):
        qualifier = QUALIFIER.get(a.qualifier, "")
        total = c.count_cell(a.total)
        if qualifier and a.total is not None:
            total = Cell(f"{qualifier} {total.text}", total.value, "count")
        rows.append(
            [
                c.text_cell(a.activity.label),
                c.text_cell(a.period.label),
                total,
                c.count_cell(a.women) if a.women is not None else c.text_cell("–"),
                c.count_cell(a.men) if a.men is not None else c.text_cell("–"),
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


def gender_blocks(project: Project) -> list[Block]:
    """The gender analysis: shares with a mother / a father, and who came alone, from counts where
    the units gave them and the shares a source published; and activities split by women and men."""
    blocks: list[Block] = []
    for g in fu.gender_blocks(project):
        rows = []
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
    split = [a for a in fu.activity_rows(project) if a.women is not None or a.men is not None]
    if split:
        rows = [
            [
                c.text_cell(a.activity.label),
                c.text_cell(a.period.label),
                c.count_cell(a.women),
                c.count_cell(a.men),
                c.percent_cell(Decimal(a.women) / (a.women + a.men))
                if a.women is not None and a.men is not None and (a.women + a.men)
                else c.text_cell("–"),
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
                f"{len(inst.dimensions)} mått, {len(view.occasions)} mättillfällen, {len(view.ratings)} enheter."
            )
        )
        rows = [
            [
                c.text_cell(str(o.occasion)),
                c.score_cell(o.overall.mean if o.overall else None),
                c.score_cell(o.overall.sd if o.overall else None),
                c.text_cell(
                    f"{o.overall.low:.1f}–{o.overall.high:.1f}".replace(".", ",")
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
            svg = charts.spread_over_occasions(
                f"{inst.name}: spridning mellan enheter{mark}",
                [str(s.occasion) for s in view.spread],
                [s.overall.sd if s.overall else None for s in view.spread],
                [s.overall.low if s.overall else None for s in view.spread],
                [s.overall.high if s.overall else None for s in view.spread],
            )
            blocks.append(Figure(f"{inst.name}: spridning", svg))
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
        rows = [
            [c.text_cell(line.label), c.text_cell(_headline_value(line, page))]
            for line in page.headline
        ]
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


def _headline_value(line: Any, page: Any) -> str:
    """A break-even counted in a share (the pilot: "andel av placeringskostnaderna") in percent,
    not as 0,0337."""
    from sif.reports.plain import share_outcome_text

    if line.key == "break_even_successes" and page.scenario.outcomes:
        shown = share_outcome_text(page.result.break_even_successes, page.scenario.outcomes[0].unit)
        if shown:
            return shown
    return str(line.value)


def effect_blocks(project: Project) -> list[Block]:
    """Effect per indicator (intervention against comparison group or baseline) and the realised
    against expected gains where the effect feeds the project's calculation."""
    from sif.web.followup import effects

    tables = fu.indicator_tables(project)
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
                    f"Insatsgrupp {c.percent_text(e.rate_intervention)}, jämförelsegrupp {c.percent_text(e.rate_comparison)}: "
                    f"skillnad {_pp(e.difference)} procentenheter (95 % konfidensintervall {_pp(e.ci_low)} till {_pp(e.ci_high)}; "
                    f"Fishers exakta test p = {e.fisher_p:.3f})".replace(".", ",")
                    + "."
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
                [c.text_cell(actor_label(actor)), c.kr_cell(_dec(exp)), c.kr_cell(_dec(real))]
                for actor, exp, real in card.gains_rows
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
                    f"{name}: förväntade och realiserade vinster",
                    ["Aktör", "Förväntade", "Realiserade"],
                    rows,
                    ["left", "right", "right"],
                    total_rows=1,
                    sheet="Vinster",
                )
            )
    return blocks


def _pp(value: float) -> str:
    return f"{value * 100:+.1f}".replace(".", ",").replace("-", "\u2212")


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
