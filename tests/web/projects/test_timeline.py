"""The project page's timeline: the newest events, every action with a Swedish label, the rest on request."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client

from sif.web.audit.models import Event
from sif.web.projects.labels import ACTION_LABELS
from sif.web.projects.models import Project
from sif.web.projects.selectors import TIMELINE_LENGTH
from tests.web.demo_data import demo_loaded


@pytest.fixture(scope="module")
def loaded(django_db_setup: Any, django_db_blocker: Any, tmp_path_factory: Any) -> Iterator[str]:
    """The demo, loaded once for the module and rolled back afterwards (the tests only read)."""
    with demo_loaded(django_db_blocker, tmp_path_factory) as out:
        yield out


@pytest.fixture
def demo(loaded: str, db: None) -> None:
    """The module's demo, read inside each test's own transaction."""


def _admin_client() -> Client:
    from django.contrib.auth import get_user_model

    client = Client()
    client.force_login(get_user_model().objects.get(username="fondforvaltare"))
    return client


def test_every_action_the_demo_logs_has_a_swedish_label(demo: None) -> None:
    actions = set(Event.objects.values_list("action", flat=True))
    assert actions, "the demo logs its actions"
    assert actions <= set(ACTION_LABELS), sorted(actions - set(ACTION_LABELS))


def test_a_busy_project_shows_its_newest_events_and_links_to_all(demo: None) -> None:
    stis = Project.objects.get(title="Stärkt tidigt stöd i samverkan")
    total = Event.objects.filter(project=stis).count()
    assert total > TIMELINE_LENGTH
    client = _admin_client()

    page = client.get(f"/projekt/{stis.pk}/").text
    timeline = page[page.index('id="h-timeline"') :]
    assert len(re.findall(r"<li><time", timeline)) == TIMELINE_LENGTH
    assert f'reversed start="{total}"' in timeline
    assert f"Visa alla {total} händelser" in timeline

    # the whole timeline comes in pages of 100 events, the newest first, with a pager
    pages = -(-total // 100)
    seen = 0
    for number in range(1, pages + 1):
        everything = client.get(f"/projekt/{stis.pk}/?handelser=alla&sida={number}").text
        shown = len(re.findall(r"<li><time", everything[everything.index('id="h-timeline"') :]))
        assert shown == min(100, total - seen)
        assert f"Sida {number} av {pages} ({total} rader)" in everything
        # the numbers count down across the pages: the newest event on page 2 is total - 100
        assert f'reversed start="{total - seen}"' in everything
        seen += shown
    assert seen == total
