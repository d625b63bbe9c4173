"""Demo data: what the five seed documents say, loaded through the services with their real figures.

Nothing here invents a figure. Where the demo needs something a seed does not give (an owner unit,
a status, a decision body), the project's `example_note` says so and the pages show "Exempeldata".
Counts and measurements (STIS, Hela familjen) are loaded by sif/web/followup/demo.py.

This module is the entry point (`sif demo`): it loads the organisation (demo_organisation.py) and
the projects of each municipality (demo_stockholm.py, demo_pilot.py, demo_eskilstuna_malmo.py).
Demo users get passwords generated at load time, written to SIF_DATA_DIR/demo-login.txt.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TextIO

from django.conf import settings

from sif.web.projects.demo_eskilstuna_malmo import hela_familjen_load, samagera_load
from sif.web.projects.demo_organisation import (
    DEMO_USERS,
    demo_funds,
    demo_municipalities,
    demo_units,
    demo_users,
)
from sif.web.projects.demo_pilot import pilot_load
from sif.web.projects.demo_stockholm import stis_load, stockholm_proposals_load, ytterstad_load
from sif.web.projects.models import Project

LOGIN_FILE_NAME = "demo-login.txt"


def load(stdout: TextIO) -> dict[str, tuple[Any, str]]:
    """Load everything (the caller wraps it in one transaction). Returns the users and passwords."""
    ms = demo_municipalities()
    units = demo_units(ms)
    funds = demo_funds(ms)
    users = demo_users(ms, units)
    admin, applicant, reviewer = (
        users["fondforvaltare"][0],
        users["sokande"][0],
        users["granskare"][0],
    )
    stockholm_proposals_load(admin, reviewer, units, funds["stockholm"])
    stis_load(admin, units, funds["stockholm"])
    pilot_load(applicant, admin, units, funds["stockholm"])
    ytterstad_load(applicant, admin, units, funds["stockholm"])
    samagera_load(users["eskilstuna"][0], units, funds["eskilstuna"])
    hela_familjen_load(users["malmo"][0], units, funds["malmo"])
    stdout.write(f"Demodata inläst: {Project.objects.count()} projekt i {len(ms)} kommuner.\n")
    return users


def login_file() -> Path:
    return Path(settings.DATA_DIR) / LOGIN_FILE_NAME


def login_text(users: dict[str, tuple[Any, str]]) -> str:
    lines = [
        "SIF – demoinloggning (endast demodata; lösenorden skapades när demodatan lästes in)",
        "Logga in på sidan /logga-in/ där SIF körs (Django-admin: /admin/).",
        "",
        f"{'användare':<16} {'lösenord':<14} roll",
    ]
    for spec in DEMO_USERS:
        _, password = users[spec.username]
        lines.append(f"{spec.username:<16} {password:<14} {spec.description}")
    return "\n".join(lines) + "\n"


def write_login_file(users: dict[str, tuple[Any, str]]) -> Path:
    path = login_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(login_text(users), encoding="utf-8")
    path.chmod(0o600)
    return path
