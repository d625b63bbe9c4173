"""Follow-up through the API: the same services and rules as the pages, with the same refusals."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from sif.web.followup.models import Measurement, StatusReport
from tests.web.followup.conftest import Stis

pytestmark = pytest.mark.django_db


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def post(user: Any, url: str, data: dict[str, Any]) -> Any:
    return client_for(user).post(url, data=data, content_type="application/json")


def test_a_reporter_saves_a_measurement_for_its_own_district(stis: Stis) -> None:
    farsta = stis.districts["Farsta"]
    response = post(
        stis.farsta,
        f"/api/projects/{stis.project.pk}/measurements",
        {"indicator": stis.count.pk, "period": stis.period.pk, "unit": farsta.pk, "value": 37},
    )
    assert response.status_code == 201, response.content
    assert Measurement.objects.get(unit=farsta).value == 37


def test_a_reporter_cannot_report_for_another_district(stis: Stis) -> None:
    other = stis.districts["Skarpnäck"]
    response = post(
        stis.farsta,
        f"/api/projects/{stis.project.pk}/measurements",
        {"indicator": stis.count.pk, "period": stis.period.pk, "unit": other.pk, "value": 3},
    )
    assert response.status_code == 403, response.json()
    assert response.json()["message"].startswith(
        "Du rapporterar inte för Skarpnäck stadsdelsförvaltning"
    )
    assert not Measurement.objects.exists()


@pytest.mark.parametrize(
    "bad",
    [{"value": -5}, {"numerator": -1}, {"numerator": 1.5}, {"value": "1e400"}, {"unit": 2**64}],
)
def test_bad_figures_get_a_400_with_fields_and_store_nothing(
    stis: Stis, bad: dict[str, Any]
) -> None:
    body = {
        "indicator": stis.count.pk,
        "period": stis.period.pk,
        "unit": stis.districts["Farsta"].pk,
        "value": 3,
    } | bad
    response = post(stis.farsta, f"/api/projects/{stis.project.pk}/measurements", body)
    assert response.status_code in (400, 404), response.content
    assert response.json()["code"]
    assert not Measurement.objects.exists()


def test_a_reader_sees_small_counts_hidden_and_the_leader_sees_them(stis: Stis) -> None:
    Measurement.objects.create(
        indicator=stis.count, period=stis.period, unit=stis.districts["Farsta"], value=3
    )
    url = f"/api/projects/{stis.project.pk}/measurements"
    as_reader = client_for(stis.reader).get(url).json()
    assert as_reader["count"] == 1
    assert as_reader["items"][0] | {"id": 0} == {
        "id": 0,
        "indicator": stis.count.pk,
        "period": stis.period.pk,
        "unit": stis.districts["Farsta"].pk,
        "unit_name": "Farsta stadsdelsförvaltning",
        "group": "intervention",
        "value": None,
        "numerator": None,
        "denominator": None,
        "suppressed": True,
    }
    as_leader = client_for(stis.leader).get(url).json()
    assert as_leader["items"][0]["value"] == "3.0000" or float(as_leader["items"][0]["value"]) == 3


def test_measurements_are_paginated_and_filtered(stis: Stis) -> None:
    for name, unit in stis.districts.items():
        Measurement.objects.create(
            indicator=stis.count, period=stis.period, unit=unit, value=10 + len(name)
        )
    page = (
        client_for(stis.admin)
        .get(f"/api/projects/{stis.project.pk}/measurements?limit=3&offset=3")
        .json()
    )
    assert page["count"] == 7 and len(page["items"]) == 3
    one = (
        client_for(stis.admin)
        .get(f"/api/projects/{stis.project.pk}/measurements?unit={stis.districts['Farsta'].pk}")
        .json()
    )
    assert [i["unit_name"] for i in one["items"]] == ["Farsta stadsdelsförvaltning"]


def test_the_measurement_list_asks_the_same_queries_for_few_and_many_figures_in_order(
    stis: Stis,
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def figures(period: Any) -> None:
        Measurement.objects.bulk_create(
            Measurement(indicator=stis.count, period=period, unit=unit, value=n)
            for n, unit in enumerate(stis.districts.values())
        )

    client = client_for(stis.reader)  # a reader: the hiding reads the indicators too
    url = f"/api/projects/{stis.project.pk}/measurements?limit=5"
    figures(stis.period)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        first = client.get(url).json()
    figures(stis.closed_period)
    with CaptureQueriesContext(connection) as many:
        second = client.get(url).json()
    assert (first["count"], second["count"]) == (7, 14)
    assert len(many) == len(few)
    keys = [(i["period"], i["indicator"], i["unit"], i["group"]) for i in second["items"]]
    assert keys == sorted(keys) and len(keys) == 5
    last = client.get(url.replace("limit=5", "limit=5&offset=10")).json()
    assert last["count"] == 14 and len(last["items"]) == 4


def test_another_municipality_gets_404(stis: Stis) -> None:
    response = client_for(stis.outsider).get(f"/api/projects/{stis.project.pk}/periods")
    assert response.status_code == 404
    assert response.json()["code"] == "project_not_found"


def test_a_status_report_is_submitted_then_returned_with_a_comment(stis: Stis) -> None:
    farsta = stis.districts["Farsta"]
    submitted = post(
        stis.farsta,
        f"/api/projects/{stis.project.pk}/status-reports",
        {"period": stis.period.pk, "unit": farsta.pk, "text": "Tolv hembesök, två nya familjer."},
    )
    assert submitted.status_code == 201, submitted.content
    report_id = submitted.json()["id"]
    refused = post(
        stis.leader,
        f"/api/projects/{stis.project.pk}/status-reports/{report_id}/return",
        {"comment": ""},
    )
    assert refused.status_code == 400
    returned = post(
        stis.leader,
        f"/api/projects/{stis.project.pk}/status-reports/{report_id}/return",
        {"comment": "Ange perioden."},
    )
    assert returned.status_code == 200, returned.content
    assert StatusReport.objects.get(pk=report_id).state == returned.json()["state"] == "returned"


def test_a_status_report_with_a_personnummer_is_refused(stis: Stis) -> None:
    response = post(
        stis.farsta,
        f"/api/projects/{stis.project.pk}/status-reports",
        {
            "period": stis.period.pk,
            "unit": stis.districts["Farsta"].pk,
            "text": "Pappa 19850101-1236 deltog.",
        },
    )
    assert response.status_code == 400
    assert "personnummer" in response.json()["message"]
    assert not StatusReport.objects.exists()


def test_the_indicators_and_periods_are_listed(stis: Stis) -> None:
    client = client_for(stis.reader)
    assert [
        i["name"] for i in client.get(f"/api/projects/{stis.project.pk}/indicators").json()
    ] == [stis.share.name, stis.count.name, stis.score.name]
    assert {p["label"] for p in client.get(f"/api/projects/{stis.project.pk}/periods").json()} == {
        "T1 2020",
        "T3 2019",
    }


def test_a_reporter_rates_her_district_in_the_spider_instrument(stis: Stis) -> None:
    from sif.web.followup.models import SpiderInstrument, SpiderRating

    instrument = SpiderInstrument.objects.create(
        project=stis.project, name="Samverkan", dimensions=["Mål", "Roller", "Ledning"], occasions=6
    )
    body = {
        "instrument": instrument.pk,
        "unit": stis.districts["Farsta"].pk,
        "occasion": 2,
        "values": ["5.5", 7, None],
    }
    response = post(stis.farsta, f"/api/projects/{stis.project.pk}/spider-ratings", body)
    assert response.status_code == 201, response.content
    assert SpiderRating.objects.filter(instrument=instrument).count() >= 2
    other = post(
        stis.farsta,
        f"/api/projects/{stis.project.pk}/spider-ratings",
        body | {"unit": stis.districts["Skarpnäck"].pk},
    )
    assert other.status_code == 403


def test_the_xlsx_template_is_downloaded_filled_previewed_and_stored_through_the_api(
    stis: Stis,
) -> None:
    from tests.web.followup.test_xlsx_import import fill

    client = client_for(stis.farsta)
    template = client.get(f"/api/projects/{stis.project.pk}/periods/{stis.period.pk}/template")
    assert template.status_code == 200 and template.content[:2] == b"PK"
    data = fill(template.content, {(stis.count.name, "insatsgrupp"): {"Värde": 640}})
    url = f"/api/projects/{stis.project.pk}/periods/{stis.period.pk}/upload"
    import io

    preview = client.post(url, {"file": io.BytesIO(data)}, format="multipart")
    assert preview.status_code == 200, preview.content
    assert preview.json() == {"stored": False, "measurements": 1, "activities": 0, "refused": []}
    assert not Measurement.objects.exists()
    handle = io.BytesIO(data)
    handle.name = "farsta.xlsx"
    stored = client.post(url, {"file": handle, "store": "true"})
    assert stored.json()["stored"] is True
    assert Measurement.objects.get().value == 640
