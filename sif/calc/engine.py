"""The model's arithmetic, written once for a point (floats) and for Monte Carlo (arrays of draws).

`resolve` turns each input Distribution into a number: its mean for the deterministic model, a
float64 array of draws for Monte Carlo. numpy broadcasting does the rest: a year axis is the last
axis, draws (if any) the first. Each input is resolved exactly once per evaluation, in the order
`scenario.inputs` lists them, so a seeded run is reproducible.

Formulas (t = year − start_year, k = t − t_first):
  discount factor        d_t = (1 + r)^−t; Green Book schedule: d_t = d_lo × (1 + r_band)^−(t − lo)
                         with bands (0, 3.5 %), (30, 3.0 %), (75, 2.5 %)
  cost in base prices    K_t = Σ_items (amount_t or per_participant × participants_t)
                               × KPI(base) / KPI(cost price year) × (1 + optimism bias), the
                               item's own `optimism_bias` or else `optimism_bias_costs`
  value per success·year v_a = amount × quantity × share / divide_by × KPI(base) / KPI(price year)
                         (a transfer: + v on the payer, − v on the counterpart)
  effective share        (1 − deadweight)(1 − displacement)(1 − leakage) × attribution
                         × (1 − optimism_bias_gains)
  profile                p_t = ramp_k × (1 − drop_off)^k for 0 ≤ k < duration, else 0
  PV costs (payer)       Σ_t K_t,payer d_t
  PV gains (actor a)     successes × effective share × v_a × Σ_t p_t d_t

With `yearly=False` (Monte Carlo) no (draws × years) array is built: Σ_t p_t d_t is a geometric
sum per discount band, (d_u)(1 − drop)^(u − s)(1 − a^m)/(1 − a), a = (1 − drop)/(1 + r_band), plus
the ramp-up's few corrections Σ_k (ramp_k − 1)(1 − drop)^k d_(s+k). The point model
(`yearly=True`) sums the yearly arrays; a property test checks that both give the same figures.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from sif.calc.actors import is_municipal
from sif.calc.adjustments import GREEN_BOOK, GREEN_BOOK_BANDS, TRANSFER
from sif.calc.distributions import Distribution, FloatArray
from sif.calc.price_index import price_factor
from sif.calc.scenario import (
    ActorValue,
    CostItem,
    Outcome,
    Scenario,
    all_cost_items,
    first_year,
    outcome_target_group,
)

Value = float | FloatArray
Resolve = Callable[[Distribution], Value]
Band = tuple[int, Value, Value]  # (first t of the band, rate, d at that t)

_NEAR_ONE = 1e-6


@dataclass(frozen=True)
class Flow:
    """One actor's value per effective success and year (base prices) of one type."""

    actor: str
    value_type: str
    transfer: bool
    value: Value


@dataclass(frozen=True)
class OutcomeFigures:
    successes: Value  # gross, as the case file counts them
    effective_share: Value  # the adjustments' product (module docstring)
    target_group: Value | None
    flows: list[Flow]
    values: dict[str, Value]  # actor -> Σ flows (transfers netted per actor)
    value_per_year: Value  # Σ over actors: the social value (transfers cancel)
    profile: FloatArray | None  # (…, T): share of a yearly value that remains; None if not yearly
    pv_profile: Value  # Σ_t p_t d_t
    window: tuple[int, int]  # [start, end) in t
    drop_off: Value
    ramp_up: tuple[float, ...]


@dataclass(frozen=True)
class Figures:
    discount: FloatArray | None  # (…, T); None if not yearly
    bands: list[Band]
    costs: list[Value]  # per cost year, base prices, optimism bias applied
    costs_by_payer: dict[str, list[Value]]
    pv_costs: Value
    pv_costs_by_payer: dict[str, Value]
    outcomes: list[OutcomeFigures]


