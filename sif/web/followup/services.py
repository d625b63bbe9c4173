"""The only code that writes follow-up data. Every service checks permission, validates with the
pure rules in sif/calc, writes inside one transaction and records the change in the event log.

Measurements reach the database through one path, whether typed in the form or uploaded as XLSX:
raw rows -> `measurements_plan` (validates every row, writes nothing, lists rows to store and rows
refused with the reason) -> `measurements_store` (re-plans inside a transaction and stores all rows
or none).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sif.calc import format as fmt
from sif.calc.errors import SifError
from sif.calc.followup import (
    DEFAULT_PLAUSIBLE_COUNT,
    VALUE_CEILING,
    check_activity,
    check_count,
    check_plausible,
    check_share,
)
from sif.calc.privacy import check_no_personal_identity_number
from sif.messages import message_for as followup_message
from sif.web.accounts.models import OrgUnit
from sif.web.accounts.permissions import can_report_for_unit, check
from sif.web.audit.services import event_record
from sif.web.followup import indicator_services
from sif.web.followup.models import (
    ActivityCount,
    ActivityType,
    Group,
    Measurement,
    ReportingPeriod,
    ReportState,
    SpiderInstrument,
    SpiderRating,
    StatusReport,
)
from sif.web.projects.models import Indicator, IndicatorUnit, Project

GROUP_ALIASES = {
    "intervention": Group.INTERVENTION,
    "insatsgrupp": Group.INTERVENTION,
    "insats": Group.INTERVENTION,
    "": Group.INTERVENTION,
    "comparison": Group.COMPARISON,
    "jämförelsegrupp": Group.COMPARISON,
    "jämförelse": Group.COMPARISON,
    "kontrollgrupp": Group.COMPARISON,
}
PARENT_PARTS = ("with_mother", "with_father", "single_mother", "single_father")
GENDER_PARTS = ("women", "men")
PART_LABELS = {  # in the order of RawActivity's fields; labels in the active language
    "total": _("Totalt"),
    "with_mother": _("Med mamma"),
    "with_father": _("Med pappa"),
    "single_mother": _("Endast mamma"),
    "single_father": _("Endast pappa"),
    "women": _("Kvinnor"),
    "men": _("Män"),
}


# --- permissions ---------------------------------------------------------------------------------


def is_followup_editor(actor: Any, project: Project) -> bool:
    """The policy's `followup.edit`: the project leader (the owner unit's applicant) or the fund."""
    return bool(check(actor, "followup.edit", project))


def _require_editor(actor: Any, project: Project, action: str = "followup.edit") -> None:
    verdict = check(actor, action, project)
    if not verdict:
        raise SifError(verdict.reason)


def _require_reporter(actor: Any, project: Project, unit: OrgUnit) -> None:
    verdict = can_report_for_unit(actor, project, unit)
    if not verdict:
        raise SifError(verdict.reason or "not_reporter_for_unit", unit=unit.name)


def _require_open(period: ReportingPeriod, actor: Any, project: Project) -> None:
    """Reporters write only while a period is open; a fund administrator may still correct it."""
    today = timezone.localdate()
    if check(actor, "followup.closed_period", project):
        return
    if period.is_closed(today):
        raise SifError("period_closed", period=period.label, closes_at=period.closes_at.isoformat())
    if today < period.opens_at:
        raise SifError("period_not_open", period=period.label, opens_at=period.opens_at.isoformat())


def _log(
    actor: Any,
    action: str,
    obj: Any,
    project: Project,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    reason: str = "",
) -> None:
    event_record(
        actor=actor,
        action=action,
        obj=obj,
        municipality_id=project.municipality_id,
        project_id=project.pk,
        before=before,
        after=after,
        reason=reason,
    )


# --- indicators ----------------------------------------------------------------------------------
# Kept in their own module (with optimistic concurrency); named here for the callers of services.

indicator_save = indicator_services.indicator_save
indicator_delete = indicator_services.indicator_delete
INDICATOR_FIELDS = indicator_services.INDICATOR_FIELDS


# --- periods -------------------------------------------------------------------------------------


def period_create(
    *,
    actor: Any,
    project: Project,
    kind: str,
    label: str,
    start: dt.date,
    end: dt.date,
    opens_at: dt.date,
    closes_at: dt.date,
    is_example: bool = False,
) -> ReportingPeriod:
    _require_editor(actor, project)
    label = " ".join(label.split())  # one line: a newline or tab in a label is never meant
    if not label:
        raise SifError("period_label_required")
    check_no_personal_identity_number(label, "Benämning")
    if end < start or closes_at < opens_at:
        raise SifError("period_dates_invalid")
    if ReportingPeriod.objects.filter(project=project, label=label).exists():
        raise SifError("period_label_taken", label=label)
    with transaction.atomic():
        period = ReportingPeriod(
            project=project,
            kind=kind,
            label=label,
            start=start,
            end=end,
            opens_at=opens_at,
            closes_at=closes_at,
            is_example=is_example,
        )
        period.full_clean()
        period.save()
        _log(
            actor,
            "period_created",
            period,
            project,
            None,
            {
                "label": label,
                "start": start,
                "end": end,
                "opens_at": opens_at,
                "closes_at": closes_at,
            },
        )
    return period


def period_close(*, actor: Any, period: ReportingPeriod) -> ReportingPeriod:
    project = period.project
    _require_editor(actor, project)
    if period.closed_at is None:
        with transaction.atomic():
            period.closed_at = timezone.now()
            period.save(update_fields=["closed_at"])
            _log(
                actor,
                "period_closed",
                period,
                project,
                {"closed_at": None},
                {"closed_at": period.closed_at},
            )
    return period


# --- measurements: one validation path for the form and the XLSX upload --------------------------


@dataclass(frozen=True)
class RawMeasurement:
    """One row as the reporter wrote it: references and cells as given (str, int, float or None)."""

    row: int
    indicator: Any
    unit: Any
    group: Any = ""
    value: Any = None
    numerator: Any = None
    denominator: Any = None


@dataclass(frozen=True)
class RawActivity:
    row: int
    unit: Any
    activity: Any
    total: Any = None
    with_mother: Any = None
    with_father: Any = None
    single_mother: Any = None
    single_father: Any = None
    women: Any = None
    men: Any = None


@dataclass
class PlannedMeasurement:
    row: int
    indicator: Indicator
    unit: OrgUnit
    group: str
    value: Decimal | None
    numerator: int | None
    denominator: int | None
    replaces: Measurement | None

    @property
    def group_label(self) -> str:
        return str(Group(self.group).label)


@dataclass
class PlannedActivity:
    row: int
    unit: OrgUnit
    activity: ActivityType
    total: int
    parts: dict[str, int | None]
    replaces: ActivityCount | None

    @property
    def labelled_parts(self) -> list[tuple[str, int]]:
        """The parts given, with their labels in the active language, for the preview."""
        return [
            (str(PART_LABELS[name]), value)
            for name, value in self.parts.items()
            if value is not None
        ]


@dataclass
class RefusedRow:
    sheet: str
    row: int
    code: str
    params: dict[str, Any]

    @property
    def message(self) -> str:
        return followup_message(self.code, **self.params)


@dataclass
class ImportPreview:
    period: ReportingPeriod
    measurements: list[PlannedMeasurement] = field(default_factory=list)
    activities: list[PlannedActivity] = field(default_factory=list)
    refused: list[RefusedRow] = field(default_factory=list)
    implausible: list[RefusedRow] = field(
        default_factory=list
    )  # planned, but stored only when confirmed

    @property
    def ok(self) -> bool:
        return not self.refused and bool(self.measurements or self.activities)


def _blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def parse_decimal(raw: Any, column: str) -> Decimal | None:
    """A Decimal from a cell: numbers as they are, text in Swedish form ("1 234,5"); None if blank."""
    if _blank(raw):
        return None
    if isinstance(raw, bool):
        raise SifError("not_a_number", column=column, value=raw)
    if isinstance(raw, int | Decimal):
        return Decimal(raw)
    if isinstance(raw, float):
        return Decimal(repr(raw))
    text = str(raw).strip().replace("\xa0", "").replace(" ", "").replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise SifError("not_a_number", column=column, value=str(raw)) from None
    if not number.is_finite():
        raise SifError("not_a_number", column=column, value=str(raw))
    if abs(number) > VALUE_CEILING:  # 1e308, 1e400: no figure SIF stores is this large
        raise SifError(
            "value_too_large",
            column=column,
            value=str(raw),
            limit=f"{VALUE_CEILING:,}".replace(",", "\xa0"),
        )
    return number


def parse_count(raw: Any, column: str) -> int | None:
    """A whole count ≥ 0 (`check_count`); "1,5" and -5 are refused with the column's name."""
    number = parse_decimal(raw, column)
    if number is None:
        return None
    if number != number.to_integral_value():
        raise SifError("not_a_whole_number", column=column, value=str(raw))
    check_count(int(number), column)
    return int(number)


