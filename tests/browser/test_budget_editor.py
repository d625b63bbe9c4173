"""The budget editor's live totals in a real browser: Swedish input ("1 400", "1 400,5"), row, year
and grand totals, and the hint when the sought amount differs from the total."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from sif.web.accounts.models import Role
from sif.web.projects.models import ProjectState
from tests.web.builders import make_fund, make_municipality, make_project, make_unit, make_user

pytestmark = [pytest.mark.browser]


@pytest.fixture
def signed_in(
    browser_page: Any, live_server: Any, transactional_db: Any, settings: Any
) -> tuple[Any, str]:
    """A page logged in as an applicant of Hässelby-Vällingby, and the budget URL of its proposal."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    sthlm = make_municipality("sthlm")
    unit = make_unit(sthlm, "Hässelby-Vällingby stadsdelsförvaltning")
    project = make_project(make_fund(sthlm), unit, ProjectState.PROPOSAL)  # 2020–2022
    user = make_user("sokande", Role.APPLICANT, sthlm, unit)
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    browser_page.context.add_cookies(
        [{"name": cookie.key, "value": cookie.value, "url": live_server.url}]
    )
    return browser_page, f"{live_server.url}{reverse('projects:budget', args=[project.pk])}"


def test_totals_follow_swedish_input_as_the_user_types(signed_in: tuple[Any, str]) -> None:
    from playwright.sync_api import expect

    page, url = signed_in
    page.goto(url)
    page.locator("[name=amount-personnel-2020]").fill("8 177")
    page.locator("[name=amount-other-2020]").fill("1 400,5")
    page.locator("[name=amount-other-2021]").fill("1\u00a0400")
    expect(page.locator("[data-year-total='2020']")).to_have_text("9\u00a0577,5")
    expect(page.locator("[data-row-total='other']")).to_have_text("2\u00a0800,5")
    expect(page.locator("[data-grand-total]")).to_have_text("10\u00a0977,5")
    expect(page.locator("[data-grand-total-kr]")).to_have_text("10\u00a0977\u00a0500\u00a0kr")


def test_a_bad_amount_is_marked_and_a_differing_sought_amount_is_hinted(
    signed_in: tuple[Any, str],
) -> None:
    from playwright.sync_api import expect

    page, url = signed_in
    page.goto(url)
    page.locator("[name=amount-other-2020]").fill("600")
    page.locator("[name=amount-other-2021]").fill("tusen")
    expect(page.locator("[name=amount-other-2021]")).to_have_attribute("aria-invalid", "true")
    page.locator("[name=amount-other-2021]").fill("1 860")
    page.get_by_label("Sökt belopp (kr)").fill("2 400 000")
    expect(page.locator("#sought-hint")).to_have_text(
        "Sökt belopp stämmer inte med budgetens totalsumma (2\u00a0460\u00a0000\u00a0kr)."
    )
    page.get_by_label("Sökt belopp (kr)").fill("2 460 000")
    expect(page.locator("#sought-hint")).to_have_text(
        "Sökt belopp stämmer med budgetens totalsumma."
    )
