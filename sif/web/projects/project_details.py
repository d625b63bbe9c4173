"""Creating a project and changing its own data: texts, period, participating units, contacts.

Kept apart from the state machine (project_transitions.py) and the money (budget_changes.py)
because these are the edits an applicant makes freely while writing; only EDITABLE_FIELDS change
here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from django.db import transaction

from sif.calc import budget as budget_rules
from sif.calc.errors import SifError
from sif.web.accounts import permissions as perms
from sif.web.accounts.models import OrgUnit
from sif.web.audit.services import project_event_record
from sif.web.projects.models import (
    BudgetCell,
    ClosingOutcome,
    Contact,
    Fund,
    Project,
    ProjectState,
    ProjectUnit,
)
from sif.web.projects.service_support import (
    check_units,
    full_clean_or_refuse,
    lock_project,
    require,
    snapshot,
)

# The project's texts and period, as the project form edits them.
TEXT_FIELDS = (
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
)
# Fields a user may change with project_update (state, amounts and units have their own services):
# the texts and period, and the example-data marking the demo and imports set.
EDITABLE_FIELDS = (*TEXT_FIELDS, "example_note", "example_sections")


CONTACT_FIELDS = ("name", "title", "email", "phone")


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
    require(perms.can_create_project(actor, fund, owner_unit))
    if not title.strip():
        raise SifError("title_required")
    budget_rules.check_period(start_date, end_date)
    units = check_units(fund.municipality_id, participating_units)
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
    full_clean_or_refuse(project)
    project.save()
    for unit in units:
        ProjectUnit.objects.create(project=project, unit=unit)
    after = snapshot(project, EDITABLE_FIELDS) | {
        "state": project.state,
        "fund": fund.name,
        "owner_unit": owner_unit.name,
        "units": [u.name for u in units],
    }
    project_event_record(actor, "project_create", project, project, after=after)
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
    require(perms.can_import_project(actor, fund))
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
    units = check_units(fund.municipality_id, participating_units)
    project = Project(
        fund=fund,
        municipality_id=fund.municipality_id,
        title=title,
        owner_unit=owner_unit,
        state=state,
        closing_outcome=closing_outcome,
        **fields,
    )
    full_clean_or_refuse(project)
    project.save()
    for unit in units:
        ProjectUnit.objects.create(project=project, unit=unit)
    after = snapshot(project, EDITABLE_FIELDS) | {
        "state": state,
        "closing_outcome": closing_outcome,
        "units": [u.name for u in units],
    }
    project_event_record(actor, "project_import", project, project, after=after, reason=source)
    return project


@transaction.atomic
def project_update(*, actor: Any, project: Project, **fields: Any) -> Project:
    """Change texts and period (EDITABLE_FIELDS); before/after hold only the fields that changed."""
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise SifError("field_not_editable", field=sorted(unknown)[0])
    lock_project(project)
    require(perms.can_edit_project(actor, project))
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
    before = snapshot(project, changed)
    for name, value in changed.items():
        setattr(project, name, value)
    full_clean_or_refuse(project)
    project.save()
    project_event_record(
        actor, "project_update", project, project, before=before, after=snapshot(project, changed)
    )
    return project


@transaction.atomic
def participating_units_set(*, actor: Any, project: Project, units: Iterable[OrgUnit]) -> None:
    """Replace the set of participating units (their reporters report for them)."""
    lock_project(project)
    require(perms.can_edit_project(actor, project))
    new_units = check_units(project.municipality_id, units)
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
        project_event_record(
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
    lock_project(project)
    require(perms.can_edit_project(actor, project))
    if not name.strip():
        raise SifError("contact_name_required")
    position = Contact.objects.filter(project=project).count()
    contact = Contact(
        project=project, name=name.strip(), title=title, email=email, phone=phone, position=position
    )
    full_clean_or_refuse(contact)
    contact.save()
    project_event_record(
        actor, "contact_add", contact, project, after=snapshot(contact, CONTACT_FIELDS)
    )
    return contact


@transaction.atomic
def contact_update(*, actor: Any, contact: Contact, **fields: Any) -> Contact:
    """Contacts are corrected, never removed (the history shows who was contact when)."""
    unknown = set(fields) - set(CONTACT_FIELDS)
    if unknown:
        raise SifError("field_not_editable", field=sorted(unknown)[0])
    project = lock_project(contact.project)
    require(perms.can_edit_project(actor, project))
    if "name" in fields and not str(fields["name"]).strip():
        raise SifError("contact_name_required")
    changed = {k: v for k, v in fields.items() if getattr(contact, k) != v}
    if not changed:
        return contact
    before = snapshot(contact, changed)
    for name, value in changed.items():
        setattr(contact, name, value)
    full_clean_or_refuse(contact)
    contact.save()
    project_event_record(
        actor, "contact_update", contact, project, before=before, after=snapshot(contact, changed)
    )
    return contact
