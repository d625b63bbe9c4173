"""Property tests of the model's arithmetic and of repayment schedules."""

from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sif.calc.distributions import Fixed
from sif.calc.model import evaluate
from sif.calc.repayment import BudgetFrameReduction, FixedPlan, ShareOfGains, schedule
from tests.calc.builders import with_outcome

shares = st.floats(min_value=0, max_value=1, allow_nan=False)
counts = st.floats(min_value=0, max_value=10_000, allow_nan=False)
rates = st.floats(min_value=0, max_value=0.2, allow_nan=False)


@settings(max_examples=40, deadline=None)
@given(a=counts, b=counts, deadweight=shares, drop_off=shares)
def test_npv_is_linear_in_the_number_of_successes(
    a: float, b: float, deadweight: float, drop_off: float
) -> None:
    def npv(successes: float) -> float:
        return evaluate(
            with_outcome(successes=successes, deadweight=deadweight, drop_off=drop_off)
        ).npv

    zero = npv(0)
    assert npv(a + b) - zero == pytest.approx((npv(a) - zero) + (npv(b) - zero), rel=1e-9, abs=1e-3)


@settings(max_examples=40, deadline=None)
@given(deadweight=st.floats(0, 0.9), attribution=st.floats(0.1, 1), drop_off=shares, rate=rates)
def test_npv_is_zero_at_the_break_even_number(
    deadweight: float, attribution: float, drop_off: float, rate: float
) -> None:
    base = with_outcome(deadweight=deadweight, attribution=attribution, drop_off=drop_off)
    base = replace(base, discount_rate=Fixed(rate))
    break_even = evaluate(base).break_even_successes
    assert break_even is not None
    at_break_even = replace(
        base, outcomes=(replace(base.outcomes[0], successes=Fixed(break_even)),)
    )
    assert evaluate(at_break_even).npv == pytest.approx(0, abs=1e-4)


@settings(max_examples=40, deadline=None)
@given(low=rates, extra=st.floats(0.001, 0.2))
def test_present_values_fall_as_the_discount_rate_rises(low: float, extra: float) -> None:
    scenario = with_outcome(successes=10)
    cheap, dear = (evaluate(replace(scenario, discount_rate=Fixed(r))) for r in (low, low + extra))
    assert dear.pv_costs < cheap.pv_costs
    assert dear.pv_gains < cheap.pv_gains


money = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)
gains_by_year = st.dictionaries(st.integers(2020, 2030), money, max_size=11)


@settings(max_examples=60, deadline=None)
@given(
    granted=money,
    years=st.integers(1, 10),
    share=st.decimals(min_value=0, max_value=1, places=3),
    expected=gains_by_year,
    realised=gains_by_year,
    waived_from=st.none() | st.integers(2019, 2031),
)
def test_a_repayment_schedule_never_exceeds_the_granted_amount(
    granted: Decimal,
    years: int,
    share: Decimal,
    expected: dict[int, Decimal],
    realised: dict[int, Decimal],
    waived_from: int | None,
) -> None:
    rules = [
        FixedPlan(years, 2020),
        ShareOfGains(share, 2020, 2030),
        BudgetFrameReduction(2020, 2030),
    ]
    for rule in rules:
        rows = schedule(
            rule, granted, expected_gains=expected, realised_gains=realised, waived_from=waived_from
        )
        assert sum(r.planned for r in rows) <= granted
        assert sum(r.actual or 0 for r in rows) <= granted
        assert all(Decimal(0) <= r.remaining <= granted for r in rows)


@settings(max_examples=60, deadline=None)
@given(
    drop_off=shares,
    rate=st.floats(-0.05, 0.3),
    first=st.integers(2020, 2029),
    duration=st.none() | st.integers(1, 12),
)
def test_the_monte_carlo_geometric_sum_equals_the_yearly_sum(
    drop_off: float, rate: float, first: int, duration: int | None
) -> None:
    from sif.calc import engine
    from sif.calc.distributions import point

    s = with_outcome(
        drop_off=drop_off, first_year=first, **({"duration": duration} if duration else {})
    )
    s = replace(s, discount_rate=Fixed(rate))
    yearly = engine.evaluate_figures(s, point, yearly=True)
    closed = engine.evaluate_figures(s, point, yearly=False)
    assert closed.outcomes[0].pv_profile == pytest.approx(
        yearly.outcomes[0].pv_profile, rel=1e-6, abs=1e-9
    )
    assert closed.pv_costs == pytest.approx(yearly.pv_costs, rel=1e-12)