def _sv_number(number: Decimal) -> str:
    """10.00 -> '10', 5.50 -> '5,5' (for messages)."""
    return fmt.number(number, 4, trim=True)


def _ref(raw: Any) -> str:
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    return str(raw).strip() if raw is not None else ""


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
        ref = _ref(raw)
        found = self.indicators.get(ref) or self.indicators_by_name.get(ref.casefold())
        if found is None:
            raise SifError("unknown_indicator", indicator=ref or "(tom)")
        return found

    def unit(self, raw: Any) -> OrgUnit:
        ref = _ref(raw)
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
    group = GROUP_ALIASES.get(_ref(raw.group).casefold())
    if group is None:
        raise SifError("invalid_group", group=_ref(raw.group))
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
    activity = ctx.activities.get(_ref(raw.activity))
    if activity is None:
        raise SifError("unknown_activity", activity=_ref(raw.activity) or "(tom)")
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
    _require_open(period, actor, project)
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
    _require_open(period, actor, project)
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
    _log(actor, "measurement_saved", m, project, before, _measurement_snapshot(m), reason=source)
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
    _log(actor, "activity_count_saved", a, project, before, _activity_snapshot(a), reason=source)
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


# --- activity types ------------------------------------------------------------------------------

ACTIVITY_CODE = re.compile(r"^[a-z0-9_-]{1,40}$")


