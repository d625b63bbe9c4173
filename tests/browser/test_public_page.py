"""A citizen reads the public pages of Stockholm's and Malmö's funds without logging in: the list of
funds, each fund's decided projects and balance, the open-data links; axe finds nothing serious."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sif.web.projects.models import Fund
from tests.browser.helpers import serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_a_citizen_reads_both_public_fund_pages_without_logging_in(
    browser_page: Any, live_server: Any, demo_data: Path
) -> None:
    from playwright.sync_api import expect

    page = browser_page
    page.goto(f"{live_server.url}/oppet/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Sociala investeringsfonder – öppna uppgifter"
    )
    assert serious_violations(page) == []
    stockholm = Fund.objects.get(municipality__code="stockholm")
    malmo = Fund.objects.get(municipality__code="malmo")
    assert Fund.objects.get(municipality__code="eskilstuna").name not in page.content()

    page.get_by_role("link", name=stockholm.name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(stockholm.name)
    expect(page.get_by_role("heading", name="Stärkt tidigt stöd i samverkan")).to_be_visible()
    assert serious_violations(page) == []
    assert page.get_by_role("button", name="Logga ut").count() == 0

    page.goto(f"{live_server.url}/oppet/fond/{malmo.pk}/")
    expect(page.get_by_role("heading", name="Hela familjen")).to_be_visible()
    expect(page.get_by_text("50\xa0000\xa0000 kr").first).to_be_visible()
    page.get_by_role("link", name="Datadefinitioner och licens").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Datadefinitioner")
    assert serious_violations(page) == []
