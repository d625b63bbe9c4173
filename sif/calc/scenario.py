"""The socioeconomic model's inputs: a Scenario of costs per year and Outcomes with actor values.

Every numeric input is a `Distribution` (sif/calc/distributions.py); a plain figure is `Fixed`.
Years are calendar years; `start_year` is t = 0, the first year of the investment, and the
horizon covers `start_year … start_year + horizon − 1`. `check_scenario` enforces the domain
rules (one rule in one place) and raises `SifError` with a code and the offending field.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from sif.calc.actors import check_actor
from sif.calc.distributions import Distribution, Fixed, bounds
from sif.calc.errors import SifError

DEFAULT_DISCOUNT_RATE = 0.035


@dataclass(frozen=True)
class ActorValue:
    """What one success is worth to one actor per year, in kronor at `price_year` prices.

    value per success and year = amount × quantity × share / divide_by, then moved to the
    scenario's price base year with KPI. E.g. an avoided HVB placement: amount 3 500 kr per
    day × quantity 365 days; Stockholm's part of a national cost: share 1/9, divide_by 1 040.
    """

    actor: str
    amount: Distribution
    price_year: int
    source: str
    quantity: Distribution = field(default_factory=lambda: Fixed(1.0))
    share: Distribution = field(default_factory=lambda: Fixed(1.0))
    divide_by: Distribution = field(default_factory=lambda: Fixed(1.0))
    unit_cost: str | None = None
    label: str = ""


@dataclass(frozen=True)
class Outcome:
    """A result of the work ("a pupil reaches upper secondary school"), counted in successes.

    successes = `successes`, or `target_group × effect` (effect in percentage points as a share).
    Gains in year y: successes × (1 − deadweight) × attribution × (1 − drop_off)^(y − first_year)
    × value per year, for `duration` years from `first_year` (default: to the horizon's end).
    """

    key: str
    label: str
    values: tuple[ActorValue, ...]
    successes: Distribution | None = None
    effect: Distribution | None = None
    target_group: Distribution | None = None
    deadweight: Distribution = field(default_factory=lambda: Fixed(0.0))
    attribution: Distribution = field(default_factory=lambda: Fixed(1.0))
    drop_off: Distribution = field(default_factory=lambda: Fixed(0.0))
    duration: int | None = None
    first_year: int | None = None
    unit: str = ""


@dataclass(frozen=True)
class Scenario:
    """One project's calculation: `costs[i]` is the cost of year start_year + i (kronor)."""

    name: str
    start_year: int
    horizon: int
    costs: tuple[Distribution, ...]
    outcomes: tuple[Outcome, ...]
    discount_rate: Distribution = field(default_factory=lambda: Fixed(DEFAULT_DISCOUNT_RATE))
    price_base_year: int | None = None
    cost_price_year: int | None = None
    price_adjustment: bool = True
    target_group: Distribution | None = None
    assumptions: tuple[str, ...] = ()
    source: str = ""

    @property
    def base_year(self) -> int:
        return self.price_base_year if self.price_base_year is not None else self.start_year

    @property
    def years(self) -> list[int]:
        return list(range(self.start_year, self.start_year + self.horizon))


def outcome_target_group(scenario: Scenario, outcome: Outcome) -> Distribution | None:
    return outcome.target_group if outcome.target_group is not None else scenario.target_group


def first_year(scenario: Scenario, outcome: Outcome) -> int:
    return outcome.first_year if outcome.first_year is not None else scenario.start_year


def inputs(scenario: Scenario) -> Iterator[tuple[str, Distribution]]:
    """Every numeric input with its path (`outcomes[0].values[1].amount`), in a fixed order."""
    yield "discount_rate", scenario.discount_rate
    for i, cost in enumerate(scenario.costs):
        yield f"costs[{i}]", cost
    if scenario.target_group is not None:
        yield "target_group", scenario.target_group
    for i, outcome in enumerate(scenario.outcomes):
        yield from _outcome_inputs(outcome, f"outcomes[{i}]")


def _outcome_inputs(outcome: Outcome, path: str) -> Iterator[tuple[str, Distribution]]:
    for name in ("successes", "effect", "target_group", "deadweight", "attribution", "drop_off"):
        value = getattr(outcome, name)
        if value is not None:
            yield f"{path}.{name}", value
    for j, v in enumerate(outcome.values):
        for name in ("amount", "quantity", "share", "divide_by"):
            yield f"{path}.values[{j}].{name}", getattr(v, name)


SHARES = ("deadweight", "attribution", "drop_off", "effect", "share")
COUNTS = ("successes", "target_group", "quantity")
AMOUNTS = ("costs", "amount")


def check_scenario(scenario: Scenario) -> Scenario:
    """Raise `SifError` for the first broken rule; return the scenario unchanged otherwise."""
    if scenario.horizon <= 0:
        raise SifError("horizon_not_positive", field="horizon", value=scenario.horizon)
    if len(scenario.costs) > scenario.horizon:
        raise SifError(
            "year_outside_horizon",
            field=f"costs[{scenario.horizon}]",
            value=scenario.start_year + scenario.horizon,
        )
    low, high = bounds(scenario.discount_rate)
    if low <= -1 or high >= 1:
        raise SifError(
            "discount_rate_out_of_range", field="discount_rate", value=low if low <= -1 else high
        )
    for path, dist in inputs(scenario):
        _check_input(path, dist)
    for i, outcome in enumerate(scenario.outcomes):
        _check_outcome(scenario, outcome, f"outcomes[{i}]")
    return scenario


def _check_input(path: str, dist: Distribution) -> None:
    name = path.rsplit(".", 1)[-1].split("[", 1)[0]
    low, high = bounds(dist)
    if name in SHARES and not (0 <= low and high <= 1):
        raise SifError("share_out_of_range", field=path, value=low if low < 0 else high)
    if name in COUNTS and low < 0:
        raise SifError("negative_count", field=path, value=low)
    if name in AMOUNTS and low < 0:
        raise SifError("negative_amount", field=path, value=low)
    if name == "divide_by" and low <= 0:
        raise SifError("divisor_not_positive", field=path, value=low)


def _check_outcome(scenario: Scenario, outcome: Outcome, path: str) -> None:
    if outcome.successes is None and (
        outcome.effect is None or outcome_target_group(scenario, outcome) is None
    ):
        raise SifError("outcome_needs_successes_or_effect", field=path)
    start = first_year(scenario, outcome)
    if not scenario.start_year <= start < scenario.start_year + scenario.horizon:
        raise SifError("year_outside_horizon", field=f"{path}.first_year", value=start)
    if outcome.duration is not None and outcome.duration <= 0:
        raise SifError("duration_not_positive", field=f"{path}.duration", value=outcome.duration)
    for j, value in enumerate(outcome.values):
        check_actor(value.actor, f"{path}.values[{j}].actor")