def _activity_snapshot_type(a: ActivityType) -> dict[str, Any]:
    return {
        "code": a.code,
        "label": a.label,
        "has_parent_split": a.has_parent_split,
        "position": a.position,
    }


def activity_type_save(
    *,
    actor: Any,
    project: Project,
    activity: ActivityType | None = None,
    code: str,
    label: str,
    has_parent_split: bool = False,
    position: int = 0,
) -> ActivityType:
    """Create or change an activity the project counts. The code is what the XLSX template and the
    counts refer to, so it cannot change once a unit has reported with it."""
    _require_editor(actor, project)
    code, label = code.strip(), label.strip()
    if not ACTIVITY_CODE.match(code):
        raise SifError("activity_code_invalid", code=code)
    if not label:
        raise SifError("activity_label_required")
    check_no_personal_identity_number(label, "Benämning")
    with transaction.atomic():
        if activity is not None:
            activity = ActivityType.objects.select_for_update().get(pk=activity.pk)
            if activity.project_id != project.pk:
                raise SifError("unknown_activity", activity=activity.code)
        if (
            ActivityType.objects.filter(project=project, code=code)
            .exclude(pk=activity.pk if activity else None)
            .exists()
        ):
            raise SifError("activity_code_taken", code=code)
        if activity is not None and activity.code != code and activity.counts.exists():
            raise SifError("activity_code_in_use", activity=activity.label)
        before = _activity_snapshot_type(activity) if activity else None
        target = activity or ActivityType(project=project)
        target.code, target.label, target.has_parent_split, target.position = (
            code,
            label,
            has_parent_split,
            position,
        )
        target.full_clean()
        target.save()
        _log(actor, "activity_type_saved", target, project, before, _activity_snapshot_type(target))
    return target


# --- spindelmätning --------------------------------------------------------------------------------

