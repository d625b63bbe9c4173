"""Validating measurement and activity rows without writing anything (`measurements_plan`).

Measurements reach the database through one path, whether typed in the form or uploaded as XLSX:
raw rows -> `measurements_plan` (validates every row, writes nothing, lists rows to store and rows
refused with the reason) -> `measurements_store` (measurement_store.py: re-plans inside a
transaction and stores all rows or none). The plan is also the upload's preview.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sif.calc.errors import SifError
from sif.calc.followup import DEFAULT_PLAUSIBLE_COUNT, check_activity, check_plausible, check_share
from sif.web.accounts.models import OrgUnit
from sif.web.accounts.permissions import can_report_for_unit, check
from sif.web.followup.cell_values import cell_reference, parse_count, parse_decimal
from sif.web.followup.measurement_rows import (
    GENDER_PARTS,
    GROUP_ALIASES,
    PARENT_PARTS,
    PART_LABELS,
    ImportPreview,
    PlannedActivity,
    PlannedMeasurement,
    RawActivity,
    RawMeasurement,
    RefusedRow,
)
from sif.web.followup.models import ActivityCount, Measurement, ReportingPeriod
from sif.web.followup.service_support import require_open
from sif.web.projects.models import Indicator, IndicatorUnit, Project


class _Context:
    """What a plan needs to know about the project, loaded once."""

    def __init__(self, actor: Any, project: Project, period: ReportingPeriod) -> None:
        self.project = project
        self.period = period
        self.indicators = {str(i.pk): i for i in project.indicators.all()}
        self.indicators_by_name = {i.name.strip().casefold(): i for i in self.indicators.values()}
        units = [project.owner_unit, *project.units.all()]
        self.units = {str(u.pk): u for u in units}
        self.units_by_name = {u.name.strip().casefold(): u for u in units}
        self.allowed_unit_ids = {u.pk for u in units if can_report_for_unit(actor, project, u)}
        self.activities = {a.code: a for a in project.activity_types.all()}
        self.activities.update({str(a.pk): a for a in self.activities.values()})

    def indicator(self, raw: Any) -> Indicator:
        ref = cell_reference(raw)
        found = self.indicators.get(ref) or self.indicators_by_name.get(ref.casefold())
        if found is None:
            raise SifError("unknown_indicator", indicator=ref or "(tom)")
        return found

    def unit(self, raw: Any) -> OrgUnit:
        ref = cell_reference(raw)
        found = self.units.get(ref) or self.units_by_name.get(ref.casefold())
        if found is None:
            raise SifError("unknown_org_unit", unit=ref or "(tom)")
        if found.pk not in self.allowed_unit_ids:
            raise SifError("unit_not_yours", unit=found.name)
        return found


def _plan_measurement(
    ctx: _Context, raw: RawMeasurement, existing: dict[tuple[int, int, str], Measurement]
) -> PlannedMeasurement | None:
    indicator = ctx.indicator(raw.indicator)
    unit = ctx.unit(raw.unit)
    group = GROUP_ALIASES.get(cell_reference(raw.group).casefold())
    if group is None:
        raise SifError("invalid_group", group=cell_reference(raw.group))
    value = (
        parse_count(raw.value, "Värde")
        if indicator.unit == IndicatorUnit.COUNT
        else parse_decimal(raw.value, "Värde")
    )
    numerator = parse_count(raw.numerator, "Täljare")
    denominator = parse_count(raw.denominator, "Nämnare")
    if value is None and numerator is None and denominator is None:
        return None  # a template row left empty
    if indicator.unit == IndicatorUnit.SHARE and (numerator is None or denominator is None):
        raise SifError("share_needs_numerator_and_denominator", indicator=indicator.name)
    if (
        indicator.unit == IndicatorUnit.COUNT
        and value is None
        and (numerator is None or denominator is None)
    ):
        raise SifError("missing_figure", indicator=indicator.name)
    if indicator.unit == IndicatorUnit.SCORE and value is None:
        raise SifError("missing_figure", indicator=indicator.name)
    if numerator is not None and denominator is not None:
        check_share(numerator, denominator, field=indicator.name)
    if isinstance(value, int):
        value = Decimal(value)
    if value is not None and value.as_tuple().exponent < -4:  # type: ignore[operator]
        value = value.quantize(Decimal("0.0001"))
    return PlannedMeasurement(
        raw.row,
        indicator,
        unit,
        group,
        value,
        numerator,
        denominator,
        existing.get((indicator.pk, unit.pk, group)),
    )


def _plan_activity(
    ctx: _Context, raw: RawActivity, existing: dict[tuple[int, int], ActivityCount]
) -> PlannedActivity | None:
    unit = ctx.unit(raw.unit)
    activity = ctx.activities.get(cell_reference(raw.activity))
    if activity is None:
        raise SifError("unknown_activity", activity=cell_reference(raw.activity) or "(tom)")
    total = parse_count(raw.total, str(PART_LABELS["total"]))
    parts = {
        name: parse_count(getattr(raw, name), str(PART_LABELS[name]))
        for name in PARENT_PARTS + GENDER_PARTS
    }
    if total is None:
        given = next((name for name, v in parts.items() if v is not None), None)
        if given is not None:
            raise SifError(
                "activity_total_missing",
                activity=activity.label,
                part=str(PART_LABELS[given]).lower(),
            )
        return None
    check_activity(
        total, parts, activity=activity.label, labels={k: str(v) for k, v in PART_LABELS.items()}
    )
    return PlannedActivity(
        raw.row, unit, activity, total, parts, existing.get((activity.pk, unit.pk))
    )


def upload_allowed(*, actor: Any, project: Project, period: ReportingPeriod) -> None:
    """May the actor send figures for this period at all: the project visible, the period open
    (or the actor a fund administrator) and at least one unit the actor reports for."""
    if not check(actor, "project.view", project) or period.project_id != project.pk:
        raise SifError("project_not_found")
    require_open(period, actor, project)
    units = [project.owner_unit, *project.units.all()]
    if not any(can_report_for_unit(actor, project, u) for u in units):
        raise SifError("not_reporter_for_unit", unit=project.owner_unit.name)


def measurements_plan(
    *,
    actor: Any,
    project: Project,
    period: ReportingPeriod,
    measurements: Sequence[RawMeasurement] = (),
    activities: Sequence[RawActivity] = (),
    measurement_sheet: str = "Mätvärden",
    activity_sheet: str = "Aktiviteter",
) -> ImportPreview:
    """Validate every row without writing anything: what would be stored and every row refused."""
    if not check(actor, "project.view", project) or period.project_id != project.pk:
        raise SifError("project_not_found")
    require_open(period, actor, project)
    ctx = _Context(actor, project, period)
    preview = ImportPreview(period=period)
    existing_m = {
        (m.indicator_id, m.unit_id, m.group): m for m in Measurement.objects.filter(period=period)
    }
    existing_a = {
        (a.activity_id, a.unit_id): a for a in ActivityCount.objects.filter(period=period)
    }
    seen_m: dict[tuple[int, int, str], int] = {}
    for raw in measurements:
        try:
            planned = _plan_measurement(ctx, raw, existing_m)
        except SifError as error:
            preview.refused.append(RefusedRow(measurement_sheet, raw.row, error.code, error.params))
            continue
        if planned is None:
            continue
        key = (planned.indicator.pk, planned.unit.pk, planned.group)
        if key in seen_m:
            preview.refused.append(
                RefusedRow(
                    measurement_sheet,
                    raw.row,
                    "duplicate_row",
                    {
                        "indicator": planned.indicator.name,
                        "unit": planned.unit.name,
                        "group": planned.group_label,
                        "first_row": seen_m[key],
                    },
                )
            )
            continue
        seen_m[key] = raw.row
        preview.measurements.append(planned)
        if planned.indicator.unit == IndicatorUnit.COUNT and planned.value is not None:
            _note_implausible(
                preview,
                measurement_sheet,
                raw.row,
                planned.value,
                planned.indicator.plausible_max,
                planned.indicator.name,
            )
    seen_a: dict[tuple[int, int], int] = {}
    for raw_a in activities:
        try:
            planned_a = _plan_activity(ctx, raw_a, existing_a)
        except SifError as error:
            preview.refused.append(RefusedRow(activity_sheet, raw_a.row, error.code, error.params))
            continue
        if planned_a is None:
            continue
        key_a = (planned_a.activity.pk, planned_a.unit.pk)
        if key_a in seen_a:
            preview.refused.append(
                RefusedRow(
                    activity_sheet,
                    raw_a.row,
                    "duplicate_row",
                    {
                        "indicator": planned_a.activity.label,
                        "unit": planned_a.unit.name,
                        "group": "",
                        "first_row": seen_a[key_a],
                    },
                )
            )
            continue
        seen_a[key_a] = raw_a.row
        preview.activities.append(planned_a)
        _note_implausible(
            preview, activity_sheet, raw_a.row, planned_a.total, None, planned_a.activity.label
        )
    return preview


def _note_implausible(
    preview: ImportPreview,
    sheet: str,
    row: int,
    value: Decimal | int,
    ceiling: int | None,
    name: str,
) -> None:
    try:
        check_plausible(value, ceiling if ceiling is not None else DEFAULT_PLAUSIBLE_COUNT, name)
    except SifError as error:
        preview.implausible.append(RefusedRow(sheet, row, error.code, error.params))
