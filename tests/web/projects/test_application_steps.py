"""Issue 8, point 2: the applicant writes and submits; each step is stored as its own step (the
step-2 form was stored as "steg 1"), drafts are saved before submitting, and only the fund moves
the project on."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from sif.calc.errors import SifError
from sif.messages import message_for_error
from sif.web.projects import application_answers, project_transitions
from sif.web.projects.models import Application, ProjectState
from tests.web.builders import make_project

S = ProjectState


def test_the_full_application_is_the_step_2_form_and_is_not_stored_as_step_1(world) -> None:  # type: ignore[no-untyped-def]
    project = make_project(world.fund, world.unit_a, state=S.APPLICATION_STEP1)
    with pytest.raises(SifError) as refused:
        application_answers.application_submit(
            actor=world.applicant_a,
            project=project,
            form_code="application_full",
            answers={"name": "Pilot"},
        )
    assert message_for_error(refused.value) == (
        "Ansökan – insatser sociala investeringsfonden lämnas i steg 2, men projektet är ansökan steg 1. Fondförvaltaren bjuder in till nästa steg."
    )
    assert not Application.objects.exists()
    project_transitions.project_transition(
        actor=world.admin, project=project, to_state=S.APPLICATION_STEP2
    )
    assert (
        application_answers.application_submit(
            actor=world.applicant_a,
            project=project,
            form_code="application_full",
            answers={"name": "Pilot"},
        ).step
        == 2
    )


@pytest.mark.parametrize(
    ("state", "step"), [(S.PROPOSAL, 0), (S.APPLICATION_STEP1, 1), (S.APPLICATION_STEP2, 2)]
)
def test_each_step_is_stored_as_its_own_step(world, state: str, step: int) -> None:  # type: ignore[no-untyped-def]
    project = make_project(world.fund, world.unit_a, state=state)
    app = application_answers.application_submit(
        actor=world.applicant_a,
        project=project,
        form_code="application_short",
        answers={"name": "Insatsen"},
    )
    assert (app.step, app.is_draft) == (step, False)


def test_a_draft_is_saved_changed_and_then_submitted_as_one_application(world) -> None:  # type: ignore[no-untyped-def]
    project = make_project(world.fund, world.unit_a, state=S.APPLICATION_STEP1)
    client = Client()
    client.force_login(world.applicant_a)
    url = reverse("projects:application", args=[project.pk, "kort"])
    assert client.post(url, {"name": "Första utkastet", "save_draft": "1"}).status_code == 302
    assert client.post(url, {"name": "Andra utkastet", "save_draft": "1"}).status_code == 302
    draft = Application.objects.get()
    assert (draft.is_draft, draft.answers["name"]) == (True, "Andra utkastet")
    assert 'value="Andra utkastet"' in client.get(url).text
    assert client.post(url, {"name": "Inlämnad"}).status_code == 302
    submitted = Application.objects.get()
    assert (submitted.pk, submitted.is_draft, submitted.answers["name"], submitted.step) == (
        draft.pk,
        False,
        "Inlämnad",
        1,
    )


def test_the_applicant_cannot_move_their_own_proposal_on(world) -> None:  # type: ignore[no-untyped-def]
    project = make_project(world.fund, world.unit_a, state=S.PROPOSAL)
    for to_state in (S.APPLICATION_STEP1, S.APPLICATION_STEP2, S.IN_REVIEW):
        with pytest.raises(SifError) as refused:
            project_transitions.project_transition(
                actor=world.applicant_a, project=project, to_state=to_state
            )
        assert refused.value.code in {"permission_denied", "transition_not_allowed"}
    for to_state in (S.APPLICATION_STEP1, S.APPLICATION_STEP2, S.IN_REVIEW):
        project_transitions.project_transition(
            actor=world.admin, project=project, to_state=to_state
        )
    assert project.state == S.IN_REVIEW
