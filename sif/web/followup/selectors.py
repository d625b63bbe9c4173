"""Reads for the follow-up pages: aggregates per indicator and period, missing reports, the gender
analysis and the spread of spindelmätning. Arithmetic is done by sif.calc.followup."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, NamedTuple, Protocol

from django.db.models import Exists, OuterRef

from sif.calc.errors import SifError
from sif.calc.followup import (
    ACTIVITY_PARTS,
    GenderAnalysis,
    OccasionSpread,
    aggregate_counts,
    aggregate_shares,
    check_activity,
    gender_analysis,
    spread_between_units,
    weighted_mean,
)
from sif.web.accounts.models import OrgUnit
from sif.web.accounts.permissions import check
from sif.web.followup import published as hiding
from sif.web.followup.models import (
    ActivityCount,
    ActivityType,
    Group,
    Measurement,
    PublishedShare,
    ReportingPeriod,
    SpiderInstrument,
    StatusReport,
)
from sif.web.followup.reporting_units import units_in_order
from sif.web.projects.models import Indicator, IndicatorUnit, Project


class Figured(Protocol):
    """What an aggregate reads of a figure: a Measurement or a Figure."""

    value: Decimal | None
    numerator: int | None
    denominator: int | None
    is_example: bool


@dataclass
class Aggregate:
    """One indicator's figure for one group in one period, across the units that reported."""

    kind: str
    value: Decimal | None  # count: sum; share: pooled rate (0–1); score: weighted mean
    numerator: int | None = None
    denominator: int | None = None
    units: int = 0
    is_example: bool = False
    hidden: str = ""  # why the figure is suppressed (sif.calc.suppression); "" when shown

    @property
    def n(self) -> int | None:
        """The number a suppression rule looks at (a count of people or events)."""
        if self.kind == IndicatorUnit.COUNT:
            return int(self.value) if self.value is not None else None
        if self.kind == IndicatorUnit.SHARE:
            return self.numerator
        return self.denominator


def aggregate(indicator: Indicator, measurements: Sequence[Figured]) -> Aggregate | None:
    """Sum for counts, pooled numerator/denominator for shares, weighted mean for scores."""
    if not measurements:
        return None
    example = any(m.is_example for m in measurements)
    kind = indicator.unit
    if kind == IndicatorUnit.SHARE or (
        kind == IndicatorUnit.COUNT and all(m.value is None for m in measurements)
    ):
        pooled = aggregate_shares((m.numerator or 0, m.denominator or 0) for m in measurements)
        assert pooled is not None
        if kind == IndicatorUnit.COUNT:
            return Aggregate(
                kind,
                Decimal(pooled.numerator),
                int(pooled.numerator),
                int(pooled.denominator),
                pooled.units,
                example,
            )
        return Aggregate(
            kind, pooled.rate, int(pooled.numerator), int(pooled.denominator), pooled.units, example
        )
    if kind == IndicatorUnit.COUNT:
        total = aggregate_counts(
            m.value if m.value is not None else m.numerator for m in measurements
        )
        return Aggregate(
            kind,
            Decimal(total) if total is not None else None,
            units=len(measurements),
            is_example=example,
        )
    weights = [m.denominator if m.denominator is not None else 1 for m in measurements]
    mean = weighted_mean(
        (m.value, w) for m, w in zip(measurements, weights, strict=True) if m.value is not None
    )
    return Aggregate(
        kind, mean, denominator=sum(weights), units=len(measurements), is_example=example
    )


@dataclass
class PeriodRow:
    period: ReportingPeriod
    intervention: Aggregate | None
    comparison: Aggregate | None


@dataclass
class UnitCell:
    unit: OrgUnit
    figure: Aggregate | None
    hidden_reason: str = ""


