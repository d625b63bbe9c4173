"""The model's arithmetic, written once for a point (floats) and for Monte Carlo (arrays of draws).

`resolve` turns each input Distribution into a number: its mean for the deterministic model, a
float64 array of draws for Monte Carlo. numpy broadcasting does the rest: a year axis is the last
axis, draws (if any) the first. Each input is resolved exactly once per evaluation, in the order
`scenario.inputs` lists them, so a seeded run is reproducible.

Formulas (t = year − start_year, r = real discount rate):
  discount factor        d_t = (1 + r)^−t
  cost in base prices    K_t = cost_t × KPI(base) / KPI(cost price year)
  value per success·year v_a = amount × quantity × share / divide_by × KPI(base) / KPI(price year)
  effective successes    e   = successes × (1 − deadweight) × attribution
  profile                p_t = (1 − drop_off)^(t − t_first) for t_first ≤ t < t_first + duration
  PV costs               Σ_t K_t d_t
  PV gains (actor a)     e × v_a × Σ_t p_t d_t

With `yearly=False` (Monte Carlo) no (draws × years) array is built: Σ_t p_t d_t is the geometric
sum (1 + r)^−s × (1 − a^D) / (1 − a), a = (1 − drop_off) / (1 + r), s = t_first, D = the number
of years with gains (D when a = 1), and the costs are discounted year by year. The point model
(`yearly=True`) sums the yearly arrays; a test checks that both give the same figures.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from sif.calc.distributions import Distribution, FloatArray
from sif.calc.price_index import price_factor
from sif.calc.scenario import ActorValue, Outcome, Scenario, first_year, outcome_target_group

Value = float | FloatArray
Resolve = Callable[[Distribution], Value]


_NEAR_ONE = 1e-6


@dataclass(frozen=True)
class OutcomeFigures:
    successes: Value  # gross, as the case file counts them
    effective_share: Value  # (1 − deadweight) × attribution
    target_group: Value | None
    values: dict[str, Value]  # actor -> value per effective success and year, base prices
    value_per_year: Value  # Σ over actors
    profile: FloatArray | None  # (…, T): share of a yearly value that remains; None if not yearly
    pv_profile: Value  # Σ_t p_t d_t


@dataclass(frozen=True)
class Figures:
    discount: FloatArray | None  # (…, T); None if not yearly
    costs: list[Value]  # per cost year, base prices
    pv_costs: Value
    outcomes: list[OutcomeFigures]


def evaluate_figures(scenario: Scenario, resolve: Resolve, yearly: bool = True) -> Figures:
    """Resolve every input once and compute the present values (see the module docstring)."""
    t = np.arange(scenario.horizon, dtype=np.float64)
    rate = resolve(scenario.discount_rate)
    discount = np.power(1.0 + np.asarray(rate, dtype=np.float64)[..., None], -t) if yearly else None
    cost_factor = _factor(scenario, scenario.cost_price_year or scenario.base_year)
    costs = [resolve(c) * cost_factor for c in scenario.costs]
    pv_costs: Value = 0.0
    factor: Value = 1.0
    for j, cost in enumerate(costs):
        pv_costs = pv_costs + cost * (discount[..., j] if discount is not None else factor)
        factor = factor / (1.0 + rate)
    group = resolve(scenario.target_group) if scenario.target_group is not None else None
    outcomes = [_outcome(scenario, o, resolve, rate, discount, t, group) for o in scenario.outcomes]
    return Figures(discount=discount, costs=costs, pv_costs=pv_costs, outcomes=outcomes)


def _outcome(
    scenario: Scenario,
    outcome: Outcome,
    resolve: Resolve,
    rate: Value,
    discount: FloatArray | None,
    t: FloatArray,
    scenario_group: Value | None,
) -> OutcomeFigures:
    successes = resolve(outcome.successes) if outcome.successes is not None else None
    effect = resolve(outcome.effect) if outcome.effect is not None else None
    group = resolve(outcome.target_group) if outcome.target_group is not None else scenario_group
    if successes is None:
        assert effect is not None and group is not None  # check_scenario guarantees it
        successes = group * effect
    effective_share = (1.0 - resolve(outcome.deadweight)) * resolve(outcome.attribution)
    drop_off = resolve(outcome.drop_off)
    values: dict[str, Value] = {}
    for value in outcome.values:
        values[value.actor] = values.get(value.actor, 0.0) + _actor_value(scenario, value, resolve)
    start, end = _active_years(scenario, outcome)
    if discount is not None:
        yearly_profile = _profile(start, end, drop_off, t)
        profile: FloatArray | None = yearly_profile
        pv_profile: Value = np.sum(yearly_profile * discount, axis=-1)
    else:
        profile, pv_profile = None, _pv_profile(start, end, drop_off, rate)
    return OutcomeFigures(
        successes=successes,
        effective_share=effective_share,
        target_group=group if outcome_target_group(scenario, outcome) is not None else None,
        values=values,
        value_per_year=sum(values.values(), 0.0),
        profile=profile,
        pv_profile=pv_profile,
    )


def _actor_value(scenario: Scenario, value: ActorValue, resolve: Resolve) -> Value:
    raw = resolve(value.amount) * resolve(value.quantity) * resolve(value.share)
    return raw / resolve(value.divide_by) * _factor(scenario, value.price_year)


def _active_years(scenario: Scenario, outcome: Outcome) -> tuple[int, int]:
    """[start, end) in years since start_year in which the outcome yields gains."""
    start = first_year(scenario, outcome) - scenario.start_year
    end = (
        scenario.horizon
        if outcome.duration is None
        else min(scenario.horizon, start + outcome.duration)
    )
    return start, end


def _pv_profile(start: int, end: int, drop_off: Value, rate: Value) -> Value:
    """Σ_{t=start}^{end−1} (1 − drop_off)^(t − start) / (1 + r)^t as a geometric sum."""
    years = end - start
    a = np.asarray((1.0 - drop_off) / (1.0 + rate), dtype=np.float64)
    gap = 1.0 - a
    near = np.abs(gap) < _NEAR_ONE
    with np.errstate(divide="ignore", invalid="ignore"):
        exact = (1.0 - a**years) / np.where(near, 1.0, gap)
    series = years - years * (years - 1) / 2 * gap  # first-order expansion around a = 1
    total = np.where(near, series, exact) * (1.0 + np.asarray(rate, dtype=np.float64)) ** -start
    return float(total) if total.ndim == 0 else total


def _profile(start: int, end: int, drop_off: Value, t: FloatArray) -> FloatArray:
    active = (t >= start) & (t < end)
    since = np.where(active, t - start, 0.0)
    remaining = np.power(1.0 - np.asarray(drop_off, dtype=np.float64)[..., None], since)
    return np.where(active, remaining, 0.0)


def _factor(scenario: Scenario, price_year: int) -> float:
    if not scenario.price_adjustment:
        return 1.0
    return float(price_factor(price_year, scenario.base_year))


def pv_gains_by_actor(figures: Figures) -> dict[str, Value]:
    """Σ over outcomes of successes × effective share × v_a × Σ_t p_t d_t, per actor."""
    totals: dict[str, Value] = {}
    for o in figures.outcomes:
        scale = o.successes * o.effective_share * o.pv_profile
        for actor, value in o.values.items():
            totals[actor] = totals.get(actor, 0.0) + scale * value
    return totals


def pv_gains_of(o: OutcomeFigures) -> Value:
    return o.successes * o.effective_share * o.value_per_year * o.pv_profile


def pv_per_success(o: OutcomeFigures) -> Value:
    """PV of one gross success: (1 − deadweight) × attribution × Σ_a v_a × Σ_t p_t d_t."""
    return o.effective_share * o.value_per_year * o.pv_profile


def break_even_successes(figures: Figures) -> Value:
    """Successes of the first (primary) outcome that make NPV = 0, the other outcomes unchanged:
    (PV(costs) − PV(gains of the other outcomes)) / PV(one success). NaN where one success is
    worth nothing (or there is no outcome): no number of successes breaks even."""
    if not figures.outcomes:
        return float("nan")
    primary, others = figures.outcomes[0], figures.outcomes[1:]
    rest: Value = sum((pv_gains_of(o) for o in others), 0.0)
    unit = np.asarray(pv_per_success(primary), dtype=np.float64)
    need = np.asarray(figures.pv_costs - rest, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        result = np.where(unit > 0, need / np.where(unit > 0, unit, 1.0), np.nan)
    return float(result) if result.ndim == 0 else result
