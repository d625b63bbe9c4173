"""Project pages: thin views that ask selectors for data, permission functions for access and
services for every change. A project the user may not see answers 404; an action the user may
not take answers 403 with the Swedish reason."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sif.calc import format as fmt
from sif.calc.errors import SifError
from sif.messages import message_for, message_for_error
from sif.web.accounts import permissions
from sif.web.accounts.permissions import Verdict
from sif.web.audit.models import Event
from sif.web.core.paging import page_of, query_without_page
from sif.web.core.templatetags import sif_format
from sif.web.projects import (
    application_answers,
    budget_changes,
    closing_decisions,
    decision_records,
    grant_decisions,
    project_details,
    project_transitions,
    reviews,
    selectors,
)
from sif.web.projects.forms import (
    ApplicationAnswersForm,
    BudgetForm,
    ClosingCorrectionForm,
    ClosingDecisionForm,
    ContactFormSet,
    DecisionCorrectionForm,
    DecisionForm,
    ProjectFilterForm,
    ProjectForm,
    ReviewForm,
    render_answers,
)
from sif.web.projects.labels import action_label
from sif.web.projects.lifecycle import transition_for
from sif.web.projects.models import Application, BudgetCategory, Project, ProjectState
from sif.web.projects.templatetags import project_tags

TIMELINE_PAGE = 100  # events per page when the whole timeline is asked for


def _project_or_404(request: HttpRequest, pk: int) -> Project:
    project = selectors.project_get(user=request.user, pk=pk)
    if project is None:
        raise Http404(message_for("project_not_found"))
    return project


def _require(verdict: Verdict) -> None:
    if not verdict:
        raise PermissionDenied(message_for(verdict.reason or "permission_denied"))


@login_required
def project_list(request: HttpRequest) -> HttpResponse:
    if not permissions.check(request.user, "menu.projects") and permissions.check(
        request.user, "menu.platform"
    ):
        # The platform operator holds no role in any fund: the start page lists municipalities and funds.
        return render(
            request,
            "projects/platform.html",
            {"municipalities": selectors.municipalities_with_funds()},
        )
    form = ProjectFilterForm(request.GET or None, user=request.user)
    filters = form.filters() if form.is_valid() else selectors.ProjectFilters()
    page = page_of(request, selectors.project_list(user=request.user, filters=filters))
    context = {
        "form": form,
        "projects": [_list_row(p) for p in page.object_list],
        "page": page,
        "pager_query": query_without_page(request),
    }
    return render(request, "projects/project_list.html", context)


@login_required
def project_detail(
    request: HttpRequest, pk: int, transition_error: str = "", reason: str = ""
) -> HttpResponse:
    project = _project_or_404(request, pk)
    decisions = list(project.decisions.select_related("decided_by"))
    corrections = selectors.corrections(decisions)
    for d in decisions:
        d.correction = corrections.get(d.pk)  # type: ignore[attr-defined]
    timeline_page = None
    if request.GET.get("handelser") == "alla":
        timeline_page = page_of(request, selectors.project_events(project), per_page=TIMELINE_PAGE)
        events, event_count = list(timeline_page.object_list), timeline_page.paginator.count
    else:
        events, event_count = selectors.project_timeline(project, everything=False)
    context: dict[str, Any] = {
        "project": project,
        "budget": selectors.budget_table(project),
        "units": [pu.unit for pu in project.project_units.all()],
        "contacts": list(project.contacts.all()),
        "indicators": list(project.indicators.select_related("responsible_unit")),
        "applications": _applications(project),
        "reviews": list(project.reviews.select_related("reviewer")),
        "decisions": decisions,
        "granted_amount": selectors.granted_amount(decisions),
        "events": [_timeline_entry(e) for e in events],
        "event_count": event_count,
        # the newest event shown is number event_count (the list counts down across pages)
        "timeline_start": event_count - (timeline_page.start_index() - 1 if timeline_page else 0),
        "timeline_page": timeline_page,
        "pager_query": query_without_page(request),
        "transitions": _transitions(request.user, project),
        "actions": _actions(request.user, project),
        "transition_error": transition_error,
        "reason": reason,
    }
    return render(request, "projects/project_detail.html", context)


LIST_BADGES = ("fund", "owner_unit", "state", "dates", "budget")


def _list_row(project: Project) -> dict[str, Any]:
    """One line of the project list with its texts made here: Django's template language cost
    about 0,15 ms per line for the link, the filters and the five badges, drawn 50 times a page
    (issue 16); these are the same filters, called once each."""
    return {
        "url": reverse("projects:detail", args=[project.pk]),
        "title": project.title,
        "is_example": bool(project.example_note),
        "fund": project.fund.name,
        "owner_unit": project.owner_unit.name,
        "state": project.state,
        "state_label": project_tags.state_label(project.state),
        "period": sif_format.period(project.start_date, project.end_date),
        "sought_amount": sif_format.kr(project.sought_amount),
        "badge": {s: project_tags.example_badge(project, s) for s in LIST_BADGES},
    }


def _applications(project: Project) -> list[Application]:
    """Each application with its answers laid out by the form version it was written in."""
    apps = list(project.applications.select_related("form", "submitted_by"))
    for app in apps:
        app.rendered = render_answers(app.form.schema, app.answers)  # type: ignore[attr-defined]
    return apps


def _timeline_entry(event: Event) -> dict[str, Any]:
    after = event.after if isinstance(event.after, dict) else {}
    detail = ""
    if event.action == "project_transition" and after.get("state"):
        detail = project_tags.state_label(after["state"])
    actor = event.actor
    return {
        "at": event.at,
        "label": action_label(event.action),
        "detail": detail,
        "actor": (actor.get_full_name() or actor.get_username()) if actor else "",
        "reason": event.reason,
    }


def _needs_closing_decision(project: Project, to_state: str) -> bool:
    rule = transition_for(project.state, to_state)
    return rule is not None and rule.needs_closing_outcome


def _transitions(user: Any, project: Project) -> list[dict[str, Any]]:
    """Every transition the user may make now: state code, Swedish label and whether it is made
    through the closing-decision form (avslut needs a decision with its outcome) rather than a button."""
    labels = dict(ProjectState.choices)
    return [
        {
            "state": state,
            "label": str(labels.get(state, state)),
            "closing": _needs_closing_decision(project, state),
        }
        for state, verdict in project_transitions.allowed_transitions(user, project)
        if verdict
    ]


PAGE_ACTIONS = {
    "edit": "project.edit",
    "apply": "project.application",
    "budget": "project.budget",
    "review": "project.review",
    "decide": "project.decide",
    "correct": "project.correct_decision",
    "correct_closing": "project.correct_closing",
    "indicators": "followup.indicators",
}


def _actions(user: Any, project: Project) -> dict[str, bool]:
    """Which buttons the page offers: exactly what the policy allows (the views ask again on use)."""
    verdicts = {
        key: permissions.check(user, action, project) for key, action in PAGE_ACTIONS.items()
    }
    actions = {key: bool(v) for key, v in verdicts.items()}
    actions["indicators_locked"] = verdicts["indicators"].reason == "indicator_locked"
    # Only a recorded closing decision can be corrected (imported projects may be closed without).
    actions["correct_closing"] = actions["correct_closing"] and bool(
        decision_records.current_closing_decision(project)
    )
    return actions


# ---------------------------------------------------------------- forms wired to the services
#
# Each view checks the permission function first (404 when the project is invisible, 403 with the
# Swedish reason when the action is not the user's to take), then calls the service; a SifError
# from the service becomes a Swedish form error and nothing is written (the services are atomic,
# and a view that calls two services wraps them in one transaction).

FIELD_FOR_CODE = {
    "title_required": "title",
    "end_before_start": "end_date",
    "sought_amount_differs_from_budget": "sought_amount",
    "sought_amount_without_budget": "sought_amount",
    "decision_body_required": "body",
    "decision_amount_required": "granted_amount",
    "decision_amount_invalid": "granted_amount",
    "decision_amount_negative": "granted_amount",
    "decision_above_sought": "above_sought_reason",
    "decision_above_available": "above_available_confirmed",
    "decision_before_submission": "decided_on",
    "decision_long_before_start": "decided_on",
    "closing_before_grant": "decided_on",
    "closing_before_start": "decided_on",
    "decision_correction_reason_required": "correction_reason",
    "decision_outcome_fixed": "granted",
    "date_precision_unknown": "date_precision",
    "review_comments_required": "comments",
    "review_recommendation_unknown": "recommendation",
    "closing_outcome_required": "closing_outcome",
    "closing_outcome_unknown": "closing_outcome",
}
ACCESS_CODES = {"permission_denied"}


def _form_error(form: forms.Form, error: SifError) -> None:
    """Attach the Swedish message of a refused service call to the field it concerns."""
    if error.code == "project_not_found":
        raise Http404(message_for_error(error))
    if error.code in ACCESS_CODES:
        raise PermissionDenied(message_for_error(error))
    field = FIELD_FOR_CODE.get(error.code) or error.params.get("field")
    if error.code == "review_score_out_of_range":
        field = f"score-{error.params.get('criterion')}"
    form.add_error(field if field in form.fields else None, message_for_error(error))


def _done(request: HttpRequest, project: Project, text: str) -> HttpResponse:
    messages.success(request, text)
    return redirect("projects:detail", pk=project.pk)


@login_required
def project_create(request: HttpRequest) -> HttpResponse:
    if not selectors.may_propose_somewhere(request.user):
        raise PermissionDenied(message_for("permission_denied"))
    form = ProjectForm(request.POST or None, user=request.user, creating=True)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            project = project_details.project_create(
                actor=request.user,
                fund=data["fund"],
                owner_unit=data["owner_unit"],
                participating_units=data["participating_units"],
                **form.project_fields(),
            )
        except SifError as error:
            _form_error(form, error)
        else:
            return _done(request, project, _("Förslaget är sparat."))
    return render(request, "projects/project_form.html", {"form": form, "creating": True})


@login_required
def project_edit(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project_or_404(request, pk)
    _require(permissions.can_edit_project(request.user, project))
    contacts = list(project.contacts.all())
    initial = {name: getattr(project, name) for name in ProjectForm.TEXT_FIELDS} | {
        "participating_units": [pu.unit for pu in project.project_units.all()]
    }
    form = ProjectForm(request.POST or None, user=request.user, creating=False, initial=initial)
    contact_forms = ContactFormSet(
        request.POST or None,
        prefix="contact",
        initial=[{f: getattr(c, f) for f in ("name", "title", "email", "phone")} for c in contacts],
    )
    if request.method == "POST" and form.is_valid() and contact_forms.is_valid():
        try:
            with transaction.atomic():
                project_details.project_update(
                    actor=request.user, project=project, **form.project_fields()
                )
                project_details.participating_units_set(
                    actor=request.user,
                    project=project,
                    units=form.cleaned_data["participating_units"],
                )
                _save_contacts(request.user, project, contacts, contact_forms)
        except SifError as error:
            _form_error(form, error)
        else:
            return _done(request, project, _("Projektets uppgifter är sparade."))
    return render(
        request,
        "projects/project_form.html",
        {"form": form, "contact_forms": contact_forms, "project": project, "creating": False},
    )


def _save_contacts(user: Any, project: Project, contacts: list[Any], formset: Any) -> None:
    for index, contact_form in enumerate(formset.forms):
        data = {k: (v or "").strip() for k, v in contact_form.cleaned_data.items()}
        if index < len(contacts):
            project_details.contact_update(actor=user, contact=contacts[index], **data)
        elif data.get("name"):
            project_details.contact_add(actor=user, project=project, **data)


def _budget_initial(project: Project) -> dict[str, Any]:
    sought = project.sought_amount
    initial: dict[str, Any] = {
        "sought_amount": int(sought)
        if sought is not None and sought == sought.to_integral_value()
        else sought,
        "version": project.budget_version,
    }
    for row in selectors.budget_inputs(project):
        initial[f"label-{row.category}"] = (
            row.label if row.label != str(dict(BudgetCategory.choices).get(row.category)) else ""
        )
        initial[f"footnote-{row.category}"] = row.footnote
        for year, amount in row.amounts.items():
            initial[f"amount-{row.category}-{year}"] = fmt.input_in_kind(amount / 1000, fmt.KRONOR)
    return initial


@login_required
def project_budget(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project_or_404(request, pk)
    _require(permissions.can_edit_budget(request.user, project))
    table = selectors.budget_table(project)
    form = BudgetForm(
        request.POST or None,
        years=table.years,
        categories=list(BudgetCategory.choices),
        initial=_budget_initial(project),
    )
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                budget_changes.budget_set(
                    actor=request.user,
                    project=project,
                    rows=form.rows(),
                    version=form.cleaned_data["version"],
                )
                if form.cleaned_data["sought_amount"] is not None:
                    budget_changes.sought_amount_set(
                        actor=request.user,
                        project=project,
                        amount=form.cleaned_data["sought_amount"],
                    )
        except SifError as error:
            _form_error(form, error)
        else:
            return _done(request, project, _("Budgeten är sparad."))
    return render(
        request, "projects/budget_form.html", {"form": form, "project": project, "budget": table}
    )


APPLICATION_KINDS = {"full": "application_full", "kort": "application_short"}


def _application_initial(project: Project, form_code: str) -> dict[str, Any]:
    """The draft of this form, else its latest submission, else the project's name."""
    mine = project.applications.filter(form__code=form_code)
    latest = (
        mine.filter(is_draft=True).order_by("-pk").first()
        or mine.order_by("-submitted_at", "-pk").first()
    )
    if latest is None:
        return {"name": project.title}
    return {
        k: ("yes" if v is True else "no" if v is False else v) for k, v in latest.answers.items()
    }


