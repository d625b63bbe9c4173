"""Every change to a project goes through these functions (the pages, the API, the demo and imports).

Each one is keyword-only, runs in one transaction, asks sif/web/accounts/permissions.py whether the
actor may act, checks the project's state and the domain rules (sif/calc/budget.py), writes the
event log with before and after, and raises `SifError(code, **params)` on refusal. A refusal
changes nothing. Nothing is ever deleted: contacts are edited, a withdrawn project keeps its history.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext

from sif.calc import budget as budget_rules
from sif.calc.budget import BudgetRowInput
from sif.calc.errors import SifError
from sif.policy.decisions import GrantFacts, check_closing, check_grant, exceeds_available
from sif.policy.states import APPLICATION_STEP
from sif.web.accounts import permissions as perms
from sif.web.accounts.models import OrgUnit
from sif.web.accounts.permissions import Verdict
from sif.web.audit.services import event_record
from sif.web.core.files import note_written
from sif.web.core.versions import refuse_if_stale
from sif.web.projects import conflicts
from sif.web.projects.forms_schema import FIELD_KINDS, FORM_STEPS, FORMS, schema_field_keys
from sif.web.projects.lifecycle import state_label, transition_for, transitions_from
from sif.web.projects.models import (
    Application,
    ApplicationForm,
    BudgetCategory,
    BudgetCell,
    BudgetRow,
    ClosingOutcome,
    Contact,
    Decision,
    DecisionKind,
    Direction,
    Frequency,
    Fund,
    Indicator,
    IndicatorUnit,
    MeasurementMethod,
    Project,
    ProjectState,
    ProjectUnit,
    Recommendation,
    Review,
    SourceDocument,
)

__all__ = [
    "BudgetRowInput",
    "EDITABLE_FIELDS",
    "allowed_transitions",
    "application_form_current",
    "application_submit",
    "budget_set",
    "closing_decision_record",
    "contact_add",
    "contact_update",
    "current_grant_decision",
    "decision_correct",
    "decision_record",
    "indicator_add",
    "participating_units_set",
    "project_create",
    "project_import",
    "project_transition",
    "project_update",
    "review_add",
    "sought_amount_set",
    "source_document_add",
]

# Fields a user may change with project_update (state, amounts and units have their own services).
EDITABLE_FIELDS = (
    "title",
    "short_name",
    "registration_number",
    "start_date",
    "end_date",
    "summary",
    "purpose",
    "goals",
    "target_group",
    "lessons",
    "example_note",
    "example_sections",
)
CONTACT_FIELDS = ("name", "title", "email", "phone")
DATE_PRECISIONS = ("day", "month", "year")


# ---------------------------------------------------------------- helpers


def _require(verdict: Verdict) -> None:
    if not verdict:
        raise SifError(verdict.reason or "permission_denied")


def _clean(obj: models.Model, exclude: Iterable[str] = ()) -> None:
    """`full_clean()` with Django's ValidationError turned into a SifError naming the field."""
    try:
        obj.full_clean(exclude=list(exclude))
    except ValidationError as exc:
        errors = getattr(exc, "message_dict", {"__all__": exc.messages})
        name, messages = next(iter(errors.items()))
        codes = {e.code for e in getattr(exc, "error_dict", {}).get(name, [])}
        if "personal_identity_number_in_text" in codes:
            from sif.web.core.privacy import refuse_field

            refuse_field(obj, name)
        label = name
        if name != "__all__":
            try:
                label = str(obj._meta.get_field(name).verbose_name)
            except Exception:  # noqa: BLE001 - a non-field key keeps its name
                label = name
        raise SifError(
            "field_invalid", field=name, label=label, detail=" ".join(messages)
        ) from None


def _snapshot(obj: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in fields}


def _lock(project: Project) -> Project:
    """Reload the project under a row lock so that two concurrent changes cannot interleave."""
    fresh = Project.objects.select_for_update().get(pk=project.pk)
    for name in (
        "state",
        "closing_outcome",
        "sought_amount",
        "start_date",
        "end_date",
        "budget_version",
        "application_version",
    ):
        setattr(project, name, getattr(fresh, name))
    return project


def _record(actor: Any, action: str, obj: models.Model, project: Project, **kwargs: Any) -> None:
    event_record(
        actor=actor,
        action=action,
        obj=obj,
        municipality_id=project.municipality_id,
        project_id=project.pk,
        **kwargs,
    )


def _parse_money(value: object, code_prefix: str) -> Decimal:
    try:
        return budget_rules.check_amount(value)
    except SifError as exc:
        suffix = "negative" if exc.code == "budget_amount_negative" else "invalid"
        raise SifError(f"{code_prefix}_{suffix}", value=value) from None