def evaluate_figures(scenario: Scenario, resolve: Resolve, yearly: bool = True) -> Figures:
    """Resolve every input once and compute the present values (see the module docstring)."""
    t = np.arange(scenario.horizon, dtype=np.float64)
    rate = resolve(scenario.discount_rate) if scenario.discount_schedule != GREEN_BOOK else 0.0
    bands = discount_bands(scenario, rate)
    discount = discount_array(bands, t) if yearly else None
    items = _item_costs_in_base_prices(scenario, resolve)
    bias = 1.0 + resolve(scenario.optimism_bias_costs)
    by_payer = _costs_by_payer(items, bias)
    years = max((len(c) for c in by_payer.values()), default=0)
    d = discounts(bands, years)
    pv_by_payer = {
        payer: sum((_times(c, d[j]) for j, c in enumerate(costs) if not _is_zero(c)), 0.0)
        for payer, costs in by_payer.items()
    }
    costs: list[Value] = [0.0] * years
    for payer_costs in by_payer.values():
        costs = [
            a if _is_zero(b) else b if _is_zero(a) else a + b
            for a, b in zip(costs, [*payer_costs, *[0.0] * (years - len(payer_costs))], strict=True)
        ]
    gains_bias = 1.0 - resolve(scenario.optimism_bias_gains)
    group = resolve(scenario.target_group) if scenario.target_group is not None else None
    outcomes = [
        _outcome(scenario, o, resolve, bands, discount, t, group, gains_bias)
        for o in scenario.outcomes
    ]
    return Figures(
        discount=discount,
        bands=bands,
        costs=costs,
        costs_by_payer=by_payer,
        pv_costs=sum(pv_by_payer.values(), 0.0),
        pv_costs_by_payer=pv_by_payer,
        outcomes=outcomes,
    )


def discount_bands(scenario: Scenario, rate: Value) -> list[Band]:
    """The fund's fixed rate as one band, or the Green Book's three bands with d at each start."""
    if scenario.discount_schedule != GREEN_BOOK:
        return [(0, rate, 1.0)]
    bands: list[Band] = []
    d: Value = 1.0
    for i, (lo, r) in enumerate(GREEN_BOOK_BANDS):
        if i:
            prev_lo, prev_r, prev_d = bands[-1]
            d = prev_d * (1.0 + prev_r) ** -(lo - prev_lo)
        bands.append((lo, r, d))
    return bands


def discounts(bands: list[Band], years: int) -> list[Value]:
    """d_0 … d_(years−1), each from the one before: d_t = d_(t−1) / (1 + r of the band lo < t)."""
    out: list[Value] = []
    d: Value = 1.0
    for t in range(years):
        if t:
            rate = next(b[1] for b in reversed(bands) if b[0] < t)
            d = d * (1.0 / (1.0 + rate)) if isinstance(rate, float) else d / (1.0 + rate)
        out.append(d)
    return out


def _is_zero(value: Value) -> bool:
    return isinstance(value, float) and value == 0.0


def _times(a: Value, b: Value) -> Value:
    """a × b without an array operation where b is exactly 1 (a factor that is switched off)."""
    return a if isinstance(b, float) and b == 1.0 else a * b


def discount_at(bands: list[Band], t: int) -> Value:
    lo, rate, d = next(b for b in reversed(bands) if b[0] <= t)
    return d * (1.0 + rate) ** -(t - lo)


def discount_array(bands: list[Band], t: FloatArray) -> FloatArray:
    """d_t for every year, shape (…, T)."""
    out: FloatArray | None = None
    for i, (lo, rate, d) in enumerate(bands):
        hi = bands[i + 1][0] if i + 1 < len(bands) else np.inf
        r = np.asarray(rate, dtype=np.float64)[..., None]
        part = np.asarray(d, dtype=np.float64)[..., None] * np.power(1.0 + r, -(t - lo))
        inside = (t >= lo) & (t < hi)
        out = np.where(inside, part, 0.0) if out is None else np.where(inside, part, out)
    assert out is not None
    return out


def _item_costs_in_base_prices(
    scenario: Scenario, resolve: Resolve
) -> list[tuple[str, list[Value], Value | None]]:
    """(payer, yearly costs in base prices, the item's own optimism bias or None) per item."""
    factor = _factor(scenario, scenario.cost_price_year or scenario.base_year)
    out: list[tuple[str, list[Value], Value | None]] = []
    for item in all_cost_items(scenario):
        yearly = [_times(y, factor) for y in _item_costs(item, resolve)]
        own = resolve(item.optimism_bias) if item.optimism_bias is not None else None
        out.append((item.payer, yearly, own))
    return out


