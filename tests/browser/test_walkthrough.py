"""The demo administrator (fondförvaltare, Stockholm) in a real browser: finds the Hässelby-Vällingby
pilot with its 22 540 tkr, then walks a new project from proposal to granted through the pages.
axe-core checks the project list and the project page for serious or critical violations."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PILOT = "Pilot för en innovativ och hållbar socialtjänst för barn och unga"
NEW_TITLE = "Familjecoacher på BVC"


def demo_password(data_dir: Path, username: str) -> str:
    """The password `sif demo` generated for this user (from the login file it writes)."""
    for line in (data_dir / "demo-login.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if parts and parts[0] == username:
            return parts[1]
    raise AssertionError(f"{username} missing from the demo login file")


def serious_violations(page: Any) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v.get("impact") in ("serious", "critical")
    ]


@pytest.fixture
def demo(settings: Any, tmp_path: Path, transactional_db: Any) -> Path:
    settings.DATA_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("demo", stdout=open(tmp_path / "demo.out", "w", encoding="utf-8"))  # noqa: SIM115
    return tmp_path


def test_the_administrator_finds_the_pilot_and_walks_a_project_from_proposal_to_granted(
    browser_page: Any, live_server: Any, demo: Path
) -> None:
    from playwright.sync_api import expect

    page = browser_page
    url = live_server.url

    # login
    page.goto(f"{url}/projekt/")
    page.get_by_label("Användarnamn").fill("fondforvaltare")
    page.get_by_label("Lösenord").fill(demo_password(demo, "fondforvaltare"))
    page.get_by_role("button", name="Logga in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Projekt")
    assert serious_violations(page) == []

    # the pilot of seed 002
    page.get_by_role("link", name=PILOT).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(PILOT)
    expect(page.locator("table.budget td.grand-total")).to_have_text("22\xa0540")
    expect(page.locator("table.budget tfoot")).to_contain_text("9\xa0577")
    assert serious_violations(page) == []

    # a new proposal
    page.get_by_role("link", name="Nytt förslag").click()
    page.get_by_label("Projektets namn").fill(NEW_TITLE)
    page.get_by_label("Fond").select_option(label="Stockholms stads sociala investeringsfond")
    page.get_by_label("Ansvarig enhet (sökande)").select_option(
        label="Avdelningen för barn och unga"
    )
    page.get_by_label("Startdatum").fill("2024-01-01")
    page.get_by_label("Slutdatum").fill("2025-12-31")
    page.get_by_role("button", name="Spara förslaget").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(NEW_TITLE)
    expect(page.locator(".badge.state-proposal")).to_have_text("förslag")

    # budget: totals recomputed while typing, sought amount checked against them
    page.get_by_role("link", name="Budget", exact=True).click()
    page.locator("[name=amount-other-2024]").fill("600")
    page.locator("[name=amount-other-2025]").fill("1 860")
    expect(page.locator("[data-grand-total]")).to_have_text("2\xa0460")
    page.get_by_label("Sökt belopp (kr)").fill("2 400 000")
    expect(page.locator("#sought-hint")).to_contain_text("stämmer inte")
    page.get_by_label("Sökt belopp (kr)").fill("2 460 000")
    expect(page.locator("#sought-hint")).to_have_text(
        "Sökt belopp stämmer med budgetens totalsumma."
    )
    page.get_by_role("button", name="Spara budgeten").click()
    expect(page.locator("table.budget td.grand-total")).to_have_text("2\xa0460")

    # förslag → ansökan steg 1 → ansökan steg 2 → under beredning
    for label in ("ansökan steg 1", "ansökan steg 2", "under beredning"):
        page.get_by_role("button", name=f"Till: {label}").click()
        expect(page.locator("h1 + p .badge")).to_have_text(label)

    # the decision
    page.get_by_role("link", name="Registrera beslut").click()
    page.get_by_label("Beviljas").check()
    page.get_by_label("Beslutande organ").fill("Socialnämnden")
    page.get_by_label("Beslutsdatum").fill("2024-01-15")
    page.get_by_label("Paragraf (§)").fill("7")
    page.get_by_label("Beviljat belopp (kr)").fill("2 460 000")
    page.get_by_role("button", name="Registrera beslutet").click()
    expect(page.locator("h1 + p .badge")).to_have_text("beviljad")
    expect(page.locator("dd.granted")).to_have_text(re.compile(r"2\s460\s000\skr"))
    expect(page.locator(".timeline")).to_contain_text("Beslut registrerat")
