"""Spindelmätning: a new instrument (fund administrator or project leader) and one unit's ratings per
occasion. Thin views over the follow-up services."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from sif.calc import format as fmt
from sif.calc.errors import SifError
from sif.messages import message_for, message_for_error
from sif.web.followup import cell_values, service_support, spider_measurement
from sif.web.followup.models import (
    SpiderInstrument,
    SpiderRating,
)
from sif.web.followup.views import _date, _project, _unit_for

# --- spindelmätning: a new instrument (fund admin or project leader) -----------------------------


@login_required
def spider_instrument_new(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    if not service_support.is_followup_editor(request.user, project):
        raise PermissionDenied(message_for("not_followup_editor"))
    error = ""
    if request.method == "POST":
        p = request.POST
        try:
            instrument = spider_measurement.spider_instrument_create(
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
    value = cell_values.parse_count(raw, str(_("Antal mättillfällen")))
    return 1 if value is None else value


def _scale(raw: Any, column: str, default: int) -> Decimal:
    value = cell_values.parse_decimal(raw, column)
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
            values = [cell_values.parse_decimal(v, dims[k]) for k, v in enumerate(raw)]
            if all(v is None for v in values):
                raise SifError("spider_no_values", unit=unit.name, occasion=occasion)
            day = (
                _date(request.POST["occasion_date"], "Datum")
                if request.POST.get("occasion_date", "").strip()
                else None
            )
            spider_measurement.spider_rating_save(
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
