"""The only code that writes calculations. Every save is a new version and one event in the log."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext

from sif.calc.casefile import EFFECT_KEYS
from sif.calc.errors import SifError
from sif.calc.model import Scenario, evaluate, scenario_from_dict
from sif.web.audit.services import project_event_record
from sif.web.calculations.limits import check_calculation_bounds
from sif.web.calculations.models import Calculation, Purpose
from sif.web.calculations.permissions import can_save_calculation
from sif.web.core.versions import Conflict, conflict_between, flat, refuse_if_stale
from sif.web.projects.models import Project


def check_case_data(data: object) -> Scenario:
    """The case-file data as a checked Scenario that also evaluates (KPI years exist); else SifError."""
    if not isinstance(data, Mapping):
        raise SifError("invalid_table", field="(kalkylen)")
    effect = data.get("effect")
    if effect is not None:
        if not isinstance(effect, Mapping):
            raise SifError("invalid_table", field="effect")
        unknown = [k for k in effect if k not in EFFECT_KEYS]
        if unknown:
            raise SifError("unknown_field", field=f"effect.{unknown[0]}")
    scenario = scenario_from_dict(dict(data))
    evaluate(scenario)
    try:
        json.dumps(data, allow_nan=False)
    except (TypeError, ValueError):
        raise SifError("calculation_not_json") from None
    return scenario


def _refuse_if_newer(project: Project, purpose: str, read: int | None) -> None:
    if read is None:
        return
    newer = (
        Calculation.objects.filter(project=project, purpose=purpose, version__gt=read)
        .select_related("created_by")
        .order_by("-version")
        .first()
    )

    def since() -> Conflict:
        assert newer is not None
        base = Calculation.objects.filter(project=project, version=read).first()
        return conflict_between(
            flat(base.scenario) if base else {},
            flat(newer.scenario),
            newer.created_by,
            newer.created_at,
        )

    refuse_if_stale(
        read=read,
        current=newer.version if newer else read,
        what=gettext("kalkylen"),
        since=since,
    )


def calculation_save(
    *,
    actor: Any,
    project: Project,
    scenario: dict[str, Any],
    purpose: str = Purpose.EXPECTED,
    label: str = "",
    note: str = "",
    version: int | None = None,
) -> Calculation:
    """Check the permission, the purpose and the scenario, then append a new version. `version` is
    the one the editor started from (0: none); a newer version of the same purpose saved since
    refuses the save (edit_conflict), so no one's calculation is silently replaced as current."""
    verdict = can_save_calculation(actor, project)
    if not verdict:
        raise SifError(verdict.reason)
    if purpose not in Purpose.values:
        raise SifError("calculation_purpose_unknown", field="purpose", value=purpose)
    check_calculation_bounds(scenario)
    check_case_data(scenario)
    with transaction.atomic():
        Project.objects.select_for_update().filter(pk=project.pk).first()
        _refuse_if_newer(project, purpose, version)
        latest = Calculation.objects.filter(project=project).aggregate(v=Max("version"))["v"] or 0
        calculation = Calculation(
            project=project,
            version=latest + 1,
            purpose=purpose,
            label=label.strip(),
            scenario=json.loads(json.dumps(scenario)),
            note=note.strip(),
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        calculation.full_clean()
        calculation.save()
        project_event_record(
            actor,
            "calculation_save",
            calculation,
            project,
            after={
                "version": calculation.version,
                "purpose": purpose,
                "label": calculation.label,
                "name": scenario.get("name", ""),
            },
            reason=calculation.note,
        )
    return calculation
