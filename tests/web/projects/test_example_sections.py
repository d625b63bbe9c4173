"""Each demo project marks the sections whose data is an example (Project.example_sections), and the
project page and the list show the "Exempeldata" badge beside exactly those sections."""

from __future__ import annotations

import re
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.urls import reverse

from sif.web.accounts.models import Membership, Role
from sif.web.projects.models import ExampleSection, Project

pytestmark = pytest.mark.django_db

# (municipality, title) -> the sections marked, as each demo project's example_note explains them
EXPECTED: dict[tuple[str, str], set[str]] = {
    ("stockholm", "Hembesöksprogrammet"): set(),
    ("stockholm", "Ersta vändpunkten – förskola, tidig upptäckt"): set(),
    ("stockholm", "Utvidga PPSS – tydligare form"): {"owner_unit"},
    ("stockholm", "Hela familjen, försörjningsstöd barnfamiljer"): {"owner_unit"},
    (
        "stockholm",
        "Framtid Stockholm, filial Järva – ex Mini Maria, föräldrastöd och familjerådgivning",
    ): {"owner_unit"},
    ("stockholm", "Stärkt tidigt stöd i samverkan"): {"repayment"},
    ("stockholm", "Pilot för en innovativ och hållbar socialtjänst för barn och unga"): {
        "dates",
        "indicators",
    },
    ("stockholm", "Utökad samverkan kring barnfamiljer i Hässelby-Vällingby"): {
        "fund",
        "state",
        "budget",
    },
    ("eskilstuna", "Team Samagera"): {"decision"},
    ("malmo", "Hela familjen"): {"dates"},
}
LIST_SECTIONS = {"fund", "owner_unit", "state", "dates", "budget"}
BADGE = re.compile(r'class="example-data" data-section="([a-z_]+)"')


@pytest.fixture(scope="module")
def demo(django_db_setup: Any, django_db_blocker: Any, tmp_path_factory: Any) -> Any:
    """The demo, loaded once for this module and removed afterwards (the tests only read)."""
    from django.conf import settings
    from django.db import transaction

    with django_db_blocker.unblock():
        old_dir, old_hashers = settings.DATA_DIR, settings.PASSWORD_HASHERS
        settings.DATA_DIR = tmp_path_factory.mktemp("demo")
        settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("demo", "--if-empty", stdout=StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            settings.DATA_DIR, settings.PASSWORD_HASHERS = old_dir, old_hashers


def _admin_of(project: Project) -> Any:
    return (
        Membership.objects.filter(municipality=project.municipality, role=Role.FUND_ADMIN)
        .order_by("pk")
        .first()
        .user
    )


def _projects() -> list[Project]:
    return list(Project.objects.select_related("municipality").order_by("pk"))


def test_every_demo_project_marks_the_sections_its_note_names(demo):
    assert {
        (p.municipality.code, p.title): set(p.example_sections) for p in _projects()
    } == EXPECTED


def test_the_project_page_shows_the_badge_beside_exactly_the_marked_sections(demo, client):
    for project in _projects():
        client.force_login(_admin_of(project))
        html = client.get(reverse("projects:detail", args=[project.pk])).content.decode()
        shown = set(BADGE.findall(html))
        assert shown == set(project.example_sections), project.title


def test_the_list_shows_the_badge_beside_the_marked_columns(demo, client):
    for project in _projects():
        client.force_login(_admin_of(project))
        html = client.get(reverse("projects:list")).content.decode()
        row = next(r for r in html.split("<tr>") if f">{project.title}</a>" in r)
        assert set(BADGE.findall(row)) == set(project.example_sections) & LIST_SECTIONS, (
            project.title
        )


def test_every_section_code_has_a_place_on_the_project_page():
    from django.template.loader import get_template

    source = get_template("projects/project_detail.html").template.source
    for code in ExampleSection.values:
        assert f'example_badge:"{code}"' in source
