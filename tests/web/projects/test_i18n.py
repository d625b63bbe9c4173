"""Swedish is the default language; English is available through the footer's language selector."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.web.projects import view_personas

pytestmark = pytest.mark.django_db
pages = view_personas.pages
_fast_passwords = view_personas._fast_passwords


def test_pages_are_swedish_by_default(client, world, pages):
    client.force_login(world.reader)
    html = client.get(reverse("projects:list")).content.decode()
    assert '<html lang="sv">' in html
    assert "<h1>Projekt</h1>" in html
    assert "Språk" in html


def test_the_footer_selector_switches_to_english_and_headings_follow(client, world, pages):
    client.force_login(world.reader)
    response = client.post(
        reverse("set_language"), {"language": "en", "next": reverse("projects:list")}
    )
    assert response.status_code == 302
    html = client.get(reverse("projects:list")).content.decode()
    assert '<html lang="en">' in html
    assert "<h1>Projects</h1>" in html
    detail = client.get(reverse("projects:detail", args=[pages.pilot.pk])).content.decode()
    assert 'id="h-overview">Overview</h2>' in detail
    assert "under review" in detail
    assert "Budget (thousand SEK)" in detail
    assert ">22\xa0540<" in detail


def test_switching_back_to_swedish_restores_the_swedish_headings(client, world, pages):
    client.force_login(world.reader)
    client.post(reverse("set_language"), {"language": "en"})
    client.post(reverse("set_language"), {"language": "sv"})
    assert "<h1>Projekt</h1>" in client.get(reverse("projects:list")).content.decode()
