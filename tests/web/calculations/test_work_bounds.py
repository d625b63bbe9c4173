"""Finding 4 of the probe: a horizon of 1 000 000 years was stored and then made the calculation page
take 50 s for every viewer. Every number that drives the work has an upper bound before storing."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from sif.web.calculations.models import Calculation
from sif.web.projects.models import Project
from tests.web.calculations.conftest import case

pytestmark = pytest.mark.django_db


def _post(client: Client, project: Project, scenario: dict[str, Any]) -> Any:
    return client.post(
        f"/api/projects/{project.pk}/calculation",
        json.dumps({"scenario": scenario}),
        content_type="application/json",
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d.update(horizon=1_000_000),
            "Kalkylperioden (år) kan vara högst 100, men är 1000000.",
        ),
        (
            lambda d: d.update(start_year=99999),
            "Startåret ska ligga mellan 1900 och 2200, men är 99999.",
        ),
        (
            lambda d: d["outcomes"][0].update(duration=10**9),
            "Utfall 1: varaktigheten (år) kan vara högst 100",
        ),
        (
            lambda d: d.update(outcomes=d["outcomes"] * 51),
            "Utfallen: 51 rader, men högst 50 kan ingå i en kalkyl.",
        ),
    ],
)
def test_a_calculation_beyond_the_bounds_is_refused_before_it_is_stored(
    client: Client, world: Any, pilot: Project, change: Any, message: str
) -> None:
    data = case("hasselby_pilot")
    change(data)
    client.force_login(world.admin)
    response = _post(client, pilot, data)
    assert response.status_code == 400
    assert response.json()["message"].startswith(message)
    assert not Calculation.objects.exists()


def test_the_structured_form_refuses_a_horizon_of_a_million_years(
    client: Client, world: Any, pilot: Project
) -> None:
    from sif.web.calculations.forms import MonteCarloForm, SettingsForm

    form = SettingsForm({"start_year": "2020", "horizon": "1000000", "discount_rate": "3,5"})
    assert not form.is_valid() and "horizon" in form.errors
    mc = MonteCarloForm({"draws": "10", "seed": str(2**40)})
    assert not mc.is_valid() and "seed" in mc.errors
