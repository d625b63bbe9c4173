"""Confirming an imported document: one transaction that calls the project services in order.

Every value goes through the same rules as when it is typed on the project pages (project_import /
project_create, budget_set, sought_amount_set, contact_add, indicator_add, review_add,
source_document_add, decision_record, project_transition, closing_decision_record). The first
refusal (SifError) rolls everything back, including a new organisation unit.

Fund administrators register a project in the state its documents show (`project_import`).
Applicants create proposals and applications (förslag, ansökan steg 1 or 2) for their own unit
(`project_create` and the ordinary transitions), exactly as on the pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction

from sif.calc.budget import BudgetRowInput
from sif.calc.errors import SifError
from sif.policy.states import AFTER_GRANT, IMPORT_STATES, PATH_AFTER_GRANT
from sif.policy.states import APPLICANT_IMPORT_STATES as APPLICANT_STATES
from sif.web.accounts import permissions as perms
from sif.web.accounts.models import Municipality, OrgUnit, UnitKind
from sif.web.audit.services import event_record
from sif.web.core.files import files_removed_on_failure
from sif.web.projects import (
    budget_changes,
    closing_decisions,
    grant_decisions,
    indicator_definitions,
    project_details,
    project_transitions,
    reviews,
    source_documents,
)
from sif.web.projects.models import Fund, Project, ProjectState

S = ProjectState
TEXT_FIELDS = ("summary", "purpose", "goals", "target_group", "lessons")


@dataclass(frozen=True)
class ContactInput:
    name: str
    title: str = ""
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class IndicatorInput:
    name: str
    group: str = ""
    segment: str = ""
    method: str = "manual"
    method_detail: str = ""


@dataclass(frozen=True)
class ProposalInput:
    title: str
    summary: str = ""
    synpunkter: str = ""


@dataclass
class ImportPlan:
    """What the user confirmed on the review screen (kronor, dates, codes)."""

    filename: str
    content: bytes
    kind: str
    state: str
    title: str = ""
    owner_unit: OrgUnit | None = None
    new_unit_name: str = ""
    new_unit_kind: str = UnitKind.UNIT
    registration_number: str = ""
    start_date: date | None = None
    end_date: date | None = None
    summary: str = ""
    purpose: str = ""
    goals: str = ""
    target_group: str = ""
    lessons: str = ""
    sought_amount: Decimal | None = None
    granted_amount: Decimal | None = None
    decision_body: str = ""
    decided_on: date | None = None
    closing_body: str = ""
    closing_decided_on: date | None = None
    closing_outcome: str = ""
    closing_text: str = ""
    budget: Sequence[BudgetRowInput] = ()
    contacts: Sequence[ContactInput] = ()
    indicators: Sequence[IndicatorInput] = ()
    proposals: Sequence[ProposalInput] = ()
    fields: dict[str, Any] = field(default_factory=dict)


@transaction.atomic
def org_unit_create(
    *,
    actor: Any,
    municipality: Municipality,
    name: str,
    kind: str = UnitKind.UNIT,
    parent: OrgUnit | None = None,
) -> OrgUnit:
    """A new unit of the municipality's organisation (a fund administrator's task), logged.
    Lives here because sif/web/accounts has no services module yet."""
    if not perms.check(actor, "project.import", municipality.pk):
        raise SifError("org_unit_create_denied")
    name = " ".join(name.split())
    if not name:
        raise SifError("org_unit_name_required")
    if kind not in UnitKind.values:
        raise SifError("org_unit_kind_unknown", kind=kind)
    if OrgUnit.objects.filter(municipality=municipality, parent=parent, name__iexact=name).exists():
        raise SifError("org_unit_exists", unit=name)
    unit = OrgUnit(municipality=municipality, name=name, kind=kind, parent=parent)
    unit.full_clean()
    try:
        with transaction.atomic():
            unit.save()
    except IntegrityError:
        raise SifError("org_unit_exists", unit=name) from None
    event_record(
        actor=actor,
        action="org_unit_create",
        obj=unit,
        municipality_id=municipality.pk,
        after={"name": name, "kind": kind},
    )
    return unit


def import_confirm(*, actor: Any, fund: Fund, plan: ImportPlan) -> list[Project]:
    """Create the project(s) the confirmed draft describes; all or nothing, the stored source
    file included."""
    with files_removed_on_failure():
        return _import_confirm(actor=actor, fund=fund, plan=plan)


@transaction.atomic
def _import_confirm(*, actor: Any, fund: Fund, plan: ImportPlan) -> list[Project]:
    if plan.state not in IMPORT_STATES:
        raise SifError("state_unknown", state=plan.state)
    owner = _owner_unit(actor, fund, plan)
    if plan.kind == "proposal_list":
        return _proposals(actor, fund, owner, plan)
    return [_project(actor, fund, owner, plan)]


def _owner_unit(actor: Any, fund: Fund, plan: ImportPlan) -> OrgUnit:
    if plan.owner_unit is not None:
        return plan.owner_unit
    if plan.new_unit_name.strip():
        return org_unit_create(
            actor=actor,
            municipality=fund.municipality,
            name=plan.new_unit_name,
            kind=plan.new_unit_kind,
        )
    raise SifError("import_owner_unit_required")


def _keep_source(actor: Any, project: Project, plan: ImportPlan) -> None:
    """The original file beside the project, unless it held a personal identity number (then
    staging never kept it and its content is empty)."""
    if plan.content:
        source_documents.source_document_add(
            actor=actor, project=project, name=plan.filename, content=plan.content, kind=plan.kind
        )


def _source(plan: ImportPlan) -> str:
    return f"Import av {plan.filename}"


def _proposals(actor: Any, fund: Fund, owner: OrgUnit, plan: ImportPlan) -> list[Project]:
    if not plan.proposals:
        raise SifError("import_no_proposals")
    projects = []
    for proposal in plan.proposals:
        project = _start(
            actor,
            fund,
            owner,
            plan,
            title=proposal.title,
            summary=proposal.summary,
            state=plan.state,
        )
        if proposal.synpunkter.strip():
            reviews.review_add(
                actor=actor,
                project=project,
                comments=proposal.synpunkter,
                reviewer_name="Synpunkter i förslagsdokumentet",
            )
        _keep_source(actor, project, plan)
        projects.append(project)
    return projects


def _start(
    actor: Any,
    fund: Fund,
    owner: OrgUnit,
    plan: ImportPlan,
    *,
    title: str,
    state: str,
    **fields: Any,
) -> Project:
    """The project in `state`: imported by a fund administrator, created by an applicant."""
    if not title.strip():
        raise SifError("title_required")
    if perms.check(actor, "project.import", fund):
        return project_details.project_import(
            actor=actor,
            fund=fund,
            title=title.strip(),
            owner_unit=owner,
            state=state,
            source=_source(plan),
            **fields,
        )
    if state not in APPLICANT_STATES:
        raise SifError("import_state_for_admins", state=str(S(state).label))
    lessons = fields.pop(
        "lessons", ""
    )  # written on the project once it exists, as on its edit page
    project = project_details.project_create(
        actor=actor, fund=fund, title=title, owner_unit=owner, **fields
    )
    if lessons:
        project_details.project_update(actor=actor, project=project, lessons=lessons)
    for step in APPLICANT_STATES[1 : APPLICANT_STATES.index(S(state)) + 1]:
        project_transitions.project_transition(
            actor=actor, project=project, to_state=step, reason=_source(plan)
        )
    return project


def _project(actor: Any, fund: Fund, owner: OrgUnit, plan: ImportPlan) -> Project:
    if plan.granted_amount is not None and plan.state not in AFTER_GRANT:
        raise SifError("import_granted_needs_state")
    texts = {name: getattr(plan, name).strip() for name in TEXT_FIELDS}
    fields = {
        "registration_number": plan.registration_number,
        "start_date": plan.start_date,
        "end_date": plan.end_date,
        **texts,
        **plan.fields,
    }
    project = _start(actor, fund, owner, plan, title=plan.title, state=_first_state(plan), **fields)
    if plan.budget:
        budget_changes.budget_set(actor=actor, project=project, rows=plan.budget)
    if plan.sought_amount is not None:
        budget_changes.sought_amount_set(actor=actor, project=project, amount=plan.sought_amount)
    for contact in plan.contacts:
        project_details.contact_add(
            actor=actor,
            project=project,
            name=contact.name,
            title=contact.title,
            email=contact.email,
            phone=contact.phone,
        )
    for ind in plan.indicators:
        indicator_definitions.indicator_add(
            actor=actor,
            project=project,
            name=ind.name,
            group=ind.group,
            segment=ind.segment,
            method=ind.method,
            method_detail=ind.method_detail,
        )
    _keep_source(actor, project, plan)
    _decide(actor, project, plan)
    return project


def _first_state(plan: ImportPlan) -> str:
    """The state the project is registered in before its decisions are recorded: budget and
    contacts can be written in it (a closed project no longer changes)."""
    if plan.granted_amount is not None:
        return S.IN_REVIEW
    if plan.state == S.CLOSED:
        return S.FINAL_REPORT_SUBMITTED
    return plan.state


def _decide(actor: Any, project: Project, plan: ImportPlan) -> None:
    if plan.granted_amount is not None:
        # A decision taken before SIF kept the fund's ledger: recorded as decided, with its source as the reason.
        grant_decisions.decision_record(
            actor=actor,
            project=project,
            granted=True,
            body=plan.decision_body,
            decided_on=plan.decided_on,
            granted_amount=plan.granted_amount,
            above_sought_reason=_source(plan),
            above_available_confirmed=True,
        )
        for step in PATH_AFTER_GRANT:
            if project.state == plan.state or (
                plan.state == S.CLOSED and project.state == S.FINAL_REPORT_SUBMITTED
            ):
                break
            project_transitions.project_transition(
                actor=actor, project=project, to_state=step, reason=_source(plan)
            )
    if plan.state == S.CLOSED:
        closing_decisions.closing_decision_record(
            actor=actor,
            project=project,
            body=plan.closing_body,
            decided_on=plan.closing_decided_on,
            closing_outcome=plan.closing_outcome,
            text=plan.closing_text,
        )