SPIDER_MIN_DIMENSIONS = 3
SPIDER_MAX_DIMENSIONS = 20
SPIDER_NAME_MAX = 200
SPIDER_MAX_OCCASIONS = 50


def _spider_snapshot(instrument: SpiderInstrument) -> dict[str, Any]:
    return {
        "name": instrument.name,
        "dimensions": list(instrument.dimensions),
        "occasions": instrument.occasions,
        "scale_min": instrument.scale_min,
        "scale_max": instrument.scale_max,
    }


def _scale_value(value: Decimal) -> bool:
    """Fits the model's DecimalField(max_digits=6, decimal_places=2)."""
    exponent = value.as_tuple().exponent
    return isinstance(exponent, int) and exponent >= -2 and abs(value) < 10_000


def spider_instrument_create(
    *,
    actor: Any,
    project: Project,
    name: str,
    dimensions: Sequence[str],
    occasions: int = 1,
    scale_min: Decimal | int = 1,
    scale_max: Decimal | int = 10,
) -> SpiderInstrument:
    """A new spindelmätning instrument: a name, 3–20 distinct dimension labels, the number of
    occasions and the rating scale. Same permission as the indicator editor."""
    _require_editor(actor, project)
    name = name.strip()
    if not name:
        raise SifError("spider_name_required")
    if len(name) > SPIDER_NAME_MAX:
        raise SifError("spider_name_too_long", limit=SPIDER_NAME_MAX, length=len(name))
    check_no_personal_identity_number(name, "Namn")
    labels = [d.strip() for d in dimensions if d and d.strip()]
    if not SPIDER_MIN_DIMENSIONS <= len(labels) <= SPIDER_MAX_DIMENSIONS:
        raise SifError(
            "spider_dimension_count",
            count=len(labels),
            low=SPIDER_MIN_DIMENSIONS,
            high=SPIDER_MAX_DIMENSIONS,
        )
    seen: dict[str, int] = {}
    for k, label in enumerate(labels, start=1):
        check_no_personal_identity_number(label, f"dimension {k}")
        key = " ".join(label.casefold().split())
        if key in seen:
            raise SifError("spider_dimension_duplicate", label=label, first=seen[key], line=k)
        seen[key] = k
    if not 1 <= occasions <= SPIDER_MAX_OCCASIONS:
        raise SifError("spider_occasions_invalid", occasions=occasions, high=SPIDER_MAX_OCCASIONS)
    low, high = Decimal(scale_min), Decimal(scale_max)
    if not (_scale_value(low) and _scale_value(high) and low < high):
        raise SifError("spider_scale_invalid", low=_sv_number(low), high=_sv_number(high))
    with transaction.atomic():
        instrument = SpiderInstrument(
            project=project,
            name=name,
            dimensions=labels,
            occasions=occasions,
            scale_min=low,
            scale_max=high,
        )
        instrument.full_clean()
        instrument.save()
        _log(
            actor,
            "spider_instrument_created",
            instrument,
            project,
            None,
            _spider_snapshot(instrument),
        )
    return instrument


def spider_rating_save(
    *,
    actor: Any,
    instrument: SpiderInstrument,
    unit: OrgUnit,
    occasion: int,
    values: Sequence[Decimal | int | float | None],
    occasion_date: dt.date | None = None,
    is_example: bool = False,
) -> list[SpiderRating]:
    """A unit's K ratings at one occasion (None leaves a dimension unrated)."""
    project = instrument.project
    _require_reporter(actor, project, unit)
    dimensions = list(instrument.dimensions)
    if len(values) != len(dimensions):
        raise SifError(
            "wrong_dimension_count",
            unit=unit.name,
            occasion=occasion,
            expected=len(dimensions),
            got=len(values),
        )
    if not 1 <= occasion <= instrument.occasions:
        raise SifError("spider_occasion_unknown", occasion=occasion, occasions=instrument.occasions)
    saved: list[SpiderRating] = []
    with transaction.atomic():
        for index, raw in enumerate(values):
            if raw is None:
                continue
            value = parse_decimal(raw, dimensions[index])
            assert value is not None
            if not instrument.scale_min <= value <= instrument.scale_max:
                raise SifError(
                    "spider_value_out_of_scale",
                    value=_sv_number(value),
                    low=_sv_number(instrument.scale_min),
                    high=_sv_number(instrument.scale_max),
                )
            rating, created = SpiderRating.objects.get_or_create(
                instrument=instrument,
                unit=unit,
                occasion=occasion,
                dimension=index,
                defaults={"value": value, "occasion_date": occasion_date, "is_example": is_example},
            )
            before = None if created else {"value": rating.value}
            rating.value, rating.occasion_date, rating.is_example = value, occasion_date, is_example
            rating.entered_by = actor if getattr(actor, "is_authenticated", False) else None
            rating.full_clean()
            rating.save()
            saved.append(rating)
            _log(
                actor,
                "spider_rating_saved",
                rating,
                project,
                before,
                {"unit_id": unit.pk, "occasion": occasion, "dimension": index, "value": value},
            )
    return saved