@dataclass
class IndicatorTable:
    indicator: Indicator
    rows: list[PeriodRow] = field(default_factory=list)
    latest_period: ReportingPeriod | None = None
    by_unit: list[UnitCell] = field(default_factory=list)

    @property
    def has_data(self) -> bool:
        return any(r.intervention or r.comparison for r in self.rows)

    @property
    def is_example(self) -> bool:
        return any(
            (r.intervention and r.intervention.is_example)
            or (r.comparison and r.comparison.is_example)
            for r in self.rows
        )

    def line_chart_data(
        self,
    ) -> tuple[list[str], dict[str, list[float | None]], dict[str, float]]:
        """What the indicator's line chart over the periods shows, on the page and in documents:
        the period labels, the intervention group (and the comparison group where there is one)
        and the baseline and target as reference lines."""

        def values(group: str) -> list[float | None]:
            figures = [getattr(r, group) for r in self.rows]
            return [float(f.value) if f and f.value is not None else None for f in figures]

        series = {"Insatsgrupp": values("intervention")}
        if any(r.comparison for r in self.rows):
            series["Jämförelsegrupp"] = values("comparison")
        references = {
            name: float(value)
            for name, value in (
                ("Baslinje", self.indicator.baseline_value),
                ("Mål", self.indicator.target_value),
            )
            if value is not None
        }
        return [r.period.label for r in self.rows], series, references


class Figure(NamedTuple):
    """One measurement's figures as the aggregates read them (a tuple: no model instance is built
    for the thousands of rows a big project's tables read)."""

    value: Decimal | None
    numerator: int | None
    denominator: int | None
    is_example: bool


def indicators_with_data(project: Project) -> list[Indicator]:
    """The project's indicators that have at least one figure, in the project's order: one query
    that probes the measurement index once per indicator, whatever the number of figures."""
    has_figures = Measurement.objects.filter(
        indicator=OuterRef("pk"), period__project=project
    ).order_by()
    return list(
        project.indicators.select_related("responsible_unit")
        .annotate(has_figures=Exists(has_figures))
        .filter(has_figures=True)
    )


def indicator_tables(
    project: Project,
    *,
    threshold: int | None = None,
    indicator_ids: Collection[int] | None = None,
) -> list[IndicatorTable]:
    """Per indicator: aggregate per period and group, and per unit in the latest period with data.

    With a `threshold`, per-unit cells under it are hidden (published and exported tables).
    With `indicator_ids`, only those indicators' tables are built and only their figures read (the
    follow-up page shows a chosen few of a big project's indicators). Every unit is kept: whether
    a cell is hidden to protect another depends on all the units' cells of its period.
    """
    periods = list(project.reporting_periods.all())
    indicators = project.indicators.select_related("responsible_unit")
    figures = Measurement.objects.filter(period__project=project).order_by()
    if indicator_ids is not None:
        indicators = indicators.filter(pk__in=list(indicator_ids))
        figures = figures.filter(indicator_id__in=list(indicator_ids))
    by_key: dict[tuple[int, int, str], list[Figure]] = defaultdict(list)
    by_unit: dict[tuple[int, int, int], list[Figure]] = defaultdict(list)
    for indicator_id, period_id, unit_id, group, *numbers in figures.values_list(
        "indicator_id",
        "period_id",
        "unit_id",
        "group",
        "value",
        "numerator",
        "denominator",
        "is_example",
    ):
        figure = Figure(*numbers)
        by_key[(indicator_id, period_id, group)].append(figure)
        if group == Group.INTERVENTION:
            by_unit[(indicator_id, period_id, unit_id)].append(figure)
    units = units_in_order(project)
    tables: list[IndicatorTable] = []
    for indicator in indicators:
        table = IndicatorTable(indicator=indicator)
        for period in periods:
            row = PeriodRow(
                period,
                aggregate(indicator, by_key.get((indicator.pk, period.pk, Group.INTERVENTION), [])),
                aggregate(indicator, by_key.get((indicator.pk, period.pk, Group.COMPARISON), [])),
            )
            table.rows.append(row)
            if row.intervention is not None:
                table.latest_period = period
        if table.latest_period is not None:
            cells = [
                UnitCell(
                    u,
                    aggregate(
                        indicator, by_unit.get((indicator.pk, table.latest_period.pk, u.pk), [])
                    ),
                )
                for u in units
            ]
            table.by_unit = [c for c in cells if c.figure is not None]
        if threshold is not None:
            _suppress_table(table, indicator, units, by_unit, threshold)
        tables.append(table)
    return tables


