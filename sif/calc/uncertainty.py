"""Uncertainty: Monte Carlo over every uncertain input, and one-at-a-time sensitivity (tornado).

Monte Carlo draws each uncertain input independently (numpy PCG64, seeded: the same seed gives
the same figures) in chunks of `CHUNK` draws, and evaluates the same arithmetic as the point model
(sif/calc/engine.py) on arrays of shape (draws,) and (draws, years): no Python loop per draw.
Reported: P(NPV > 0), the mean and the 5th/50th/95th percentiles of NPV and of the break-even
number of successes (draws where no number breaks even are left out of the break-even figures).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from sif.calc import engine
from sif.calc.distributions import (
    Distribution,
    Fixed,
    FloatArray,
    Pert,
    Triangular,
    Uniform,
    bounds,
    is_uncertain,
    point,
    sample,
)
from sif.calc.errors import SifError
from sif.calc.payback import payback_index
from sif.calc.scenario import Scenario, check_scenario, inputs

__all__ = [
    "Distribution",
    "Fixed",
    "Uniform",
    "Triangular",
    "Pert",
    "MonteCarloResult",
    "Summary",
    "TornadoBar",
    "monte_carlo",
    "tornado",
    "npv_draws",
]

CHUNK = 50_000
PERCENTILES = (5, 50, 95)
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Summary:
    mean: float | None
    p5: float | None
    p50: float | None
    p95: float | None


@dataclass(frozen=True)
class MonteCarloResult:
    draws: int
    seed: int
    p_npv_positive: float
    npv: Summary
    break_even_successes: Summary
    share_break_even_defined: float
    p_municipal_npv_positive: float = 0.0
    municipal_npv: Summary = Summary(None, None, None, None)
    payback_year_shares: dict[int, float] = field(default_factory=dict)
    payback_never_share: float = 0.0
    payback_year_p50: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe; `npv` percentiles also at the top level as p5/p50/p95 for the CLI."""
        data = asdict(self)
        data.update({"p5": self.npv.p5, "p50": self.npv.p50, "p95": self.npv.p95})
        return data


@dataclass(frozen=True)
class TornadoBar:
    """NPV with one input at its low and its high bound, every other input at its point value."""

    input: str
    low: float
    high: float
    npv_low: float
    npv_high: float
    npv_base: float

    @property
    def swing(self) -> float:
        return abs(self.npv_high - self.npv_low)


def npv_draws(
    scenario: Scenario, rng: np.random.Generator, n: int, with_break_even: bool = True
) -> tuple[FloatArray, FloatArray | None]:
    """NPV and break-even successes for `n` draws (arrays of shape (n,)); a portfolio that only
    sums NPV per draw can skip the break-even."""
    figures = engine.evaluate_figures(scenario, lambda d: sample(d, rng, n), yearly=False)
    gains: engine.Value = sum(engine.pv_gains_by_actor(figures).values(), 0.0)
    npv = np.broadcast_to(np.asarray(gains - figures.pv_costs, dtype=np.float64), (n,))
    if not with_break_even:
        return npv, None
    breaks = np.broadcast_to(
        np.asarray(engine.break_even_successes(figures), dtype=np.float64), (n,)
    )
    return npv, breaks


MAX_DRAWS = 1_000_000