def _check_units(project_or_fund_municipality_id: int, units: Iterable[OrgUnit]) -> list[OrgUnit]:
    units = list(units)
    for unit in units:
        if unit.municipality_id != project_or_fund_municipality_id:
            raise SifError("unit_outside_municipality", unit=unit.name)
    return units


def _budget_inputs(project: Project) -> list[BudgetRowInput]:
    rows = (
        BudgetRow.objects.filter(project=project)
        .prefetch_related("cells")
        .order_by("position", "pk")
    )
    return [
        BudgetRowInput(r.category, r.label, r.footnote, {c.year: c.amount for c in r.cells.all()})
        for r in rows
    ]


def _kr(amount: Decimal) -> str:
    return str(Decimal(amount).quantize(budget_rules.CENT))


def _budget_as_json(rows: Sequence[BudgetRowInput]) -> list[dict[str, Any]]:
    return [
        {
            "category": r.category,
            "label": r.label,
            "footnote": r.footnote,
            "amounts": {str(y): _kr(a) for y, a in sorted(r.amounts.items())},
        }
        for r in rows
    ]


# ---------------------------------------------------------------- project


@transaction.atomic
def project_create(
    *,
    actor: Any,
    fund: Fund,
    title: str,
    owner_unit: OrgUnit,
    start_date: date | None = None,
    end_date: date | None = None,
    summary: str = "",
    purpose: str = "",
    goals: str = "",
    target_group: str = "",
    short_name: str = "",
    registration_number: str = "",
    participating_units: Iterable[OrgUnit] = (),
    example_note: str = "",
    example_sections: Sequence[str] = (),
) -> Project:
    """A new proposal (state `proposal`) of the owner unit, by its applicant or a fund administrator."""
    _require(perms.can_create_project(actor, fund, owner_unit))
    if not title.strip():
        raise SifError("title_required")
    budget_rules.check_period(start_date, end_date)
    units = _check_units(fund.municipality_id, participating_units)
    project = Project(
        fund=fund,
        municipality_id=fund.municipality_id,
        title=title.strip(),
        owner_unit=owner_unit,
        state=ProjectState.PROPOSAL,
        start_date=start_date,
        end_date=end_date,
        summary=summary,
        purpose=purpose,
        goals=goals,
        target_group=target_group,
        short_name=short_name,
        registration_number=registration_number,
        example_note=example_note,
        example_sections=list(example_sections),
    )
    _clean(project)
    project.save()
    for unit in units:
        ProjectUnit.objects.create(project=project, unit=unit)
    after = _snapshot(project, EDITABLE_FIELDS) | {
        "state": project.state,
        "fund": fund.name,
        "owner_unit": owner_unit.name,
        "units": [u.name for u in units],
    }
    _record(actor, "project_create", project, project, after=after)
    return project


@transaction.atomic
def project_import(
    *,
    actor: Any,
    fund: Fund,
    title: str,
    owner_unit: OrgUnit,
    state: str,
    source: str,
    closing_outcome: str = "",
    participating_units: Iterable[OrgUnit] = (),
    **fields: Any,
) -> Project:
    """Register a project that already has a history outside SIF (read from its documents) directly
    in the state the documents show. Fund administrators only; `source` says where it comes from."""
    _require(perms.can_import_project(actor, fund))
    if state not in ProjectState.values:
        raise SifError("state_unknown", state=state)
    if closing_outcome and closing_outcome not in ClosingOutcome.values:
        raise SifError("closing_outcome_unknown", outcome=closing_outcome)
    if not source.strip():
        raise SifError("import_source_required")
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise SifError("field_not_editable", field=sorted(unknown)[0])
    if owner_unit.municipality_id != fund.municipality_id:
        raise SifError("unit_outside_municipality", unit=owner_unit.name)
    budget_rules.check_period(fields.get("start_date"), fields.get("end_date"))
    units = _check_units(fund.municipality_id, participating_units)
    project = Project(
        fund=fund,
        municipality_id=fund.municipality_id,
        title=title,
        owner_unit=owner_unit,
        state=state,
        closing_outcome=closing_outcome,
        **fields,
    )
    _clean(project)
    project.save()
    for unit in units:
        ProjectUnit.objects.create(project=project, unit=unit)
    after = _snapshot(project, EDITABLE_FIELDS) | {
        "state": state,
        "closing_outcome": closing_outcome,
        "units": [u.name for u in units],
    }
    _record(actor, "project_import", project, project, after=after, reason=source)
    return project


