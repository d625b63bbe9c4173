"""The event log through the API: a project's events, newest first, only for those who see the project."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from sif.web.projects import project_details
from tests.web.builders import make_project

pytestmark = pytest.mark.django_db


def test_a_projects_events_are_listed_newest_first(world: Any) -> None:
    project = make_project(world.fund, world.unit_a)
    project_details.project_update(actor=world.admin, project=project, summary="Första")
    project_details.project_update(actor=world.admin, project=project, summary="Andra")
    client = Client()
    client.force_login(world.reader)
    events = client.get(f"/api/projects/{project.pk}/events").json()
    assert events["count"] == 2
    assert [e["after"]["summary"] for e in events["items"]] == ["Andra", "Första"]
    assert events["items"][0]["actor"] == "admin"


def test_another_municipality_cannot_read_the_events(world: Any) -> None:
    project = make_project(world.fund, world.unit_a)
    client = Client()
    client.force_login(world.outsider)
    assert client.get(f"/api/projects/{project.pk}/events").status_code == 404
