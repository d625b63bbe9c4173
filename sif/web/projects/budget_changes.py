"""The project's budget table and sought amount: the money an application asks for.

Its own module because the budget is saved whole with optimistic concurrency (a stale version is
refused) and the sought amount must equal its grand total (sif/calc/budget.py holds the rules).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext

from sif.calc import budget as budget_rules
from sif.calc.budget import BudgetRowInput
from sif.calc.errors import SifError
from sif.web.accounts import permissions as perms
from sif.web.audit.services import project_event_record
from sif.web.core.versions import refuse_if_stale
from sif.web.projects import conflicts
from sif.web.projects.models import BudgetCategory, BudgetCell, BudgetRow, Project
from sif.web.projects.service_support import (
    full_clean_or_refuse,
    lock_project,
    require,
)


def budget_inputs(project: Project) -> list[BudgetRowInput]:
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


@transaction.atomic
def budget_set(
    *, actor: Any, project: Project, rows: Sequence[BudgetRowInput], version: int | None = None
) -> None:
    """Replace the whole budget table. Amounts in kronor ≥ 0, years within the project period.
    `version` is the budget version the editor read; a newer one refuses the save (edit_conflict)."""
    lock_project(project)
    require(perms.can_edit_budget(actor, project))
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
    old = budget_inputs(project)
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
        full_clean_or_refuse(db_row)
        db_row.save()
        BudgetCell.objects.bulk_create(
            BudgetCell(row=db_row, year=y, amount=a) for y, a in sorted(row.amounts.items())
        )
    before = {"rows": _budget_as_json(old), "total": _kr(budget_rules.grand_total(old))}
    after = {"rows": _budget_as_json(clean), "total": _kr(budget_rules.grand_total(clean))}
    project.budget_version += 1
    project.save(update_fields=["budget_version", "updated_at"])
    project_event_record(actor, "budget_set", project, project, before=before, after=after)


@transaction.atomic
def sought_amount_set(*, actor: Any, project: Project, amount: Decimal | int | str) -> Project:
    """The sought amount in kronor; it must equal the budget's grand total."""
    lock_project(project)
    require(perms.can_edit_budget(actor, project))
    rows = budget_inputs(project)
    if not rows:
        raise SifError("sought_amount_without_budget")
    value = budget_rules.check_sought_amount(amount, budget_rules.grand_total(rows))
    before = {"sought_amount": project.sought_amount}
    project.sought_amount = value
    full_clean_or_refuse(project)
    project.save(update_fields=["sought_amount", "updated_at"])
    project_event_record(
        actor,
        "sought_amount_set",
        project,
        project,
        before=before,
        after={"sought_amount": _kr(value)},
    )
    return project
