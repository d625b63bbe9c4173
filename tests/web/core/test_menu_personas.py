"""The main menu shows exactly what each persona may do (issue 8: reporters, reviewers and readers
saw "Nytt förslag" and got 403). Expected by hand, per persona; every link offered must answer 200."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.web.builders import make_user

ITEMS = {
    "Nytt förslag": "/projekt/nytt/",
    "Fonder": "/fond/",
    "Portfölj": "/fond/portfolj/",
    "Läs in dokument": "/import/",
    "Admin": "/admin/",
}
EXPECTED = {
    "admin": {"Nytt förslag", "Fonder", "Portfölj", "Läs in dokument", "Admin"},
    "applicant_a": {"Nytt förslag", "Läs in dokument"},
    "applicant_b": {"Nytt förslag", "Läs in dokument"},
    "reporter": set(),
    "reviewer": {"Fonder"},
    "reader": {"Fonder"},
    "outsider": {"Nytt förslag", "Fonder", "Portfölj", "Läs in dokument", "Admin"},
    "operator": {"Admin"},
}


@pytest.mark.parametrize("persona", sorted(EXPECTED))
def test_the_menu_offers_exactly_what_the_persona_may_do(world, persona: str) -> None:  # type: ignore[no-untyped-def]
    user = (
        make_user("operator", None, None, is_superuser=True)
        if persona == "operator"
        else world.persona(persona)
    )
    user.is_staff = True  # the menu follows the policy, not Django's staff flag
    user.save()
    client = Client()
    client.force_login(user)
    nav = client.get("/projekt/").text.split('<nav aria-label="Huvudmeny">')[1].split("</nav>")[0]
    shown = {label for label in ITEMS if f">{label}</a>" in nav}
    assert shown == EXPECTED[persona]
    for label in shown:
        href = [h for h in nav.split('href="')[1:] if f">{label}</a>" in h][0].split('"')[0]
        assert client.get(href, follow=True).status_code == 200, (label, href)