def _suppress_table(
    table: IndicatorTable,
    indicator: Indicator,
    units: list[OrgUnit],
    by_unit: dict[tuple[int, int, int], list[Figure]],
    threshold: int,
) -> None:
    """Per period: the units' cells, then the totals built on them (sif.calc.suppression)."""
    for row in table.rows:
        if table.latest_period is not None and row.period.pk == table.latest_period.pk:
            cells = table.by_unit
        else:
            cells = [
                c
                for c in (
                    UnitCell(
                        u,
                        aggregate(indicator, by_unit.get((indicator.pk, row.period.pk, u.pk), [])),
                    )
                    for u in units
                )
                if c.figure is not None
            ]
        any_hidden = hiding.hide_unit_cells(cells, threshold)
        hiding.hide_aggregate(row.intervention, threshold, from_hidden=any_hidden)
        hiding.hide_aggregate(row.comparison, threshold)


def reporting_status(project: Project) -> list[dict[str, Any]]:
    """Per period: which participating units have reported figures and which have not."""
    units = list(project.units.order_by("name"))
    reported: dict[int, set[int]] = defaultdict(set)
    # distinct pairs without the models' default ordering (it joins three tables to sort rows
    # that only fill a set)
    for model in (Measurement, ActivityCount):
        pairs = model.objects.filter(period__project=project).order_by()  # type: ignore[attr-defined]
        for period_id, unit_id in pairs.values_list("period_id", "unit_id").distinct():
            reported[period_id].add(unit_id)
    reports = {(r.period_id, r.unit_id): r for r in StatusReport.objects.filter(project=project)}
    status = []
    for period in project.reporting_periods.all():
        rows = [
            {
                "unit": u,
                "reported": u.pk in reported[period.pk],
                "report": reports.get((period.pk, u.pk)),
            }
            for u in units
        ]
        status.append(
            {
                "period": period,
                "units": rows,
                "missing": [r["unit"] for r in rows if not r["reported"]],
            }
        )
    return status


def missing_reports(period: ReportingPeriod) -> list[OrgUnit]:
    """The participating units that have entered no figure for this period."""
    done = set(Measurement.objects.filter(period=period).values_list("unit_id", flat=True))
    done |= set(ActivityCount.objects.filter(period=period).values_list("unit_id", flat=True))
    return [u for u in period.project.units.order_by("name") if u.pk not in done]


@dataclass
class ActivityRow:
    activity: ActivityType
    period: ReportingPeriod
    total: int | None
    qualifier: str
    units: int
    owner_level: bool
    is_example: bool
    note: str
    women: int | None = None
    men: int | None = None
    hidden: dict[str, str] = field(default_factory=dict)


def activity_rows(project: Project, *, threshold: int | None = None) -> list[ActivityRow]:
    """Activity totals per activity and period, summed across units; with a `threshold`, small
    totals and women/men counts are hidden (sif.calc.suppression)."""
    groups: dict[tuple[int, int], list[ActivityCount]] = defaultdict(list)
    for a in ActivityCount.objects.filter(project=project).select_related("activity", "period"):
        groups[(a.activity_id, a.period_id)].append(a)
    rows = []
    periods = list(project.reporting_periods.all())
    for activity in project.activity_types.all():
        for period in periods:
            counts = groups.get((activity.pk, period.pk))
            if not counts:
                continue
            total = aggregate_counts(c.total for c in counts)
            qualifiers = {c.qualifier for c in counts}
            rows.append(
                ActivityRow(
                    activity,
                    period,
                    int(total) if total is not None else None,
                    qualifiers.pop() if len(qualifiers) == 1 else "about",
                    len(counts),
                    all(c.unit_id == project.owner_unit_id for c in counts),
                    any(c.is_example for c in counts),
                    "; ".join(sorted({c.note for c in counts if c.note})),
                    _count_or_none(c.women for c in counts),
                    _count_or_none(c.men for c in counts),
                )
            )
    if threshold is not None:
        for row in rows:
            hiding.hide_activity(row, threshold)
    return rows


