"""The Content-Security-Policy (no inline script or style) breaks nothing on the main pages.

The fund administrator of Stockholm visits the pages with charts (the STIS follow-up page: lines,
bars, radar and spread charts; the pilot's calculation: tornado and histogram) and the forms with
scripts (the budget editor). Chromium reports every blocked inline style or script both as a
`securitypolicyviolation` event and on the console; both are collected and must stay empty.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from sif.web.projects.models import Project
from tests.browser.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.slow]

RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));
"""


def pk(title: str) -> int:
    return Project.objects.get(title__startswith=title).pk


def test_no_page_of_the_fund_administrator_violates_the_content_security_policy(
    browser_page: Any, live_server: Any, demo_data: Path
) -> None:
    from playwright.sync_api import expect

    page, base = browser_page, live_server.url
    console: list[str] = []
    page.on(
        "console", lambda m: console.append(m.text) if "Content Security Policy" in m.text else None
    )
    page.add_init_script(RECORD_VIOLATIONS)
    response = page.goto(f"{base}{reverse('login')}")
    assert "style-src 'self'" in response.headers["content-security-policy"]
    log_in(page, base, demo_data, "fondforvaltare")
    pilot, stis = pk("Pilot för en innovativ"), pk("Stärkt tidigt stöd")
    pages = {
        "projektlistan": reverse("projects:list"),
        "projektsidan": reverse("projects:detail", args=[pilot]),
        "budget": reverse("projects:budget", args=[pilot]),
        "uppföljning med diagram": reverse("followup:overview", args=[stis]),
        "kalkyl med diagram": reverse("calculations:detail", args=[pilot]),
        "fonder": reverse("ledger:index"),
    }
    found: dict[str, list[str]] = {}
    charts = 0
    for name, url in pages.items():
        page.goto(
            f"{base}{url}", timeout=90_000
        )  # the follow-up page draws ~20 charts on first load
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        charts += page.locator("figure svg, figure img").count()  # inline or linked charts
        violations = page.evaluate("window.__csp")
        if violations:
            found[name] = violations
    assert charts >= 5, "the chart pages drew their charts"
    assert found == {}
    assert console == []
