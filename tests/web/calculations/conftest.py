"""Projects for the calculation tests, on top of the shared personas of tests/web/conftest.py.

| project | owner | state | calculation |
|---|---|---|---|
| pilot (seed 002) | unit A | under beredning, budget 2020–2022 as in the seed | none (tests save one) |
| granted | unit A | beviljad | none |
| malmo_project | Malmö | förslag | none |
"""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from sif.web.calculations.models import Calculation
from sif.web.projects.models import BudgetCategory, BudgetCell, BudgetRow, Project, ProjectState
from tests.web.builders import make_project

EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "calc"
# seed 002, kronor per year
PILOT_BUDGET = {
    BudgetCategory.PERSONNEL: {2020: 8_177_000, 2021: 8_411_000, 2022: 1_752_000},
    BudgetCategory.OTHER: {2020: 1_400_000, 2021: 1_400_000, 2022: 1_400_000},
}


def case(name: str) -> dict[str, Any]:
    """A seed case file (examples/calc/<name>.toml) as case-file data."""
    return tomllib.loads((EXAMPLES / f"{name}.toml").read_text(encoding="utf-8"))


def store(
    project: Project, data: dict[str, Any], user: Any = None, purpose: str = "expected"
) -> Calculation:
    """A calculation straight into the database (no service), for tests of reading."""
    version = Calculation.objects.filter(project=project).count() + 1
    return Calculation.objects.create(
        project=project, version=version, purpose=purpose, scenario=data, created_by=user
    )


@pytest.fixture
def pilot(world: Any) -> Project:
    project = make_project(world.fund, world.unit_a, ProjectState.IN_REVIEW)
    for position, (category, years) in enumerate(PILOT_BUDGET.items()):
        row = BudgetRow.objects.create(project=project, category=category, position=position)
        for year, amount in years.items():
            BudgetCell.objects.create(row=row, year=year, amount=Decimal(amount))
    return project


@pytest.fixture
def granted(world: Any) -> Project:
    return make_project(world.fund, world.unit_a, ProjectState.GRANTED, title="Beviljat projekt")


@pytest.fixture
def malmo_project(world: Any) -> Project:
    return make_project(world.malmo_fund, world.malmo_unit, title="Hela familjen")
