"""The project page reads a fixed number of queries: permission checks share the user's unit
subtrees (memoised per request on the user object) and the project's prefetched units, so the count
does not grow with the number of checks, decisions, indicators, applications or events.

Measured on this fixture (the pilot with its seed-002 budget, three participating units one of
which lies below unit A, a decision, a review, two indicators, an application and three events):
13 queries for a fund administrator or reader, 15 for unit A's applicant or reporter (two more: the
two levels of unit A's subtree). Before the memo the same page made 45 (applicant) and 33 (reporter).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from sif.web.audit.services import event_record
from sif.web.projects import application_answers
from sif.web.projects.models import Application, Decision, Indicator, Review
from tests.web.builders import make_unit
from tests.web.projects import view_personas

pytestmark = pytest.mark.django_db
pages = view_personas.pages
_fast_passwords = view_personas._fast_passwords

MAX_QUERIES = {"admin": 13, "reader": 13, "applicant_a": 15, "reporter": 15}


@pytest.fixture
def full_pilot(world, pages):
    """The pilot with something in every section of the page."""
    pilot = pages.pilot
    child = make_unit(world.sthlm, "Vällingby barn och familj", kind="enhet", parent=world.unit_a)
    pilot.project_units.create(unit=child)
    pilot.project_units.create(unit=world.unit_b)
    Decision.objects.create(
        project=pilot,
        body="Kommunstyrelsen",
        decided_on=date(2019, 12, 11),
        granted_amount=Decimal("22540000"),
    )
    Review.objects.create(
        project=pilot, reviewer_name="Beredningsgruppen", comments="Bra.", scores={"research": 4}
    )
    for n in range(2):
        Indicator.objects.create(
            project=pilot, name=f"Indikator {n}", responsible_unit=world.unit_a
        )
    Application.objects.create(
        project=pilot,
        form=application_answers.application_form_current("application_short"),
        answers={"name": "Piloten"},
    )
    for action in ("project_create", "budget_set", "project_transition"):
        event_record(
            actor=world.admin,
            action=action,
            obj=pilot,
            municipality_id=world.sthlm.pk,
            project_id=pilot.pk,
            after={"state": "in_review"},
        )
    return pilot


@pytest.mark.parametrize("persona", sorted(MAX_QUERIES))
def test_the_project_page_makes_a_fixed_number_of_queries(
    client, world, full_pilot, persona, django_assert_max_num_queries
):
    client.force_login(world.persona(persona))
    with django_assert_max_num_queries(MAX_QUERIES[persona]):
        response = client.get(reverse("projects:detail", args=[full_pilot.pk]))
    assert response.status_code == 200
    assert full_pilot.title in response.content.decode()
