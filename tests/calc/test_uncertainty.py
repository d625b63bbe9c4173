from dataclasses import replace

import numpy as np
import pytest
from scipy import stats

from sif.calc.distributions import (
    Discrete,
    Fixed,
    Pert,
    Triangular,
    Uniform,
    beta,
    bounds,
    point,
    sample,
)
from sif.calc.errors import SifError
from sif.calc.model import evaluate
from sif.calc.uncertainty import monte_carlo, percentiles, tornado
from tests.calc.builders import example, scenario, with_outcome


def hvb_scenario():  # type: ignore[no-untyped-def]
    """Seed 000's HVB placement at 3 000–4 000 kr a day, 365 days, as the avoided cost."""
    data_scenario = with_outcome(successes={"dist": "pert", "low": 0, "mode": 0.3, "high": 1})
    value = replace(
        data_scenario.outcomes[0].values[0],
        amount=Uniform(3000, 4000),
        quantity=Fixed(365),
    )
    outcome = replace(data_scenario.outcomes[0], values=(value,))
    return replace(data_scenario, outcomes=(outcome,))


def test_the_same_seed_gives_the_same_figures() -> None:
    s = hvb_scenario()
    assert monte_carlo(s, 20_000, seed=7) == monte_carlo(s, 20_000, seed=7)
    assert monte_carlo(s, 20_000, seed=7) != monte_carlo(s, 20_000, seed=8)


def test_with_every_input_fixed_monte_carlo_equals_the_point_model() -> None:
    s = example("hasselby_pilot")
    s = replace(s, outcomes=(replace(s.outcomes[0], successes=Fixed(0.05)),))
    mc = monte_carlo(s, 1000, seed=1)
    npv = evaluate(s).npv
    assert (mc.npv.p5, mc.npv.p50, mc.npv.p95) == (
        pytest.approx(npv),
        pytest.approx(npv),
        pytest.approx(npv),
    )
    assert mc.p_npv_positive == 1.0


def test_the_monte_carlo_mean_npv_approaches_the_point_npv_of_a_linear_model() -> None:
    s = hvb_scenario()
    mc = monte_carlo(s, 200_000, seed=3)
    assert mc.npv.mean == pytest.approx(evaluate(s).npv, rel=0.01)
    assert 0 < mc.p_npv_positive < 1
    assert mc.npv.p5 < mc.npv.p50 < mc.npv.p95
    assert mc.break_even_successes.p5 < mc.break_even_successes.p95


@pytest.mark.parametrize(
    ("dist", "mean"),
    [(Uniform(3000, 4000), 3500), (Triangular(0, 3, 6), 3), (Pert(2, 5, 14), 6), (Fixed(4.5), 4.5)],
)
def test_draws_have_the_distributions_mean(dist, mean: float) -> None:  # type: ignore[no-untyped-def]
    draws = sample(dist, np.random.default_rng(0), 200_000)
    assert point(dist) == pytest.approx(mean)
    assert float(np.mean(draws)) == pytest.approx(mean, rel=0.01)
    assert float(np.min(draws)) >= dist.low if not isinstance(dist, Fixed) else True


def test_discrete_draws_take_each_value_with_its_probability() -> None:
    """Green Book 2003, Box 13's outcomes: each NPV drawn as often as its probability says."""
    dist = Discrete((10.0, 20.0, 30.0, 40.0), (0.2, 0.4, 0.3, 0.1))
    draws = sample(dist, np.random.default_rng(0), 100_000)
    assert isinstance(draws, np.ndarray)
    shares = [float(np.mean(draws == v)) for v in dist.values]
    assert shares == pytest.approx([0.2, 0.4, 0.3, 0.1], abs=0.005)
    assert point(dist) == pytest.approx(23.0) and bounds(dist) == (10.0, 40.0)


def test_progress_is_reported_per_chunk_until_done() -> None:
    seen: list[tuple[int, int]] = []
    monte_carlo(
        hvb_scenario(), 120_000, seed=0, progress=lambda done, total: seen.append((done, total))
    )
    assert seen[-1] == (120_000, 120_000) and len(seen) == 3


def test_zero_draws_is_an_error() -> None:
    with pytest.raises(SifError) as info:
        monte_carlo(scenario(), 0)
    assert info.value.code == "draws_not_positive"


def test_the_tornado_ranks_inputs_by_their_swing_in_npv() -> None:
    s = hvb_scenario()
    s = replace(s, discount_rate=Uniform(0.02, 0.05))
    bars = tornado(s)
    assert [b.input for b in bars][0] == "outcomes[0].successes"
    assert {b.input for b in bars} == {
        "outcomes[0].successes",
        "outcomes[0].values[0].amount",
        "discount_rate",
    }
    assert [b.swing for b in bars] == sorted((b.swing for b in bars), reverse=True)
    rate = next(b for b in bars if b.input == "discount_rate")
    assert rate.npv_low > rate.npv_high  # a higher rate lowers NPV here


@pytest.mark.parametrize(("a", "b"), [(1, 5), (5, 1), (3, 3), (1.4, 4.6), (2.2, 3.8), (5.99, 1.01)])
def test_pert_draws_follow_the_beta_distribution(a: float, b: float) -> None:
    """Cheng's algorithm BB against scipy's Beta CDF (Kolmogorov–Smirnov, 200 000 draws)."""
    draws = beta(np.random.default_rng(0), a, b, 200_000)
    assert draws.shape == (200_000,) and 0 <= draws.min() and draws.max() <= 1
    assert stats.kstest(draws, stats.beta(a, b).cdf).pvalue > 0.01


@pytest.mark.parametrize(
    "dist", [Uniform(3000, 4000), Triangular(0, 3, 6), Triangular(0, 0, 6), Triangular(0, 6, 6)]
)
def test_uniform_and_triangular_draws_are_numpys_own(dist) -> None:  # type: ignore[no-untyped-def]
    ours = sample(dist, np.random.default_rng(5), 10_000)
    rng = np.random.default_rng(5)
    if isinstance(dist, Uniform):
        theirs = rng.uniform(dist.low, dist.high, 10_000)
    else:
        theirs = rng.triangular(dist.low, dist.mode, dist.high, 10_000)
    assert np.array_equal(ours, theirs)


@pytest.mark.parametrize("size", [1, 2, 3, 20, 21, 1001, 100_001])
def test_percentiles_equal_numpys(size: int) -> None:
    values = np.random.default_rng(size).normal(size=size)
    assert percentiles(values.copy(), (5, 50, 95)) == np.percentile(values, (5, 50, 95)).tolist()
