"""Uncertainty that shows (issue 14, point 4): ranges in every demo case, the payback year's
distribution, P(the municipality's NPV > 0) beside P(NPV > 0), and the tornado per actor."""

from __future__ import annotations

from dataclasses import replace

import pytest

from sif.calc.distributions import Fixed, is_uncertain
from sif.calc.errors import SifError
from sif.calc.model import evaluate
from sif.calc.scenario import inputs
from sif.calc.uncertainty import monte_carlo, tornado
from tests.calc.builders import example

CASES = ("ppss", "hasselby_pilot", "hela_familjen")


@pytest.mark.parametrize("name", CASES)
def test_every_demo_case_has_a_range_marked_exempeldata_or_sourced(name: str) -> None:
    scenario = example(name)
    assert any(is_uncertain(d) for _, d in inputs(scenario))
    assert any(a.startswith("Exempeldata") for a in scenario.assumptions)


@pytest.mark.parametrize("name", CASES)
def test_the_demo_cases_monte_carlo_no_longer_shows_one_figure(name: str) -> None:
    mc = monte_carlo(example(name), 5_000, seed=1)
    assert mc.npv.p5 is not None and mc.npv.p95 is not None and mc.npv.p5 < mc.npv.p95


def test_ppss_gives_society_a_chance_but_the_municipality_none() -> None:
    mc = monte_carlo(example("ppss"), 20_000, seed=1)
    assert 0.5 < mc.p_npv_positive < 1
    assert mc.p_municipal_npv_positive == 0.0
    assert mc.municipal_npv.p50 == pytest.approx(-57e6, rel=0.1)


def test_hela_familjen_pays_off_for_the_municipality_but_not_for_society_without_earnings() -> None:
    mc = monte_carlo(example("hela_familjen"), 20_000, seed=1)
    assert mc.p_npv_positive == 0.0
    assert mc.p_municipal_npv_positive > 0.5


def test_the_payback_years_shares_and_never_add_up_to_one() -> None:
    mc = monte_carlo(example("hasselby_pilot"), 20_000, seed=2)
    assert sum(mc.payback_year_shares.values()) + mc.payback_never_share == pytest.approx(1)
    assert set(mc.payback_year_shares) <= set(range(2020, 2030))
    assert mc.payback_year_p50 == 2026  # the point model's payback year at the mean saving
    assert 0 < mc.payback_never_share < 0.5


def test_with_fixed_inputs_every_draw_pays_back_in_the_point_models_year() -> None:
    s = example("hasselby_pilot")
    s = replace(s, outcomes=(replace(s.outcomes[0], successes=Fixed(0.05)),))
    mc = monte_carlo(s, 500, seed=1)
    assert mc.payback_year_shares == {evaluate(s).payback_year: 1.0}
    assert mc.p_municipal_npv_positive == mc.p_npv_positive == 1.0


def test_the_municipal_tornado_ranks_inputs_by_the_municipalitys_own_npv() -> None:
    s = example("hela_familjen")
    social, own = tornado(s), tornado(s, municipal=True)
    assert [b.input for b in own][0] == "outcomes[0].successes"
    assert next(b for b in social if b.input == "outcomes[0].successes").swing == pytest.approx(
        0, abs=1e-6
    )
    assert next(b for b in own if b.input == "costs[0]").swing == pytest.approx(1_000_000)


def test_more_than_a_million_draws_is_refused() -> None:
    with pytest.raises(SifError) as info:
        monte_carlo(example("ppss"), 1_000_001)
    assert info.value.code == "monte_carlo_draws_too_many"
