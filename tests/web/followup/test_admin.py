"""The follow-up in the admin: read-only, scoped to the fund administrator's municipality."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from sif.web.followup import measurement_store, status_reports
from sif.web.followup.models import Group, Measurement, SpiderInstrument, StatusReport


def staff_client(user: Any) -> Client:
    user.is_staff = True
    user.save()
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def measurement(stis) -> Measurement:
    return measurement_store.measurement_save(
        actor=stis.admin,
        indicator=stis.share,
        period=stis.period,
        unit=stis.districts["Farsta"],
        group=Group.INTERVENTION,
        numerator=7,
        denominator=20,
    )


@pytest.mark.parametrize(
    "model",
    [
        "reportingperiod",
        "measurement",
        "activitytype",
        "activitycount",
        "publishedshare",
        "spiderinstrument",
        "spiderrating",
        "statusreport",
    ],
)
def test_every_followup_model_is_listed_for_the_fund_administrator(
    stis, measurement, model
) -> None:
    assert staff_client(stis.admin).get(f"/admin/followup/{model}/").status_code == 200


def test_a_measurement_is_read_only_in_the_admin(stis, measurement) -> None:
    client = staff_client(stis.admin)
    assert (
        "Andel samtal där en pappa deltog"
        in client.get("/admin/followup/measurement/").content.decode()
    )
    url = f"/admin/followup/measurement/{measurement.pk}/change/"
    assert client.get(url).status_code == 200
    assert client.post(url, {"numerator": "19", "denominator": "20"}).status_code == 403
    assert client.get("/admin/followup/measurement/add/").status_code == 403
    assert (
        client.post(
            f"/admin/followup/measurement/{measurement.pk}/delete/", {"post": "yes"}
        ).status_code
        == 403
    )
    measurement.refresh_from_db()
    assert (measurement.numerator, measurement.denominator) == (7, 20)


def test_another_municipalitys_administrator_does_not_see_the_followup(stis, measurement) -> None:
    SpiderInstrument.objects.create(
        project=stis.project, name="Samverkan", dimensions=["a"], occasions=1
    )
    report = status_reports.status_report_submit(
        actor=stis.farsta, period=stis.period, unit=stis.districts["Farsta"], text="Tre hembesök."
    )
    client = staff_client(stis.outsider)
    listing = client.get("/admin/followup/measurement/").content.decode()
    assert "Andel samtal där en pappa deltog" not in listing
    assert client.get(f"/admin/followup/measurement/{measurement.pk}/change/").status_code in (
        302,
        404,
    )
    assert client.get(f"/admin/followup/statusreport/{report.pk}/change/").status_code in (302, 404)
    assert "Samverkan" not in client.get("/admin/followup/spiderinstrument/").content.decode()
    assert StatusReport.objects.count() == 1


def test_a_reporter_is_not_let_into_the_admin(stis, measurement) -> None:
    assert staff_client(stis.farsta).get("/admin/followup/measurement/").status_code in (302, 403)