# --- status reports --------------------------------------------------------------------------------


def _report_snapshot(r: StatusReport) -> dict[str, Any]:
    return {"state": r.state, "text": r.text, "comment": r.comment}


def status_report_submit(
    *,
    actor: Any,
    period: ReportingPeriod,
    unit: OrgUnit,
    text: str,
    draft: bool = False,
    is_example: bool = False,
) -> StatusReport:
    """The unit's status report for the period, saved as a draft or submitted to the project leader."""
    project = period.project
    _require_reporter(actor, project, unit)
    text = text.strip()
    if not text:
        raise SifError("status_report_text_required")
    check_no_personal_identity_number(text, "Statusrapport")
    with transaction.atomic():
        report = StatusReport.objects.select_for_update().filter(period=period, unit=unit).first()
        before = _report_snapshot(report) if report else None
        if report and report.state == ReportState.APPROVED:
            raise SifError(
                "status_report_wrong_state", state=ReportState(report.state).label, action="ändras"
            )
        report = report or StatusReport(project=project, period=period, unit=unit)
        report.text = text
        report.is_example = is_example
        report.state = ReportState.DRAFT if draft else ReportState.SUBMITTED
        if not draft:
            report.submitted_by = actor if getattr(actor, "is_authenticated", False) else None
            report.submitted_at = timezone.now()
        report.full_clean()
        report.save()
        _log(
            actor,
            "status_report_saved" if draft else "status_report_submitted",
            report,
            project,
            before,
            _report_snapshot(report),
        )
    return report


def _review(
    actor: Any, report: StatusReport, state: str, comment: str, action: str
) -> StatusReport:
    project = report.project
    _require_editor(actor, project, action="followup.approve_report")
    check_no_personal_identity_number(comment, "Kommentar")
    with transaction.atomic():
        report = StatusReport.objects.select_for_update().get(pk=report.pk)
        if report.state != ReportState.SUBMITTED:
            raise SifError(
                "status_report_wrong_state", state=ReportState(report.state).label, action=action
            )
        before = _report_snapshot(report)
        report.state = state
        report.comment = comment.strip()
        report.reviewed_by = actor if getattr(actor, "is_authenticated", False) else None
        report.reviewed_at = timezone.now()
        report.full_clean()
        report.save()
        _log(actor, f"status_report_{state}", report, project, before, _report_snapshot(report))
    return report


def status_report_approve(*, actor: Any, report: StatusReport, comment: str = "") -> StatusReport:
    return _review(actor, report, ReportState.APPROVED, comment, "godkännas")


def status_report_return(*, actor: Any, report: StatusReport, comment: str) -> StatusReport:
    if not comment.strip():
        raise SifError("return_comment_required")
    return _review(actor, report, ReportState.RETURNED, comment, "återsändas")


def units_in_order(project: Project) -> list[OrgUnit]:
    """The participating units by name (the owner unit first when it does not take part itself)."""
    units = sorted(project.units.all(), key=lambda u: u.name)
    return units if project.owner_unit in units else [project.owner_unit, *units]


def iter_pks(objs: Iterable[Any]) -> list[int]:
    return [o.pk for o in objs]