@transaction.atomic
def project_update(*, actor: Any, project: Project, **fields: Any) -> Project:
    """Change texts and period (EDITABLE_FIELDS); before/after hold only the fields that changed."""
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise SifError("field_not_editable", field=sorted(unknown)[0])
    _lock(project)
    _require(perms.can_edit_project(actor, project))
    if "title" in fields and not str(fields["title"]).strip():
        raise SifError("title_required")
    start = fields.get("start_date", project.start_date)
    end = fields.get("end_date", project.end_date)
    budget_rules.check_period(start, end)
    years = BudgetCell.objects.filter(row__project=project).values_list("year", flat=True)
    if years and ("start_date" in fields or "end_date" in fields):
        budget_rules.check_years_within_period(years, start, end)
    changed = {k: v for k, v in fields.items() if getattr(project, k) != v}
    if not changed:
        return project
    before = _snapshot(project, changed)
    for name, value in changed.items():
        setattr(project, name, value)
    _clean(project)
    project.save()
    _record(
        actor, "project_update", project, project, before=before, after=_snapshot(project, changed)
    )
    return project


def allowed_transitions(user: Any, project: Project) -> list[tuple[str, Verdict]]:
    """Each state the project may move to from its current one (except grant/reject, which are
    decisions: see `perms.can_decide`), with whether this user may move it there and why not."""
    return [
        (rule.to_state, perms.can_transition(user, project, rule.to_state))
        for rule in transitions_from(project.state)
        if not rule.via_decision
    ]


def _apply_transition(
    actor: Any, project: Project, to_state: str, reason: str, closing_outcome: str = ""
) -> Project:
    before = {"state": project.state, "closing_outcome": project.closing_outcome}
    project.state = to_state
    if to_state == ProjectState.CLOSED:
        project.closing_outcome = closing_outcome
    _clean(project)
    project.save(update_fields=["state", "closing_outcome", "updated_at"])
    after = {"state": project.state, "closing_outcome": project.closing_outcome}
    _record(
        actor, "project_transition", project, project, before=before, after=after, reason=reason
    )
    return project


def _check_ready_for_review(project: Project) -> None:
    rows = _budget_inputs(project)
    if rows and project.sought_amount is not None:
        budget_rules.check_sought_amount(project.sought_amount, budget_rules.grand_total(rows))


@transaction.atomic
def project_transition(
    *, actor: Any, project: Project, to_state: str, reason: str = "", closing_outcome: str = ""
) -> Project:
    """Move the project one step along TRANSITIONS (granting and rejecting: `decision_record`)."""
    _lock(project)
    if to_state not in ProjectState.values:
        raise SifError("state_unknown", state=to_state)
    verdict = perms.can_transition(actor, project, to_state)
    if not verdict:
        if verdict.reason == "transition_not_allowed":
            raise SifError(
                "transition_not_allowed",
                from_label=state_label(project.state),
                to_label=state_label(to_state),
            )
        _require(verdict)
    rule = transition_for(project.state, to_state)
    assert rule is not None
    if rule.needs_reason and not reason.strip():
        raise SifError("transition_reason_required", to_label=state_label(to_state))
    if rule.needs_closing_outcome:
        if not closing_outcome:
            raise SifError("closing_outcome_required")
        if closing_outcome not in ClosingOutcome.values:
            raise SifError("closing_outcome_unknown", outcome=closing_outcome)
    if to_state == ProjectState.IN_REVIEW:
        _check_ready_for_review(project)
    return _apply_transition(actor, project, to_state, reason.strip(), closing_outcome)


@transaction.atomic
def participating_units_set(*, actor: Any, project: Project, units: Iterable[OrgUnit]) -> None:
    """Replace the set of participating units (their reporters report for them)."""
    _lock(project)
    _require(perms.can_edit_project(actor, project))
    new_units = _check_units(project.municipality_id, units)
    before = sorted(
        ProjectUnit.objects.filter(project=project).values_list("unit__name", flat=True)
    )
    new_ids = {u.pk for u in new_units}
    ProjectUnit.objects.filter(project=project).exclude(unit_id__in=new_ids).delete()
    existing = set(ProjectUnit.objects.filter(project=project).values_list("unit_id", flat=True))
    for unit in new_units:
        if unit.pk not in existing:
            ProjectUnit.objects.create(project=project, unit=unit)
    after = sorted(u.name for u in new_units)
    for name in (
        "project_units",
        "units",
    ):  # permission checks read a prefetch of these when present
        getattr(project, "_prefetched_objects_cache", {}).pop(name, None)
    project.__dict__.pop("_sif_unit_ids", None)
    if before != after:
        _record(
            actor,
            "participating_units_set",
            project,
            project,
            before={"units": before},
            after={"units": after},
        )


