"""Calculation pages: thin views over selectors, the presenter (sif.calc computes every figure
when shown) and the one service that saves a new version. A project the user may not see is
404; a user who may see it but not save is 403 with the Swedish reason."""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse

from sif.calc import budget as budget_rules
from sif.calc import format as fmt
from sif.calc.errors import SifError
from sif.calc.unit_costs import load_catalogue
from sif.messages import message_for, message_for_error
from sif.web.accounts.permissions import Verdict, user_memberships, visible_projects
from sif.web.calculations import background, forms, present, selectors, services
from sif.web.calculations.models import Calculation, Purpose
from sif.web.calculations.permissions import can_save_calculation
from sif.web.projects.models import Project
from sif.web.tasks.views import REFRESH_SECONDS


def _project(request: HttpRequest, pk: int) -> Project:
    project = (
        visible_projects(request.user)
        .select_related("fund", "owner_unit", "municipality")
        .filter(pk=pk)
        .first()
    )
    if project is None:
        raise Http404(message_for("project_not_found"))
    return project


def _require(verdict: Verdict) -> None:
    if not verdict:
        raise PermissionDenied(message_for(verdict.reason or "permission_denied"))


def _current(versions: list[Calculation], purpose: str) -> Calculation | None:
    if purpose in Purpose.values:
        return next((c for c in versions if c.purpose == purpose), None)
    return next(
        (c for c in versions if c.purpose == Purpose.EXPECTED), versions[0] if versions else None
    )


@login_required
def calculation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    versions = selectors.calculation_versions(project)
    return _show(request, project, _current(versions, request.GET.get("syfte", "")), versions)


@login_required
def calculation_version(request: HttpRequest, pk: int, version: int) -> HttpResponse:
    project = _project(request, pk)
    versions = selectors.calculation_versions(project)
    calculation = next((c for c in versions if c.version == version), None)
    if calculation is None:
        raise Http404(message_for("calculation_not_found", version=version))
    return _show(request, project, calculation, versions)


def _show(
    request: HttpRequest,
    project: Project,
    calculation: Calculation | None,
    versions: list[Calculation],
) -> HttpResponse:
    content, error = None, ""
    if calculation is not None:
        try:
            content = present.page(calculation.scenario)
        except SifError as exc:
            error = message_for_error(exc)
    mc_form = forms.MonteCarloForm(
        request.GET if "draws" in request.GET else None,
        initial={"draws": present.DRAWS_DEFAULT, "seed": present.SEED_DEFAULT},
    )
    run = None
    if content is not None and calculation is not None and mc_form.is_bound and mc_form.is_valid():
        run = _monte_carlo(content, mc_form, calculation.scenario)
    currents = {c.purpose: c.pk for c in reversed(versions)}
    context: dict[str, Any] = {
        "project": project,
        "calculation": calculation,
        "content": content,
        "error": error,
        "versions": versions,
        "is_current": calculation is not None
        and currents.get(calculation.purpose) == calculation.pk,
        "purposes": [(p, label, p in currents) for p, label in Purpose.choices],
        "mc_form": mc_form,
        "can_save": bool(can_save_calculation(request.user, project)),
        "mc_run": run,
    }
    response = render(request, "calculations/detail.html", context)
    if run is not None and run.waiting:  # a header: the CSP allows no script
        query = QueryDict(mutable=True)
        query.update({k: v for k, v in request.GET.items() if k in WAIT_PARAMS})
        match = request.resolver_match
        if calculation is not None and match is not None and match.url_name == "version":
            query["version"] = str(calculation.version)
        wait = reverse("calculations:monte_carlo_wait", args=[project.pk])
        response["Refresh"] = f"{REFRESH_SECONDS}; url={wait}?{query.urlencode()}"
    return response


WAIT_PARAMS = ("draws", "seed", "syfte")


@login_required
def monte_carlo_wait(request: HttpRequest, pk: int) -> HttpResponse:
    """Where a waiting run's page refreshes to: straight back to the calculation at its Monte Carlo
    section. (Refreshing to the page's own URL with its #h-mc would not reload: browsers treat a
    link to the same URL and fragment as a jump within the page.)"""
    project = _project(request, pk)
    query = QueryDict(mutable=True)
    query.update({k: v for k, v in request.GET.items() if k in WAIT_PARAMS})
    version = request.GET.get("version", "")
    target = (
        reverse("calculations:version", args=[project.pk, int(version)])
        if version.isdigit() and len(version) < 10
        else reverse("calculations:detail", args=[project.pk])
    )
    return redirect(f"{target}?{query.urlencode()}#h-mc")


def _monte_carlo(
    content: present.CalculationPage, form: forms.MonteCarloForm, data: dict[str, Any]
) -> background.MonteCarloRun | None:
    """Run it here, or (above the threshold) find or order the worker's run."""
    draws, seed = form.cleaned_data["draws"], form.cleaned_data["seed"]
    if draws > present.DRAWS_LIMIT:
        form.add_error(
            "draws",
            message_for("draws_too_many", limit=fmt.number(present.DRAWS_LIMIT), value=draws),
        )
        return None
    if settings.MONTE_CARLO_IN_BACKGROUND and draws > settings.MONTE_CARLO_BACKGROUND_DRAWS:
        run = background.monte_carlo_order(data, draws, seed)
        if run.state == background.DONE:
            background.apply(content, run)
        elif run.state == background.FAILED:
            form.add_error("draws", message_for(run.error, **run.params))
        return run
    try:
        present.add_monte_carlo(content, draws, seed)
    except SifError as exc:
        form.add_error("draws", message_for_error(exc))
    return None


