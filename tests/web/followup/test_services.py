"""Services: the only writers of follow-up data. Bad input is refused with the row and the reason,
and nothing is half-saved."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from sif.calc.errors import SifError
from sif.web.audit.models import Event
from sif.web.followup import (
    indicator_services,
    measurement_plan,
    measurement_store,
    reporting_periods,
    selectors,
    spider_measurement,
    status_reports,
)
from sif.web.followup.measurement_rows import RawActivity, RawMeasurement
from sif.web.followup.models import ActivityCount, Group, Measurement, ReportState
from sif.web.projects.models import Indicator, ProjectState
from tests.web.followup.conftest import DISTRICTS


def _state() -> tuple[list[tuple], list[tuple], int]:
    measurements = list(
        Measurement.objects.order_by("pk").values_list(
            "indicator_id", "unit_id", "group", "value", "numerator", "denominator"
        )
    )
    activities = list(ActivityCount.objects.order_by("pk").values_list("unit_id", "total"))
    return measurements, activities, Event.objects.count()


def test_a_district_reporter_stores_its_rows_and_each_change_is_logged(stis) -> None:
    farsta = stis.districts["Farsta"]
    rows = [
        RawMeasurement(
            1, stis.share.pk, farsta.pk, "insatsgrupp", numerator="12", denominator="30"
        ),
        RawMeasurement(2, stis.share.pk, farsta.pk, "jämförelsegrupp", numerator=5, denominator=40),
        RawMeasurement(3, stis.count.pk, farsta.pk, "", value="640"),
        RawMeasurement(4, stis.score.pk, farsta.pk, "", value="3,5", denominator=20),
    ]
    activity = [RawActivity(1, farsta.pk, "conversations", 100, 92, 40, 44, 6)]
    preview = measurement_store.measurements_store(
        actor=stis.farsta,
        project=stis.project,
        period=stis.period,
        measurements=rows,
        activities=activity,
    )
    assert len(preview.measurements) == 4 and len(preview.activities) == 1
    stored = Measurement.objects.get(indicator=stis.score, unit=farsta)
    assert stored.value == Decimal("3.5") and stored.entered_by == stis.farsta
    assert Event.objects.filter(action="measurement_saved", project=stis.project).count() == 4
    assert Event.objects.filter(action="activity_count_saved").count() == 1


def test_the_aggregate_pools_all_seven_districts(stis) -> None:
    for i, name in enumerate(DISTRICTS):
        measurement_store.measurement_save(
            actor=stis.admin,
            indicator=stis.share,
            period=stis.period,
            unit=stis.districts[name],
            numerator=i + 1,
            denominator=10,
        )
        measurement_store.measurement_save(
            actor=stis.admin,
            indicator=stis.count,
            period=stis.period,
            unit=stis.districts[name],
            value=100 + i,
        )
    tables = {t.indicator.pk: t for t in selectors.indicator_tables(stis.project)}
    share = (
        tables[stis.share.pk].rows[1].intervention
    )  # periods are ordered by start; T1 2020 is second
    assert share is not None and (share.numerator, share.denominator, share.units) == (28, 70, 7)
    assert share.value == Decimal("0.4")
    count = tables[stis.count.pk].rows[1].intervention
    assert count is not None and count.value == Decimal(721) and count.units == 7
    assert len(tables[stis.count.pk].by_unit) == 7


def test_a_reporter_of_another_district_is_refused_and_nothing_is_stored(stis) -> None:
    before = _state()
    rows = [
        RawMeasurement(2, stis.count.pk, stis.districts["Farsta"].pk, "", value=10),
        RawMeasurement(3, stis.count.pk, stis.districts["Skarpnäck"].pk, "", value=10),
    ]
    preview = measurement_plan.measurements_plan(
        actor=stis.farsta, project=stis.project, period=stis.period, measurements=rows
    )
    assert [(r.row, r.code) for r in preview.refused] == [(3, "unit_not_yours")]
    assert "Skarpnäck" in preview.refused[0].message
    with pytest.raises(SifError) as caught:
        measurement_store.measurements_store(
            actor=stis.farsta, project=stis.project, period=stis.period, measurements=rows
        )
    assert caught.value.code == "import_has_refused_rows"
    assert _state() == before


@pytest.mark.parametrize(
    ("row", "code"),
    [
        (dict(indicator="share", numerator=31, denominator=30), "numerator_exceeds_denominator"),
        (dict(indicator="count", value="många"), "not_a_number"),
        (dict(indicator="share", numerator="tolv", denominator=30), "not_a_number"),
        (dict(indicator="share", numerator="2,5", denominator=30), "not_a_whole_number"),
        (dict(indicator=999999, value=3), "unknown_indicator"),
        (dict(indicator="count", unit=999999, value=3), "unknown_org_unit"),
        (dict(indicator="share", value="0,4"), "share_needs_numerator_and_denominator"),
        (dict(indicator="count", group="kontroll?", value=4), "invalid_group"),
    ],
)
def test_each_bad_row_is_refused_with_its_row_number_and_reason(stis, row, code) -> None:
    before = _state()
    indicator = {"share": stis.share.pk, "count": stis.count.pk}.get(row.pop("indicator"), 999999)
    unit = row.pop("unit", stis.districts["Farsta"].pk)
    good = RawMeasurement(2, stis.count.pk, stis.districts["Farsta"].pk, "", value=7)
    bad = RawMeasurement(3, indicator, unit, row.pop("group", ""), **row)
    preview = measurement_plan.measurements_plan(
        actor=stis.farsta, project=stis.project, period=stis.period, measurements=[good, bad]
    )
    assert [(r.row, r.code) for r in preview.refused] == [(3, code)]
    assert preview.refused[0].message and "okänt fel" not in preview.refused[0].message
    assert len(preview.measurements) == 1  # the preview still shows what would be stored
    with pytest.raises(SifError):
        measurement_store.measurements_store(
            actor=stis.farsta, project=stis.project, period=stis.period, measurements=[good, bad]
        )
    assert _state() == before


def test_a_closed_period_refuses_the_reporter(stis) -> None:
    before = _state()
    with pytest.raises(SifError) as caught:
        measurement_store.measurement_save(
            actor=stis.farsta,
            indicator=stis.count,
            period=stis.closed_period,
            unit=stis.districts["Farsta"],
            value=3,
        )
    assert caught.value.code == "period_closed"
    assert _state() == before


def test_a_period_closed_early_refuses_the_reporter(stis) -> None:
    reporting_periods.period_close(actor=stis.leader, period=stis.period)
    with pytest.raises(SifError) as caught:
        measurement_store.measurement_save(
            actor=stis.farsta,
            indicator=stis.count,
            period=stis.period,
            unit=stis.districts["Farsta"],
            value=3,
        )
    assert caught.value.code == "period_closed"


def test_an_activity_part_larger_than_the_total_is_refused(stis) -> None:
    rows = [RawActivity(4, stis.districts["Farsta"].pk, "conversations", 10, 11, 2, 1, 1)]
    preview = measurement_plan.measurements_plan(
        actor=stis.farsta, project=stis.project, period=stis.period, activities=rows
    )
    assert [(r.sheet, r.row, r.code) for r in preview.refused] == [
        ("Aktiviteter", 4, "part_exceeds_total")
    ]


def test_the_database_refuses_a_numerator_larger_than_its_denominator(stis) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Measurement.objects.create(
            indicator=stis.share,
            period=stis.period,
            unit=stis.districts["Farsta"],
            group=Group.INTERVENTION,
            numerator=5,
            denominator=4,
        )


def test_indicators_are_editable_until_the_project_runs(stis) -> None:
    stis.project.state = ProjectState.GRANTED
    stis.project.save()
    changed = indicator_services.indicator_save(
        actor=stis.leader,
        project=stis.project,
        indicator=stis.count,
        target_value=Decimal(5000),
        segment="0–6 år",
    )
    assert changed.target_value == Decimal(5000)
    assert Event.objects.filter(action="indicator_saved").count() == 1
    stis.project.state = ProjectState.RUNNING
    stis.project.save()
    with pytest.raises(SifError) as caught:
        indicator_services.indicator_save(
            actor=stis.leader, project=stis.project, indicator=stis.count, target_value=Decimal(1)
        )
    assert caught.value.code == "indicator_locked"
    assert Indicator.objects.get(pk=stis.count.pk).target_value == Decimal(5000)


def test_a_reporter_may_not_edit_indicators(stis) -> None:
    stis.project.state = ProjectState.GRANTED
    stis.project.save()
    with pytest.raises(SifError) as caught:
        indicator_services.indicator_save(
            actor=stis.farsta, project=stis.project, indicator=stis.count, name="x"
        )
    assert caught.value.code == "not_followup_editor"


def test_a_status_report_with_a_personnummer_is_refused_and_not_stored(stis) -> None:
    with pytest.raises(SifError) as caught:
        status_reports.status_report_submit(
            actor=stis.farsta,
            period=stis.period,
            unit=stis.districts["Farsta"],
            text="Familjen 121212-1212 fick hembesök.",
        )
    assert caught.value.code == "personal_identity_number_in_text"
    assert not stis.project.status_reports.exists()


def test_a_status_report_is_submitted_returned_resubmitted_and_approved(stis) -> None:
    farsta = stis.districts["Farsta"]
    report = status_reports.status_report_submit(
        actor=stis.farsta,
        period=stis.period,
        unit=farsta,
        text="Hembesöksprogrammet är igång; 2021-11-23 möte med BVC.",
    )
    assert report.state == ReportState.SUBMITTED
    with pytest.raises(SifError) as caught:
        status_reports.status_report_approve(actor=stis.skarpnack, report=report)
    assert caught.value.code == "not_project_leader"
    with pytest.raises(SifError):
        status_reports.status_report_return(actor=stis.leader, report=report, comment="  ")
    report = status_reports.status_report_return(
        actor=stis.leader, report=report, comment="Lägg till antal samtal."
    )
    assert report.state == ReportState.RETURNED
    report = status_reports.status_report_submit(
        actor=stis.farsta, period=stis.period, unit=farsta, text="Kompletterad: 100 samtal."
    )
    report = status_reports.status_report_approve(actor=stis.leader, report=report)
    assert report.state == ReportState.APPROVED and report.reviewed_by == stis.leader
    actions = list(
        Event.objects.filter(object_type="followup.statusreport")
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == [
        "status_report_submitted",
        "status_report_returned",
        "status_report_submitted",
        "status_report_approved",
    ]


def test_a_reporter_may_not_submit_for_another_district(stis) -> None:
    with pytest.raises(SifError) as caught:
        status_reports.status_report_submit(
            actor=stis.farsta, period=stis.period, unit=stis.districts["Skarpnäck"], text="x"
        )
    assert caught.value.code == "not_reporter_for_unit"


def test_missing_reports_lists_the_districts_without_figures(stis) -> None:
    measurement_store.measurement_save(
        actor=stis.farsta,
        indicator=stis.count,
        period=stis.period,
        unit=stis.districts["Farsta"],
        value=3,
    )
    missing = [u.name for u in selectors.missing_reports(stis.period)]
    assert len(missing) == 6 and "Farsta stadsdelsförvaltning" not in missing


def test_published_per_unit_cells_under_the_threshold_are_hidden(stis) -> None:
    for name, n in zip(DISTRICTS, [40, 3, 25, 30, 12, 9, 50], strict=True):
        measurement_store.measurement_save(
            actor=stis.admin,
            indicator=stis.count,
            period=stis.period,
            unit=stis.districts[name],
            value=n,
        )
    table = next(
        t
        for t in selectors.indicator_tables(stis.project, threshold=5)
        if t.indicator.pk == stis.count.pk
    )
    hidden = {c.unit.name: c.hidden_reason for c in table.by_unit if c.hidden_reason}
    assert hidden == {
        "Farsta stadsdelsförvaltning": "below_threshold",
        "Skärholmen stadsdelsförvaltning": "complementary",
    }
    assert all(c.figure is None for c in table.by_unit if c.hidden_reason)


def test_spider_ratings_are_stored_per_unit_and_occasion(stis) -> None:
    from sif.web.followup.models import SpiderInstrument

    instrument = SpiderInstrument.objects.create(
        project=stis.project,
        name="Samverkan",
        dimensions=["a", "b", "c"],
        occasions=2,
        scale_min=1,
        scale_max=10,
    )
    spider_measurement.spider_rating_save(
        actor=stis.farsta,
        instrument=instrument,
        unit=stis.districts["Farsta"],
        occasion=1,
        values=[3, 4, None],
    )
    with pytest.raises(SifError) as caught:
        spider_measurement.spider_rating_save(
            actor=stis.farsta,
            instrument=instrument,
            unit=stis.districts["Farsta"],
            occasion=1,
            values=[3, 40, 1],
        )
    assert caught.value.code == "spider_value_out_of_scale"
    with pytest.raises(SifError):
        spider_measurement.spider_rating_save(
            actor=stis.farsta,
            instrument=instrument,
            unit=stis.districts["Skarpnäck"],
            occasion=1,
            values=[3, 4, 1],
        )
    view = selectors.spider_views(stis.project)[0]
    assert view.ratings == {"Farsta stadsdelsförvaltning": {1: [3.0, 4.0, None]}}
