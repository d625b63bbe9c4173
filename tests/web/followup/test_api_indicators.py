"""Indicators through the API and the page: the same service, policy and version check, with Swedish
refusals, and a stale save refused with what changed (409 in the API)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from sif.web.audit.models import Event
from sif.web.followup.models import Measurement
from sif.web.projects.models import Indicator, ProjectState
from tests.web.followup.conftest import Stis

pytestmark = pytest.mark.django_db


@pytest.fixture
def granted(stis: Stis) -> Stis:
    """Indicators may change until the work runs: the project is granted, not yet started."""
    stis.project.state = ProjectState.GRANTED
    stis.project.save()
    return stis


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def url(stis: Stis, indicator: Indicator | None = None) -> str:
    base = f"/api/projects/{stis.project.pk}/indicators"
    return f"{base}/{indicator.pk}" if indicator else base


def send(user: Any, method: str, path: str, data: dict[str, Any] | None = None) -> Any:
    return getattr(client_for(user), method)(path, data=data, content_type="application/json")


def test_the_leader_creates_an_indicator_and_the_event_log_records_it(granted: Stis) -> None:
    response = send(
        granted.leader,
        "post",
        url(granted),
        {"name": "Andel elever med godkända betyg", "unit": "share", "target_value": "0.8"},
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["version"] == 1 and body["unit"] == "share"
    created = Indicator.objects.get(pk=body["id"])
    assert created.target_value == Decimal("0.8") and created.project == granted.project
    assert Event.objects.filter(action="indicator_saved", object_id=str(created.pk)).exists()


def test_a_change_with_the_version_read_is_saved_and_raises_the_version(granted: Stis) -> None:
    body = {"name": "Antal hembesök per familj", "unit": "count", "version": 1}
    response = send(granted.admin, "put", url(granted, granted.count), body)
    assert response.status_code == 200, response.content
    assert response.json()["version"] == 2
    assert Indicator.objects.get(pk=granted.count.pk).name == "Antal hembesök per familj"


def test_a_stale_change_answers_409_naming_who_changed_what_and_saves_nothing(
    granted: Stis,
) -> None:
    first = {"name": "Antal hembesök", "unit": "count", "target_value": 120, "version": 1}
    assert send(granted.leader, "put", url(granted, granted.count), first).status_code == 200
    stale = {"name": "Hembesök", "unit": "count", "target_value": 90, "version": 1}
    response = send(granted.admin, "put", url(granted, granted.count), stale)
    assert response.status_code == 409, response.content
    error = response.json()
    assert error["code"] == "indicator_edit_conflict"
    assert error["message"].startswith("Leader sparade indikatorn Antal hembesök")
    assert "Målvärde tomt → 120" in error["message"]
    assert "Dina ändringar är inte sparade" in error["message"]
    stored = Indicator.objects.get(pk=granted.count.pk)
    assert (stored.name, stored.target_value, stored.version) == ("Antal hembesök", 120, 2)


def test_the_page_refuses_a_stale_save_with_the_same_message(granted: Stis) -> None:
    page = f"/projekt/{granted.project.pk}/uppfoljning/indikatorer/{granted.count.pk}/"
    send(granted.leader, "put", url(granted, granted.count), {"name": "Hembesök", "version": 1})
    response = client_for(granted.admin).post(
        page, {"name": "Antal hembesök i hemmet", "unit": "count", "version": "1"}
    )
    assert response.status_code == 409
    text = response.content.decode()
    assert "sparade indikatorn Hembesök" in text and "Indikator Antal hembesök → Hembesök" in text
    assert 'name="version" value="2"' in text  # the form now holds what is stored
    assert Indicator.objects.get(pk=granted.count.pk).name == "Hembesök"
    again = client_for(granted.admin).post(
        page, {"name": "Antal hembesök i hemmet", "unit": "count", "version": "2"}
    )
    assert again.status_code == 302
    assert Indicator.objects.get(pk=granted.count.pk).name == "Antal hembesök i hemmet"


def test_a_reporter_and_a_running_project_are_refused_in_swedish(stis: Stis) -> None:
    running = send(stis.admin, "post", url(stis), {"name": "Ny"})
    assert running.status_code == 403  # a refusal by the policy in this state, as on the pages
    assert running.json()["code"] == "indicator_locked"
    assert "Indikatorn kan inte ändras eftersom projektet är" in running.json()["message"]
    stis.project.state = ProjectState.GRANTED
    stis.project.save()
    reporter = send(stis.farsta, "post", url(stis), {"name": "Ny"})
    assert reporter.status_code == 403, reporter.content
    assert reporter.json()["message"].startswith("Bara projektledaren eller fondförvaltaren")
    assert not Indicator.objects.filter(name="Ny").exists()


@pytest.mark.parametrize(
    "bad",
    [
        {"name": ""},
        {"name": "x", "unit": "kilo"},
        {"name": "x", "unit": "share", "target_value": "40"},
        {"name": "x", "responsible_unit": 2**40},
        {"name": "x", "baseline_value": "1e400"},
    ],
    ids=["no-name", "unknown-unit", "share-above-one", "foreign-unit", "huge"],
)
def test_bad_input_gets_a_400_with_fields_in_swedish(granted: Stis, bad: dict[str, Any]) -> None:
    before = Indicator.objects.count()
    response = send(granted.admin, "post", url(granted), bad)
    assert response.status_code == 400, response.content
    error = response.json()
    assert error["fields"] and error["message"][0].isupper()
    assert not any("Input should" in m or "This field" in m for m in error["fields"].values())
    assert Indicator.objects.count() == before


def test_delete_removes_an_indicator_without_figures_and_keeps_one_with_figures(
    granted: Stis,
) -> None:
    gone = send(granted.admin, "delete", url(granted, granted.score) + "?version=1")
    assert gone.status_code == 204, gone.content
    assert not Indicator.objects.filter(pk=granted.score.pk).exists()
    assert Event.objects.filter(action="indicator_deleted").count() == 1
    Measurement.objects.create(
        indicator=granted.count, period=granted.period, unit=granted.districts["Farsta"], value=3
    )
    kept = send(granted.admin, "delete", url(granted, granted.count) + "?version=1")
    assert kept.status_code == 400
    assert (
        kept.json()["message"]
        == "Indikatorn Antal hembesök har redan mätvärden och kan inte tas bort."
    )
    stale = send(granted.admin, "delete", url(granted, granted.share) + "?version=7")
    assert stale.status_code == 409
    assert Indicator.objects.filter(pk__in=[granted.count.pk, granted.share.pk]).count() == 2


def test_the_page_deletes_an_indicator(granted: Stis) -> None:
    page = f"/projekt/{granted.project.pk}/uppfoljning/indikatorer/{granted.score.pk}/"
    assert "Ta bort indikatorn" in client_for(granted.leader).get(page).content.decode()
    response = client_for(granted.leader).post(page + "ta-bort/", {"version": "1"})
    assert response.status_code == 302
    assert not Indicator.objects.filter(pk=granted.score.pk).exists()


def test_an_indicator_of_another_municipality_is_not_found(granted: Stis) -> None:
    response = send(
        granted.outsider, "put", url(granted, granted.count), {"name": "x", "version": 1}
    )
    assert response.status_code == 404
    assert Indicator.objects.get(pk=granted.count.pk).name == "Antal hembesök"
