"""What every project service does the same way, so that each does it once.

Every change to a project goes through the service modules of this package (project_details,
project_transitions, budget_changes, application_answers, reviews, grant_decisions,
closing_decisions, indicator_definitions, source_documents): the pages, the API, the demo and
imports call them. Each service is keyword-only, runs in one transaction, asks
sif/web/accounts/permissions.py whether the actor may act (`require`), locks the project row (`lock_project`), validates the model
(`full_clean_or_refuse`), keeps the before and after of the event log (`snapshot`),
and raises `SifError(code, **params)` on refusal. A refusal changes nothing. Nothing is ever
deleted: contacts are edited, a withdrawn project keeps its history.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

from sif.calc import budget as budget_rules
from sif.calc.errors import SifError
from sif.web.accounts.models import OrgUnit
from sif.web.accounts.permissions import Verdict
from sif.web.projects.models import Project


def require(verdict: Verdict) -> None:
    if not verdict:
        raise SifError(verdict.reason or "permission_denied")


def full_clean_or_refuse(obj: models.Model, exclude: Iterable[str] = ()) -> None:
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


def snapshot(obj: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in fields}


def lock_project(project: Project) -> Project:
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


def parse_money(value: object, code_prefix: str) -> Decimal:
    try:
        return budget_rules.check_amount(value)
    except SifError as exc:
        suffix = "negative" if exc.code == "budget_amount_negative" else "invalid"
        raise SifError(f"{code_prefix}_{suffix}", value=value) from None


def check_units(project_or_fund_municipality_id: int, units: Iterable[OrgUnit]) -> list[OrgUnit]:
    units = list(units)
    for unit in units:
        if unit.municipality_id != project_or_fund_municipality_id:
            raise SifError("unit_outside_municipality", unit=unit.name)
    return units
