"""The web import in a real browser with the demo loaded: the fund administrator uploads seed 004
(the application of Hässelby-Vällingby, sought 2 460 000 kr), reviews the read-out figures beside the
source lines, confirms, and lands on the new project's page."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from sif.demo import SEEDS
from sif.web.projects.models import Project
from tests.browser.helpers import log_in, serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.slow]

FUND = "Stockholms stads sociala investeringsfond"
TITLE = "Utökad samverkan kring barnfamiljer i Hässelby-Vällingby"


def test_the_fund_administrator_imports_seed_004_and_lands_on_the_new_project(
    browser_page: Any, live_server: Any, demo_data: Path
) -> None:
    from playwright.sync_api import expect

    page, base = browser_page, live_server.url
    before = set(Project.objects.values_list("pk", flat=True))

    log_in(page, base, demo_data, "fondforvaltare")
    page.get_by_role("link", name="Läs in dokument").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Läs in dokument")
    page.get_by_label("Fond").select_option(label=FUND)
    page.locator("input[type=file]").set_input_files(SEEDS["004"])
    page.get_by_role("button", name="Läs in").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Inlästa filer")
    page.get_by_role("link", name="Granska och bekräfta").click()
    expect(page.get_by_label("Sökt belopp (kr)")).to_have_value("2\xa0460\xa0000")
    expect(page.locator("li.used").filter(has_text="2460000")).to_have_count(
        1
    )  # the source line beside it
    assert serious_violations(page) == []
    assert (
        set(Project.objects.values_list("pk", flat=True)) == before
    )  # nothing saved before confirming

    page.get_by_role("button", name="Bekräfta och spara").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    (new,) = set(Project.objects.values_list("pk", flat=True)) - before
    expect(page).to_have_url(re.compile(rf"/projekt/{new}/$"))
    expect(page.locator(".messages")).to_contain_text("är importerad")
    expect(page.get_by_text("2\xa0460\xa0000\xa0kr")).to_be_visible()
