"""Issue 8, point 5 (budget and application): the second of two concurrent saves is refused with a
Swedish message naming who saved in between and what changed (field in words, old → new), the
page keeps the user's input, the API answers 409, and nothing is written."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from sif.calc.budget import BudgetRowInput
from sif.calc.errors import SifError
from sif.messages import message_for_error
from sif.web.projects import application_answers, budget_changes
from sif.web.projects.models import Application, BudgetCell, Project, ProjectState
from tests.web.builders import make_project

PERIOD = {"start_date": date(2020, 1, 1), "end_date": date(2020, 12, 31)}


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def step2(world: Any) -> Project:
    return make_project(world.fund, world.unit_a, state=ProjectState.APPLICATION_STEP2, **PERIOD)


def _budget(amount: int) -> list[BudgetRowInput]:
    return [BudgetRowInput("personnel", "", "", {2020: Decimal(amount)})]


def test_a_budget_saved_from_a_version_someone_has_replaced_is_refused_naming_the_change(
    world: Any, step2: Project
) -> None:
    budget_changes.budget_set(actor=world.admin, project=step2, rows=_budget(100_000), version=1)
    with pytest.raises(SifError) as refused:
        budget_changes.budget_set(
            actor=world.applicant_a,
            project=Project.objects.get(pk=step2.pk),
            rows=_budget(5),
            version=1,
        )
    message = message_for_error(refused.value)
    assert message.startswith("Budgeten sparades av admin ")
    assert (
        "Personalkostnader 2020: tomt → 100\xa0000\xa0kr; Totalt: 0\xa0kr → 100\xa0000\xa0kr"
        in message
    )
    assert [c.amount for c in BudgetCell.objects.all()] == [100_000]


def test_the_second_of_two_concurrent_budget_saves_gets_a_conflict_message(
    world: Any, step2: Project
) -> None:
    url = reverse("projects:budget", args=[step2.pk])
    first, second = _client(world.admin), _client(world.applicant_a)
    assert (
        'name="version" value="1"' in first.get(url).text
        and 'name="version" value="1"' in second.get(url).text
    )
    assert first.post(url, {"version": "1", "amount-personnel-2020": "100"}).status_code == 302
    response = second.post(url, {"version": "1", "amount-personnel-2020": "250"})
    assert response.status_code == 200
    assert (
        "Budgeten sparades av admin" in response.text
        and "Dina ändringar är inte sparade" in response.text
    )
    assert "Personalkostnader 2020: tomt → 100\xa0000\xa0kr" in response.text
    assert 'value="250"' in response.text  # the user's input stays
    assert [c.amount for c in BudgetCell.objects.all()] == [100_000]
    assert Project.objects.get(pk=step2.pk).budget_version == 2


def test_a_budget_put_from_an_old_version_answers_409_with_the_changes(
    world: Any, step2: Project
) -> None:
    api = _client(world.admin)
    url = f"/api/projects/{step2.pk}/budget"
    body = {"rows": [{"category": "personnel", "amounts": {"2020": 100_000}}], "version": 1}
    first = api.put(url, json.dumps(body), content_type="application/json")
    assert first.status_code == 200 and first.json()["version"] == 2
    stale = api.put(
        url,
        json.dumps(body | {"rows": [{"category": "personnel", "amounts": {"2020": 7}}]}),
        content_type="application/json",
    )
    answer = stale.json()
    assert stale.status_code == 409 and answer["code"] == "edit_conflict"
    assert answer["fields"]["Personalkostnader 2020"] == "tomt → 100\xa0000\xa0kr"
    assert "Dina ändringar är inte sparade" in answer["message"]
    assert [c.amount for c in BudgetCell.objects.all()] == [100_000]


def test_an_application_saved_from_a_version_someone_has_replaced_is_refused_naming_the_answer(
    world: Any, step2: Project
) -> None:
    application_answers.application_submit(
        actor=world.admin,
        project=step2,
        form_code="application_full",
        answers={"name": "Pilot"},
        draft=True,
        version=1,
    )
    with pytest.raises(SifError) as refused:
        application_answers.application_submit(
            actor=world.applicant_a,
            project=Project.objects.get(pk=step2.pk),
            form_code="application_full",
            answers={"name": "Mitt namn"},
            version=1,
        )
    message = message_for_error(refused.value)
    assert message.startswith("Ansökan sparades av admin ") and "tomt → Pilot" in message
    assert list(Application.objects.values_list("answers", "is_draft")) == [
        ({"name": "Pilot"}, True)
    ]


def test_the_second_of_two_concurrent_application_saves_keeps_the_input_and_writes_nothing(
    world: Any, step2: Project
) -> None:
    url = reverse("projects:application", args=[step2.pk, "full"])
    first, second = _client(world.admin), _client(world.applicant_a)
    assert 'name="application_version" value="1"' in first.get(url).text
    assert 'name="application_version" value="1"' in second.get(url).text
    saved = first.post(url, {"application_version": "1", "name": "Pilot", "save_draft": "1"})
    assert saved.status_code == 302
    response = second.post(url, {"application_version": "1", "name": "Mitt eget namn"})
    assert response.status_code == 200
    assert "Ansökan sparades av admin" in response.text and "tomt → Pilot" in response.text
    assert 'value="Mitt eget namn"' in response.text
    assert list(Application.objects.values_list("answers", flat=True)) == [{"name": "Pilot"}]
    assert Project.objects.get(pk=step2.pk).application_version == 2