def _costs_by_payer(
    items: list[tuple[str, list[Value], Value | None]], bias: Value
) -> dict[str, list[Value]]:
    """Each item × (1 + its own optimism bias, or the scenario's), summed per payer and year."""
    by_payer: dict[str, list[Value]] = {}
    for payer, yearly, own in items:
        uplift = bias if own is None else 1.0 + own
        yearly = [_times(y, uplift) for y in yearly]
        old = by_payer.get(payer, [])
        width = max(len(old), len(yearly))
        old, yearly = old + [0.0] * (width - len(old)), yearly + [0.0] * (width - len(yearly))
        by_payer[payer] = [b if _is_zero(a) else a + b for a, b in zip(old, yearly, strict=True)]
    return by_payer


def _item_costs(item: CostItem, resolve: Resolve) -> list[Value]:
    if item.per_participant is None:
        return [resolve(a) for a in item.amounts]
    unit = resolve(item.per_participant)
    return [unit * resolve(n) for n in item.participants]


def _outcome(
    scenario: Scenario,
    outcome: Outcome,
    resolve: Resolve,
    bands: list[Band],
    discount: FloatArray | None,
    t: FloatArray,
    scenario_group: Value | None,
    gains_bias: Value,
) -> OutcomeFigures:
    successes = resolve(outcome.successes) if outcome.successes is not None else None
    effect = resolve(outcome.effect) if outcome.effect is not None else None
    group = resolve(outcome.target_group) if outcome.target_group is not None else scenario_group
    if successes is None:
        assert effect is not None and group is not None  # check_scenario guarantees it
        successes = group * effect
    effective_share: Value = 1.0 - resolve(outcome.deadweight)
    for factor in (
        1.0 - resolve(outcome.displacement),
        1.0 - resolve(outcome.leakage),
        resolve(outcome.attribution),
        gains_bias,
    ):
        effective_share = _times(effective_share, factor)
    drop_off = resolve(outcome.drop_off)
    flows = _flows(scenario, outcome, resolve)
    values: dict[str, Value] = {}
    for flow in flows:
        values[flow.actor] = values.get(flow.actor, 0.0) + flow.value
    start, end = _active_years(scenario, outcome)
    if discount is not None:
        yearly_profile = _profile(start, end, drop_off, t, outcome.ramp_up)
        profile: FloatArray | None = yearly_profile
        pv_profile: Value = np.sum(yearly_profile * discount, axis=-1)
    else:
        profile, pv_profile = None, _pv_profile(start, end, drop_off, bands, outcome.ramp_up)
    return OutcomeFigures(
        successes=successes,
        effective_share=effective_share,
        target_group=group if outcome_target_group(scenario, outcome) is not None else None,
        flows=flows,
        values=values,
        value_per_year=sum(values.values(), 0.0),
        profile=profile,
        pv_profile=pv_profile,
        window=(start, end),
        drop_off=drop_off,
        ramp_up=outcome.ramp_up,
    )


def _flows(scenario: Scenario, outcome: Outcome, resolve: Resolve) -> list[Flow]:
    flows = []
    for value in outcome.values:
        amount = _actor_value(scenario, value, resolve)
        flows.append(Flow(value.actor, value.kind, value.transfer, amount))
        if value.transfer:
            flows.append(Flow(value.counterpart, TRANSFER, True, -amount))
    return flows


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


def _geometric(a: Value, years: int) -> Value:
    """Σ_{k=0}^{years−1} a^k, with a first-order expansion where a is within 1e-6 of 1."""
    a = np.asarray(a, dtype=np.float64)
    gap = 1.0 - a
    near = np.abs(gap) < _NEAR_ONE
    with np.errstate(divide="ignore", invalid="ignore"):
        exact = (1.0 - a**years) / np.where(near, 1.0, gap)
    series = years - years * (years - 1) / 2 * gap
    return np.where(near, series, exact)


