"""Realised gains that mean what they say: measured extra successes × the value of one success.

The value of one success per actor and year comes from the outcome of the project's own stored
calculation (the same unit cost, quantity, share, divisor, attribution and price level), never
from a budget total. Two ways an outcome counts its successes:

- **count**: successes are people or families (Hela familjen: 14 families, 47 000 kr each a year).
  Measured extra successes = (p₁ − p₀) × n₁ against a comparison group, or the measured change
  from the baseline; realised = extra × attribution × value of one success.
- **share of a total**: the outcome is a share of a yearly total (the Hässelby-Vällingby pilot:
  0,05 of the district's 75,8 mnkr placement costs). One "success" would be the whole total, so
  the measured counterpart is the difference as a share (percentage points / 100), and
  realised = difference × attribution × the total. Used when the outcome has no target group
  and expects fewer than one success.

A plausibility guard flags a realised gain more than three times the expected one, or larger than
the actor's relevant costs (the total for a share; everyone in the group succeeding for a count).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sif.calc.distributions import point
from sif.calc.price_index import price_factor
from sif.calc.scenario import ActorValue, Outcome

COUNT_MODE = "count"
SHARE_MODE = "share"
PLAUSIBLE_RATIO = 3.0


@dataclass(frozen=True)
class Measured:
    """What follow-up measured: the difference (a share for share indicators, else in the
    indicator's unit), the intervention group size and whether higher is better."""

    difference: float
    n_intervention: int | None
    against: str  # "comparison" or "baseline"
    higher_is_better: bool = True
    is_share: bool = True


@dataclass(frozen=True)
class ActorGain:
    actor: str
    value_per_success: float
    expected: float | None
    realised: float
    relevant_costs: float | None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class RealisedGains:
    mode: str
    attribution: float
    expected_successes: float | None
    measured_successes: float
    lines: tuple[ActorGain, ...] = field(default_factory=tuple)

    @property
    def realised_total(self) -> float:
        return sum(line.realised for line in self.lines)

    @property
    def expected_total(self) -> float | None:
        values = [line.expected for line in self.lines if line.expected is not None]
        return sum(values) if values else None

    @property
    def warnings(self) -> tuple[str, ...]:
        return tuple(w for line in self.lines for w in line.warnings)


def outcome_mode(outcome: Outcome) -> str:
    """`share` when the outcome is a share of a yearly total (no target group, fewer than one
    expected success), else `count`."""
    if (
        outcome.target_group is None
        and outcome.successes is not None
        and point(outcome.successes) < 1
    ):
        return SHARE_MODE
    return COUNT_MODE


def expected_successes(outcome: Outcome) -> float | None:
    """Net successes the application expected: (successes, or target group × effect) × (1 − deadweight)."""
    if outcome.successes is not None:
        gross = point(outcome.successes)
    elif outcome.target_group is not None and outcome.effect is not None:
        gross = point(outcome.target_group) * point(outcome.effect)
    else:
        return None
    return gross * (1.0 - point(outcome.deadweight))


def value_per_success(value: ActorValue, base_year: int, price_adjustment: bool = True) -> float:
    """One success's value to the actor per year, base-year prices:
    amount × quantity × share / divide_by × KPI(base) / KPI(price year)."""
    factor = float(price_factor(value.price_year, base_year)) if price_adjustment else 1.0
    return (
        point(value.amount)
        * point(value.quantity)
        * point(value.share)
        / point(value.divide_by)
        * factor
    )


def measured_successes(outcome: Outcome, measured: Measured) -> float:
    """Extra successes in the outcome's own unit (see the module docstring); a fall in a
    lower-is-better indicator counts as a success."""
    sign = 1.0 if measured.higher_is_better else -1.0
    difference = sign * measured.difference
    if outcome_mode(outcome) == SHARE_MODE:
        return difference if measured.is_share else 0.0
    if measured.is_share:
        return difference * (measured.n_intervention or 0)
    return difference


def realised_gains(
    outcome: Outcome, measured: Measured, base_year: int, price_adjustment: bool = True
) -> RealisedGains:
    """Per actor: realised = measured successes × attribution × value of one success, beside the
    expected = expected successes × attribution × value of one success, with the guard's warnings."""
    mode = outcome_mode(outcome)
    attribution = point(outcome.attribution)
    expected_n = expected_successes(outcome)
    measured_n = measured_successes(outcome, measured)
    per_actor: dict[str, float] = {}
    for value in outcome.values:
        per_actor[value.actor] = per_actor.get(value.actor, 0.0) + value_per_success(
            value, base_year, price_adjustment
        )
    group = max(
        measured.n_intervention or 0,
        point(outcome.target_group) if outcome.target_group is not None else 0,
    )
    lines = []
    for actor, per_success in per_actor.items():
        expected = expected_n * attribution * per_success if expected_n is not None else None
        realised = measured_n * attribution * per_success
        relevant = per_success if mode == SHARE_MODE else (group * per_success if group else None)
        lines.append(
            ActorGain(
                actor,
                per_success,
                expected,
                realised,
                relevant,
                _warnings(realised, expected, relevant),
            )
        )
    return RealisedGains(mode, attribution, expected_n, measured_n, tuple(lines))


def _warnings(realised: float, expected: float | None, relevant: float | None) -> tuple[str, ...]:
    """Codes of the plausibility guard: `above_expected` (more than three times the expected gain)
    and `above_costs` (more than the actor's relevant costs)."""
    found = []
    if expected is not None and expected > 0 and realised > PLAUSIBLE_RATIO * expected:
        found.append("above_expected")
    if relevant is not None and realised > relevant:
        found.append("above_costs")
    return tuple(found)
