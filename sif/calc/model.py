"""The socioeconomic model: a Scenario in, a Result out, every figure explained.

Formulas (see docs/calculations.md and sif/calc/engine.py):
  PV(costs) = Σ_t K_t / (1 + r)^t, t = 0 in start_year
  PV(gains, actor a) = Σ_outcomes successes × (1 − deadweight) × attribution × v_a × Σ_t p_t / (1 + r)^t
  NPV = PV(gains) − PV(costs); benefit/cost ratio = PV(gains) / PV(costs)
  payback year: the first year in which cumulative discounted gains ≥ cumulative discounted costs
  break-even successes = (PV(costs) − PV(other outcomes)) / PV(one success of the first outcome)
  break-even share = break-even successes / target group
All results are numpy float64 estimates converted to Python floats; nothing is rounded here.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field, replace
from typing import Any

import numpy as np

from sif.calc import engine
from sif.calc.distributions import Distribution, point
from sif.calc.scenario import ActorValue, Outcome, Scenario, check_scenario

__all__ = [
    "ActorValue",
    "Explanation",
    "Outcome",
    "Result",
    "Scenario",
    "evaluate",
    "result_to_dict",
    "scenario_from_dict",
]


@dataclass(frozen=True)
class Explanation:
    """One line of "how was this computed": what, by which formula, from which inputs and sources."""

    key: str
    label: str
    formula: str
    inputs: dict[str, Any]
    value: float | int | None
    source: str = ""


@dataclass(frozen=True)
class Result:
    name: str
    years: list[int]
    discount_rate: float
    price_base_year: int
    pv_costs: float
    pv_gains: float
    pv_gains_by_actor: dict[str, float]
    pv_gains_municipal: float
    npv: float
    benefit_cost_ratio: float | None
    payback_year: int | None
    payback_year_undiscounted: int | None
    break_even_successes: float | None
    break_even_share: float | None
    costs_by_year: list[float]
    gains_by_year: list[float]
    gains_by_actor_by_year: dict[str, list[float]]
    assumptions: list[str] = field(default_factory=list)
    explanation: list[Explanation] = field(default_factory=list)


def resolve_point(d: Distribution) -> float:
    return point(d)


def evaluate(scenario: Scenario) -> Result:
    """Evaluate `scenario` at the point (mean) value of every input. See the module docstring."""
    from sif.calc.explain import explain

    check_scenario(scenario)
    figures = engine.evaluate_figures(scenario, resolve_point)
    costs = np.zeros(scenario.horizon)
    costs[: len(figures.costs)] = [float(c) for c in figures.costs]
    by_actor_year = _gains_by_actor_by_year(figures, scenario.horizon)
    gains = (
        np.sum(list(by_actor_year.values()), axis=0)
        if by_actor_year
        else np.zeros(scenario.horizon)
    )
    discount = figures.discount
    assert discount is not None
    pv_by_actor = {a: float(v) for a, v in engine.pv_gains_by_actor(figures).items()}
    pv_costs, pv_gains = float(figures.pv_costs), float(sum(pv_by_actor.values()))
    break_even = _finite(engine.break_even_successes(figures))
    group = figures.outcomes[0].target_group if figures.outcomes else None
    result = Result(
        name=scenario.name,
        years=scenario.years,
        discount_rate=point(scenario.discount_rate),
        price_base_year=scenario.base_year,
        pv_costs=pv_costs,
        pv_gains=pv_gains,
        pv_gains_by_actor=pv_by_actor,
        pv_gains_municipal=sum(v for a, v in pv_by_actor.items() if a.split(".")[0] == "kommun"),
        npv=pv_gains - pv_costs,
        benefit_cost_ratio=pv_gains / pv_costs if pv_costs > 0 else None,
        payback_year=_payback(scenario, costs * discount, gains * discount),
        payback_year_undiscounted=_payback(scenario, costs, gains),
        break_even_successes=break_even,
        break_even_share=break_even / float(group) if break_even is not None and group else None,
        costs_by_year=[float(c) for c in costs],
        gains_by_year=[float(g) for g in gains],
        gains_by_actor_by_year={a: [float(x) for x in v] for a, v in by_actor_year.items()},
        assumptions=list(scenario.assumptions),
    )
    return replace(result, explanation=explain(scenario, figures, result))


def _gains_by_actor_by_year(figures: engine.Figures, horizon: int) -> dict[str, Any]:
    totals: dict[str, Any] = {}
    for o in figures.outcomes:
        assert o.profile is not None  # evaluate() asks for yearly figures
        per_success = o.successes * o.effective_share * o.profile
        for actor, value in o.values.items():
            totals[actor] = totals.get(actor, np.zeros(horizon)) + per_success * value
    return totals


def _payback(scenario: Scenario, costs: Any, gains: Any) -> int | None:
    """First year in which cumulative gains ≥ cumulative costs (a 1e-9 kr tolerance); None if never."""
    reached = np.nonzero(np.cumsum(gains) >= np.cumsum(costs) - 1e-9)[0]
    return scenario.start_year + int(reached[0]) if reached.size else None


def _finite(value: Any) -> float | None:
    number = float(value)
    return number if math.isfinite(number) else None


def result_to_dict(result: Result) -> dict[str, Any]:
    """The result as plain JSON-safe data (floats, ints, strings, lists, dicts, None)."""
    return asdict(result)


def scenario_from_dict(data: dict[str, Any]) -> Scenario:
    """Build and check a Scenario from the case-file format (docs/calculations.md)."""
    from sif.calc.casefile import scenario_from_dict as parse

    return parse(data)