def _count_or_none(values: Any) -> int | None:
    """The sum when every unit gave the figure; None otherwise (a partial sum would mislead)."""
    given = list(values)
    if any(v is None for v in given):
        return None
    total = aggregate_counts(given)
    return int(total) if total is not None else None


@dataclass
class GenderBlock:
    activity: ActivityType
    period: ReportingPeriod
    counted: GenderAnalysis | None
    published: list[PublishedShare]
    is_example: bool
    hidden: str = ""


def _consistent(a: ActivityCount) -> bool:
    """Rows stored before the services checked every identity are left out of the analysis."""
    try:
        check_activity(a.total, {p: getattr(a, p) for p in ACTIVITY_PARTS})
    except SifError:
        return False
    return True


def gender_blocks(project: Project, *, threshold: int | None = None) -> list[GenderBlock]:
    """The gender analysis per activity with a parent split and period: from counts where the units
    gave them, and the shares a source published without counts."""
    counts: dict[tuple[int, int], list[ActivityCount]] = defaultdict(list)
    for a in ActivityCount.objects.filter(project=project, activity__has_parent_split=True):
        if None not in (
            a.with_mother,
            a.with_father,
            a.single_mother,
            a.single_father,
        ) and _consistent(a):
            counts[(a.activity_id, a.period_id)].append(a)
    published: dict[tuple[int, int], list[PublishedShare]] = defaultdict(list)
    for s in PublishedShare.objects.filter(project=project):
        published[(s.activity_id, s.period_id)].append(s)
    blocks = []
    periods = list(project.reporting_periods.all())
    for activity in project.activity_types.filter(has_parent_split=True):
        for period in periods:
            rows = counts.get((activity.pk, period.pk), [])
            shares = published.get((activity.pk, period.pk), [])
            if not rows and not shares:
                continue
            analysis = (
                gender_analysis(
                    (
                        r.total,
                        r.with_mother or 0,
                        r.with_father or 0,
                        r.single_mother or 0,
                        r.single_father or 0,
                    )
                    for r in rows
                )
                if rows
                else None
            )
            order = list(PublishedShare.Measure.values)
            shares = sorted(shares, key=lambda s: order.index(s.measure))
            blocks.append(
                GenderBlock(activity, period, analysis, shares, any(r.is_example for r in rows))
            )
    if threshold is not None:
        for block in blocks:
            hiding.hide_gender(block, threshold)
    return blocks


@dataclass
class SpiderView:
    instrument: SpiderInstrument
    ratings: dict[str, dict[int, list[float | None]]]
    spread: list[OccasionSpread]
    is_example: bool

    @property
    def occasions(self) -> list[int]:
        return sorted({o for per_unit in self.ratings.values() for o in per_unit})


def spider_views(project: Project) -> list[SpiderView]:
    views = []
    for instrument in project.spider_instruments.all():
        k = len(instrument.dimensions)
        ratings: dict[str, dict[int, list[float | None]]] = {}
        example = False
        for r in instrument.ratings.select_related("unit").order_by(
            "unit__name", "occasion", "dimension"
        ):
            row = ratings.setdefault(r.unit.name, {}).setdefault(r.occasion, [None] * k)
            if r.dimension < k:
                row[r.dimension] = float(r.value)
            example = example or r.is_example
        views.append(
            SpiderView(
                instrument,
                ratings,
                spread_between_units(ratings, k) if ratings else [],
                example or instrument.labels_are_example,
            )
        )
    return views


def status_reports_by_period(project: Project) -> list[tuple[ReportingPeriod, list[StatusReport]]]:
    reports: dict[int, list[StatusReport]] = defaultdict(list)
    for r in StatusReport.objects.filter(project=project).select_related(
        "unit", "submitted_by", "reviewed_by"
    ):
        reports[r.period_id].append(r)
    return [(p, reports[p.pk]) for p in project.reporting_periods.all() if reports.get(p.pk)]


def sees_suppressed_figures(user: Any, project: Project) -> bool:
    """Readers see the published (suppressed) tables; those who work with the figures see them all."""
    return not check(user, "followup.all_figures", project)
