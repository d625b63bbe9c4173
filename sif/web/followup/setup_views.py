"""Setting a project's follow-up up: reporting periods (new, close), the indicator editor and the
activity types. Thin views over the follow-up services; a refused change shows the Swedish reason
and changes nothing."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sif.calc import format as fmt
from sif.calc.errors import SifError
from sif.messages import message_for_error
from sif.web.accounts.models import OrgUnit
from sif.web.accounts.permissions import check
from sif.web.followup import (
    activity_definitions,
    cell_values,
    indicator_services,
    reporting_periods,
    reporting_units,
    service_support,
)
from sif.web.followup.models import (
    ActivityType,
    PeriodKind,
)
from sif.web.followup.views import _date, _period, _project
from sif.web.projects.models import (
    Direction,
    Frequency,
    Indicator,
    IndicatorUnit,
    MeasurementMethod,
    Project,
)

# --- periods and indicators ----------------------------------------------------------------------


@login_required
def period_new(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    error = ""
    if request.method == "POST":
        p = request.POST
        try:
            reporting_periods.period_create(
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
        reporting_periods.period_close(actor=request.user, period=_period(project, period_id))
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
                "plausible_max": cell_values.parse_count(p.get("plausible_max"), "Rimlighetsgräns"),
                "comparison_group": p.get("comparison_group", "").strip(),
                "frequency": p.get("frequency", Frequency.TERTIAL),
                "responsible_unit": _responsible_unit(project, p.get("responsible_unit", "")),
            }
            indicator_services.indicator_save(
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
        "is_editor": service_support.is_followup_editor(request.user, project),
        "org_units": reporting_units.units_in_order(project),
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
        indicator_services.indicator_delete(
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
    unit = next(
        (u for u in reporting_units.units_in_order(project) if str(u.pk) == raw.strip()), None
    )
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
            activity_definitions.activity_type_save(
                actor=request.user,
                project=project,
                activity=activity,
                code=p.get("code", ""),
                label=p.get("label", ""),
                has_parent_split=p.get("has_parent_split") == "on",
                position=cell_values.parse_count(p.get("position"), "Ordning") or 0,
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
        "is_editor": service_support.is_followup_editor(request.user, project),
    }
    return render(request, "followup/activity_types.html", context, status=422 if error else 200)
