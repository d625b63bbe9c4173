"""Issue 8, point 5 (repayment agreement): a new version saved from a version someone has since
replaced is refused with who saved and each changed term in words, old → new; nothing is saved,
the page keeps the user's input, the API answers 409."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from sif.calc.errors import SifError
from sif.messages import message_for_error
from sif.web.accounts.models import Role
from sif.web.ledger import services
from sif.web.ledger.models import RepaymentAgreement
from sif.web.projects.models import Project
from tests.web.builders import make_user
from tests.web.conftest import World

PLAN = {"rule": "fixed_plan", "years": "4", "start_year": "2016"}


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _plan(world: World, project: Project, version: int | None, years: str = "4") -> Any:
    return services.repayment_agreement_save(
        actor=world.admin,
        project=project,
        rule="fixed_plan",
        parameters={"years": years, "start_year": "2016"},
        version=version,
    )


def test_an_agreement_saved_from_a_replaced_version_is_refused_naming_the_change(
    world: World, project: Project
) -> None:
    _plan(world, project, version=0)
    _plan(world, project, version=1, years="5")
    with pytest.raises(SifError) as refused:
        services.repayment_agreement_save(
            actor=world.admin, project=project, rule="waived", version=1
        )
    message = message_for_error(refused.value)
    assert message.startswith("Återbetalningsöverenskommelsen sparades av admin ")
    assert "Ändrat: år: 4 → 5." in message
    assert RepaymentAgreement.objects.count() == 2


def test_the_second_of_two_concurrent_agreement_saves_keeps_the_input_and_saves_nothing(
    world: World, project: Project
) -> None:
    colleague = make_user("kollega", Role.FUND_ADMIN, world.sthlm)
    page = reverse("ledger:repayment", args=[project.pk])
    url = reverse("ledger:agreement", args=[project.pk])
    first, second = _client(world.admin), _client(colleague)
    assert 'name="version" value="0"' in first.get(page).text
    assert first.post(url, PLAN | {"version": "0"}).status_code == 302
    response = second.post(url, PLAN | {"version": "0", "years": "9", "note": "Min anteckning"})
    assert response.status_code == 400
    text = response.content.decode()
    assert "Återbetalningsöverenskommelsen sparades av admin" in text
    assert "återbetalningsregel: tomt → fast återbetalningsplan" in text
    assert "Min anteckning" in text and 'value="9"' in text
    assert list(RepaymentAgreement.objects.values_list("version", "parameters")) == [
        (1, {"years": 4, "start_year": 2016})
    ]


def test_an_agreement_post_from_an_old_version_answers_409(world: World, project: Project) -> None:
    api = _client(world.admin)
    url = f"/api/projects/{project.pk}/repayment-agreement"
    body = {"rule": "by_agreement", "note": "Enligt överenskommelse", "version": 0}
    assert api.post(url, json.dumps(body), content_type="application/json").status_code == 201
    stale = api.post(url, json.dumps(body | {"note": "Annat"}), content_type="application/json")
    assert stale.status_code == 409
    assert stale.json()["fields"]["anteckning"] == "tomt → Enligt överenskommelse"
    assert RepaymentAgreement.objects.count() == 1
