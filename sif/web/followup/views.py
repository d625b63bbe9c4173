"""Follow-up pages: thin views over selectors and services. A project the user may not see answers
404; a refused action shows the Swedish reason and changes nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sif.calc import format as fmt
from sif.calc.errors import SifError
from sif.messages import message_for, message_for_error
from sif.reports import charts
from sif.web.accounts.models import OrgUnit
from sif.web.accounts.permissions import can_report_for_unit, check, visible_projects
from sif.web.caching.jobs import charts_defer, charts_in_background
from sif.web.core.uploads import check_upload_size
from sif.web.followup import effects, selectors, services, xlsx
from sif.web.followup.models import (
    ActivityType,
    Group,
    PeriodKind,
    ReportingPeriod,
    SpiderInstrument,
    SpiderRating,
    StatusReport,
)
from sif.web.followup.selection import MAX_INDICATORS, MAX_UNITS, Selection, selection_for
from sif.web.followup.services import RawActivity, RawMeasurement
from sif.web.projects.models import (
    Direction,
    Frequency,
    Indicator,
    IndicatorUnit,
    MeasurementMethod,
    Project,
)

SESSION_KEY = "followup_import"


def _project(request: HttpRequest, pk: int) -> Project:
    project = (
        visible_projects(request.user).select_related("fund", "owner_unit").filter(pk=pk).first()
    )
    if project is None:
        raise Http404(message_for("project_not_found"))
    return project


def _period(project: Project, period_id: int) -> ReportingPeriod:
    return get_object_or_404(ReportingPeriod, pk=period_id, project=project)


def _reportable_units(request: HttpRequest, project: Project) -> list[OrgUnit]:
    return [
        u for u in services.units_in_order(project) if can_report_for_unit(request.user, project, u)
    ]


def _unit_for(request: HttpRequest, project: Project, unit_id: int) -> OrgUnit:
    unit = next((u for u in services.units_in_order(project) if u.pk == unit_id), None)
    if unit is None:
        raise Http404(message_for("project_not_found"))
    verdict = can_report_for_unit(request.user, project, unit)
    if not verdict:
        raise PermissionDenied(message_for(verdict.reason, unit=unit.name))
    return unit


def _fmt(value: Any, kind: str) -> str:
    if value is None:
        return "–"
    return fmt.quantity(value, kind)


# --- overview ------------------------------------------------------------------------------------


@login_required
def overview(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    published = selectors.sees_suppressed_figures(request.user, project)
    threshold = project.fund.suppression_threshold
    all_tables = selectors.indicator_tables(project, threshold=threshold if published else None)
    chosen = selection_for(request.GET, all_tables, services.units_in_order(project))
    # A bounded number of charts drawn per request, whatever the selection: the rest come from
    # the shared cache, or show a placeholder while `sif worker` draws them (sif/web/caching).
    with charts.drawing_budget(settings.CHARTS_PER_REQUEST) as budget:
        for table in chosen.tables:
            _table_charts(table, threshold, chosen)
        spiders = [_spider_charts(v, chosen) for v in selectors.spider_views(project)]
    charts_defer(budget.deferred)
    context = {
        "project": project,
        "is_admin": bool(check(request.user, "followup.closed_period", project)),
        "is_editor": services.is_followup_editor(request.user, project),
        "published": published,
        "threshold": threshold,
        "status": selectors.reporting_status(project),
        "my_units": _reportable_units(request, project),
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


def _table_charts(table: selectors.IndicatorTable, threshold: int, chosen: Selection) -> None:
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
    series = {
        "Insatsgrupp": [
            float(r.intervention.value)
            if r.intervention and r.intervention.value is not None
            else None
            for r in table.rows
        ]
    }
    if any(r.comparison for r in table.rows):
        series["Jämförelsegrupp"] = [
            float(r.comparison.value) if r.comparison and r.comparison.value is not None else None
            for r in table.rows
        ]
    refs = {}
    if table.indicator.baseline_value is not None:
        refs["Baslinje"] = float(table.indicator.baseline_value)
    if table.indicator.target_value is not None:
        refs["Mål"] = float(table.indicator.target_value)
    title = table.indicator.name
    table.line_svg = charts.line_over_periods(
        title, [r.period.label for r in table.rows], series, references=refs, percent=share
    )  # type: ignore[attr-defined]
    if table.by_unit and table.latest_period is not None:
        table.bar_svg = charts.bars_per_unit(  # type: ignore[attr-defined]
            f"{title}, per enhet, {table.latest_period.label}",
            [c.unit.short_name or c.unit.name for c in table.by_unit],
            [
                float(c.figure.value) if c.figure and c.figure.value is not None else None
                for c in table.by_unit
            ],
            percent=share,
        )


def _spider_charts(view: selectors.SpiderView, chosen: Selection) -> dict[str, Any]:
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
                "svg": charts.radar(
                    f"{instrument.name}, mättillfälle {occasion}{mark}", dims, series, scale=scale
                ),
                "series": series,
            }
        )
    per_unit = [
        {
            "unit": unit,
            "svg": charts.radar(
                f"{instrument.name}: {unit}{mark}",
                dims,
                {f"Tillfälle {o}": v for o, v in sorted(occ.items())},
                scale=scale,
            ),
        }
        for unit, occ in view.ratings.items()
        if chosen.shows_unit(unit)
    ]
    spread_svg = (
        charts.spread_over_occasions(
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
        "spread_svg": spread_svg,
    }


# --- reporting: form, template, upload -----------------------------------------------------------


@login_required
def report_form(request: HttpRequest, pk: int, period_id: int, unit_id: int) -> HttpResponse:
    project = _project(request, pk)
    period = _period(project, period_id)
    unit = _unit_for(request, project, unit_id)
    indicators = list(project.indicators.all())
    activities = list(project.activity_types.all())
    refused: list[services.RefusedRow] = []
    implausible: list[services.RefusedRow] = []
    error = ""
    if request.method == "POST":
        rows, acts = _rows_from_post(request, indicators, activities, unit)
        try:
            preview = services.measurements_plan(
                actor=request.user,
                project=project,
                period=period,
                measurements=rows,
                activities=acts,
                measurement_sheet="Formulär",
                activity_sheet="Aktiviteter",
            )
            refused = preview.refused
            confirmed = request.POST.get("confirm_implausible") == "1"
            implausible = [] if confirmed else preview.implausible
            if not refused and not implausible:
                services.measurements_store(
                    actor=request.user,
                    project=project,
                    period=period,
                    measurements=rows,
                    activities=acts,
                    source="form",
                    confirmed=confirmed,
                )
                messages.success(
                    request,
                    _("Siffrorna för %(unit)s, %(period)s, är sparade.")
                    % {"unit": unit.name, "period": period.label},
                )
                return redirect("followup:overview", pk=project.pk)
        except SifError as exc:
            error = message_for_error(exc)
    stored = {(m.indicator_id, m.group): m for m in period.measurements.filter(unit=unit)}
    counts = {a.activity_id: a for a in period.activity_counts.filter(unit=unit)}
    posted = request.POST if request.method == "POST" else None
    lines = []
    for ind in indicators:
        groups = [Group.INTERVENTION] + ([Group.COMPARISON] if ind.comparison_group else [])
        for group in groups:
            m = stored.get((ind.pk, group))
            prefix = f"m-{ind.pk}-{group}"
            lines.append(
                {
                    "indicator": ind,
                    "group": Group(group).label,
                    "prefix": prefix,
                    "value": posted.get(f"{prefix}-value", "")
                    if posted
                    else (fmt.input_in_kind(m.value, "score") if m and m.value is not None else ""),
                    "numerator": posted.get(f"{prefix}-numerator", "")
                    if posted
                    else (m.numerator if m and m.numerator is not None else ""),
                    "denominator": posted.get(f"{prefix}-denominator", "")
                    if posted
                    else (m.denominator if m and m.denominator is not None else ""),
                }
            )
    activity_lines = []
    for a in activities:
        c = counts.get(a.pk)
        fields = [
            (
                name,
                label,
                posted.get(f"a-{a.pk}-{name}", "")
                if posted
                else (getattr(c, name) if c and getattr(c, name) is not None else ""),
            )
            for name, label in services.PART_LABELS.items()
            if name not in services.PARENT_PARTS or a.has_parent_split
        ]
        activity_lines.append({"activity": a, "fields": fields})
    context = {
        "project": project,
        "period": period,
        "unit": unit,
        "lines": lines,
        "activity_lines": activity_lines,
        "refused": refused,
        "implausible": implausible,
        "error": error,
        "closed": period.is_closed(),
    }
    return render(
        request,
        "followup/report_form.html",
        context,
        status=422 if (refused or implausible or error) else 200,
    )


def _rows_from_post(
    request: HttpRequest, indicators: list[Indicator], activities: list[Any], unit: OrgUnit
) -> tuple[list[RawMeasurement], list[RawActivity]]:
    rows = []
    number = 0
    for ind in indicators:
        for group in [Group.INTERVENTION] + ([Group.COMPARISON] if ind.comparison_group else []):
            number += 1
            prefix = f"m-{ind.pk}-{group}"
            rows.append(
                RawMeasurement(
                    number,
                    ind.pk,
                    unit.pk,
                    group,
                    request.POST.get(f"{prefix}-value"),
                    request.POST.get(f"{prefix}-numerator"),
                    request.POST.get(f"{prefix}-denominator"),
                )
            )
    acts = [
        RawActivity(
            i + 1,
            unit.pk,
            a.code,
            *[request.POST.get(f"a-{a.pk}-{name}") for name in services.PART_LABELS],
        )
        for i, a in enumerate(activities)
    ]
    return rows, acts


@login_required
def template_download(request: HttpRequest, pk: int, period_id: int) -> HttpResponse:
    project = _project(request, pk)
    period = _period(project, period_id)
    units = _reportable_units(request, project)
    if not units:
        raise PermissionDenied(message_for("not_reporter_for_unit"))
    response = HttpResponse(
        xlsx.template_workbook(project, period, units), content_type=xlsx.XLSX_CONTENT_TYPE
    )
    # the label is the user's text: slugified for the name, so a newline or quote cannot reach the header
    response["Content-Disposition"] = content_disposition_header(
        True, f"uppfoljning-{project.pk}-{slugify(period.label) or period.pk}.xlsx"
    )
    return response


@login_required
def upload(request: HttpRequest, pk: int, period_id: int) -> HttpResponse:
    project = _project(request, pk)
    period = _period(project, period_id)
    context: dict[str, Any] = {"project": project, "period": period}
    if request.method == "POST":
        uploaded = request.FILES.get("file")
        if uploaded is None:
            context["error"] = message_for("not_xlsx", filename="(ingen fil)")
            return render(request, "followup/upload.html", context, status=422)
        try:
            services.upload_allowed(actor=request.user, project=project, period=period)
            check_upload_size(uploaded.size, uploaded.name or "")  # before reading it into memory
            preview, parsed = xlsx.measurements_import_preview(
                actor=request.user,
                project=project,
                period=period,
                data=uploaded.read(),
                filename=uploaded.name or "",
            )
        except SifError as exc:
            context["error"] = message_for_error(exc)
            return render(request, "followup/upload.html", context, status=422)
        request.session[SESSION_KEY] = {
            "period_id": period.pk,
            "parsed": xlsx.parsed_to_json(parsed),
            "filename": uploaded.name,
        }
        context.update({"preview": preview, "filename": uploaded.name})
        return render(request, "followup/upload.html", context, status=200 if preview.ok else 422)
    return render(request, "followup/upload.html", context)


@login_required
@require_POST
def upload_confirm(request: HttpRequest, pk: int, period_id: int) -> HttpResponse:
    project = _project(request, pk)
    period = _period(project, period_id)
    stored = request.session.get(SESSION_KEY)
    if not stored or stored.get("period_id") != period.pk:
        messages.error(request, message_for("import_expired"))
        return redirect("followup:upload", pk=project.pk, period_id=period.pk)
    try:
        preview = xlsx.measurements_import_confirm(
            actor=request.user,
            project=project,
            period=period,
            parsed=xlsx.parsed_from_json(stored["parsed"]),
            confirmed=request.POST.get("confirm_implausible") == "1",
        )
    except SifError as exc:
        messages.error(request, message_for_error(exc))
        return redirect("followup:upload", pk=project.pk, period_id=period.pk)
    del request.session[SESSION_KEY]
    messages.success(
        request,
        _(
            "%(measurements)s mätvärden och %(activities)s aktivitetsrader från %(filename)s är sparade."
        )
        % {
            "measurements": len(preview.measurements),
            "activities": len(preview.activities),
            "filename": stored["filename"],
        },
    )
    return redirect("followup:overview", pk=project.pk)


# --- status reports ------------------------------------------------------------------------------


@login_required
def status_report(request: HttpRequest, pk: int, period_id: int, unit_id: int) -> HttpResponse:
    project = _project(request, pk)
    period = _period(project, period_id)
    unit = _unit_for(request, project, unit_id)
    report = StatusReport.objects.filter(period=period, unit=unit).first()
    text = report.text if report else ""
    error = ""
    if request.method == "POST":
        text = request.POST.get("text", "")
        try:
            services.status_report_submit(
                actor=request.user,
                period=period,
                unit=unit,
                text=text,
                draft="draft" in request.POST,
            )
            messages.success(request, _("Statusrapporten är sparad."))
            return redirect("followup:overview", pk=project.pk)
        except SifError as exc:
            error = message_for_error(exc)
    figures = [m for m in period.measurements.filter(unit=unit).select_related("indicator")]
    context = {
        "project": project,
        "period": period,
        "unit": unit,
        "report": report,
        "text": text,
        "error": error,
        "figures": figures,
    }
    return render(request, "followup/status_report.html", context, status=422 if error else 200)


@login_required
@require_POST
def status_report_review(request: HttpRequest, pk: int, report_id: int) -> HttpResponse:
    project = _project(request, pk)
    report = get_object_or_404(StatusReport, pk=report_id, project=project)
    comment = request.POST.get("comment", "")
    try:
        if request.POST.get("decision") == "approve":
            services.status_report_approve(actor=request.user, report=report, comment=comment)
            messages.success(
                request, _("Statusrapporten från %(unit)s är godkänd.") % {"unit": report.unit.name}
            )
        else:
            services.status_report_return(actor=request.user, report=report, comment=comment)
            messages.success(
                request,
                _("Statusrapporten från %(unit)s är återsänd.") % {"unit": report.unit.name},
            )
    except SifError as exc:
        messages.error(request, message_for_error(exc))
    return redirect("followup:overview", pk=project.pk)


# --- periods and indicators ----------------------------------------------------------------------


def _date(raw: str, field: str) -> dt.date:
    try:
        return dt.date.fromisoformat(raw.strip())
    except ValueError:
        raise SifError("not_a_number", column=field, value=raw) from None


@login_required
def period_new(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    error = ""
    if request.method == "POST":
        p = request.POST
        try:
            services.period_create(
                actor=request.user,
                project=project,
                kind=p.get("kind", PeriodKind.TERTIAL),
                label=p.get("label", "").strip(),
                start=_date(p.get("start", ""), "Början"),
                end=_date(p.get("end", ""), "Slut"),
                opens_at=_date(p.get("opens_at", ""), "Öppnar"),
                closes_at=_date(p.get("closes_at", ""), "Stänger"),
            )
            return redirect("followup:overview", pk=project.pk)
        except SifError as exc:
            error = message_for_error(exc)
    return render(
        request,
        "followup/period_form.html",
        {"project": project, "kinds": PeriodKind.choices, "error": error, "data": request.POST},
        status=422 if error else 200,
    )


@login_required
@require_POST
def period_close(request: HttpRequest, pk: int, period_id: int) -> HttpResponse:
    project = _project(request, pk)
    try:
        services.period_close(actor=request.user, period=_period(project, period_id))
    except SifError as exc:
        messages.error(request, message_for_error(exc))
    return redirect("followup:overview", pk=project.pk)


def _field_label(model: Any, name: str) -> str:
    """A model field's Swedish label for a message, never its code name."""
    try:
        return str(model._meta.get_field(name).verbose_name).capitalize()
    except Exception:  # noqa: BLE001 – "__all__" and unknown names: a neutral word instead of a key
        return _("Uppgiften")