@transaction.atomic
def contact_add(
    *, actor: Any, project: Project, name: str, title: str = "", email: str = "", phone: str = ""
) -> Contact:
    _lock(project)
    _require(perms.can_edit_project(actor, project))
    if not name.strip():
        raise SifError("contact_name_required")
    position = Contact.objects.filter(project=project).count()
    contact = Contact(
        project=project, name=name.strip(), title=title, email=email, phone=phone, position=position
    )
    _clean(contact)
    contact.save()
    _record(actor, "contact_add", contact, project, after=_snapshot(contact, CONTACT_FIELDS))
    return contact


@transaction.atomic
def contact_update(*, actor: Any, contact: Contact, **fields: Any) -> Contact:
    """Contacts are corrected, never removed (the history shows who was contact when)."""
    unknown = set(fields) - set(CONTACT_FIELDS)
    if unknown:
        raise SifError("field_not_editable", field=sorted(unknown)[0])
    project = _lock(contact.project)
    _require(perms.can_edit_project(actor, project))
    if "name" in fields and not str(fields["name"]).strip():
        raise SifError("contact_name_required")
    changed = {k: v for k, v in fields.items() if getattr(contact, k) != v}
    if not changed:
        return contact
    before = _snapshot(contact, changed)
    for name, value in changed.items():
        setattr(contact, name, value)
    _clean(contact)
    contact.save()
    _record(
        actor, "contact_update", contact, project, before=before, after=_snapshot(contact, changed)
    )
    return contact


# ---------------------------------------------------------------- money


@transaction.atomic
def budget_set(
    *, actor: Any, project: Project, rows: Sequence[BudgetRowInput], version: int | None = None
) -> None:
    """Replace the whole budget table. Amounts in kronor ≥ 0, years within the project period.
    `version` is the budget version the editor read; a newer one refuses the save (edit_conflict)."""
    _lock(project)
    _require(perms.can_edit_budget(actor, project))
    refuse_if_stale(
        read=version,
        current=project.budget_version,
        what=gettext("budgeten"),
        since=lambda: conflicts.budget_conflict(project, version or 0),
    )
    for row in rows:
        if row.category not in BudgetCategory.values:
            raise SifError("budget_category_unknown", category=row.category)
    clean = budget_rules.check_rows(rows, project.start_date, project.end_date)
    old = _budget_inputs(project)
    BudgetCell.objects.filter(row__project=project).delete()
    BudgetRow.objects.filter(project=project).delete()
    for position, row in enumerate(clean):
        db_row = BudgetRow(
            project=project,
            category=row.category,
            label=row.label,
            footnote=row.footnote,
            position=position,
        )
        _clean(db_row)
        db_row.save()
        BudgetCell.objects.bulk_create(
            BudgetCell(row=db_row, year=y, amount=a) for y, a in sorted(row.amounts.items())
        )
    before = {"rows": _budget_as_json(old), "total": _kr(budget_rules.grand_total(old))}
    after = {"rows": _budget_as_json(clean), "total": _kr(budget_rules.grand_total(clean))}
    project.budget_version += 1
    project.save(update_fields=["budget_version", "updated_at"])
    _record(actor, "budget_set", project, project, before=before, after=after)


@transaction.atomic
def sought_amount_set(*, actor: Any, project: Project, amount: Decimal | int | str) -> Project:
    """The sought amount in kronor; it must equal the budget's grand total."""
    _lock(project)
    _require(perms.can_edit_budget(actor, project))
    rows = _budget_inputs(project)
    if not rows:
        raise SifError("sought_amount_without_budget")
    value = budget_rules.check_sought_amount(amount, budget_rules.grand_total(rows))
    before = {"sought_amount": project.sought_amount}
    project.sought_amount = value
    _clean(project)
    project.save(update_fields=["sought_amount", "updated_at"])
    _record(
        actor,
        "sought_amount_set",
        project,
        project,
        before=before,
        after={"sought_amount": _kr(value)},
    )
    return project


# ---------------------------------------------------------------- applications


def application_form_current(code: str) -> ApplicationForm:
    """The newest version of a form; version 1 is created from forms_schema.FORMS when missing."""
    current = ApplicationForm.objects.filter(code=code).order_by("-version").first()
    if current is not None:
        return current
    definition = FORMS.get(code)
    if definition is None:
        raise SifError("application_form_unknown", code=code)
    with transaction.atomic():
        form, _ = ApplicationForm.objects.get_or_create(
            code=code, version=1, defaults={"title": definition["title"], "schema": definition}
        )
    return form


