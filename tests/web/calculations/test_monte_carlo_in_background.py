"""A Monte Carlo run above SIF_MONTE_CARLO_BACKGROUND_DRAWS is made by `sif worker`: the page
shows that it is queued and reloads itself; the result, when there, is the one the request makes."""

from __future__ import annotations

from typing import Any

from django.test import Client

from sif.web.projects.models import Project
from tests.web.calculations.conftest import case, store
from tests.web.calculations.test_pages import page, row
from tests.web.tasks.test_document_jobs import run_queued_tasks


def test_a_large_run_is_made_by_the_worker_and_shown_when_ready(
    client: Client,
    world: Any,
    pilot: Project,
    settings: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    data = case("hasselby_pilot")
    data["outcomes"][0]["successes"] = {"low": 0.02, "high": 0.08}
    store(pilot, data)
    inline = page(client, world.admin, pilot, "?draws=3000&seed=5")
    settings.MONTE_CARLO_IN_BACKGROUND, settings.MONTE_CARLO_BACKGROUND_DRAWS = True, 2000
    client.force_login(world.admin)
    url = f"/projekt/{pilot.pk}/kalkyl/?draws=3000&seed=5"
    with django_capture_on_commit_callbacks(execute=True):
        waiting = client.get(url)
    assert "står i kö" in waiting.content.decode()
    refresh = waiting["Refresh"]  # to a page that sends the browser back to the section
    assert refresh.startswith("2; url=/projekt/") and "draws=3000" in refresh
    assert client.get(refresh.split("url=", 1)[1])["Location"].endswith("seed=5#h-mc")
    assert "p_npv_positive" not in waiting.content.decode()

    assert run_queued_tasks() == 1
    done = client.get(url)
    html = done.content.decode()
    assert "Refresh" not in done
    assert row(html, "p_npv_positive") == row(inline, "p_npv_positive")
    assert row(html, "npv_p5") == row(inline, "npv_p5")
    assert 'aria-label="Nettonuvärde i 3\xa0000 dragningar (frö 5)"' in html