def _in_kind(raw: str | None, unit: str, label: str) -> Decimal | None:
    """Baseline and target typed in the indicator's kind: a share as a percentage ("40" = 40 %)."""
    return None if not (raw or "").strip() else fmt.parse_in_kind(raw or "", unit, label)


@login_required
def indicators(request: HttpRequest, pk: int, indicator_id: int | None = None) -> HttpResponse:
    project = _project(request, pk)
    indicator = (
        get_object_or_404(Indicator, pk=indicator_id, project=project) if indicator_id else None
    )
    error, conflict = "", False
    if request.method == "POST":
        p = request.POST
        try:
            fields = {
                "name": p.get("name", "").strip(),
                "group": p.get("group", "").strip(),
                "unit": p.get("unit", IndicatorUnit.COUNT),
                "direction": p.get("direction", Direction.HIGHER_IS_BETTER),
                "segment": p.get("segment", "").strip(),
                "method": p.get("method", MeasurementMethod.MANUAL),
                "method_detail": p.get("method_detail", "").strip(),
                "baseline_value": _in_kind(
                    p.get("baseline_value"), p.get("unit", IndicatorUnit.COUNT), _("Baslinje")
                ),
                "baseline_date": _date(p["baseline_date"], "Baslinjens datum")
                if p.get("baseline_date", "").strip()
                else None,
                "target_value": _in_kind(
                    p.get("target_value"), p.get("unit", IndicatorUnit.COUNT), _("Målvärde")
                ),
                "plausible_max": services.parse_count(p.get("plausible_max"), "Rimlighetsgräns"),
                "comparison_group": p.get("comparison_group", "").strip(),
                "frequency": p.get("frequency", Frequency.TERTIAL),
                "responsible_unit": _responsible_unit(project, p.get("responsible_unit", "")),
            }
            services.indicator_save(
                actor=request.user,
                project=project,
                indicator=indicator,
                version=_version(p.get("version")),
                **fields,
            )
            messages.success(request, _("Indikatorn är sparad."))
            return redirect("followup:indicators", pk=project.pk)
        except SifError as exc:
            error = message_for_error(exc)
            conflict = exc.code == "indicator_edit_conflict"
        except Exception as exc:  # full_clean's ValidationError: shape errors from the model
            from django.core.exceptions import ValidationError

            if not isinstance(exc, ValidationError):
                raise
            error = "; ".join(
                f"{_field_label(Indicator, k)}: {' '.join(v)}" for k, v in exc.message_dict.items()
            )
    context = {
        "project": project,
        "indicator": indicator,
        "items": list(project.indicators.select_related("responsible_unit")),
        "kind": indicator.unit if indicator else IndicatorUnit.COUNT,
        "error": error,
        "locked": check(request.user, "followup.indicators", project).reason == "indicator_locked",
        "is_editor": services.is_followup_editor(request.user, project),
        "org_units": services.units_in_order(project),
        "units": IndicatorUnit.choices,
        "directions": Direction.choices,
        "methods": MeasurementMethod.choices,
        "frequencies": Frequency.choices,
    }
    status = 409 if conflict else 422 if error else 200
    return render(request, "followup/indicators.html", context, status=status)