def _check_answers(schema: dict[str, Any], answers: dict[str, Any]) -> dict[str, Any]:
    kinds = schema_field_keys(schema)
    clean: dict[str, Any] = {}
    for key, value in answers.items():
        kind = kinds.get(key)
        if kind is None:
            raise SifError("application_answer_unknown", field=key)
        if kind == "yesno" and value in (None, ""):
            continue
        if kind == "yesno" and not isinstance(value, bool):
            raise SifError("application_answer_invalid", field=key)
        if kind != "yesno" and not isinstance(value, str):
            raise SifError("application_answer_invalid", field=key)
        clean[key] = value.strip() if isinstance(value, str) else value
    assert all(k in FIELD_KINDS for k in kinds.values())
    return clean


def application_step(project: Project, form: ApplicationForm) -> int:
    """The step the project is in (0 proposal, 1, 2); refused when the form is not written in it."""
    step = APPLICATION_STEP[project.state]
    if step not in FORM_STEPS.get(form.code, (0, 1, 2)):
        labels = {0: "förslaget", 1: "steg 1", 2: "steg 2"}
        raise SifError(
            "application_form_wrong_step",
            form=form.title,
            step=" eller ".join(labels[s] for s in FORM_STEPS[form.code]),
            state=state_label(project.state),
        )
    return step


@transaction.atomic
def application_submit(
    *,
    actor: Any,
    project: Project,
    form_code: str,
    answers: dict[str, Any],
    draft: bool = False,
    version: int | None = None,
) -> Application:
    """Save the answers of the project's current step with the form version they answer: as a draft
    (changed in place until submitted) or submitted (the draft of this step becomes the submission).
    `version` is the project's application version the writer read; a newer one refuses the save
    (edit_conflict)."""
    _lock(project)
    _require(perms.can_submit_application(actor, project))
    form = application_form_current(form_code)
    refuse_if_stale(
        read=version,
        current=project.application_version,
        what=gettext("ansökan"),
        since=lambda: conflicts.application_conflict(project, version or 0, form),
    )
    clean = _check_answers(form.schema, answers)
    step = application_step(project, form)
    mine = Application.objects.filter(project=project, form=form)
    application = mine.filter(step=step, is_draft=True).first() or Application(
        project=project, form=form, step=step
    )
    shown_before = application if application.pk else mine.order_by("-submitted_at", "-pk").first()
    before = {"answers": shown_before.answers if shown_before else {}}
    application.answers, application.is_draft = clean, draft
    application.submitted_by = actor if getattr(actor, "is_authenticated", False) else None
    if not draft:
        application.submitted_at = timezone.now()
    _clean(application, exclude=["submitted_by"])
    application.save()
    project.application_version += 1
    project.save(update_fields=["application_version", "updated_at"])
    after = {
        "form": form.code,
        "version": form.version,
        "step": step,
        "draft": draft,
        "answers": clean,
    }
    _record(
        actor,
        "application_draft_save" if draft else "application_submit",
        application,
        project,
        before=before,
        after=after,
    )
    return application


# ---------------------------------------------------------------- review and decisions


@transaction.atomic
def review_add(
    *,
    actor: Any,
    project: Project,
    comments: str,
    scores: dict[str, int] | None = None,
    recommendation: str = Recommendation.NONE,
    reviewer_name: str = "",
) -> Review:
    """A reviewer's synpunkter with 1–5 points per criterion of the fund's criteria list."""
    _lock(project)
    _require(perms.can_review(actor, project))
    if not comments.strip():
        raise SifError("review_comments_required")
    if recommendation not in Recommendation.values:
        raise SifError("review_recommendation_unknown", recommendation=recommendation)
    criteria = {c["code"] for c in project.fund.review_criteria or []}
    scores = dict(scores or {})
    for code, score in scores.items():
        if code not in criteria:
            raise SifError("review_criterion_unknown", criterion=code)
        if isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= 5:
            raise SifError("review_score_out_of_range", criterion=code, score=score)
    review = Review(
        project=project,
        reviewer=actor if getattr(actor, "is_authenticated", False) else None,
        reviewer_name=reviewer_name
        or (
            actor.get_full_name() or actor.get_username()
            if getattr(actor, "is_authenticated", False)
            else ""
        ),
        comments=comments.strip(),
        scores=scores,
        recommendation=recommendation,
    )
    _clean(review, exclude=["reviewer"])
    review.save()
    _record(
        actor,
        "review_add",
        review,
        project,
        after={"comments": review.comments, "scores": scores, "recommendation": recommendation},
    )
    return review


def _check_decision_basics(body: str, date_precision: str) -> None:
    if not body.strip():
        raise SifError("decision_body_required")
    if date_precision not in DATE_PRECISIONS:
        raise SifError("date_precision_unknown", precision=date_precision)


def _decision_after(decision: Decision) -> dict[str, Any]:
    return _snapshot(
        decision,
        (
            "kind",
            "granted",
            "body",
            "decided_on",
            "date_precision",
            "paragraph",
            "granted_amount",
            "conditions",
            "above_sought_reason",
            "above_available",
        ),
    )


