"""Issue 8, point 5 (calculation): a version saved from a base someone has since replaced (same
purpose) is refused with who saved and each changed input in words, old → new; nothing is saved,
the page keeps the user's text, the API answers 409."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from sif.calc.errors import SifError
from sif.messages import message_for_error
from sif.web.calculations.models import Calculation
from sif.web.calculations.services import calculation_save
from sif.web.projects.models import Project
from tests.web.calculations.conftest import case


def _with_horizon(years: int) -> dict[str, Any]:
    return case("hasselby_pilot") | {"horizon": years}


def test_a_calculation_saved_from_a_replaced_version_is_refused_naming_the_change(
    world: Any, pilot: Project
) -> None:
    calculation_save(actor=world.admin, project=pilot, scenario=_with_horizon(10), version=0)
    calculation_save(actor=world.admin, project=pilot, scenario=_with_horizon(12), version=1)
    with pytest.raises(SifError) as refused:
        calculation_save(
            actor=world.applicant_a, project=pilot, scenario=_with_horizon(15), version=1
        )
    message = message_for_error(refused.value)
    assert message.startswith("Kalkylen sparades av admin ") and "kalkylperiod: 10 → 12" in message
    assert Calculation.objects.count() == 2


def test_a_newer_version_of_another_purpose_is_no_conflict(world: Any, pilot: Project) -> None:
    calculation_save(actor=world.admin, project=pilot, scenario=_with_horizon(10), version=0)
    calculation_save(
        actor=world.admin, project=pilot, scenario=_with_horizon(12), purpose="decision", version=1
    )
    assert (
        calculation_save(
            actor=world.admin, project=pilot, scenario=_with_horizon(15), version=1
        ).version
        == 3
    )


def test_the_second_of_two_concurrent_calculation_saves_keeps_the_text_and_saves_nothing(
    world: Any, pilot: Project
) -> None:
    url = reverse("calculations:advanced", args=[pilot.pk])
    first, second = Client(), Client()
    first.force_login(world.admin)
    second.force_login(world.applicant_a)
    assert 'name="meta-version" value="0"' in second.get(url).text
    form = {"meta-purpose": "expected", "meta-version": "0"}
    assert first.post(url, form | {"text": json.dumps(_with_horizon(12))}).status_code == 302
    mine = json.dumps(_with_horizon(15))
    response = second.post(url, form | {"text": mine})
    assert response.status_code == 200
    assert (
        "Kalkylen sparades av admin" in response.text
        and "Dina ändringar är inte sparade" in response.text
    )
    assert "&quot;horizon&quot;: 15" in response.text  # the user's text stays
    assert list(Calculation.objects.values_list("version", "scenario__horizon")) == [(1, 12)]


def test_a_calculation_post_from_an_old_version_answers_409(world: Any, pilot: Project) -> None:
    client = Client()
    client.force_login(world.admin)
    url = f"/api/projects/{pilot.pk}/calculation"
    body = {"scenario": _with_horizon(12), "version": 0}
    assert client.post(url, json.dumps(body), content_type="application/json").status_code == 201
    stale = client.post(
        url, json.dumps(body | {"scenario": _with_horizon(15)}), content_type="application/json"
    )
    assert stale.status_code == 409
    assert stale.json()["code"] == "edit_conflict"
    assert stale.json()["fields"]["kalkylperiod"] == "tomt → 12"
    assert Calculation.objects.count() == 1
