"""GET /api/projects/{pk}/calculation answers the current version with results computed by
sif.calc; POST saves a new version; errors are {"code", "message", "fields"}."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from sif.calc.casefile import load_case
from sif.calc.model import evaluate
from sif.web.calculations.models import Calculation
from sif.web.projects.models import Project
from tests.web.calculations.conftest import EXAMPLES, case, store


def post(client: Client, project: Project, body: dict[str, Any]) -> Any:
    return client.post(
        f"/api/projects/{project.pk}/calculation", json.dumps(body), content_type="application/json"
    )


def test_get_answers_the_current_calculation_with_its_results(
    client: Client, world: Any, pilot: Project
) -> None:
    store(pilot, case("hasselby_pilot"))
    client.force_login(world.reader)
    body = client.get(f"/api/projects/{pilot.pk}/calculation").json()
    result = evaluate(load_case(EXAMPLES / "hasselby_pilot.toml").scenario)
    assert body["version"] == 1 and body["purpose"] == "expected"
    assert body["result"]["npv"] == pytest.approx(result.npv)
    assert body["result"]["payback_year"] == 2026
    assert body["result"]["explanation"][0]["key"] == "pv_costs"


def test_get_without_a_calculation_is_404_with_a_swedish_message(
    client: Client, world: Any, pilot: Project
) -> None:
    client.force_login(world.admin)
    response = client.get(f"/api/projects/{pilot.pk}/calculation")
    assert response.status_code == 404
    assert response.json() == {
        "code": "calculation_missing",
        "message": "Projektet har ingen socioekonomisk kalkyl ännu.",
        "fields": {},
    }


def test_post_saves_a_new_version(client: Client, world: Any, pilot: Project) -> None:
    client.force_login(world.applicant_a)
    response = post(client, pilot, {"scenario": case("ppss"), "label": "PPSS"})
    assert response.status_code == 201
    assert response.json()["result"]["break_even_successes"] == pytest.approx(
        57_000_000 * 9 * 1040 / 6_000_000_000
    )  # = 88,92 pupils
    assert Calculation.objects.get(project=pilot).label == "PPSS"


def test_post_of_a_bad_scenario_names_the_field_in_swedish(
    client: Client, world: Any, pilot: Project
) -> None:
    data = case("hasselby_pilot")
    data["outcomes"][0]["attribution"] = 1.2
    client.force_login(world.admin)
    response = post(client, pilot, {"scenario": data})
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "share_out_of_range"
    assert body["fields"] == {"outcomes[0].attribution": body["message"]}
    assert body["message"].startswith("Andelen utfall 1: tillskrivning måste ligga mellan 0 och 1")
    assert not Calculation.objects.exists()


@pytest.mark.parametrize(("persona", "status"), [("reader", 403), ("outsider", 404)])
def test_post_is_refused_to_readers_and_outsiders(
    client: Client, world: Any, pilot: Project, persona: str, status: int
) -> None:
    client.force_login(world.persona(persona))
    response = post(client, pilot, {"scenario": case("hasselby_pilot")})
    assert response.status_code == status
    assert set(response.json()) == {"code", "message", "fields"}
    assert not Calculation.objects.exists()
