"""The projects the page tests look at, on top of the shared personas of tests/web/conftest.py.

| project | owner | state |
|---|---|---|
| pilot (seed 002) | unit A, Hässelby-Vällingby | under beredning, budget 2020–2022 as in the seed |
| unit_b_project | unit B, Rinkeby-Kista | förslag, 2013-09-01 – 2014-12-31, another fund |
| malmo_project | Malmö | förslag |
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from sif.web.projects.models import (
    BudgetCategory,
    BudgetCell,
    BudgetRow,
    Fund,
    Project,
    ProjectState,
)
from tests.web.builders import make_fund, make_project

# seed 002, tkr per year
PILOT_BUDGET = [
    (
        BudgetCategory.PERSONNEL,
        "Personalkostnader inkl. ledning och vikarietäckning",
        "inkl. vikarietäckning då medarbetare i ordinarie verksamhet deltar i lärandeaktiviteter och implementeringsplan.",
        {2020: 8177, 2021: 8411, 2022: 1752},
    ),
    (
        BudgetCategory.OTHER,
        "Övriga kostnader",
        "Marknadsföring, digitalt stöd, del av lokalkostnader",
        {2020: 1400, 2021: 1400, 2022: 1400},
    ),
]
PILOT_TITLE = "Pilot för en innovativ och hållbar socialtjänst för barn och unga"


@dataclass
class Pages:
    pilot: Project
    unit_b_project: Project
    malmo_project: Project
    other_fund: Fund


def add_pilot_budget(project: Project) -> None:
    for position, (category, label, footnote, years) in enumerate(PILOT_BUDGET):
        row = BudgetRow.objects.create(
            project=project, category=category, label=label, footnote=footnote, position=position
        )
        for year, tkr in years.items():
            BudgetCell.objects.create(row=row, year=year, amount=Decimal(tkr) * 1000)


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    """The shared personas get passwords; a cheap hasher keeps the page tests fast."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def pages(world: Any) -> Pages:
    pilot = make_project(
        world.fund,
        world.unit_a,
        ProjectState.IN_REVIEW,
        title=PILOT_TITLE,
        sought_amount=Decimal("22540000"),
        units=[world.unit_a],
    )
    add_pilot_budget(pilot)
    other_fund = make_fund(world.sthlm, "Ytterstadssatsningen")
    unit_b_project = make_project(
        other_fund,
        world.unit_b,
        title="Utökad samverkan kring barnfamiljer",
        start_date=date(2013, 9, 1),
        end_date=date(2014, 12, 31),
    )
    malmo_project = make_project(world.malmo_fund, world.malmo_unit, title="Hela familjen")
    return Pages(pilot, unit_b_project, malmo_project, other_fund)
