"""The follow-up flow of STIS (seed 001) in a real browser with the demo loaded.

The demo's reporting periods (2019–2021) closed years ago, so the fund administrator first opens a
new reporting period through the follow-up page. The reporter of Rinkeby-Kista (`rapportor`) then
opens the follow-up, reports a count for its own district in that period, saves and sees it in the
overview; the reporting form of another district (Farsta) answers with the Swedish 403 page.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from sif.web.accounts.models import OrgUnit
from sif.web.followup.models import ReportingPeriod
from sif.web.projects.models import Project
from tests.browser.helpers import log_in, log_out, serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.slow]

STIS = "Stärkt tidigt stöd i samverkan"
OWN_DISTRICT = "Rinkeby-Kista stadsdelsförvaltning"
OTHER_DISTRICT = "Farsta stadsdelsförvaltning"
PERIOD = "Testperiod öppen"
ACTIVITY = "Samtal med målgruppen"


def test_the_reporter_reports_a_count_for_its_own_district_and_is_refused_another(
    browser_page: Any, live_server: Any, demo_data: Path
) -> None:
    from playwright.sync_api import expect

    page, base = browser_page, live_server.url
    stis = Project.objects.get(title=STIS)
    overview = f"{base}{reverse('followup:overview', args=[stis.pk])}"
    today = timezone.localdate()
    assert all(p.is_closed(today) for p in stis.reporting_periods.all()), (
        "a demo period is open: this test would not need a new one"
    )

    # the fund administrator opens a reporting period through the page
    log_in(page, base, demo_data, "fondforvaltare")
    page.goto(overview)
    page.get_by_role("link", name="Ny rapporteringsperiod").click()
    page.get_by_label("Typ").select_option(label="tertial")
    page.get_by_label("Benämning").fill(PERIOD)
    page.get_by_label("Början").fill((today - dt.timedelta(days=30)).isoformat())
    page.get_by_label("Slut", exact=True).fill(today.isoformat())
    page.get_by_label("Rapporteringen öppnar").fill(today.isoformat())
    page.get_by_label("stänger").fill((today + dt.timedelta(days=30)).isoformat())
    page.get_by_role("button", name="Skapa").click()
    expect(page.get_by_role("heading", level=3, name=PERIOD)).to_be_visible()
    log_out(page)
    period = ReportingPeriod.objects.get(project=stis, label=PERIOD)
    own = OrgUnit.objects.get(name=OWN_DISTRICT)
    other = OrgUnit.objects.get(name=OTHER_DISTRICT)

    # the reporter of Rinkeby-Kista reports for its own district
    log_in(page, base, demo_data, "rapportor")
    page.get_by_role("link", name=STIS).click()
    page.get_by_role("link", name="Uppföljning").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Uppföljning: {STIS}")
    page.locator(
        f"a[href='{reverse('followup:report', args=[stis.pk, period.pk, own.pk])}']"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Rapportera: {OWN_DISTRICT}, {PERIOD}"
    )
    expect(page.get_by_text("Perioden är stängd.")).to_have_count(0)
    assert serious_violations(page) == []
    page.get_by_role("row", name=ACTIVITY).get_by_label("Totalt").fill("12")
    page.get_by_role("button", name="Spara").click()

    expect(page.locator(".messages")).to_have_text(
        f"Siffrorna för {OWN_DISTRICT}, {PERIOD}, är sparade."
    )
    row = page.locator("#aktiviteter tbody tr").filter(has_text=ACTIVITY).filter(has_text=PERIOD)
    expect(row.locator("td").nth(2)).to_have_text("12")
    expect(row.locator("td").nth(5)).to_contain_text("1 enhet")

    # ... and cannot open another district's form
    response = page.goto(f"{base}{reverse('followup:report', args=[stis.pk, period.pk, other.pk])}")
    assert response is not None and response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("Åtgärden är inte tillåten")
    expect(page.get_by_role("alert")).to_have_text("Du kan bara rapportera för din egen enhet.")
    assert serious_violations(page) == []
