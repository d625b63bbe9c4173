"""Finding 7 of the probe: the API answered 500 for `year` 0, −1 or 10000, unit or fund ids above
2^63, multipart requests without a boundary on every POST, and amounts like 1e30. Each is now a
400 in Swedish with {"code", "message", "fields"} and changes nothing."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from sif.web.audit.models import Event
from sif.web.projects.models import ProjectState
from tests.web.builders import make_project
from tests.web.test_api import PILOT_BUDGET, assert_error, client_for

pytestmark = pytest.mark.django_db
HUGE = str(2**63)


@pytest.mark.parametrize(
    "query",
    [
        "year=0",
        "year=-1",
        "year=10000",
        f"unit={HUGE}",
        f"fund={HUGE}",
        f"unit=-{HUGE}0",
        "year=1e3",
    ],
)
def test_a_filter_out_of_range_is_a_400_naming_the_field(world: Any, query: str) -> None:
    body = assert_error(client_for(world.admin).get(f"/api/projects?{query}"), 400, "invalid_input")
    assert query.split("=")[0] in body["fields"]
    assert body["fields"][query.split("=")[0]] in (
        "Måste vara minst 1.",
        "Måste vara minst 1900.",
        "Får vara högst 2200.",
        "Får vara högst 9223372036854775807.",
        "Ska vara ett heltal.",
    )


@pytest.mark.parametrize("path", [f"/api/projects/{HUGE}", f"/api/projects/{HUGE}/calculation"])
def test_a_project_id_above_2_63_is_not_found_or_refused_not_a_500(world: Any, path: str) -> None:
    assert client_for(world.admin).get(path).status_code in (400, 404)


POSTS = ["transition", "reviews", "decisions", "calculation"]


@pytest.mark.parametrize("operation", POSTS)
def test_a_multipart_post_without_a_boundary_is_a_400(world: Any, operation: str) -> None:
    project = make_project(world.fund, world.unit_a, state=ProjectState.IN_REVIEW)
    events = Event.objects.count()
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.admin)
    token = "k" * 32  # a CSRF cookie and the same token in the header, as a browser sends them
    client.cookies["csrftoken"] = token
    response = client.generic(
        "POST",
        f"/api/projects/{project.pk}/{operation}",
        b"x=1",
        content_type="multipart/form-data",
        headers={"X-CSRFToken": token},
    )
    assert_error(response, 400, "invalid_input")
    assert Event.objects.count() == events


@pytest.mark.parametrize(
    ("path", "payload"),
    [
        ("sought-amount", {"amount": "1e30"}),
        ("sought-amount", {"amount": "-5"}),
        ("sought-amount", {"amount": "NaN"}),
        ("budget", {"rows": [{"category": "personnel", "amounts": {"2020": "1e30"}}]}),
        ("budget", {"rows": [{"category": "personnel", "amounts": {"0": "100"}}]}),
        ("budget", {"rows": [{"category": "personnel", "amounts": {HUGE: "100"}}]}),
    ],
)
def test_an_impossible_amount_is_a_400_in_swedish_and_nothing_changes(
    world: Any, path: str, payload: dict[str, Any]
) -> None:
    project = make_project(world.fund, world.unit_a, state=ProjectState.APPLICATION_STEP2)
    client = client_for(world.applicant_a)
    assert (
        client.put(
            f"/api/projects/{project.pk}/budget", PILOT_BUDGET, content_type="application/json"
        ).status_code
        == 200
    )
    events = Event.objects.count()
    body = assert_error(
        client.put(f"/api/projects/{project.pk}/{path}", payload, content_type="application/json"),
        400,
        "invalid_input",
    )
    assert body["message"] and all(v for v in body["fields"].values())
    assert Event.objects.count() == events


def test_a_decision_amount_of_1e30_is_a_400(world: Any) -> None:
    project = make_project(world.fund, world.unit_a, state=ProjectState.IN_REVIEW)
    payload = {
        "granted": True,
        "body": "Socialnämnden",
        "decided_on": "2020-01-01",
        "granted_amount": "1e30",
    }
    assert_error(
        client_for(world.admin).post(
            f"/api/projects/{project.pk}/decisions", payload, content_type="application/json"
        ),
        400,
        "invalid_input",
    )


def test_field_messages_are_swedish(world: Any) -> None:
    body = assert_error(client_for(world.admin).get("/api/projects?year=abc"), 400, "invalid_input")
    assert body["fields"]["year"] == "Ska vara ett heltal."


@pytest.mark.parametrize(
    ("method", "path", "payload"),
    [
        (
            "post",
            "periods",
            {"label": "T1\x00", "start": "2024-01-01", "end": "2024-04-30"},
        ),
        ("get", "measurements?indicator=1&unit=\x00", None),
    ],
)
def test_a_nul_character_in_any_text_is_a_400_in_swedish_and_changes_nothing(
    world: Any, method: str, path: str, payload: dict[str, Any] | None
) -> None:
    """Schemathesis sent a period label with NUL: PostgreSQL cannot hold it and answered 500."""
    project = make_project(world.fund, world.unit_a, state=ProjectState.RUNNING)
    events = Event.objects.count()
    client = client_for(world.admin)
    url = f"/api/projects/{project.pk}/{path}"
    if method == "post":
        response = client.post(url, payload, content_type="application/json")
    else:
        response = client.get(url)
    body = assert_error(response, 400, "invalid_input")
    assert "Texten innehåller ett otillåtet styrtecken (NUL, 0x00)." in body["fields"].values()
    assert Event.objects.count() == events
