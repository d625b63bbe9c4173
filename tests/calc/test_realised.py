"""Realised gains = measured extra successes × the value of one success, never a budget total."""

from __future__ import annotations

from pathlib import Path

import pytest

from sif.calc.casefile import load_case
from sif.calc.realised import COUNT_MODE, SHARE_MODE, Measured, outcome_mode, realised_gains

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "calc"


def _outcome(name: str):
    case = load_case(EXAMPLES / name)
    return case.scenario, case.scenario.outcomes[0]


def test_the_pilots_outcome_is_a_share_of_the_placement_costs_not_a_count_of_budgets() -> None:
    scenario, outcome = _outcome("hasselby_pilot.toml")
    assert outcome_mode(outcome) == SHARE_MODE
    # 20 of 46 against 35 of 92: 5,43 percentage points, measured on the same share the calculation values.
    difference = 20 / 46 - 35 / 92
    gains = realised_gains(
        outcome,
        Measured(difference, 46, "comparison"),
        scenario.base_year,
        scenario.price_adjustment,
    )
    line = gains.lines[0]
    assert line.actor == "kommun.socialtjanst" and line.value_per_success == pytest.approx(
        75_800_000
    )
    assert line.expected == pytest.approx(3_790_000)
    assert line.realised == pytest.approx(difference * 75_800_000)
    assert 3_000_000 < line.realised < 5_000_000 and line.warnings == ()


def test_the_old_reading_of_the_pilot_a_billion_kronor_a_year_is_flagged() -> None:
    scenario, outcome = _outcome("hasselby_pilot.toml")
    # The old demo's 30 of 46 against 33 of 92: 29 percentage points, six times the expected 5 %.
    gains = realised_gains(
        outcome, Measured(30 / 46 - 33 / 92, 46, "comparison"), scenario.base_year
    )
    assert gains.realised_total < 75_800_000
    assert gains.lines[0].warnings == ("above_expected",)


def test_hela_familjen_counts_families_and_values_each_at_one_household_a_year() -> None:
    scenario, outcome = _outcome("hela_familjen.toml")
    assert outcome_mode(outcome) == COUNT_MODE
    gains = realised_gains(
        outcome, Measured(16 / 50 - 2 / 50, 50, "comparison"), scenario.base_year
    )
    line = gains.lines[0]
    assert gains.measured_successes == pytest.approx(14)
    assert line.realised == pytest.approx(14 * line.value_per_success)
    assert line.expected == pytest.approx(line.realised)
    assert line.relevant_costs == pytest.approx(50 * line.value_per_success)


def test_a_realised_gain_above_the_actors_costs_is_flagged() -> None:
    scenario, outcome = _outcome("hasselby_pilot.toml")
    gains = realised_gains(outcome, Measured(1.2, None, "baseline"), scenario.base_year)
    assert set(gains.lines[0].warnings) == {"above_expected", "above_costs"}


def test_a_fall_in_a_lower_is_better_indicator_is_a_gain() -> None:
    scenario, outcome = _outcome("hela_familjen.toml")
    gains = realised_gains(
        outcome, Measured(-0.1, 50, "comparison", higher_is_better=False), scenario.base_year
    )
    assert gains.measured_successes == pytest.approx(5)