# ---------------------------------------------------------------- a new version


def default_case(project: Project) -> dict[str, Any]:
    """A new calculation: costs per year from the project's budget, rate and price year from the fund."""
    rows = [
        budget_rules.BudgetRowInput(
            r.category, r.label, r.footnote, {c.year: c.amount for c in r.cells.all()}
        )
        for r in project.budget_rows.prefetch_related("cells")
    ]
    totals = budget_rules.year_totals(rows)
    fund = project.fund
    start = (
        min(totals)
        if totals
        else (project.start_date.year if project.start_date else fund.price_base_year)
    )
    costs = [_plain(totals.get(y, 0)) for y in range(start, max(totals) + 1)] if totals else []
    return {
        "name": project.title,
        "source": "Projektets budget i SIF" if totals else "",
        "start_year": start,
        "horizon": max(10, len(costs)),
        "discount_rate": float(fund.discount_rate),
        "price_base_year": fund.price_base_year,
        "costs": costs,
        "outcomes": [],
    }


def _plain(amount: Any) -> int | float:
    return int(amount) if amount == int(amount) else float(amount)


def _base(project: Project) -> tuple[Calculation | None, dict[str, Any]]:
    base = selectors.calculation_latest(project)
    return base, (base.scenario if base is not None else default_case(project))


def _saved(request: HttpRequest, project: Project, calculation: Calculation) -> HttpResponse:
    messages.success(request, message_for("calculation_saved", version=calculation.version))
    return redirect(
        reverse("calculations:detail", args=[project.pk]) + f"?syfte={calculation.purpose}"
    )


@login_required
def calculation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    _require(can_save_calculation(request.user, project))
    base, data = _base(project)
    meta_initial = {
        "purpose": base.purpose if base else Purpose.EXPECTED,
        "label": "",
        "version": base.version if base else 0,
    }
    initial = forms.settings_initial(data)
    outcomes = [forms.outcome_initial(o) for o in data.get("outcomes", [])]
    if initial is None or None in outcomes:
        messages.info(request, forms.not_representable())
        return redirect("calculations:advanced", pk=project.pk)
    post = request.POST if request.method == "POST" else None
    meta = forms.MetaForm(post, prefix="meta", initial=meta_initial)
    settings_form = forms.SettingsForm(post, prefix="s", initial=initial)
    formset = forms.OutcomeFormSet(
        post, prefix="o", initial=outcomes, form_kwargs={"municipality": project.municipality.name}
    )
    if post is not None and meta.is_valid() and settings_form.is_valid() and formset.is_valid():
        index: list[int] = []
        try:
            case = settings_form.case_data()
            case["outcomes"] = []
            for i, form in enumerate(formset.forms):
                if form.cleaned_data and not form.cleaned_data.get("DELETE"):
                    index.append(i)
                    case["outcomes"].append(form.case_data(len(case["outcomes"])))
            if "effect" in data:
                case["effect"] = data["effect"]
            calculation = services.calculation_save(
                actor=request.user, project=project, scenario=case, **meta.cleaned_data
            )
            return _saved(request, project, calculation)
        except SifError as exc:
            forms.place_error(exc, settings_form, formset, index)
    context = {
        "project": project,
        "base": base,
        "meta": meta,
        "settings_form": settings_form,
        "formset": formset,
        "actors": forms.ACTOR_SUGGESTIONS,
    }
    return render(request, "calculations/edit.html", context)


@login_required
def calculation_advanced(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    _require(can_save_calculation(request.user, project))
    base, data = _base(project)
    post = request.POST if request.method == "POST" else None
    meta = forms.MetaForm(
        post,
        prefix="meta",
        initial={
            "purpose": base.purpose if base else Purpose.EXPECTED,
            "version": base.version if base else 0,
        },
    )
    form = forms.AdvancedForm(
        post, initial={"text": json.dumps(data, ensure_ascii=False, indent=2)}
    )
    if post is not None and meta.is_valid() and form.is_valid():
        try:
            calculation = services.calculation_save(
                actor=request.user, project=project, scenario=form.case_data(), **meta.cleaned_data
            )
            return _saved(request, project, calculation)
        except SifError as exc:
            form.add_error("text", message_for_error(exc))
    return render(
        request,
        "calculations/advanced.html",
        {"project": project, "base": base, "meta": meta, "form": form},
    )


@login_required
def unit_cost_catalogue(request: HttpRequest) -> HttpResponse:
    from sif.calc.evidence import load_library
    from sif.calc.labels_sv import UNITS, actor_label
    from sif.calc.price_index import kpi_table

    year = max(kpi_table())
    names = {m.municipality.name for m in user_memberships(request.user)}
    visible = [uc for uc in load_catalogue() if not uc.municipality or uc.municipality in names]
    entries = [
        (
            uc,
            _amount(uc.low, uc.high),
            UNITS.get(uc.unit, uc.unit),
            actor_label(uc.actor),
            _uplifted(uc, year),
        )
        for uc in visible
    ]
    context = {"entries": entries, "kpi_year": year, "evidence": load_library()}
    return render(request, "calculations/catalogue.html", context)


def _uplifted(uc: Any, year: int) -> str:
    """The amount in `year` prices by KPI, or "–" where KPI is missing for its price year."""
    from sif.calc.unit_costs import uplifted

    try:
        low, high = uplifted(uc, year)
    except SifError:
        return "–"
    return _amount(round(low), round(high))


def _amount(low: Any, high: Any) -> str:
    text = present.plain_number(float(low))
    return text if low == high else f"{text}–{present.plain_number(float(high))}"
