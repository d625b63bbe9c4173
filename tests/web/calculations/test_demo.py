"""`sif demo` attaches the three seed cases to their projects; the pages show their figures."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from sif.web.audit.models import Event
from sif.web.calculations.models import Calculation
from sif.web.projects.models import Project
from tests.web.demo_data import demo_loaded

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def loaded(django_db_setup: Any, django_db_blocker: Any, tmp_path_factory: Any) -> Iterator[str]:
    """The demo, loaded once for the three cases and rolled back afterwards (the tests only read)."""
    with demo_loaded(django_db_blocker, tmp_path_factory) as out:
        yield out


@pytest.mark.parametrize(
    ("title", "name", "figure"),
    [
        (
            "Utvidga PPSS – tydligare form",
            "PPSS – uppskalning till samtliga grundskolor",
            "88,9 elever",
        ),
        (
            "Pilot för en innovativ och hållbar socialtjänst för barn och unga",
            "Pilot för en innovativ och hållbar socialtjänst för barn och unga",
            "10\xa0624\xa0479\xa0kr",
        ),
        ("Hela familjen", "Hela familjen – försörjningsstöd barnfamiljer (Malmö)", "9,1 familjer"),
    ],
)
def test_each_seed_case_is_attached_to_its_project_and_shown(
    loaded: str, client: Client, title: str, name: str, figure: str
) -> None:
    assert "Demodata: 3 socioekonomiska kalkyler." in loaded
    project = Project.objects.get(title=title)
    calculation = Calculation.objects.get(project=project)
    assert calculation.scenario["name"] == name
    assert Event.objects.filter(action="calculation_save", project=project).count() == 1
    admin = Event.objects.get(action="calculation_save", project=project).actor
    client.force_login(admin)
    html = client.get(reverse("calculations:detail", args=[project.pk])).content.decode()
    assert figure in html
    assert html.count('<span class="example-data">Antagande</span>') == len(
        calculation.scenario["assumptions"]
    )
