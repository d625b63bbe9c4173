"""Storing planned measurement and activity rows: all of them in one transaction, or none.

The second half of the one path (measurement_plan.py is the first): `measurements_store` plans
again under a lock of the period, so what is stored is what was checked; the single-row
services (`measurement_save`, `activity_save`) go through the same path.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.db import transaction

from sif.calc.errors import SifError
from sif.web.accounts.models import OrgUnit
from sif.web.audit.services import project_event_record
from sif.web.followup.measurement_plan import measurements_plan
from sif.web.followup.measurement_rows import (
    GENDER_PARTS,
    PARENT_PARTS,
    ImportPreview,
    PlannedActivity,
    PlannedMeasurement,
    RawActivity,
    RawMeasurement,
)
from sif.web.followup.models import ActivityCount, ActivityType, Group, Measurement, ReportingPeriod
from sif.web.projects.models import Indicator, Project


def _measurement_snapshot(m: Measurement | None) -> dict[str, Any] | None:
    if m is None:
        return None
    return {
        "indicator_id": m.indicator_id,
        "period_id": m.period_id,
        "unit_id": m.unit_id,
        "group": m.group,
        "value": m.value,
        "numerator": m.numerator,
        "denominator": m.denominator,
    }


def _activity_snapshot(a: ActivityCount | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {
        "activity": a.activity.code,
        "period_id": a.period_id,
        "unit_id": a.unit_id,
        "total": a.total,
        **{p: getattr(a, p) for p in PARENT_PARTS + GENDER_PARTS},
    }


def measurements_store(
    *,
    actor: Any,
    project: Project,
    period: ReportingPeriod,
    measurements: Sequence[RawMeasurement] = (),
    activities: Sequence[RawActivity] = (),
    source: str = "form",
    is_example: bool = False,
    example_note: str = "",
    confirmed: bool = False,
) -> ImportPreview:
    """Re-validate the rows and store all of them in one transaction, or none (`import_has_refused_rows`).
    Unusually large counts (`preview.implausible`) are stored only when `confirmed`."""
    with transaction.atomic():
        period = ReportingPeriod.objects.select_for_update().get(pk=period.pk)
        preview = measurements_plan(
            actor=actor,
            project=project,
            period=period,
            measurements=measurements,
            activities=activities,
        )
        if preview.refused:
            raise SifError("import_has_refused_rows", count=len(preview.refused))
        if preview.implausible and not confirmed:
            first = preview.implausible[0]
            raise SifError(first.code, **first.params)
        if not (preview.measurements or preview.activities):
            raise SifError("import_empty")
        for planned in preview.measurements:
            _store_measurement(actor, project, period, planned, source, is_example, example_note)
        for planned_a in preview.activities:
            _store_activity(actor, project, period, planned_a, source, is_example)
    return preview


def _store_measurement(
    actor: Any,
    project: Project,
    period: ReportingPeriod,
    p: PlannedMeasurement,
    source: str,
    is_example: bool,
    example_note: str,
) -> Measurement:
    before = _measurement_snapshot(p.replaces)
    m = p.replaces or Measurement(indicator=p.indicator, period=period, unit=p.unit, group=p.group)
    m.value, m.numerator, m.denominator = p.value, p.numerator, p.denominator
    m.is_example, m.example_note = is_example, example_note
    m.entered_by = actor if getattr(actor, "is_authenticated", False) else None
    m.full_clean()
    m.save()
    project_event_record(
        actor, "measurement_saved", m, project, before, _measurement_snapshot(m), reason=source
    )
    return m


def _store_activity(
    actor: Any,
    project: Project,
    period: ReportingPeriod,
    p: PlannedActivity,
    source: str,
    is_example: bool,
) -> ActivityCount:
    before = _activity_snapshot(p.replaces)
    a = p.replaces or ActivityCount(
        project=project, period=period, unit=p.unit, activity=p.activity
    )
    a.total = p.total
    for name, value in p.parts.items():
        setattr(a, name, value)
    a.is_example = is_example
    a.entered_by = actor if getattr(actor, "is_authenticated", False) else None
    a.full_clean()
    a.save()
    project_event_record(
        actor, "activity_count_saved", a, project, before, _activity_snapshot(a), reason=source
    )
    return a


def measurement_save(
    *,
    actor: Any,
    indicator: Indicator,
    period: ReportingPeriod,
    unit: OrgUnit,
    group: str = Group.INTERVENTION,
    value: Decimal | int | None = None,
    numerator: int | None = None,
    denominator: int | None = None,
    is_example: bool = False,
    example_note: str = "",
    confirmed: bool = False,
) -> Measurement:
    """One measurement, through the same checks as the form and the upload."""
    project = indicator.project
    raw = RawMeasurement(
        row=1,
        indicator=indicator.pk,
        unit=unit.pk,
        group=group,
        value=value,
        numerator=numerator,
        denominator=denominator,
    )
    preview = _store_or_raise(
        actor=actor,
        project=project,
        period=period,
        measurements=[raw],
        is_example=is_example,
        example_note=example_note,
        confirmed=confirmed,
    )
    planned = preview.measurements[0]
    return Measurement.objects.get(
        indicator=planned.indicator, period=period, unit=planned.unit, group=planned.group
    )


def activity_save(
    *,
    actor: Any,
    period: ReportingPeriod,
    unit: OrgUnit,
    activity: ActivityType,
    total: int,
    with_mother: int | None = None,
    with_father: int | None = None,
    single_mother: int | None = None,
    single_father: int | None = None,
    women: int | None = None,
    men: int | None = None,
    is_example: bool = False,
    confirmed: bool = False,
) -> ActivityCount:
    raw = RawActivity(
        1,
        unit.pk,
        activity.code,
        total,
        with_mother,
        with_father,
        single_mother,
        single_father,
        women,
        men,
    )
    _store_or_raise(
        actor=actor,
        project=activity.project,
        period=period,
        activities=[raw],
        is_example=is_example,
        confirmed=confirmed,
    )
    return ActivityCount.objects.get(activity=activity, period=period, unit=unit)


def _store_or_raise(**kwargs: Any) -> ImportPreview:
    """For single-row services: raise the row's own error rather than the summary."""
    preview = measurements_plan(
        actor=kwargs["actor"],
        project=kwargs["project"],
        period=kwargs["period"],
        measurements=kwargs.get("measurements", ()),
        activities=kwargs.get("activities", ()),
    )
    if preview.refused:
        first = preview.refused[0]
        raise SifError(first.code, **first.params)
    return measurements_store(source="service", **kwargs)