def _pv_profile(
    start: int, end: int, drop_off: Value, bands: list[Band], ramp_up: tuple[float, ...]
) -> Value:
    """Σ_{t=start}^{end−1} ramp_(t−start) (1 − drop_off)^(t − start) d_t, band by band."""
    keep = 1.0 - np.asarray(drop_off, dtype=np.float64)
    total: Value = 0.0
    for i, (lo, rate, d) in enumerate(bands):
        hi = bands[i + 1][0] if i + 1 < len(bands) else end
        u, w = max(start, lo), min(end, hi)
        if w <= u:
            continue
        first = d * (1.0 + rate) ** -(u - lo) * keep ** (u - start)
        total = total + first * _geometric(keep / (1.0 + rate), w - u)
    ramp = ramp_up[: max(end - start, 0)]
    if any(share != 1.0 for share in ramp):
        factors = discounts(bands, start + len(ramp))
        kept: Value = 1.0
        for k, share in enumerate(ramp):
            if share != 1.0:
                total = total + (share - 1.0) * kept * factors[start + k]
            kept = kept * keep
    result = np.asarray(total, dtype=np.float64)
    return float(result) if result.ndim == 0 else result


def _profile(
    start: int, end: int, drop_off: Value, t: FloatArray, ramp_up: tuple[float, ...]
) -> FloatArray:
    active = (t >= start) & (t < end)
    since = np.where(active, t - start, 0.0)
    remaining = np.power(1.0 - np.asarray(drop_off, dtype=np.float64)[..., None], since)
    ramp = np.ones_like(t)
    for k, share in enumerate(ramp_up):
        if start + k < t.size:
            ramp[start + k] = share
    return np.where(active, remaining * ramp, 0.0)


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


def pv_gains_by_type(figures: Figures) -> dict[str, Value]:
    """The same present values per value type (the counterpart of a transfer is `transfer`)."""
    totals: dict[str, Value] = {}
    for o in figures.outcomes:
        scale = o.successes * o.effective_share * o.pv_profile
        for flow in o.flows:
            totals[flow.value_type] = totals.get(flow.value_type, 0.0) + scale * flow.value
    return totals


def pv_transfers(figures: Figures) -> Value:
    """PV of what transfers move from a public payer to another actor (netted out socially)."""
    total: Value = 0.0
    for o in figures.outcomes:
        scale = o.successes * o.effective_share * o.pv_profile
        total = total + sum(
            (scale * f.value for f in o.flows if f.transfer and f.value_type != TRANSFER), 0.0
        )
    return total


def municipal_npv(figures: Figures) -> Value:
    """The municipality's own business case: PV of kommun* gains − PV of costs kommun* pays."""
    gains = sum((v for a, v in pv_gains_by_actor(figures).items() if is_municipal(a)), 0.0)
    costs = sum((v for a, v in figures.pv_costs_by_payer.items() if is_municipal(a)), 0.0)
    return gains - costs


def pv_gains_of(o: OutcomeFigures) -> Value:
    return o.successes * o.effective_share * o.value_per_year * o.pv_profile


def pv_per_success(o: OutcomeFigures) -> Value:
    """PV of one gross success: effective share × Σ_a v_a × Σ_t p_t d_t."""
    return o.effective_share * o.value_per_year * o.pv_profile


def break_even_successes(figures: Figures, municipal: bool = False) -> Value:
    """Successes of the first (primary) outcome that make NPV = 0, the other outcomes unchanged:
    (PV(costs) − PV(gains of the other outcomes)) / PV(one success). NaN where one success is
    worth nothing (or there is no outcome): no number of successes breaks even. `municipal`:
    the same for the municipality's own case (kommun* costs and gains only)."""
    if not figures.outcomes:
        return float("nan")
    primary, others = figures.outcomes[0], figures.outcomes[1:]
    if municipal:

        def own(o: OutcomeFigures) -> Value:
            return sum((v for a, v in o.values.items() if is_municipal(a)), 0.0)

        rest: Value = sum(
            (o.successes * o.effective_share * own(o) * o.pv_profile for o in others), 0.0
        )
        unit = np.asarray(
            primary.effective_share * own(primary) * primary.pv_profile, dtype=np.float64
        )
        costs = sum((v for a, v in figures.pv_costs_by_payer.items() if is_municipal(a)), 0.0)
        need = np.asarray(costs - rest, dtype=np.float64)
    else:
        rest = sum((pv_gains_of(o) for o in others), 0.0)
        unit = np.asarray(pv_per_success(primary), dtype=np.float64)
        need = np.asarray(figures.pv_costs - rest, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        result = np.where(unit > 0, need / np.where(unit > 0, unit, 1.0), np.nan)
    return float(result) if result.ndim == 0 else result
