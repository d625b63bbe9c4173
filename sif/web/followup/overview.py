"""The follow-up overview page of a project: periods and who reported, the chosen indicators'
tables and charts, activities, gender analysis, spindelmätning, effect cards and status reports.

Cost is bounded whatever the project's size: only the chosen indicators' figures are read
(sif/web/followup/selection.py), at most CHARTS_PER_REQUEST charts are drawn per request (the rest
by the worker), and charts are linked as images, not inlined (sif/web/followup/chart_images.py).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from sif.calc import format as fmt
from sif.reports import charts
from sif.web.accounts.permissions import can_report_for_unit, check
from sif.web.caching.jobs import charts_defer, charts_in_background
from sif.web.followup import effects, reporting_units, selectors, service_support
from sif.web.followup.access import visible_project
from sif.web.followup.chart_images import chart_image
from sif.web.followup.selection import MAX_INDICATORS, MAX_UNITS, Selection, selection_for
from sif.web.projects.models import IndicatorUnit, Project


def _fmt(value: Any, kind: str) -> str:
    if value is None:
        return "–"
    return fmt.quantity(value, kind)


@login_required
def overview(request: HttpRequest, pk: int) -> HttpResponse:
    project = visible_project(request, pk)
    published = selectors.sees_suppressed_figures(request.user, project)
    threshold = project.fund.suppression_threshold
    units = reporting_units.units_in_order(project)
    chosen = selection_for(request.GET, selectors.indicators_with_data(project), units)
    chosen.tables = selectors.indicator_tables(
        project, threshold=threshold if published else None, indicator_ids=chosen.indicator_ids
    )
    # A bounded number of charts drawn per request, whatever the selection: the rest come from
    # the shared cache, or show a placeholder while `sif worker` draws them (sif/web/caching).
    with charts.drawing_budget(settings.CHARTS_PER_REQUEST) as budget:
        for table in chosen.tables:
            _table_charts(request, project, table, threshold, chosen)
        spiders = [
            _spider_charts(request, project, v, chosen) for v in selectors.spider_views(project)
        ]
    charts_defer(budget.deferred)
    status = selectors.reporting_status(project)
    for period in status:  # per-unit rows for the chosen units; every period counts them all
        period["shown"] = [r for r in period["units"] if chosen.shows_unit_id(r["unit"].pk)]
        period["reported"] = sum(1 for r in period["units"] if r["reported"])
    reportable = [u for u in units if can_report_for_unit(request.user, project, u)]
    context = {
        "project": project,
        "is_admin": bool(check(request.user, "followup.closed_period", project)),
        "is_editor": service_support.is_followup_editor(request.user, project),
        "published": published,
        "threshold": threshold,
        "status": status,
        "my_units": chosen.own_units(reportable),
        "more_units_to_report": len(reportable) - len(chosen.own_units(reportable)),
        "selection": chosen,
        "tables": chosen.tables,
        "max_indicators": MAX_INDICATORS,
        "max_units": MAX_UNITS,
        "charts_pending": len(budget.deferred),
        "charts_in_background": charts_in_background(),
        "activities": selectors.activity_rows(project, threshold=threshold if published else None),
        "gender": selectors.gender_blocks(project, threshold=threshold if published else None),
        "spiders": spiders,
        "cards": effects.effect_cards(project, chosen.tables),
        "reports_by_period": selectors.status_reports_by_period(project),
    }
    return render(request, "followup/overview.html", context)


def _shown(figure: selectors.Aggregate | None, kind: str, threshold: int) -> str:
    """A period total, or why it is hidden (sif.calc.suppression)."""
    if figure is not None and figure.hidden:
        return (
            _("dold (färre än %(threshold)s)") % {"threshold": threshold}
            if figure.hidden == "below_threshold"
            else _("dold (bygger på en dold cell)")
        )
    return _fmt(figure.value if figure else None, kind)


def _table_charts(
    request: HttpRequest,
    project: Project,
    table: selectors.IndicatorTable,
    threshold: int,
    chosen: Selection,
) -> None:
    if chosen.units:  # the chosen units' cells (hidden ones stay hidden); none chosen: every unit
        table.by_unit = [c for c in table.by_unit if c.unit.pk in chosen.unit_ids]
    kind = table.indicator.unit
    share = kind == IndicatorUnit.SHARE
    table.display_rows = [  # type: ignore[attr-defined]
        (
            r.period,
            _shown(r.intervention, kind, threshold),
            r.intervention,
            _shown(r.comparison, kind, threshold),
            r.comparison,
        )
        for r in table.rows
    ]
    table.display_units = [
        (c.unit, _fmt(c.figure.value if c.figure else None, kind), c) for c in table.by_unit
    ]  # type: ignore[attr-defined]
    table.baseline_text = _fmt(table.indicator.baseline_value, kind)  # type: ignore[attr-defined]
    table.target_text = _fmt(table.indicator.target_value, kind)  # type: ignore[attr-defined]
    if not table.has_data:
        return
    labels, series, refs = table.line_chart_data()
    title = table.indicator.name
    table.line_chart = chart_image(  # type: ignore[attr-defined]
        request,
        project,
        charts.line_over_periods,
        title,
        labels,
        series,
        references=refs,
        percent=share,
    )
    if table.by_unit and table.latest_period is not None:
        table.bar_chart = chart_image(  # type: ignore[attr-defined]
            request,
            project,
            charts.bars_per_unit,
            f"{title}, per enhet, {table.latest_period.label}",
            [c.unit.short_name or c.unit.name for c in table.by_unit],
            [
                float(c.figure.value) if c.figure and c.figure.value is not None else None
                for c in table.by_unit
            ],
            percent=share,
        )


def _spider_charts(
    request: HttpRequest, project: Project, view: selectors.SpiderView, chosen: Selection
) -> dict[str, Any]:
    """The spread, one radar per occasion (the chosen units, or all) and one per chosen unit."""
    instrument = view.instrument
    ratings = {u: r for u, r in view.ratings.items() if not chosen.units or chosen.shows_unit(u)}
    dims = [str(d) for d in instrument.dimensions]
    scale = (float(instrument.scale_min), float(instrument.scale_max))
    mark = " (Exempeldata)" if view.is_example else ""
    per_occasion = []
    for occasion in view.occasions:
        series = {
            unit: per_unit[occasion] for unit, per_unit in ratings.items() if occasion in per_unit
        }
        per_occasion.append(
            {
                "occasion": occasion,
                "chart": chart_image(
                    request,
                    project,
                    charts.radar,
                    f"{instrument.name}, mättillfälle {occasion}{mark}",
                    dims,
                    series,
                    scale=scale,
                ),
                "series": series,
            }
        )
    per_unit = [
        {
            "unit": unit,
            "chart": chart_image(
                request,
                project,
                charts.radar,
                f"{instrument.name}: {unit}{mark}",
                dims,
                {f"Tillfälle {o}": v for o, v in sorted(occ.items())},
                scale=scale,
            ),
        }
        for unit, occ in view.ratings.items()
        if chosen.shows_unit(unit)
    ]
    spread_chart = (
        chart_image(
            request,
            project,
            charts.spread_over_occasions,
            f"{instrument.name}: spridning mellan enheter{mark}",
            [str(s.occasion) for s in view.spread],
            [s.overall.sd if s.overall else None for s in view.spread],
            [s.overall.low if s.overall else None for s in view.spread],
            [s.overall.high if s.overall else None for s in view.spread],
        )
        if view.spread
        else None
    )
    return {
        "view": view,
        "dims": dims,
        "per_occasion": per_occasion,
        "per_unit": per_unit,
        "spread_chart": spread_chart,
    }
