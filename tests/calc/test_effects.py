"""Hela familjen (seed 000): 16 vs 2 families self-sufficient; group sizes are inputs."""

import pytest
from scipy import stats

from sif.calc.casefile import load_case
from sif.calc.effects import (
    difference_in_differences,
    extra_successes,
    realised_gains,
    risk_difference,
    wilson_interval,
)
from sif.calc.errors import SifError
from tests.calc.builders import EXAMPLES


@pytest.mark.parametrize(
    ("n1", "n0", "difference", "ci_low", "ci_high"),
    [
        (50, 50, 0.28, 0.1331, 0.4211),
        (40, 40, 0.35, 0.1715, 0.5082),
        (100, 100, 0.14, 0.0626, 0.2254),
    ],
)
def test_hela_familjen_risk_difference_with_newcombe_interval(
    n1: int, n0: int, difference: float, ci_low: float, ci_high: float
) -> None:
    rd = risk_difference(16, n1, 2, n0)
    assert rd.difference == pytest.approx(difference)
    assert (rd.ci_low, rd.ci_high) == (
        pytest.approx(ci_low, abs=5e-4),
        pytest.approx(ci_high, abs=5e-4),
    )
    assert rd.ci_low < rd.difference < rd.ci_high


def test_hela_familjen_fisher_p_matches_scipy_and_is_small() -> None:
    rd = risk_difference(16, 50, 2, 50)
    assert rd.fisher_p == pytest.approx(stats.fisher_exact([[16, 34], [2, 48]])[1])
    assert rd.fisher_p == pytest.approx(0.000427, abs=1e-6)


@pytest.mark.parametrize(
    ("x1", "n1", "x0", "n0"), [(16, 50, 2, 50), (16, 30, 2, 60), (3, 12, 0, 9)]
)
def test_newcombe_interval_agrees_with_statsmodels(x1: int, n1: int, x0: int, n0: int) -> None:
    from statsmodels.stats.proportion import confint_proportions_2indep

    low, high = confint_proportions_2indep(x1, n1, x0, n0, method="newcomb", compare="diff")
    rd = risk_difference(x1, n1, x0, n0)
    assert (rd.ci_low, rd.ci_high) == (pytest.approx(low), pytest.approx(high))


def test_wilson_interval_of_a_textbook_case() -> None:
    # Newcombe (1998), example: 81/263 -> 0.2553 to 0.3662
    low, high = wilson_interval(81, 263)
    assert (low, high) == (pytest.approx(0.2553, abs=1e-4), pytest.approx(0.3662, abs=1e-4))


def test_newcombe_interval_of_the_published_example() -> None:
    # Newcombe (1998) Table II, example (a): 56/70 vs 48/80 -> 0.0524 to 0.3339
    rd = risk_difference(56, 70, 48, 80)
    assert (rd.ci_low, rd.ci_high) == (
        pytest.approx(0.0524, abs=1e-4),
        pytest.approx(0.3339, abs=1e-4),
    )


def test_difference_in_differences_subtracts_the_comparison_groups_change() -> None:
    did = difference_in_differences(before_i=0.30, after_i=0.50, before_c=0.30, after_c=0.35)
    assert did.difference == pytest.approx(0.15)


def test_an_effect_becomes_realised_gains_through_the_outcomes_values() -> None:
    case = load_case(EXAMPLES / "hela_familjen.toml")
    extra = extra_successes(risk_difference(16, 50, 2, 50), 50)
    gains = realised_gains(extra, case.scenario.outcomes[0], 2014)
    assert extra == pytest.approx(14)
    assert gains == {"kommun.ekonomiskt_bistand": pytest.approx(14 * 47_000 * 313.49 / 314.20)}


def test_the_hela_familjen_case_states_its_group_sizes_as_an_assumption() -> None:
    case = load_case(EXAMPLES / "hela_familjen.toml")
    assert any("50 familjer" in a for a in case.scenario.assumptions)
    assert case.effect is not None and case.effect["intervention_n"] == 50


@pytest.mark.parametrize(
    ("args", "code"),
    [
        ((-1, 50, 2, 50), "negative_count"),
        ((16, 0, 2, 50), "group_size_not_positive"),
        ((16, 10, 2, 50), "successes_exceed_group"),
    ],
)
def test_impossible_counts_are_errors(args: tuple[int, int, int, int], code: str) -> None:
    with pytest.raises(SifError) as info:
        risk_difference(*args)
    assert info.value.code == code


def test_fishers_exact_test_without_scipy_agrees_with_scipy_on_small_and_tied_tables() -> None:
    from sif.calc.effects import fisher_exact_two_sided

    tables = [
        (a, b, c, d) for a in (0, 1, 3, 7) for b in (0, 2, 5) for c in (0, 4, 9) for d in (1, 6)
    ]
    tables += [(16, 34, 2, 48), (50, 50, 50, 50), (120, 80, 95, 105), (0, 0, 0, 0)]
    for a, b, c, d in tables:
        expected = stats.fisher_exact([[a, b], [c, d]])[1]
        assert fisher_exact_two_sided(a, b, c, d) == pytest.approx(expected, rel=1e-9, abs=1e-12)