def _grant_facts(
    project: Project,
    granted: bool,
    amount: Decimal | None,
    decided_on: date | None,
    date_precision: str,
    above_sought_reason: str,
    confirmed: bool,
    superseded: Decision | None = None,
) -> GrantFacts:
    """What the policy's decision rules need, read from the project, its applications and the ledger.
    A correction frees the amount of the decision it supersedes."""
    from sif.web.projects.selectors import fund_available, submitted_on

    available = fund_available(project.fund)
    if superseded is not None and superseded.granted_amount is not None:
        available += superseded.granted_amount
    return GrantFacts(
        granted=granted,
        granted_amount=amount,
        sought_amount=project.sought_amount,
        available=available,
        decided_on=decided_on,
        date_precision=date_precision,
        submitted_on=submitted_on(project),
        project_start=project.start_date,
        above_sought_reason=above_sought_reason,
        above_available_confirmed=confirmed,
    )


def _grant_amount(granted: bool, granted_amount: Decimal | int | str | None) -> Decimal | None:
    if not granted:
        return None
    if granted_amount is None or granted_amount == "":
        raise SifError("decision_amount_required")
    return _parse_money(granted_amount, "decision_amount")


@transaction.atomic
def decision_record(
    *,
    actor: Any,
    project: Project,
    granted: bool,
    body: str,
    decided_on: date | None,
    paragraph: str = "",
    granted_amount: Decimal | int | str | None = None,
    conditions: str = "",
    date_precision: str = "day",
    above_sought_reason: str = "",
    above_available_confirmed: bool = False,
) -> Decision:
    """The grant decision for a project under review: it becomes `granted` or `rejected`.
    A grant needs the granted amount (kronor ≥ 0); above the sought amount it needs a reason, above
    the fund's available money a confirmation (and is then recorded as such); dates in order
    (sif/policy/decisions.py)."""
    _lock(project)
    _require(perms.can_decide(actor, project))
    decision = _grant_decision_save(
        actor,
        project,
        granted=granted,
        body=body,
        decided_on=decided_on,
        paragraph=paragraph,
        granted_amount=granted_amount,
        conditions=conditions,
        date_precision=date_precision,
        above_sought_reason=above_sought_reason,
        above_available_confirmed=above_available_confirmed,
    )
    _record(actor, "decision_record", decision, project, after=_decision_after(decision))
    _apply_transition(
        actor,
        project,
        ProjectState.GRANTED if granted else ProjectState.REJECTED,
        reason=f"{decision.body} {decided_on or ''} {paragraph}".strip(),
    )
    return decision


def _grant_decision_save(
    actor: Any,
    project: Project,
    *,
    superseded: Decision | None = None,
    correction_reason: str = "",
    **fields: Any,
) -> Decision:
    """Check a grant decision against the policy's rules (sif/policy/decisions.py) and store it."""
    _check_decision_basics(fields["body"], fields["date_precision"])
    granted = fields["granted"]
    amount = _grant_amount(granted, fields["granted_amount"])
    reason = fields["above_sought_reason"].strip()
    facts = _grant_facts(
        project,
        granted,
        amount,
        fields["decided_on"],
        fields["date_precision"],
        reason,
        fields["above_available_confirmed"],
        superseded=superseded,
    )
    check_grant(facts)
    above_sought = (
        amount is not None and project.sought_amount is not None and amount > project.sought_amount
    )
    return _decision_save(
        actor,
        project,
        kind=DecisionKind.GRANT,
        granted=granted,
        body=fields["body"],
        decided_on=fields["decided_on"],
        date_precision=fields["date_precision"],
        paragraph=fields["paragraph"],
        granted_amount=amount,
        conditions=fields["conditions"],
        above_sought_reason=reason if above_sought else "",
        above_available=exceeds_available(facts),
        supersedes=superseded,
        correction_reason=correction_reason,
    )


def current_decision(project: Project, kind: str) -> Decision | None:
    """The decision of this kind in force: the newest one no later decision supersedes."""
    return (
        Decision.objects.filter(project=project, kind=kind, superseded_by__isnull=True)
        .order_by("-created_at", "-pk")
        .first()
    )


def current_grant_decision(project: Project) -> Decision | None:
    return current_decision(project, DecisionKind.GRANT)


def _decision_to_correct(
    actor: Any, project: Project, action: str, kind: str, reason: str
) -> Decision:
    """The decision in force that a correction will supersede, once the project is locked, the
    actor may correct and a reason is given."""
    _lock(project)
    _require(perms.check(actor, action, project))
    old = current_decision(project, kind)
    if old is None:
        raise SifError("decision_none_to_correct")
    if not reason.strip():
        raise SifError("decision_correction_reason_required")
    return old


