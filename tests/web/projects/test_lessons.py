"""Lärdomar: a project's lessons are edited on its edit page (through project_update, logged),
shown on the project page when there are any, and absent from the new-proposal form."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sif.calc.errors import SifError
from sif.web.audit.models import Event
from sif.web.projects import project_details
from sif.web.projects.models import Project, ProjectState
from tests.web.builders import make_project

pytestmark = pytest.mark.django_db

# Seed 003, the first of Team Samagera's lessons.
FIRST_LESSON = (
    "Att det behöver bli tydligt hur elevhälsokedjan ska se ut, var den svaga länken är och vad som behövs, "
    "för att tidiga insatser ska komma till."
)


@pytest.fixture
def running(world):
    return make_project(world.fund, world.unit_a, ProjectState.RUNNING, title="Team Samagera")


def test_the_fund_administrator_writes_a_running_projects_lessons_on_its_edit_page_and_the_change_is_logged(
    client, world, running
):
    client.force_login(world.admin)
    page = client.get(reverse("projects:edit", args=[running.pk]))
    assert "lessons" in page.context["form"].fields
    data = {name: "" for name in page.context["form"].fields if name != "participating_units"} | {
        "title": "Team Samagera",
        "lessons": FIRST_LESSON,
    }
    data |= {"start_date": running.start_date.isoformat(), "end_date": running.end_date.isoformat()}
    data |= {"contact-TOTAL_FORMS": "1", "contact-INITIAL_FORMS": "0"}
    response = client.post(reverse("projects:edit", args=[running.pk]), data)
    assert response.status_code == 302
    running.refresh_from_db()
    assert running.lessons == FIRST_LESSON
    event = Event.objects.filter(action="project_update", project_id=running.pk).latest("pk")
    assert event.before == {"lessons": ""} and event.after == {"lessons": FIRST_LESSON}


def test_the_project_page_shows_lardomar_only_when_the_project_has_lessons(client, world, running):
    client.force_login(world.reader)
    url = reverse("projects:detail", args=[running.pk])
    assert 'id="h-lessons"' not in client.get(url).content.decode()
    Project.objects.filter(pk=running.pk).update(lessons=FIRST_LESSON)
    html = client.get(url).content.decode()
    assert 'id="h-lessons">Lärdomar</h3>' in html and "elevhälsokedjan" in html


def test_a_new_proposal_has_no_lessons_field(client, world):
    client.force_login(world.applicant_a)
    form = client.get(reverse("projects:create")).context["form"]
    assert "lessons" not in form.fields


def test_a_reader_may_not_change_the_lessons(world, running):
    with pytest.raises(SifError) as refused:
        project_details.project_update(actor=world.reader, project=running, lessons=FIRST_LESSON)
    assert refused.value.code == "permission_denied"
    running.refresh_from_db()
    assert running.lessons == ""
