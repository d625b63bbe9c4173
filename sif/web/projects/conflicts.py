"""What someone else changed in a project's budget or application since an editor read it.

Both are edited in place, so the event log is their history: each save is one event holding the
values before and after (sif/web/core/versions.py reads the newest ones). The budget's fields are
named by cost category and year, the application's by the question's label in its own form.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from sif.calc import format as fmt
from sif.web.core.versions import Conflict, conflict_from_events, shown
from sif.web.projects.models import ApplicationForm, BudgetCategory, Project


def _amount(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def budget_cells(data: Any) -> dict[str, Any]:
    """A budget event's before/after as {"Personal 2020": amount, …, "Totalt": amount}."""
    if not isinstance(data, dict):
        return {}
    names = dict(BudgetCategory.choices)
    cells: dict[str, Any] = {}
    for row in data.get("rows", []):
        name = row.get("label") or str(names.get(row.get("category"), row.get("category")))
        for year, amount in (row.get("amounts") or {}).items():
            cells[f"{name} {year}"] = _amount(amount)
    if "total" in data:
        cells[_("Totalt")] = _amount(data["total"])
    return cells


def _kronor(value: Any) -> str:
    return fmt.kr(value) if isinstance(value, Decimal) else shown(value)


def budget_conflict(project: Project, read: int) -> Conflict:
    return conflict_from_events(
        project.events.filter(action="budget_set"),
        project.budget_version - read,
        budget_cells,
        label=str,
        show=_kronor,
    )


def _answers(data: Any) -> dict[str, Any]:
    return dict(data.get("answers") or {}) if isinstance(data, dict) else {}


def application_conflict(project: Project, read: int, form: ApplicationForm) -> Conflict:
    labels = {f["key"]: f["label"] for s in form.schema.get("sections", []) for f in s["fields"]}
    return conflict_from_events(
        project.events.filter(action__in=("application_draft_save", "application_submit")),
        project.application_version - read,
        _answers,
        label=lambda key: labels.get(key, key.replace("_", " ")),
    )
