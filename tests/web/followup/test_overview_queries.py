"""The overview's database work is bounded: a fixed number of queries, whatever the number of
periods, units, activities and ratings; and charts come from the cache on the second request."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sif.reports import charts
from sif.web.followup import measurement_store, spider_measurement, status_reports
from sif.web.followup.models import (
    ActivityType,
    Group,
    PeriodKind,
    ReportingPeriod,
    SpiderInstrument,
)
from tests.web.followup.conftest import DISTRICTS

MAX_QUERIES = 30


def _fill(stis, periods: int) -> None:
    """Every section of the page gets data: shares with a comparison group, counts, activities with
    the parent split, spider ratings for every district, a status report."""
    visits = ActivityType.objects.create(
        project=stis.project, code="visits", label="Hembesök", position=2
    )
    _periods(stis, visits, [stis.closed_period, stis.period, *_extra_periods(stis, 2018, periods)])
    instrument = SpiderInstrument.objects.create(
        project=stis.project, name="Samverkan", dimensions=["a", "b", "c"], occasions=2
    )
    for i, name in enumerate(DISTRICTS):
        for occasion in (1, 2):
            spider_measurement.spider_rating_save(
                actor=stis.admin,
                instrument=instrument,
                unit=stis.districts[name],
                occasion=occasion,
                values=[3 + i * 0.2] * 3,
            )
    status_reports.status_report_submit(
        actor=stis.farsta,
        period=stis.period,
        unit=stis.districts["Farsta"],
        text="Tre hembesök med BVC.",
    )


def _extra_periods(stis, year: int, n: int) -> list[ReportingPeriod]:
    return [
        ReportingPeriod.objects.create(
            project=stis.project,
            kind=PeriodKind.TERTIAL,
            label=f"T{i} {year}",
            start=dt.date(year, 1, i),
            end=dt.date(year, 2, i),
            opens_at=dt.date(year, 1, i),
            closes_at=dt.date(year, 3, i),
        )
        for i in range(1, n + 1)
    ]


def _periods(stis, visits: ActivityType, periods: list[ReportingPeriod]) -> None:
    for period in periods:
        for name in DISTRICTS:
            unit = stis.districts[name]
            measurement_store.measurement_save(
                actor=stis.admin,
                indicator=stis.share,
                period=period,
                unit=unit,
                group=Group.INTERVENTION,
                numerator=12,
                denominator=40,
            )
            measurement_store.measurement_save(
                actor=stis.admin,
                indicator=stis.share,
                period=period,
                unit=unit,
                group=Group.COMPARISON,
                numerator=8,
                denominator=40,
            )
            measurement_store.measurement_save(
                actor=stis.admin, indicator=stis.count, period=period, unit=unit, value=30
            )
            measurement_store.activity_save(
                actor=stis.admin,
                period=period,
                unit=unit,
                activity=stis.conversations,
                total=50,
                with_mother=45,
                with_father=20,
                single_mother=26,
                single_father=4,
            )
            measurement_store.activity_save(
                actor=stis.admin, period=period, unit=unit, activity=visits, total=20
            )


def _queries(client, stis) -> int:
    """A warm page's queries: a chart drawn the first time is also written to the shared cache
    (a few queries per chart, bounded by SIF_CHARTS_PER_REQUEST), then read from this process."""
    client.get(reverse("followup:overview", args=[stis.project.pk]))
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(reverse("followup:overview", args=[stis.project.pk])).status_code == 200
    return len(ctx.captured_queries)


def test_the_overview_runs_a_bounded_number_of_queries(
    client, stis, django_assert_max_num_queries
) -> None:
    _fill(stis, periods=1)
    client.force_login(stis.admin)
    client.get(reverse("followup:overview", args=[stis.project.pk]))  # charts drawn and kept
    with django_assert_max_num_queries(MAX_QUERIES):
        client.get(reverse("followup:overview", args=[stis.project.pk]))


def test_more_periods_and_activities_do_not_add_queries_to_the_overview(client, stis) -> None:
    _fill(stis, periods=1)
    client.force_login(stis.admin)
    few = _queries(client, stis)
    families = ActivityType.objects.create(
        project=stis.project, code="families", label="Familjer", has_parent_split=True, position=3
    )
    _periods(stis, families, _extra_periods(stis, 2017, 3))
    assert _queries(client, stis) == few


def test_the_second_request_draws_no_chart(client, stis, monkeypatch) -> None:
    _fill(stis, periods=1)
    client.force_login(stis.admin)
    charts.cache_clear()
    client.get(reverse("followup:overview", args=[stis.project.pk]))
    drawn: list[str] = []
    real_svg = charts._svg
    monkeypatch.setattr(
        charts, "_svg", lambda fig, title: drawn.append(title) or real_svg(fig, title)
    )
    client.get(reverse("followup:overview", args=[stis.project.pk]))
    assert drawn == []
    measurement_store.measurement_save(
        actor=stis.admin,
        indicator=stis.count,
        period=stis.period,
        unit=stis.districts["Farsta"],
        value=31,
    )
    client.get(reverse("followup:overview", args=[stis.project.pk]))
    assert sorted(drawn) == sorted(
        [stis.count.name, f"{stis.count.name}, per enhet, {stis.period.label}"]
    )
