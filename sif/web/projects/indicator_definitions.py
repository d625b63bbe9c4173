"""Defining a project's indicators as the application states them.

The measurements against them are follow-up data (sif/web/followup); only the definition made
while applying belongs to the project.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction

from sif.calc.errors import SifError
from sif.web.accounts import permissions as perms
from sif.web.accounts.models import OrgUnit
from sif.web.audit.services import project_event_record
from sif.web.projects.models import (
    Direction,
    Frequency,
    Indicator,
    IndicatorUnit,
    MeasurementMethod,
    Project,
)
from sif.web.projects.service_support import (
    check_units,
    full_clean_or_refuse,
    lock_project,
    require,
    snapshot,
)


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
    lock_project(project)
    require(perms.can_edit_project(actor, project))
    if not name.strip():
        raise SifError("indicator_name_required")
    if responsible_unit is not None:
        check_units(project.municipality_id, [responsible_unit])
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
    full_clean_or_refuse(indicator)
    indicator.save()
    after = snapshot(
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
    project_event_record(actor, "indicator_add", indicator, project, after=after)
    return indicator
