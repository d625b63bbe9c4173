"""The admin: reference data scoped to the fund administrator's municipality, projects and the
event log read-only, nothing deletable, nobody else let in."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from sif.web.audit.services import event_record
from sif.web.projects.models import Project
from tests.web.builders import make_project
from tests.web.conftest import World


def staff_client(user: Any) -> Client:
    user.is_staff = True
    user.save()
    client = Client()
    client.force_login(user)
    return client


def test_a_fund_administrator_sees_only_the_units_of_its_municipality(world: World) -> None:
    page = staff_client(world.admin).get("/admin/accounts/orgunit/")
    assert page.status_code == 200
    text = page.content.decode()
    assert (
        "Hässelby-Vällingby stadsdelsförvaltning" in text
        and "Enheten för ekonomiskt bistånd" not in text
    )


def test_another_municipalitys_unit_is_not_found_in_the_admin(world: World) -> None:
    response = staff_client(world.admin).get(
        f"/admin/accounts/orgunit/{world.malmo_unit.pk}/change/"
    )
    assert response.status_code in (302, 404)


def test_a_project_cannot_be_changed_in_the_admin(world: World) -> None:
    project = make_project(world.fund, world.unit_a)
    client = staff_client(world.admin)
    assert client.get(f"/admin/projects/project/{project.pk}/change/").status_code == 200
    response = client.post(
        f"/admin/projects/project/{project.pk}/change/", {"title": "Ändrad", "state": "granted"}
    )
    assert response.status_code == 403
    assert Project.objects.get(pk=project.pk).state == "proposal"


def test_the_event_log_is_read_only(world: World) -> None:
    project = make_project(world.fund, world.unit_a)
    event = event_record(
        actor=world.admin,
        action="project_update",
        obj=project,
        municipality_id=project.municipality_id,
        project_id=project.pk,
    )
    client = staff_client(world.admin)
    assert client.get(f"/admin/audit/event/{event.pk}/change/").status_code == 200
    assert client.post(f"/admin/audit/event/{event.pk}/change/", {"action": "x"}).status_code == 403
    assert client.get(f"/admin/audit/event/{event.pk}/delete/").status_code == 403


@pytest.mark.parametrize("persona", ["reader", "reviewer", "applicant_a", "reporter"])
def test_other_roles_are_not_let_into_the_admin_even_as_staff(world: World, persona: str) -> None:
    response = staff_client(world.persona(persona)).get("/admin/accounts/orgunit/")
    assert response.status_code == 403


def test_a_fund_administrator_edits_its_funds_review_criteria(world: World) -> None:
    client = staff_client(world.admin)
    assert client.get(f"/admin/projects/fund/{world.fund.pk}/change/").status_code == 200
    assert client.get(f"/admin/projects/fund/{world.malmo_fund.pk}/change/").status_code in (
        302,
        404,
    )