@transaction.atomic
def decision_correct(*, actor: Any, project: Project, reason: str, **decision: Any) -> Decision:
    """Correct the grant decision by a new one that supersedes it (append-only: the old one stays).
    `decision` takes decision_record's fields. Turning a grant into a rejection or back is possible
    only before the work has started."""
    old = _decision_to_correct(
        actor, project, "project.correct_decision", DecisionKind.GRANT, reason
    )
    fields = {
        "paragraph": "",
        "granted_amount": None,
        "conditions": "",
        "date_precision": "day",
        "above_sought_reason": "",
        "above_available_confirmed": False,
    } | decision
    granted = fields["granted"]
    if granted != old.granted and project.state not in (
        ProjectState.GRANTED,
        ProjectState.REJECTED,
    ):
        raise SifError("decision_outcome_fixed", state=state_label(project.state))
    new = _grant_decision_save(
        actor, project, superseded=old, correction_reason=reason.strip(), **fields
    )
    _record(
        actor,
        "decision_correct",
        new,
        project,
        before=_decision_after(old),
        after=_decision_after(new),
        reason=reason.strip(),
    )
    if granted != old.granted:
        _apply_transition(
            actor,
            project,
            ProjectState.GRANTED if granted else ProjectState.REJECTED,
            reason=reason.strip(),
        )
    return new


def _decision_save(
    actor: Any,
    project: Project,
    *,
    kind: str,
    granted: bool,
    body: str,
    decided_on: date | None,
    date_precision: str,
    paragraph: str,
    granted_amount: Decimal | None,
    conditions: str,
    **extra: Any,
) -> Decision:
    """One place that builds, validates and stores a decision of either kind."""
    decision = Decision(
        project=project,
        kind=kind,
        granted=granted,
        body=body.strip(),
        decided_on=decided_on,
        date_precision=date_precision,
        paragraph=paragraph,
        granted_amount=granted_amount,
        conditions=conditions,
        decided_by=actor if getattr(actor, "is_authenticated", False) else None,
        **extra,
    )
    _clean(decision, exclude=["decided_by"])
    decision.save()
    return decision


def _check_closing_terms(
    project: Project, body: str, decided_on: date | None, date_precision: str, outcome: str
) -> None:
    """A closing decision's basics, its outcome, and its date after the grant and the start."""
    _check_decision_basics(body, date_precision)
    if not outcome:
        raise SifError("closing_outcome_required")
    if outcome not in ClosingOutcome.values:
        raise SifError("closing_outcome_unknown", outcome=outcome)
    grant = current_grant_decision(project)
    check_closing(
        decided_on,
        date_precision,
        grant_decided_on=grant.decided_on if grant else None,
        project_start=project.start_date,
    )


def _closing_save(
    actor: Any, project: Project, *, closing_outcome: str, text: str, **fields: Any
) -> tuple[Decision, dict[str, Any]]:
    """Store a closing decision with its terms, and put the terms on the project; returns the
    decision and the project's terms before."""
    rule, note = fields.pop("repayment_rule"), fields.pop("repayment_note").strip()
    decision = _decision_save(
        actor,
        project,
        kind=DecisionKind.CLOSING,
        granted=True,
        granted_amount=None,
        conditions=text,
        closing_outcome=closing_outcome,
        repayment_rule=rule,
        repayment_note=note,
        **fields,
    )
    before = {
        "closing_outcome": project.closing_outcome,
        "repayment_rule": project.repayment_rule,
        "repayment_note": project.repayment_note,
    }
    project.repayment_rule, project.repayment_note = rule, note
    _clean(project)
    project.save(update_fields=["repayment_rule", "repayment_note", "updated_at"])
    return decision, before


def _closing_after(decision: Decision) -> dict[str, Any]:
    return _decision_after(decision) | _snapshot(
        decision, ("closing_outcome", "repayment_rule", "repayment_note")
    )


