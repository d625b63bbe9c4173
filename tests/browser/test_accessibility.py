"""axe-core on every main page with the demo loaded: no serious or critical violations.

The fund administrator of Stockholm visits the pages of the pilot (seed 002), STIS (seed 001) and
the project under review (seed 004); Eskilstuna's fund administrator visits Team Samagera (seed 003);
the login page is checked before logging in, with and without an error message. Every violation is
printed with the page it was found on.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from sif.web.accounts.models import OrgUnit
from sif.web.projects.models import Project
from tests.browser.helpers import log_in, log_out, serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PILOT = "Pilot för en innovativ och hållbar socialtjänst för barn och unga"
STIS = "Stärkt tidigt stöd i samverkan"
IN_REVIEW = "Utökad samverkan kring barnfamiljer i Hässelby-Vällingby"
SAMAGERA = "Team Samagera"
RINKEBY_KISTA = "Rinkeby-Kista stadsdelsförvaltning"


def pk(title: str) -> int:
    return Project.objects.get(title=title).pk


def stis_report_form() -> str:
    stis = Project.objects.get(title=STIS)
    period = stis.reporting_periods.order_by("start", "pk").last()
    unit = OrgUnit.objects.get(name=RINKEBY_KISTA)
    return reverse("followup:report", args=[stis.pk, period.pk, unit.pk])


# (page, expected h1, url) for the fund administrator of Stockholm
STOCKHOLM_PAGES: list[tuple[str, str, Callable[[], str]]] = [
    ("projektlistan", "Projekt", lambda: reverse("projects:list")),
    ("projektsidan, piloten", PILOT, lambda: reverse("projects:detail", args=[pk(PILOT)])),
    ("projektsidan, STIS", STIS, lambda: reverse("projects:detail", args=[pk(STIS)])),
    ("budgetredigeraren", "Budget", lambda: reverse("projects:budget", args=[pk(PILOT)])),
    (
        "fullständig ansökan",
        "Ansökan – insatser sociala investeringsfonden",
        lambda: reverse("projects:application", args=[pk(PILOT), "full"]),
    ),
    (
        "kort ansökan",
        "Ansökan om medel för ytterstadsprojekt",
        lambda: reverse("projects:application", args=[pk(PILOT), "kort"]),
    ),
    ("granskning", "Granskning", lambda: reverse("projects:review", args=[pk(IN_REVIEW)])),
    ("beslut", "Registrera beslut", lambda: reverse("projects:decision", args=[pk(IN_REVIEW)])),
    (
        "uppföljning, STIS",
        f"Uppföljning: {STIS}",
        lambda: reverse("followup:overview", args=[pk(STIS)]),
    ),
    ("rapporteringsformulär, Rinkeby-Kista", "Rapportera: Rinkeby-Kista", stis_report_form),
    (
        "kalkyl, piloten",
        "Socioekonomisk kalkyl",
        lambda: reverse("calculations:detail", args=[pk(PILOT)]),
    ),
    (
        # the pilot's calculation uses payers and value types, which only the case-file editor
        # holds, so its edit link opens that editor
        "kalkylformulär, piloten",
        "Socioekonomisk kalkyl – avancerat",
        lambda: reverse("calculations:edit", args=[pk(PILOT)]),
    ),
    ("import", "Läs in dokument", lambda: reverse("imports:upload")),
    ("sidan finns inte (404)", "Sidan finns inte", lambda: "/projekt/0/"),
]


def check(
    page: Any, base_url: str, name: str, heading: str, url: str, found: dict[str, list[str]]
) -> None:
    from playwright.sync_api import expect

    page.goto(f"{base_url}{url}")
    expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
    violations = serious_violations(page)
    if violations:
        found[f"{name} ({url})"] = violations


def test_every_main_page_has_no_serious_or_critical_axe_violations(
    browser_page: Any, live_server: Any, demo_data: Path
) -> None:
    page, base = browser_page, live_server.url
    found: dict[str, list[str]] = {}

    check(page, base, "inloggning", "Logga in", reverse("login"), found)
    page.get_by_label("Användarnamn").fill("fondforvaltare")
    page.get_by_label("Lösenord").fill("fel lösenord")
    page.get_by_role("button", name="Logga in").click()
    check(page, base, "inloggning med felmeddelande", "Logga in", reverse("login"), found)

    log_in(page, base, demo_data, "fondforvaltare")
    for name, heading, url in STOCKHOLM_PAGES:
        check(page, base, name, heading, url(), found)
    log_out(page)

    log_in(page, base, demo_data, "eskilstuna")
    check(
        page,
        base,
        "projektsidan, Team Samagera",
        SAMAGERA,
        reverse("projects:detail", args=[pk(SAMAGERA)]),
        found,
    )

    for where, violations in found.items():
        print(f"{where}:", *violations, sep="\n  ")
    assert found == {}
