"""The socioeconomic model: a Scenario in, a Result out, every figure explained.

Formulas (see docs/calculations.md and sif/calc/engine.py):
  PV(costs) = Σ_t K_t / (1 + r)^t, t = 0 in start_year
  PV(gains, actor a) = Σ_outcomes successes × (1 − deadweight) × attribution × v_a × Σ_t p_t / (1 + r)^t
  NPV = PV(gains) − PV(costs); benefit/cost ratio = PV(gains) / PV(costs)
  payback year: the first year in which cumulative discounted gains ≥ cumulative discounted costs
  break-even successes = (PV(costs) − PV(other outcomes)) / PV(one success of the first outcome)
  break-even share = break-even successes / target group
  public sector (SØM's "budgetøkonomisk nettoresultat"): kommun + region + stat, gains − costs
  fiscal value (GMCA): PV of fiscal_cashable + fiscal_non_cashable; fiscal return = it / PV(costs)
All results are numpy float64 estimates converted to Python floats; nothing is rounded here.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field, replace
from typing import Any

import numpy as np

from sif.calc import engine
from sif.calc.actors import WITH_SUB_KEYS, actor_order, is_municipal, is_public, top_level
from sif.calc.adjustments import FISCAL
from sif.calc.distributions import Distribution, point
from sif.calc.errors import SifError
from sif.calc.scenario import ActorValue, Outcome, Scenario, check_scenario

__all__ = [
    "ActorValue",
    "BusinessCase",
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
class BusinessCase:
    """One actor's own case: the costs it pays, the gains it receives, per value type.

    `actor` is a code (`kommun`, `kommun.socialtjanst`, `stat`, …); `kommun` and `stat` sum
    their sub-keys; `offentlig` (only as `Result.public_case`) sums kommun, region and stat.
    NPV = PV(gains) − PV(costs); ratio = PV(gains) / PV(costs) (None without costs); payback: the
    first year cumulative discounted gains ≥ cumulative discounted costs. `costs_by_year` and
    `gains_by_year` are undiscounted, in base-year prices, one per year of the horizon: SØM's
    split of costs and consequences per payer and year.
    """

    actor: str
    pv_costs: float
    pv_gains: float
    npv: float
    benefit_cost_ratio: float | None
    payback_year: int | None
    pv_gains_by_type: dict[str, float]
    costs_by_year: list[float] = field(default_factory=list)
    gains_by_year: list[float] = field(default_factory=list)


PUBLIC_SECTOR = "offentlig"


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
    pv_costs_by_payer: dict[str, float] = field(default_factory=dict)
    pv_gains_by_type: dict[str, float] = field(default_factory=dict)
    pv_transfers: float = 0.0
    business_cases: list[BusinessCase] = field(default_factory=list)
    npv_municipal: float = 0.0
    break_even_successes_municipal: float | None = None
    discount_by_year: list[float] = field(default_factory=list)
    discount_schedule: str = "fixed"
    public_case: BusinessCase | None = None
    pv_fiscal: float = 0.0
    fiscal_return: float | None = None


def resolve_point(d: Distribution) -> float:
    return point(d)


def evaluate(scenario: Scenario) -> Result:
    """Evaluate `scenario` at the point (mean) value of every input. See the module docstring."""
    from sif.calc.explain import explain

    check_scenario(scenario)
    figures = engine.evaluate_figures(scenario, resolve_point)
    costs = _yearly(figures.costs, scenario.horizon)
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
    by_type = {t: float(v) for t, v in engine.pv_gains_by_type(figures).items()}
    pv_fiscal = sum(v for t, v in by_type.items() if t in FISCAL)
    cases = business_cases(scenario, figures, by_actor_year, discount)
    result = Result(
        name=scenario.name,
        years=scenario.years,
        discount_rate=point(scenario.discount_rate),
        price_base_year=scenario.base_year,
        pv_costs=pv_costs,
        pv_gains=pv_gains,
        pv_gains_by_actor=pv_by_actor,
        pv_gains_municipal=sum(v for a, v in pv_by_actor.items() if is_municipal(a)),
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
        pv_costs_by_payer={a: float(v) for a, v in figures.pv_costs_by_payer.items()},
        pv_gains_by_type=by_type,
        pv_transfers=float(engine.pv_transfers(figures)),
        business_cases=cases,
        npv_municipal=float(engine.municipal_npv(figures)),
        break_even_successes_municipal=_finite(
            engine.break_even_successes(figures, municipal=True)
        ),
        discount_schedule=scenario.discount_schedule,
        discount_by_year=[float(d) for d in discount],
        public_case=_case(PUBLIC_SECTOR, scenario, figures, by_actor_year, discount, is_public)
        if any(is_public(c.actor) for c in cases)
        else None,
        pv_fiscal=pv_fiscal,
        fiscal_return=pv_fiscal / pv_costs if pv_costs > 0 else None,
    )
    for name in ("pv_costs", "pv_gains", "npv"):
        if not math.isfinite(getattr(result, name)):
            raise SifError("result_not_finite", field=name)
    return replace(result, explanation=explain(scenario, figures, result))


def _yearly(values: list[Any], horizon: int) -> Any:
    out = np.zeros(horizon)
    out[: len(values)] = [float(v) for v in values]
    return out


def business_cases(
    scenario: Scenario, figures: engine.Figures, gains_by_actor_year: dict[str, Any], discount: Any
) -> list[BusinessCase]:
    """A case for each actor that pays or gains, and for `kommun` and `stat` as a whole."""
    codes = set(gains_by_actor_year) | set(figures.costs_by_payer)
    groups = {top_level(c) for c in codes if top_level(c) in WITH_SUB_KEYS}
    cases = []
    for actor in sorted(codes | groups, key=actor_order):

        def member(code: str, actor: str = actor) -> bool:
            return code == actor or (actor in groups and top_level(code) == actor)

        if (
            actor in groups
            and not any(member(c) and c != actor for c in codes)
            and actor not in codes
        ):
            continue
        cases.append(_case(actor, scenario, figures, gains_by_actor_year, discount, member))
    return cases


def _case(
    actor: str,
    scenario: Scenario,
    figures: engine.Figures,
    gains_by_actor_year: dict[str, Any],
    discount: Any,
    member: Any,
) -> BusinessCase:
    """The business case of every actor code for which `member(code)` holds, named `actor`."""
    costs = sum(
        (_yearly(v, scenario.horizon) for a, v in figures.costs_by_payer.items() if member(a)),
        np.zeros(scenario.horizon),
    )
    gains = sum(
        (v for a, v in gains_by_actor_year.items() if member(a)), np.zeros(scenario.horizon)
    )
    pv_costs, pv_gains = float(np.sum(costs * discount)), float(np.sum(gains * discount))
    return BusinessCase(
        actor=actor,
        pv_costs=pv_costs,
        pv_gains=pv_gains,
        npv=pv_gains - pv_costs,
        benefit_cost_ratio=pv_gains / pv_costs if pv_costs > 0 else None,
        payback_year=_payback(scenario, costs * discount, gains * discount)
        if pv_costs > 0
        else None,
        pv_gains_by_type=_types_for(figures, member),
        costs_by_year=[float(c) for c in costs],
        gains_by_year=[float(g) for g in gains],
    )


def _types_for(figures: engine.Figures, member: Any) -> dict[str, float]:
    totals: dict[str, float] = {}
    for o in figures.outcomes:
        scale = o.successes * o.effective_share * o.pv_profile
        for flow in o.flows:
            if member(flow.actor):
                totals[flow.value_type] = totals.get(flow.value_type, 0.0) + float(
                    scale * flow.value
                )
    return totals


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
