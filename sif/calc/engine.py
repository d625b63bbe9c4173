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


@dataclass(frozen=True)
class OutcomeFigures:
    successes: Value  # gross, as the case file counts them
    effective_share: Value  # (1 − deadweight) × attribution
    target_group: Value | None
    values: dict[str, Value]  # actor -> value per effective success and year, base prices
    value_per_year: Value  # Σ over actors
    profile: FloatArray  # (…, T): share of a success's yearly value that remains in each year
    pv_profile: Value  # Σ_t p_t d_t


@dataclass(frozen=True)
class Figures:
    discount: FloatArray  # (…, T)
    costs: list[Value]  # per cost year, base prices
    pv_costs: Value
    outcomes: list[OutcomeFigures]


def evaluate_figures(scenario: Scenario, resolve: Resolve) -> Figures:
    """Resolve every input once and compute the present values (see the module docstring)."""
    t = np.arange(scenario.horizon, dtype=np.float64)
    rate = resolve(scenario.discount_rate)
    discount = np.power(1.0 + np.asarray(rate, dtype=np.float64)[..., None], -t)
    cost_factor = _factor(scenario, scenario.cost_price_year or scenario.base_year)
    costs = [resolve(c) * cost_factor for c in scenario.costs]
    pv_costs: Value = 0.0
    for j, cost in enumerate(costs):
        pv_costs = pv_costs + cost * discount[..., j]
    group = resolve(scenario.target_group) if scenario.target_group is not None else None
    outcomes = [_outcome(scenario, o, resolve, discount, t, group) for o in scenario.outcomes]
    return Figures(discount=discount, costs=costs, pv_costs=pv_costs, outcomes=outcomes)


def _outcome(
    scenario: Scenario,
    outcome: Outcome,
    resolve: Resolve,
    discount: FloatArray,
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
    profile = _profile(scenario, outcome, drop_off, t)
    pv_profile = np.sum(profile * discount, axis=-1)
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


def _profile(scenario: Scenario, outcome: Outcome, drop_off: Value, t: FloatArray) -> FloatArray:
    start = first_year(scenario, outcome) - scenario.start_year
    end = scenario.horizon if outcome.duration is None else min(scenario.horizon, start + outcome.duration)
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
