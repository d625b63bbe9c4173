"""The menu shows exactly what the policy allows (issue 8, point 6), in a real browser, for every demo
persona (the demo's users, roles and units, without its projects): the main menu's items and the start page's links to gated pages are compared with the
hand-written table (tests/policy/expectations.py, SITE_ACTIONS) and with the policy's own answer for
that user, which must agree. The platform operator's start page lists the municipalities and their
funds (issue 8, point 4), not an empty project list. One browser, one demo, one test.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.policy.expectations import FUND_ACTIONS, SITE_ACTIONS

pytestmark = [pytest.mark.browser]

# menu item -> the action that offers it (sif/web/core/context.py, sif/web/users/context.py)
MENU = {
    "Nytt förslag": "menu.new_proposal",
    "Fonder": "menu.funds",
    "Portfölj": "menu.portfolio",
    "Läs in dokument": "menu.import",
    "Användare": "users.manage",
    "Admin": "admin.site",
}
# demo user -> its persona in the expectation table
DEMO = {
    "fondforvaltare": "fund_admin",
    "sokande": "applicant_owner",
    "rapportor": "reporter_owner",
    "granskare": "reviewer",
    "lasare": "reader",
    "malmo": "fund_admin",
    "admin": "operator",
}
TABLE = SITE_ACTIONS | {"users.manage": FUND_ACTIONS["users.manage"]}
MUNICIPALITIES = ("Stockholms stad", "Malmö stad", "Eskilstuna kommun")
FUNDS = (
    "Stockholms stads sociala investeringsfond",
    "Malmö stads sociala investeringsfond",
    "Eskilstuna kommuns sociala investeringsfond",
)


@pytest.fixture
def demo_people(settings: Any, transactional_db: Any) -> dict[str, str]:
    """The demo's municipalities, units, funds and users (the same code as `sif demo`), without its
    projects: the menu depends on the roles alone, and the whole demo costs tens of seconds.
    Returns each demo user's password."""
    from sif.web.projects import demo_organisation

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    municipalities = demo_organisation.demo_municipalities()
    units = demo_organisation.demo_units(municipalities)
    demo_organisation.demo_funds(municipalities)
    return {
        name: password
        for name, (_, password) in demo_organisation.demo_users(municipalities, units).items()
    }


def _by_policy(username: str) -> set[str]:
    from django.contrib.auth import get_user_model

    from sif.web.accounts.permissions import check
    from sif.web.users.permissions import can_manage_users_anywhere

    user = get_user_model().objects.get(username=username)
    allowed = {a for a in set(MENU.values()) - {"users.manage"} if check(user, a)}
    return allowed | ({"users.manage"} if can_manage_users_anywhere(user) else set())


def test_every_demo_persona_sees_exactly_the_menu_and_start_page_the_policy_allows(
    browser_page: Any, live_server: Any, demo_people: dict[str, str], tmp_path: Path
) -> None:
    page, wrong = browser_page, []
    page.set_default_timeout(60_000)  # the first page renders every template once
    for username, persona in DEMO.items():
        table = {a for a, personas in TABLE.items() if persona in personas}
        policy = _by_policy(username)
        if table & set(MENU.values()) != policy:
            wrong.append((username, "policy", sorted(policy), "table", sorted(table)))
        page.context.clear_cookies()
        page.goto(f"{live_server.url}/logga-in/")
        page.get_by_label("Användarnamn").fill(username)
        page.get_by_label("Lösenord").fill(demo_people[username])
        page.get_by_role("button", name="Logga in").click()
        page.wait_for_load_state()
        shown = set(page.locator('nav[aria-label="Huvudmeny"] a').all_inner_texts())
        expected = {"Projekt"} | {label for label, action in MENU.items() if action in table}
        if shown != expected:
            wrong.append((username, "menu", sorted(shown), "expected", sorted(expected)))
        heading = page.get_by_role("heading", level=1).inner_text()
        main = page.locator("main").inner_text()
        links = set(page.locator("main a.button, main button").all_inner_texts())
        if "menu.platform" in table:
            start = {"Kommuner och fonder"} == {heading} and all(
                name in main for name in MUNICIPALITIES + FUNDS
            )
            gated = {"Till administrationen"} if "admin.site" in table else set()
            if not start or links != gated:
                wrong.append((username, "platform start page", heading, sorted(links)))
        elif heading != "Projekt" or links != {"Filtrera", "Visa alla"}:
            wrong.append((username, "start page", heading, sorted(links)))
    if wrong:
        page.screenshot(path=str(tmp_path / "menu.png"))
    assert wrong == [], "\n".join(map(str, wrong))