def _version(raw: str | None) -> int | None:
    """The version the editor read (a hidden field); none, or not a number, checks nothing."""
    text = (raw or "").strip()
    return int(text) if text.isdigit() and len(text) < 12 else None


@login_required
@require_POST
def indicator_delete(request: HttpRequest, pk: int, indicator_id: int) -> HttpResponse:
    project = _project(request, pk)
    indicator = get_object_or_404(Indicator, pk=indicator_id, project=project)
    try:
        services.indicator_delete(
            actor=request.user,
            project=project,
            indicator=indicator,
            version=_version(request.POST.get("version")),
        )
    except SifError as exc:
        messages.error(request, message_for_error(exc))
        return redirect("followup:indicator", pk=project.pk, indicator_id=indicator.pk)
    messages.success(request, _("Indikatorn är borttagen."))
    return redirect("followup:indicators", pk=project.pk)


def _responsible_unit(project: Project, raw: str) -> OrgUnit | None:
    """The unit chosen in the editor: blank for none, else one of the project's units."""
    if not raw.strip():
        return None
    unit = next((u for u in services.units_in_order(project) if str(u.pk) == raw.strip()), None)
    if unit is None:
        raise SifError("unknown_org_unit", unit=raw.strip())
    return unit


# --- activity types ------------------------------------------------------------------------------