@login_required
def project_application(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    if kind not in APPLICATION_KINDS:
        raise Http404("unknown application form")
    project = _project_or_404(request, pk)
    _require(permissions.can_submit_application(request.user, project))
    form_code = APPLICATION_KINDS[kind]
    version = application_answers.application_form_current(form_code)
    form = ApplicationAnswersForm(
        request.POST or None,
        schema=version.schema,
        initial=_application_initial(project, form_code)
        | {ApplicationAnswersForm.VERSION: project.application_version},
    )
    if request.method == "POST" and form.is_valid():
        draft = "save_draft" in request.POST
        try:
            application_answers.application_submit(
                actor=request.user,
                project=project,
                form_code=form_code,
                answers=form.answers(),
                draft=draft,
                version=form.cleaned_data[ApplicationAnswersForm.VERSION],
            )
        except SifError as error:
            _form_error(form, error)
        else:
            return _done(
                request, project, _("Utkastet är sparat.") if draft else _("Ansökan är inlämnad.")
            )
    context = {
        "form": form,
        "version": version,
        "project": project,
        "budget": selectors.budget_table(project),
        "contacts": list(project.contacts.all()),
        "indicators": list(project.indicators.all()),
        "can_edit_budget": bool(permissions.can_edit_budget(request.user, project)),
    }
    return render(request, "projects/application_form.html", context)


@login_required
def project_review(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project_or_404(request, pk)
    _require(permissions.can_review(request.user, project))
    form = ReviewForm(request.POST or None, criteria=list(project.fund.review_criteria or []))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            reviews.review_add(
                actor=request.user,
                project=project,
                comments=data["comments"],
                scores=form.scores(),
                recommendation=data["recommendation"],
            )
        except SifError as error:
            _form_error(form, error)
        else:
            return _done(request, project, _("Granskningen är sparad."))
    return render(request, "projects/review_form.html", {"form": form, "project": project})


def _whole(amount: Any) -> Any:
    return int(amount) if amount is not None and amount == amount.to_integral_value() else amount


def _decision_initial(project: Project, current: Any) -> dict[str, Any]:
    if current is None:
        return {"granted_amount": _whole(project.sought_amount)}
    fields = (
        "body",
        "decided_on",
        "date_precision",
        "paragraph",
        "conditions",
        "above_sought_reason",
    )
    return {f: getattr(current, f) for f in fields} | {
        "granted": "yes" if current.granted else "no",
        "granted_amount": _whole(current.granted_amount),
    }


@login_required
def project_decision(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the grant decision of a project under review; once decided, correct it by a new
    decision that supersedes it (the policy's project.decide / project.correct_decision)."""
    project = _project_or_404(request, pk)
    deciding = permissions.check(request.user, "project.decide", project)
    correcting = not deciding and bool(
        permissions.check(request.user, "project.correct_decision", project)
    )
    if not correcting:
        _require(deciding)
    current = decision_records.current_grant_decision(project) if correcting else None
    form_class = DecisionCorrectionForm if correcting else DecisionForm
    form = form_class(request.POST or None, initial=_decision_initial(project, current))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields = {
            "granted": data["granted"],
            "body": data["body"],
            "decided_on": data["decided_on"],
            "date_precision": data["date_precision"],
            "paragraph": data["paragraph"].strip().lstrip("§").strip(),
            "granted_amount": data["granted_amount"] if data["granted"] else None,
            "conditions": data["conditions"],
            "above_sought_reason": data["above_sought_reason"],
            "above_available_confirmed": data["above_available_confirmed"],
        }
        try:
            if correcting:
                grant_decisions.decision_correct(
                    actor=request.user, project=project, reason=data["correction_reason"], **fields
                )
            else:
                grant_decisions.decision_record(actor=request.user, project=project, **fields)
        except SifError as error:
            _form_error(form, error)
        else:
            return _done(
                request,
                project,
                _("Beslutet är rättat.") if correcting else _("Beslutet är registrerat."),
            )
    context = {
        "form": form,
        "project": project,
        "correcting": correcting,
        "current": current,
        "available": selectors.fund_available(project.fund),
    }
    return render(request, "projects/decision_form.html", context)


def _closing_initial(current: Any) -> dict[str, Any]:
    if current is None:
        return {}
    fields = ("body", "decided_on", "date_precision", "paragraph", "repayment_note")
    return {f: getattr(current, f) for f in fields} | {
        "closing_outcome": current.closing_outcome or current.project.closing_outcome,
        "repayment_rule": current.repayment_rule,
        "text": current.conditions,
    }


@login_required
def project_closing(request: HttpRequest, pk: int) -> HttpResponse:
    """The decision on the final report, which closes the project (slutrapporterad → avslutad);
    once closed, correct it by a new decision that supersedes it (project.close /
    project.correct_closing)."""
    project = _project_or_404(request, pk)
    closing = permissions.can_record_closing(request.user, project)
    correcting = not closing and bool(
        permissions.check(request.user, "project.correct_closing", project)
    )
    if not correcting:
        _require(closing)
    current = decision_records.current_closing_decision(project) if correcting else None
    if correcting and current is None:  # closed without a recorded closing decision (imported)
        raise PermissionDenied(message_for("decision_none_to_correct"))
    form_class = ClosingCorrectionForm if correcting else ClosingDecisionForm
    form = form_class(request.POST or None, initial=_closing_initial(current))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields = {
            "body": data["body"],
            "decided_on": data["decided_on"],
            "date_precision": data["date_precision"],
            "paragraph": data["paragraph"].strip().lstrip("§").strip(),
            "closing_outcome": data["closing_outcome"],
            "text": data["text"],
            "repayment_rule": data["repayment_rule"],
            "repayment_note": data["repayment_note"],
        }
        try:
            if correcting:
                closing_decisions.closing_decision_correct(
                    actor=request.user, project=project, reason=data["correction_reason"], **fields
                )
            else:
                closing_decisions.closing_decision_record(
                    actor=request.user, project=project, **fields
                )
        except SifError as error:
            _form_error(form, error)
        else:
            return _done(
                request,
                project,
                _("Beslutet om avslut är rättat.")
                if correcting
                else _("Beslutet är registrerat och projektet avslutat."),
            )
    context = {"form": form, "project": project, "correcting": correcting, "current": current}
    return render(request, "projects/closing_form.html", context)


@login_required
@require_POST
def project_transition(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project_or_404(request, pk)
    to_state = request.POST.get("to_state", "")
    reason = request.POST.get("reason", "")
    verdict = permissions.can_transition(request.user, project, to_state)
    if not verdict and verdict.reason == "permission_denied":
        raise PermissionDenied(message_for("permission_denied"))
    if verdict and _needs_closing_decision(project, to_state):
        return redirect("projects:closing", pk=project.pk)
    try:
        project_transitions.project_transition(
            actor=request.user, project=project, to_state=to_state, reason=reason
        )
    except SifError as error:
        if error.code == "project_not_found":
            raise Http404(message_for_error(error)) from None
        if error.code in ACCESS_CODES:
            raise PermissionDenied(message_for_error(error)) from None
        return project_detail(request, pk, transition_error=message_for_error(error), reason=reason)
    return _done(
        request,
        project,
        _("Projektet har nu status: %(state)s.") % {"state": project.get_state_display()},
    )
