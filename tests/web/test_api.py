"""The JSON API: the same rules as the services, errors as {"code", "message", "fields"}, never a 500."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from sif.web.audit.models import Event
from sif.web.projects.models import Project, ProjectState
from tests.web.builders import allocate, make_project
from tests.web.conftest import World

S = ProjectState
PILOT_BUDGET = {
    "rows": [
        {
            "category": "personnel",
            "label": "Personalkostnader inkl. ledning och vikarietäckning",
            "footnote": "inkl. vikarietäckning",
            "amounts": {"2020": "8177000", "2021": "8411000", "2022": "1752000"},
        },
        {
            "category": "other",
            "label": "Övriga kostnader",
            "footnote": "Marknadsföring, digitalt stöd, del av lokalkostnader",
            "amounts": {"2020": 1400000, "2021": 1400000, "2022": 1400000},
        },
    ]
}


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def assert_error(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == {"code", "message", "fields"}
    assert body["code"] == code and body["message"]
    return body


@pytest.fixture
def pilot(world: World) -> Project:
    return make_project(world.fund, world.unit_a, state=S.APPLICATION_STEP2)


def test_the_budget_put_returns_the_derived_totals_22_540_000(world: World, pilot: Project) -> None:
    response = client_for(world.applicant_a).put(
        f"/api/projects/{pilot.pk}/budget", PILOT_BUDGET, content_type="application/json"
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert Decimal(body["grand_total"]) == Decimal(22_540_000)
    assert {y: Decimal(v) for y, v in body["year_totals"].items()} == {
        "2020": Decimal(9_577_000),
        "2021": Decimal(9_811_000),
        "2022": Decimal(3_152_000),
    }
    assert [Decimal(r["total"]) for r in body["rows"]] == [Decimal(18_340_000), Decimal(4_200_000)]


def test_the_project_shows_its_budget_and_the_users_buttons(world: World, pilot: Project) -> None:
    client_for(world.applicant_a).put(
        f"/api/projects/{pilot.pk}/budget", PILOT_BUDGET, content_type="application/json"
    )
    body = client_for(world.applicant_a).get(f"/api/projects/{pilot.pk}").json()
    assert Decimal(body["budget"]["grand_total"]) == Decimal(22_540_000)
    assert body["transitions"] == [
        {"to_state": "in_review", "allowed": False, "reason": "permission_denied"},
        {"to_state": "withdrawn", "allowed": True, "reason": ""},
    ]
    assert (body["can_review"], body["can_decide"]) == (False, False)


def test_a_sought_amount_of_22_540_001_is_a_400_naming_both_amounts(
    world: World, pilot: Project
) -> None:
    client = client_for(world.applicant_a)
    client.put(f"/api/projects/{pilot.pk}/budget", PILOT_BUDGET, content_type="application/json")
    body = assert_error(
        client.put(
            f"/api/projects/{pilot.pk}/sought-amount",
            {"amount": "22540001"},
            content_type="application/json",
        ),
        400,
        "sought_amount_differs_from_budget",
    )
    assert (
        "22\xa0540\xa0001\xa0kr" in body["message"] and "22\xa0540\xa0000\xa0kr" in body["message"]
    )


def test_a_budget_year_outside_the_period_is_a_400_and_changes_nothing(
    world: World, pilot: Project
) -> None:
    bad = {"rows": [{"category": "personnel", "amounts": {"2023": "1"}}]}
    events = Event.objects.count()
    assert_error(
        client_for(world.applicant_a).put(
            f"/api/projects/{pilot.pk}/budget", bad, content_type="application/json"
        ),
        400,
        "budget_year_outside_period",
    )
    assert Event.objects.count() == events


@pytest.mark.parametrize(
    "payload",
    [
        {"rows": [{"category": "personnel", "amounts": {"2020": "åtta"}}]},
        {"rows": "inte en lista"},
        {},
        {"rows": [{"category": "personnel", "amounts": {"tjugotjugo": 1}}]},
    ],
)
def test_malformed_input_is_a_400_with_fields(
    world: World, pilot: Project, payload: dict[str, Any]
) -> None:
    body = assert_error(
        client_for(world.applicant_a).put(
            f"/api/projects/{pilot.pk}/budget", payload, content_type="application/json"
        ),
        400,
        "invalid_input",
    )
    assert body["fields"]


def test_a_body_that_is_not_json_is_a_400(world: World, pilot: Project) -> None:
    assert_error(
        client_for(world.applicant_a).put(
            f"/api/projects/{pilot.pk}/budget", "{nej", content_type="application/json"
        ),
        400,
        "invalid_input",
    )


def test_someone_else_in_the_municipality_gets_403(world: World, pilot: Project) -> None:
    assert_error(
        client_for(world.reader).post(
            f"/api/projects/{pilot.pk}/transition",
            {"to_state": "in_review"},
            content_type="application/json",
        ),
        403,
        "permission_denied",
    )


@pytest.mark.parametrize("persona", ["outsider", "applicant_b"])
def test_a_project_out_of_sight_is_a_404(world: World, pilot: Project, persona: str) -> None:
    assert_error(
        client_for(world.persona(persona)).get(f"/api/projects/{pilot.pk}"),
        404,
        "project_not_found",
    )


def test_a_project_that_does_not_exist_is_a_404(world: World) -> None:
    assert_error(client_for(world.admin).get("/api/projects/999999"), 404, "project_not_found")


def test_an_anonymous_caller_gets_401(world: World, pilot: Project) -> None:
    assert_error(Client().get("/api/projects"), 401, "not_authenticated")


def test_an_impossible_transition_is_a_403_in_swedish(world: World, pilot: Project) -> None:
    body = assert_error(
        client_for(world.admin).post(
            f"/api/projects/{pilot.pk}/transition",
            {"to_state": "closed"},
            content_type="application/json",
        ),
        403,
        "transition_not_allowed",
    )
    assert body["message"] == "Projektet kan inte gå från ansökan steg 2 till avslutad."


def test_review_then_decision_through_the_api(world: World) -> None:
    project = make_project(
        world.fund, world.unit_a, state=S.IN_REVIEW, sought_amount=Decimal(22_540_000)
    )
    allocate(world.fund, 50_000_000)
    review = client_for(world.reviewer).post(
        f"/api/projects/{project.pk}/reviews",
        {"comments": "Tydlig behovsanalys.", "scores": {"research": 4}, "recommendation": "grant"},
        content_type="application/json",
    )
    assert review.status_code == 201 and review.json()["scores"] == {"research": 4}
    assert_error(
        client_for(world.reviewer).post(
            f"/api/projects/{project.pk}/decisions",
            {"granted": True, "body": "Socialnämnden", "granted_amount": "1"},
            content_type="application/json",
        ),
        403,
        "permission_denied",
    )
    decision = client_for(world.admin).post(
        f"/api/projects/{project.pk}/decisions",
        {
            "granted": True,
            "body": "Socialnämnden",
            "decided_on": "2019-12-17",
            "granted_amount": "22540000",
        },
        content_type="application/json",
    )
    assert decision.status_code == 201, decision.content
    assert decision.json()["project_state"] == "granted"


def test_a_score_out_of_range_is_a_400_naming_the_criterion(world: World) -> None:
    project = make_project(world.fund, world.unit_a, state=S.IN_REVIEW)
    body = assert_error(
        client_for(world.reviewer).post(
            f"/api/projects/{project.pk}/reviews",
            {"comments": "x", "scores": {"research": 9}},
            content_type="application/json",
        ),
        400,
        "review_score_out_of_range",
    )
    assert "1 till 5" in body["message"]


def test_the_list_filters_by_state_unit_year_and_fund(world: World) -> None:
    make_project(
        world.fund,
        world.unit_a,
        title="Pilot",
        state=S.APPLICATION_STEP2,
        start_date=date(2020, 1, 1),
        end_date=date(2022, 12, 31),
    )
    make_project(
        world.fund,
        world.unit_b,
        title="STIS",
        state=S.CLOSED,
        start_date=date(2017, 9, 4),
        end_date=date(2021, 4, 30),
        units=[world.unit_a],
    )
    make_project(world.malmo_fund, world.malmo_unit, title="Hela familjen")
    client = client_for(world.admin)

    def titles(query: str) -> list[str]:
        return sorted(p["title"] for p in client.get(f"/api/projects{query}").json()["items"])

    assert titles("") == ["Pilot", "STIS"]
    assert titles("?state=closed") == ["STIS"]
    assert titles(f"?unit={world.unit_a.pk}") == ["Pilot", "STIS"]
    assert titles(f"?unit={world.unit_b.pk}") == ["STIS"]
    assert titles("?year=2018") == ["STIS"]
    assert titles(f"?fund={world.malmo_fund.pk}") == []
    assert_error(client.get("/api/projects?state=nonsense"), 400, "state_unknown")
    assert_error(client.get("/api/projects?year=tjugo"), 400, "invalid_input")


def test_the_openapi_documentation_is_served(world: World) -> None:
    assert client_for(world.admin).get("/api/openapi.json").json()["info"]["title"] == "SIF API"
    assert client_for(world.admin).get("/api/docs").status_code == 200
