"""Effects: intervention against comparison group, and what an effect is worth.

- Risk difference p₁ − p₀ with Newcombe's hybrid score interval (method 10, built from Wilson
  intervals of each rate) and Fisher's exact test (two-sided), which stays valid for small
  counts such as Hela familjen's 16 vs 2.
- Difference-in-differences (after − before in the intervention group minus the same in the
  comparison group) when both groups have a baseline.
- Realised gains: extra successes × attribution × value per success and year, per actor, through
  the same unit costs and actors as the ex-ante model (the comparison group stands in for
  deadweight, so deadweight is not subtracted again).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist

from sif.calc.distributions import point
from sif.calc.errors import SifError
from sif.calc.price_index import price_factor
from sif.calc.scenario import Outcome

METHOD = "Newcombe (hybrid score, Wilson), Fishers exakta test (tvåsidigt)"


@dataclass(frozen=True)
class RiskDifference:
    rate_intervention: float
    rate_comparison: float
    difference: float
    ci_low: float
    ci_high: float
    fisher_p: float
    method: str
    confidence: float = 0.95


@dataclass(frozen=True)
class DiffInDiff:
    change_intervention: float
    change_comparison: float
    difference: float


def wilson_interval(x: int, n: int, confidence: float = 0.95) -> tuple[float, float]:
    """Wilson score interval for x/n: (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n)."""
    z = NormalDist().inv_cdf(0.5 + confidence / 2)
    p = x / n
    centre = p + z * z / (2 * n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    denominator = 1 + z * z / n
    return max(0.0, (centre - half) / denominator), min(1.0, (centre + half) / denominator)


FISHER_TIES = 1 + 1e-7  # tables this close to the observed one in probability count as ties (as R)


def fisher_exact_two_sided(a: int, b: int, c: int, d: int) -> float:
    """Fisher's exact test of the 2×2 table [[a, b], [c, d]], two-sided: the probability, under the
    hypergeometric distribution with the table's margins, of every table no more probable than the
    observed one. In the standard library (log-gamma), so a document or a page that shows an
    effect does not import scipy.stats (2–9 s per process on the shared machine); equal to
    scipy.stats.fisher_exact to 1e-9 (tests/calc/test_effects.py)."""
    row, col, total = a + b, a + c, a + b + c + d
    if total == 0:
        return 1.0

    def log_choose(n: int, k: int) -> float:
        return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)

    base = log_choose(total, col)

    def log_p(x: int) -> float:
        return log_choose(row, x) + log_choose(total - row, col - x) - base

    observed = log_p(a) + math.log(FISHER_TIES)
    low, high = max(0, col - (total - row)), min(row, col)
    p = sum(math.exp(q) for x in range(low, high + 1) if (q := log_p(x)) <= observed)
    return min(1.0, p)


def risk_difference(x1: int, n1: int, x0: int, n0: int, confidence: float = 0.95) -> RiskDifference:
    """p₁ − p₀ = x1/n1 − x0/n0 with Newcombe's interval:
    [d − √((p₁ − l₁)² + (u₀ − p₀)²), d + √((u₁ − p₁)² + (p₀ − l₀)²)], (l, u) the Wilson bounds."""
    _check_group(x1, n1, "intervention")
    _check_group(x0, n0, "comparison")
    if not 0 < confidence < 1:
        raise SifError("share_out_of_range", field="confidence", value=confidence)
    p1, p0 = x1 / n1, x0 / n0
    l1, u1 = wilson_interval(x1, n1, confidence)
    l0, u0 = wilson_interval(x0, n0, confidence)
    d = p1 - p0
    p_value = fisher_exact_two_sided(x1, n1 - x1, x0, n0 - x0)
    return RiskDifference(
        rate_intervention=p1,
        rate_comparison=p0,
        difference=d,
        ci_low=d - math.hypot(p1 - l1, u0 - p0),
        ci_high=d + math.hypot(u1 - p1, p0 - l0),
        fisher_p=float(p_value),
        method=METHOD,
        confidence=confidence,
    )


def _check_group(x: int, n: int, group: str) -> None:
    if n <= 0:
        raise SifError("group_size_not_positive", field=f"{group}_n", value=n)
    if x < 0:
        raise SifError("negative_count", field=f"{group}_successes", value=x)
    if x > n:
        raise SifError("successes_exceed_group", field=f"{group}_successes", value=x, n=n)


def difference_in_differences(
    before_i: float, after_i: float, before_c: float, after_c: float
) -> DiffInDiff:
    """(after_i − before_i) − (after_c − before_c), in the unit of the inputs (rate, mean, count)."""
    change_i, change_c = after_i - before_i, after_c - before_c
    return DiffInDiff(
        change_intervention=change_i, change_comparison=change_c, difference=change_i - change_c
    )


def extra_successes(effect: RiskDifference, n_intervention: int) -> float:
    """Successes the intervention added: (p₁ − p₀) × n₁."""
    return effect.difference * n_intervention


def realised_gains(
    extra: float, outcome: Outcome, price_base_year: int, price_adjustment: bool = True
) -> dict[str, float]:
    """Gains per actor and year (kronor, base-year prices) of `extra` successes:
    extra × attribution × amount × quantity × share / divide_by × KPI(base) / KPI(price year)."""
    gains: dict[str, float] = {}
    for value in outcome.values:
        factor = float(price_factor(value.price_year, price_base_year)) if price_adjustment else 1.0
        per_success = point(value.amount) * point(value.quantity) * point(value.share)
        amount = extra * point(outcome.attribution) * per_success / point(value.divide_by) * factor
        gains[value.actor] = gains.get(value.actor, 0.0) + amount
    return gains
