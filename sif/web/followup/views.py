"""Follow-up pages for reporting: one unit's figures by form, the Excel template and its upload, and
status reports; and the helpers every follow-up view shares. Thin views over selectors and services.
A project the user may not see answers 404; a refused action shows the Swedish reason and changes
nothing. The other pages: overview.py, setup_views.py (periods, indicators, activity types),
spider_views.py, export_views.py, chart_images.py."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sif.calc import format as fmt
from sif.calc.errors import SifError
from sif.messages import message_for, message_for_error
from sif.web.accounts.models import OrgUnit
from sif.web.accounts.permissions import can_report_for_unit
from sif.web.core.uploads import check_upload_size
from sif.web.followup import (
    measurement_plan,
    measurement_rows,
    measurement_store,
    reporting_units,
    status_reports,
    xlsx,
)
from sif.web.followup.access import visible_project
from sif.web.followup.measurement_rows import RawActivity, RawMeasurement
from sif.web.followup.models import (
    Group,
    ReportingPeriod,
    StatusReport,
)
from sif.web.projects.models import (
    Indicator,
    Project,
)

SESSION_KEY = "followup_import"


def _project(request: HttpRequest, pk: int) -> Project:
    return visible_project(request, pk)


def _period(project: Project, period_id: int) -> ReportingPeriod:
    return get_object_or_404(ReportingPeriod, pk=period_id, project=project)


def _reportable_units(request: HttpRequest, project: Project) -> list[OrgUnit]:
    return [
        u
        for u in reporting_units.units_in_order(project)
        if can_report_for_unit(request.user, project, u)
    ]


def _unit_for(request: HttpRequest, project: Project, unit_id: int) -> OrgUnit:
    unit = next((u for u in reporting_units.units_in_order(project) if u.pk == unit_id), None)
    if unit is None:
        raise Http404(message_for("project_not_found"))
    verdict = can_report_for_unit(request.user, project, unit)
    if not verdict:
        raise PermissionDenied(message_for(verdict.reason, unit=unit.name))
    return unit


# --- reporting: form, template, upload -----------------------------------------------------------


@login_required
def report_form(request: HttpRequest, pk: int, period_id: int, unit_id: int) -> HttpResponse:
    project = _project(request, pk)
    period = _period(project, period_id)
    unit = _unit_for(request, project, unit_id)
    indicators = list(project.indicators.all())
    activities = list(project.activity_types.all())
    refused: list[measurement_rows.RefusedRow] = []
    implausible: list[measurement_rows.RefusedRow] = []
    error = ""
    if request.method == "POST":
        rows, acts = _rows_from_post(request, indicators, activities, unit)
        try:
            preview = measurement_plan.measurements_plan(
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
                measurement_store.measurements_store(
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
            for name, label in measurement_rows.PART_LABELS.items()
            if name not in measurement_rows.PARENT_PARTS or a.has_parent_split
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
            *[request.POST.get(f"a-{a.pk}-{name}") for name in measurement_rows.PART_LABELS],
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
            measurement_plan.upload_allowed(actor=request.user, project=project, period=period)
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
            status_reports.status_report_submit(
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
            status_reports.status_report_approve(actor=request.user, report=report, comment=comment)
            messages.success(
                request, _("Statusrapporten från %(unit)s är godkänd.") % {"unit": report.unit.name}
            )
        else:
            status_reports.status_report_return(actor=request.user, report=report, comment=comment)
            messages.success(
                request,
                _("Statusrapporten från %(unit)s är återsänd.") % {"unit": report.unit.name},
            )
    except SifError as exc:
        messages.error(request, message_for_error(exc))
    return redirect("followup:overview", pk=project.pk)


def _date(raw: str, field: str) -> dt.date:
    try:
        return dt.date.fromisoformat(raw.strip())
    except ValueError:
        raise SifError("not_a_number", column=field, value=raw) from None