def monte_carlo(
    scenario: Scenario, draws: int, seed: int = 0, progress: Progress | None = None
) -> MonteCarloResult:
    """Seeded Monte Carlo of NPV (society's and the municipality's own), break-even and the
    payback year; `progress(done, total)` after each chunk."""
    if draws <= 0:
        raise SifError("draws_not_positive", field="draws", value=draws)
    if draws > MAX_DRAWS:
        raise SifError("monte_carlo_draws_too_many", field="draws", value=draws, limit=MAX_DRAWS)
    check_scenario(scenario)
    rng = np.random.Generator(np.random.PCG64(seed))
    npv_all, own_all, be_all, pay_all = (np.empty(draws, dtype=np.float64) for _ in range(4))
    done = 0
    while done < draws:
        n = min(CHUNK, draws - done)
        figures = engine.evaluate_figures(scenario, _sampler(rng, n), yearly=False)
        gains: engine.Value = sum(engine.pv_gains_by_actor(figures).values(), 0.0)
        npv_all[done : done + n] = gains - figures.pv_costs
        own_all[done : done + n] = engine.municipal_npv(figures)
        be_all[done : done + n] = engine.break_even_successes(figures)
        pay_all[done : done + n] = payback_index(figures, scenario.horizon)
        done += n
        if progress is not None:
            progress(done, draws)
    defined = be_all[np.isfinite(be_all)]
    years, counts = np.unique(pay_all[pay_all >= 0], return_counts=True)
    reached = pay_all[pay_all >= 0]
    return MonteCarloResult(
        draws=draws,
        seed=seed,
        p_npv_positive=int(np.count_nonzero(npv_all > 0)) / draws,
        npv=_summary(npv_all),
        break_even_successes=_summary(defined),
        share_break_even_defined=defined.size / draws,
        p_municipal_npv_positive=int(np.count_nonzero(own_all > 0)) / draws,
        municipal_npv=_summary(own_all),
        payback_year_shares={
            scenario.start_year + int(y): int(c) / draws for y, c in zip(years, counts, strict=True)
        },
        payback_never_share=1.0 - reached.size / draws,
        payback_year_p50=_median_year(scenario, pay_all),
    )


def _sampler(rng: np.random.Generator, n: int) -> engine.Resolve:
    def resolve(d: Distribution) -> engine.Value:
        return sample(d, rng, n)

    return resolve


def _median_year(scenario: Scenario, index: FloatArray) -> int | None:
    """The median payback year, "never" counted as after the horizon; None if that is never."""
    ordered = np.where(index < 0, np.inf, index)
    middle = float(np.partition(ordered, ordered.size // 2)[ordered.size // 2])
    return scenario.start_year + int(middle) if np.isfinite(middle) else None


def _summary(values: FloatArray) -> Summary:
    """Mean and percentiles of `values` (reordered in place: the caller's scratch array)."""
    if values.size == 0:
        return Summary(None, None, None, None)
    mean = float(np.mean(values))
    p5, p50, p95 = percentiles(values, PERCENTILES)
    return Summary(mean=mean, p5=p5, p50=p50, p95=p95)


def percentiles(values: FloatArray, qs: tuple[float, ...]) -> list[float]:
    """`np.percentile(values, qs)` (linear interpolation, the same figures), reordering `values`
    in place: one `partition` at the lower order statistic of each q, the upper neighbour then
    being the minimum of the next slice, instead of partitioning at both (half the work)."""
    last = values.size - 1
    positions = [q / 100 * last for q in qs]
    lows = sorted({min(int(pos), last) for pos in positions})
    values.partition(lows)
    bounds = [*lows[1:], last]
    upper = {
        lo: float(values[lo + 1 : nxt + 1].min()) if lo < last else float(values[lo])
        for lo, nxt in zip(lows, bounds, strict=True)
    }
    out = []
    for pos in positions:
        lo = min(int(pos), last)
        a, b, t = float(values[lo]), upper[lo], pos - lo
        diff = b - a
        out.append(b - diff * (1 - t) if t >= 0.5 else a + diff * t)  # numpy's _lerp
    return out


def tornado(scenario: Scenario, municipal: bool = False) -> list[TornadoBar]:
    """One bar per uncertain input, widest swing first: the data for a tornado chart. With
    `municipal`, the bars are the municipality's own NPV (kommun* gains − kommun* costs)."""
    check_scenario(scenario)
    base = _npv_with(scenario, None, 0.0, municipal)
    bars = []
    for path, dist in inputs(scenario):
        if not is_uncertain(dist):
            continue
        low, high = bounds(dist)
        bars.append(
            TornadoBar(
                path,
                low,
                high,
                _npv_with(scenario, dist, low, municipal),
                _npv_with(scenario, dist, high, municipal),
                base,
            )
        )
    return sorted(bars, key=lambda bar: bar.swing, reverse=True)


def _npv_with(
    scenario: Scenario, target: Distribution | None, value: float, municipal: bool = False
) -> float:
    def resolve(d: Distribution) -> float:
        return value if d is target else point(d)

    figures = engine.evaluate_figures(scenario, resolve, yearly=False)
    if municipal:
        return float(engine.municipal_npv(figures))
    gains = sum(engine.pv_gains_by_actor(figures).values(), 0.0)
    return float(gains - figures.pv_costs)
