"""Small builders for calculation tests (plain functions, no factories)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sif.calc.casefile import load_case
from sif.calc.model import Scenario, scenario_from_dict

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "calc"


def example(name: str) -> Scenario:
    return load_case(EXAMPLES / f"{name}.toml").scenario


def case_dict(**overrides: Any) -> dict[str, Any]:
    """A valid one-outcome case: 1 MSEK over two years, 10 successes worth 100 000 kr a year."""
    data: dict[str, Any] = {
        "name": "test",
        "start_year": 2020,
        "horizon": 10,
        "costs": [600_000, 400_000],
        "price_adjustment": False,
        "target_group": 200,
        "outcomes": [
            {
                "key": "o",
                "successes": 10,
                "deadweight": 0.2,
                "attribution": 0.5,
                "drop_off": 0.1,
                "values": [
                    {
                        "actor": "kommun.socialtjanst",
                        "amount": 60_000,
                        "price_year": 2020,
                        "source": "test",
                    },
                    {"actor": "stat", "amount": 40_000, "price_year": 2020, "source": "test"},
                ],
            }
        ],
    }
    data.update(overrides)
    return data


def scenario(**overrides: Any) -> Scenario:
    return scenario_from_dict(case_dict(**overrides))


def with_outcome(**fields: Any) -> Scenario:
    data = case_dict()
    data["outcomes"][0].update(fields)
    return scenario_from_dict(data)