@transaction.atomic
def closing_decision_record(
    *,
    actor: Any,
    project: Project,
    body: str,
    decided_on: date | None,
    closing_outcome: str,
    text: str = "",
    paragraph: str = "",
    date_precision: str = "day",
    repayment_rule: str = "",
    repayment_note: str = "",
) -> Decision:
    """The decision on the final report: the project is closed, into regular operations or ended.
    `text` holds the decision's wording (e.g. the förvaltning's proposed decisions). The repayment
    agreed for this project (`repayment_rule`, blank: the fund's rule; `repayment_note`, e.g.
    "enligt överenskommelse med kommunledningskontoret") is kept on the decision and the project."""
    _lock(project)
    _require(perms.can_record_closing(actor, project))
    _check_closing_terms(project, body, decided_on, date_precision, closing_outcome)
    decision, before = _closing_save(
        actor,
        project,
        closing_outcome=closing_outcome,
        text=text,
        body=body,
        decided_on=decided_on,
        date_precision=date_precision,
        paragraph=paragraph,
        repayment_rule=repayment_rule,
        repayment_note=repayment_note,
    )
    before.pop("closing_outcome")
    _record(
        actor, "decision_record", decision, project, before=before, after=_closing_after(decision)
    )
    _apply_transition(
        actor,
        project,
        ProjectState.CLOSED,
        reason=f"{decision.body} {decided_on or ''}".strip(),
        closing_outcome=closing_outcome,
    )
    return decision


def current_closing_decision(project: Project) -> Decision | None:
    return current_decision(project, DecisionKind.CLOSING)


@transaction.atomic
def closing_decision_correct(
    *, actor: Any, project: Project, reason: str, **decision: Any
) -> Decision:
    """Correct the closing decision by a new one that supersedes it (append-only: the old one stays,
    struck through, with the reason and who corrected it). `decision` takes
    closing_decision_record's fields; the same rules hold (outcome, dates after the grant and the
    start). The project stays closed, with the corrected outcome and repayment."""
    old = _decision_to_correct(
        actor, project, "project.correct_closing", DecisionKind.CLOSING, reason
    )
    fields = {
        "text": "",
        "paragraph": "",
        "date_precision": "day",
        "repayment_rule": "",
        "repayment_note": "",
    } | decision
    _check_closing_terms(
        project,
        fields["body"],
        fields["decided_on"],
        fields["date_precision"],
        fields["closing_outcome"],
    )
    new, before = _closing_save(
        actor, project, supersedes=old, correction_reason=reason.strip(), **fields
    )
    project.closing_outcome = new.closing_outcome
    project.save(update_fields=["closing_outcome", "updated_at"])
    _record(
        actor,
        "decision_correct",
        new,
        project,
        before=_closing_after(old) | before,
        after=_closing_after(new),
        reason=reason.strip(),
    )
    return new


# ---------------------------------------------------------------- indicators and documents


@transaction.atomic
def indicator_add(
    *,
    actor: Any,
    project: Project,
    name: str,
    group: str = "",
    segment: str = "",
    method: str = MeasurementMethod.MANUAL,
    method_detail: str = "",
    comparison_group: str = "",
    unit: str = IndicatorUnit.COUNT,
    direction: str = Direction.HIGHER_IS_BETTER,
    frequency: str = Frequency.TERTIAL,
    baseline_value: Decimal | None = None,
    target_value: Decimal | None = None,
    responsible_unit: OrgUnit | None = None,
) -> Indicator:
    """An indicator as defined in the application (measurements: sif/web/followup)."""
    _lock(project)
    _require(perms.can_edit_project(actor, project))
    if not name.strip():
        raise SifError("indicator_name_required")
    if responsible_unit is not None:
        _check_units(project.municipality_id, [responsible_unit])
    indicator = Indicator(
        project=project,
        name=name.strip(),
        group=group,
        segment=segment,
        method=method,
        method_detail=method_detail,
        comparison_group=comparison_group,
        unit=unit,
        direction=direction,
        frequency=frequency,
        baseline_value=baseline_value,
        target_value=target_value,
        responsible_unit=responsible_unit,
        position=Indicator.objects.filter(project=project).count(),
    )
    _clean(indicator)
    indicator.save()
    after = _snapshot(
        indicator,
        (
            "group",
            "name",
            "segment",
            "method",
            "method_detail",
            "comparison_group",
            "unit",
            "direction",
            "frequency",
        ),
    )
    _record(actor, "indicator_add", indicator, project, after=after)
    return indicator


@transaction.atomic
def source_document_add(
    *, actor: Any, project: Project, name: str, content: bytes, kind: str = ""
) -> SourceDocument:
    """Keep a file the project's data came from (an application, a committee paper) with the project."""
    _require(perms.can_add_document(actor, project))
    if not content:
        raise SifError("document_empty", name=name)
    digest = hashlib.sha256(content).hexdigest()
    document = SourceDocument(
        project=project,
        original_name=name,
        sha256=digest,
        kind=kind,
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    document.file.save(name, ContentFile(content), save=False)
    note_written(document.file.name)  # removed again if the caller's transaction is refused
    _clean(document, exclude=["uploaded_by"])
    document.save()
    _record(
        actor,
        "source_document_add",
        document,
        project,
        after={"name": name, "sha256": digest, "kind": kind, "bytes": len(content)},
    )
    return document
