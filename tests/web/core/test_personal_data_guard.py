"""One guard on every free text of every model: a personnummer- or samordningsnummer-shaped number
is refused with a Swedish message naming the field, in forms, the API and the XLSX upload, and
nothing refused reaches the database or the event log."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse

from sif.calc.errors import SifError
from sif.web.audit.models import Event
from sif.web.core import privacy
from sif.web.projects.models import Project, ProjectState
from tests.web.builders import make_project

pytestmark = pytest.mark.django_db


def test_every_text_field_of_every_model_carries_the_guard_or_a_reason_why_not() -> None:
    fields = list(privacy.text_fields())
    assert len(fields) > 60
    unguarded = [
        f"{model._meta.label}.{field.name}"
        for model, field in fields
        if not privacy.has_guard(field) and not privacy.exemption(field)
    ]
    assert unguarded == []
    assert {f"{m._meta.label}.{f.name}" for m, f in fields if privacy.exemption(f)} <= {
        "auth.User.password",
        "projects.SourceDocument.sha256",
        "audit.Event.before",
        "projects.SourceDocument.file",
    }


@pytest.mark.parametrize(
    "summary",
    [
        "Ring 121212-1212",
        "Ring 121212 1212",
        "Ring 121212\u20131212",
        "Pappa Ahmed (19850101-1234)",
    ],
)
def test_a_project_summary_with_an_identity_number_is_refused_and_never_reaches_the_event_log(
    client, world, summary
) -> None:
    project = make_project(
        world.fund, world.unit_a, ProjectState.PROPOSAL, title="Familjecoacher på BVC"
    )
    events = Event.objects.count()
    client.force_login(world.applicant_a)
    response = client.post(
        reverse("projects:edit", args=[project.pk]),
        {
            "title": project.title,
            "summary": summary,
            "start_date": "2020-01-01",
            "end_date": "2022-12-31",
            "participating_units": [world.unit_a.pk],
            "contact-TOTAL_FORMS": "0",
            "contact-INITIAL_FORMS": "0",
        },
    )
    page = response.content.decode()
    assert (
        response.status_code != 302
        and "personnummer eller samordningsnummer" in page
        and "Texten i Beskrivning" in page
    )
    project.refresh_from_db()
    assert summary not in (project.summary or "")
    assert Event.objects.count() == events
    assert not [
        e
        for e in Event.objects.all()
        if "1212" in json.dumps(e.after or {}) or "1234" in json.dumps(e.after or {})
    ]
    timeline = client.get(reverse("projects:detail", args=[project.pk])).content.decode()
    assert summary not in timeline


def test_a_save_that_skips_validation_is_refused_by_the_backstop(world) -> None:
    project = make_project(
        world.fund, world.unit_a, ProjectState.PROPOSAL, title="Familjecoacher på BVC"
    )
    project.goals = "Samordningsnummer 701063-2392 i texten"
    with pytest.raises(SifError) as error:
        project.save()
    assert error.value.code == "personal_identity_number_in_text"
    assert Project.objects.get(pk=project.pk).goals != project.goals


def test_the_api_refuses_a_review_comment_with_an_identity_number_in_swedish(world) -> None:
    project = make_project(world.fund, world.unit_a, state=ProjectState.IN_REVIEW)
    client = Client()
    client.force_login(world.reviewer)
    response = client.post(
        f"/api/projects/{project.pk}/reviews",
        {"comments": "Pappan 19850101-1234 ringde.", "scores": {}},
        content_type="application/json",
    )
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["code"] == "personal_identity_number_in_text" and "personnummer" in body["message"]
    assert not project.reviews.exists() and "19850101" not in json.dumps(
        [e.after for e in Event.objects.all()]
    )
