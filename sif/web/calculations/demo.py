"""Demo calculations: the three seed cases of examples/calc attached to their projects through the
service (so the event log has them). The figures the seeds do not give are the files' stated
assumptions, which the page shows with the "Antagande" badge."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import TextIO

from django.conf import settings

from sif.web.accounts.models import Membership, Role
from sif.web.calculations.models import Purpose
from sif.web.calculations.services import calculation_save
from sif.web.projects.models import Project

EXAMPLES = Path(settings.REPO_DIR) / "examples" / "calc"
CASES = (
    ("Utvidga PPSS – tydligare form", "ppss.toml"),
    ("Pilot för en innovativ och hållbar socialtjänst för barn och unga", "hasselby_pilot.toml"),
    ("Hela familjen", "hela_familjen.toml"),
)
LABEL = "Kalkyl enligt källdokumentet"


def load(stdout: TextIO) -> int:
    """Attach each case to the project with that exact title; returns how many were attached."""
    attached = 0
    for title, name in CASES:
        project = Project.objects.filter(title=title).order_by("pk").first()
        if project is None:
            stdout.write(f"Ingen kalkyl för {title}: projektet finns inte.\n")
            continue
        admin = (
            Membership.objects.filter(
                municipality_id=project.municipality_id, role=Role.FUND_ADMIN, unit__isnull=True
            )
            .select_related("user")
            .order_by("pk")
            .first()
        )
        data = tomllib.loads((EXAMPLES / name).read_text(encoding="utf-8"))
        calculation_save(
            actor=admin.user if admin else None,
            project=project,
            scenario=data,
            purpose=Purpose.EXPECTED,
            label=LABEL,
            note="Inläst från SIF:s exempelkalkyl för projektet, byggd på källdokumentets uppgifter.",
        )
        attached += 1
    stdout.write(f"Demodata: {attached} socioekonomiska kalkyler.\n")
    return attached
