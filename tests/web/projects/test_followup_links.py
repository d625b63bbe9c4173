"""The project page links the follow-up overview for everyone who sees it, and the indicator editor
for those the follow-up lets edit (project leader, fund administrator) until the project runs."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sif.web.projects.models import ProjectState
from tests.web.builders import make_project
from tests.web.projects import view_personas

pytestmark = pytest.mark.django_db
_fast_passwords = view_personas._fast_passwords
LOCKED_TEXT = "Indikatorerna är låsta sedan projektet startade."

# persona -> (editor link before the project runs, locked notice once it runs)
EXPECTED = {
    "admin": (True, True),
    "applicant_a": (True, True),
    "reporter": (False, False),
    "reviewer": (False, False),
    "reader": (False, False),
}


@pytest.mark.parametrize("persona", sorted(EXPECTED))
@pytest.mark.parametrize("state", [ProjectState.APPLICATION_STEP1, ProjectState.RUNNING])
def test_the_indicator_editor_is_linked_for_editors_until_the_project_runs(
    client, world, persona, state
):
    project = make_project(world.fund, world.unit_a, state)
    client.force_login(world.persona(persona))
    html = client.get(reverse("projects:detail", args=[project.pk])).content.decode()
    editor, locked = EXPECTED[persona]
    running = state == ProjectState.RUNNING
    assert (f'href="{reverse("followup:indicators", args=[project.pk])}"' in html) == (
        editor and not running
    )
    assert (LOCKED_TEXT in html) == (locked and running)
    assert f'href="{reverse("followup:overview", args=[project.pk])}"' in html


def test_the_linked_pages_open_for_the_user_the_link_was_shown_to(client, world):
    project = make_project(world.fund, world.unit_a, ProjectState.APPLICATION_STEP1)
    client.force_login(world.applicant_a)
    assert client.get(reverse("followup:indicators", args=[project.pk])).status_code == 200
    assert client.get(reverse("followup:overview", args=[project.pk])).status_code == 200
