"""The seeds' own figures as test cases: PPSS (seed 000), Hässelby-Vällingby (seed 002)."""

import pytest

from sif.calc.distributions import point
from sif.calc.model import Result, Scenario, evaluate
from tests.calc.builders import example


@pytest.fixture(scope="module")
def ppss() -> Scenario:
    return example("ppss")


def test_ppss_target_group_is_13_percent_of_a_cohort_of_8000(ppss: Scenario) -> None:
    assert point(ppss.target_group) == pytest.approx(1040)


def test_ppss_value_per_at_risk_pupil_is_a_ninth_of_6_bn_over_1040(ppss: Scenario) -> None:
    value = ppss.outcomes[0].values[0]
    stockholm = point(value.amount) * point(value.share)
    assert stockholm == pytest.approx(666.67e6, rel=1e-4)  # "cirka 667 miljoner kronor"
    assert stockholm / point(value.divide_by) == pytest.approx(641_025.6, abs=0.1)


def test_ppss_breaks_even_at_about_89_successes(ppss: Scenario) -> None:
    result = evaluate(ppss)
    assert result.break_even_successes == pytest.approx(88.9, abs=0.05)
    assert result.break_even_share == pytest.approx(0.085, abs=0.001)


def test_ppss_reaching_10_percent_of_those_at_risk_pays_for_the_programme(ppss: Scenario) -> None:
    result = evaluate(ppss)
    assert result.pv_costs == pytest.approx(57e6)
    assert result.pv_gains == pytest.approx(104 * 6e9 / 9 / 1040)
    assert result.npv > 0 and result.payback_year == 2016


def test_ppss_with_price_adjustment_needs_fewer_successes(ppss: Scenario) -> None:
    from dataclasses import replace

    adjusted = evaluate(replace(ppss, price_adjustment=True))
    assert adjusted.break_even_successes == pytest.approx(88.92 * 311.43 / 316.43, rel=1e-3)


@pytest.fixture(scope="module")
def hasselby() -> Result:
    return evaluate(example("hasselby_pilot"))


def test_hasselby_costs_are_the_budgets_22540_tkr(hasselby: Result) -> None:
    assert sum(hasselby.costs_by_year) == pytest.approx(22_540_000)
    assert hasselby.gains_by_year[0] == pytest.approx(0.05 * 75.8e6)  # 3,79 MSEK from year one


def test_hasselby_pays_back_undiscounted_in_year_6(hasselby: Result) -> None:
    assert hasselby.payback_year_undiscounted == 2025
    assert hasselby.payback_year_undiscounted - hasselby.years[0] + 1 == 6


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("pv_costs", 9_577_000 + 9_811_000 / 1.035 + 3_152_000 / 1.035**2),
        ("pv_gains", 3_790_000 * sum(1.035**-t for t in range(10))),
    ],
)
def test_hasselby_discounted_figures_at_3_5_percent(
    hasselby: Result, field: str, expected: float
) -> None:
    assert getattr(hasselby, field) == pytest.approx(expected)


def test_hasselby_pays_back_discounted_in_year_7(hasselby: Result) -> None:
    assert hasselby.payback_year == 2026


def test_every_result_explains_itself_with_formula_and_source(hasselby: Result) -> None:
    keys = {line.key for line in hasselby.explanation}
    assert {"pv_costs", "actor_value", "npv", "break_even_successes", "payback_year"} <= keys
    value_line = next(line for line in hasselby.explanation if line.key == "actor_value")
    assert "seed 002" in value_line.source and value_line.value == pytest.approx(75.8e6)
    assert all(line.formula and line.label for line in hasselby.explanation)
