"""The follow-up's indicators and spindelmätning as content blocks (sif/reports/content.py).

Aggregates come from sif/web/followup/selectors.py with small counts hidden (the threshold); only
the first PRINTED_INDICATORS are printed in detail, the rest are in the summary table and the XLSX.
"""

from __future__ import annotations

from decimal import Decimal

from sif.calc import format as fmt
from sif.reports import charts
from sif.reports import content as c
from sif.reports.content import Block, Cell, Figure, Paragraph, Subheading, Table
from sif.reports.figures import ChartCall
from sif.web.documents.document_build import indicator_tables
from sif.web.followup import selectors as fu
from sif.web.projects.models import Indicator, IndicatorUnit, Project

# Indicators printed in detail (per period, per unit, a chart) in a PDF or DOCX; the rest are in
# the summary table and, in detail, in the XLSX: a project of 25 indicators × 40 units would
# otherwise print 25 charts and 1 300 table rows (issue 16: a document in ≤ 5 s).
PRINTED_INDICATORS = 6


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
        labels, series, refs = t.line_chart_data()
        chart = ChartCall.of(
            charts.line_over_periods,
            ind.name,
            labels,
            series,
            references=refs,
            percent=share,
        )
        blocks.append(Figure(ind.name, chart=chart))
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