@login_required
def activity_types(request: HttpRequest, pk: int, activity_id: int | None = None) -> HttpResponse:
    project = _project(request, pk)
    activity = (
        get_object_or_404(ActivityType, pk=activity_id, project=project) if activity_id else None
    )
    error = ""
    if request.method == "POST":
        p = request.POST
        try:
            services.activity_type_save(
                actor=request.user,
                project=project,
                activity=activity,
                code=p.get("code", ""),
                label=p.get("label", ""),
                has_parent_split=p.get("has_parent_split") == "on",
                position=services.parse_count(p.get("position"), "Ordning") or 0,
            )
            messages.success(request, _("Aktiviteten är sparad."))
            return redirect("followup:activity_types", pk=project.pk)
        except SifError as exc:
            error = message_for_error(exc)
    context = {
        "project": project,
        "activity": activity,
        "items": list(project.activity_types.all()),
        "error": error,
        "data": request.POST if request.method == "POST" else None,
        "is_editor": services.is_followup_editor(request.user, project),
    }
    return render(request, "followup/activity_types.html", context, status=422 if error else 200)


# --- spindelmätning: a new instrument (fund admin or project leader) -----------------------------


@login_required
def spider_instrument_new(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    if not services.is_followup_editor(request.user, project):
        raise PermissionDenied(message_for("not_followup_editor"))
    error = ""
    if request.method == "POST":
        p = request.POST
        try:
            instrument = services.spider_instrument_create(
                actor=request.user,
                project=project,
                name=p.get("name", ""),
                dimensions=p.get("dimensions", "").splitlines(),
                occasions=_occasions_field(p.get("occasions")),
                scale_min=_scale(p.get("scale_min"), str(_("Skalans min")), 1),
                scale_max=_scale(p.get("scale_max"), str(_("Skalans max")), 10),
            )
            messages.success(
                request, _("Spindelmätningen %(name)s är skapad.") % {"name": instrument.name}
            )
            return redirect(f"{reverse('followup:overview', args=[project.pk])}#spindel")
        except SifError as exc:
            error = message_for_error(exc)
    data = (
        request.POST
        if request.method == "POST"
        else {"scale_min": "1", "scale_max": "10", "occasions": "1"}
    )
    context = {"project": project, "data": data, "error": error}
    return render(
        request, "followup/spider_instrument_form.html", context, status=422 if error else 200
    )


def _occasions_field(raw: Any) -> int:
    value = services.parse_count(raw, str(_("Antal mättillfällen")))
    return 1 if value is None else value


def _scale(raw: Any, column: str, default: int) -> Decimal:
    value = services.parse_decimal(raw, column)
    return Decimal(default) if value is None else value


# --- spindelmätning: ratings per unit and occasion ------------------------------------------------


@login_required
def spider_form(request: HttpRequest, pk: int, instrument_id: int, unit_id: int) -> HttpResponse:
    project = _project(request, pk)
    instrument = get_object_or_404(SpiderInstrument, pk=instrument_id, project=project)
    unit = _unit_for(request, project, unit_id)
    occasion = _occasion(request, instrument)
    dims = [str(d) for d in instrument.dimensions]
    stored = {
        r.dimension: r
        for r in SpiderRating.objects.filter(instrument=instrument, unit=unit, occasion=occasion)
    }
    error = ""
    raw = (
        [request.POST.get(f"d-{k}", "") for k in range(len(dims))]
        if request.method == "POST"
        else None
    )
    if raw is not None:
        try:
            values = [services.parse_decimal(v, dims[k]) for k, v in enumerate(raw)]
            if all(v is None for v in values):
                raise SifError("spider_no_values", unit=unit.name, occasion=occasion)
            day = (
                _date(request.POST["occasion_date"], "Datum")
                if request.POST.get("occasion_date", "").strip()
                else None
            )
            services.spider_rating_save(
                actor=request.user,
                instrument=instrument,
                unit=unit,
                occasion=occasion,
                values=values,
                occasion_date=day,
            )
            messages.success(
                request,
                _("Skattningarna för %(unit)s, mättillfälle %(occasion)s, är sparade.")
                % {"unit": unit.name, "occasion": occasion},
            )
            return redirect("followup:overview", pk=project.pk)
        except SifError as exc:
            error = message_for_error(exc)
    rows = [
        (
            k,
            name,
            raw[k]
            if raw is not None
            else (fmt.input_in_kind(stored[k].value, "score") if k in stored else ""),
        )
        for k, name in enumerate(dims)
    ]
    date_value = (
        request.POST.get("occasion_date", "")
        if raw is not None
        else next((r.occasion_date.isoformat() for r in stored.values() if r.occasion_date), "")
    )
    context = {
        "project": project,
        "instrument": instrument,
        "unit": unit,
        "occasion": occasion,
        "occasions": range(1, instrument.occasions + 1),
        "rows": rows,
        "date_value": date_value,
        "error": error,
    }
    return render(request, "followup/spider_form.html", context, status=422 if error else 200)


def _occasion(request: HttpRequest, instrument: SpiderInstrument) -> int:
    raw = request.POST.get("occasion") or request.GET.get("tillfalle") or "1"
    try:
        occasion = int(raw)
    except ValueError:
        raise Http404(
            message_for("spider_occasion_unknown", occasion=raw, occasions=instrument.occasions)
        ) from None
    if not 1 <= occasion <= instrument.occasions:
        raise Http404(
            message_for(
                "spider_occasion_unknown", occasion=occasion, occasions=instrument.occasions
            )
        )
    return occasion


# --- export (suppressed) -------------------------------------------------------------------------


@login_required
def export(request: HttpRequest, pk: int) -> HttpResponse:
    """The aggregate and per-unit tables as XLSX, with cells under the fund's threshold hidden."""
    from openpyxl import Workbook

    from sif.reports.xlsx import workbook_bytes

    project = _project(request, pk)
    threshold = project.fund.suppression_threshold
    wb = Workbook()
    ws = wb.active
    ws.title = "Per period"
    ws.append(["Indikator", "Period", "Insatsgrupp", "Jämförelsegrupp", "Enheter som rapporterat"])
    tables = selectors.indicator_tables(project, threshold=threshold)
    for table in tables:
        kind = table.indicator.unit
        for r in table.rows:
            if r.intervention is None and r.comparison is None:
                continue
            ws.append(
                [
                    table.indicator.name,
                    r.period.label,
                    _export_cell(r.intervention, threshold),
                    _export_cell(r.comparison, threshold),
                    r.intervention.units if r.intervention else 0,
                ]
            )
            for col in (3, 4):
                ws.cell(row=ws.max_row, column=col).number_format = _EXPORT_FORMATS.get(
                    kind, "0.00"
                )
    wu = wb.create_sheet("Per enhet")
    wu.append(["Indikator", "Period", "Enhet", "Värde"])
    for table in tables:
        for cell in table.by_unit:
            shown: Any = (
                f"dold (färre än {threshold})"
                if cell.hidden_reason == "below_threshold"
                else ("dold (skydd mot bakräkning)" if cell.hidden_reason else _number(cell.figure))
            )
            wu.append(
                [
                    table.indicator.name,
                    table.latest_period.label if table.latest_period else "",
                    cell.unit.name,
                    shown,
                ]
            )
            wu.cell(row=wu.max_row, column=4).number_format = _EXPORT_FORMATS.get(
                table.indicator.unit, "0.00"
            )
    wb.create_sheet("Om tabellen").append(
        [
            f"Celler som bygger på färre än {threshold} observationer är dolda, liksom en cell till när totalen annars skulle avslöja dem."
        ]
    )
    response = HttpResponse(workbook_bytes(wb), content_type=xlsx.XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="uppfoljning-{project.pk}.xlsx"'
    return response


_EXPORT_FORMATS = {"share": "0.0%", "count": "#,##0", "score": "0.00"}


def _export_cell(figure: selectors.Aggregate | None, threshold: int) -> Any:
    """A real number for Excel (formatted by the cell's number format), or why it is hidden."""
    if figure is None:
        return None
    if figure.hidden:
        return (
            f"dold (färre än {threshold})"
            if figure.hidden == "below_threshold"
            else "dold (bygger på en dold cell)"
        )
    return _number(figure)


def _number(figure: selectors.Aggregate | None) -> float | None:
    return float(figure.value) if figure is not None and figure.value is not None else None
