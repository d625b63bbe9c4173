"""The socioeconomic model's inputs: a Scenario of costs per payer and Outcomes with actor values.

Every numeric input is a `Distribution` (sif/calc/distributions.py); a plain figure is `Fixed`.
Years are calendar years; `start_year` is t = 0, the first year of the investment, and the
horizon covers `start_year … start_year + horizon − 1`. `check_scenario` enforces the domain
rules (one rule in one place) and raises `SifError` with a code and the offending field.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from sif.calc.actors import MUNICIPALITY, check_actor
from sif.calc.adjustments import (
    FIXED,
    GREEN_BOOK,
    MAX_OPTIMISM_BIAS_COSTS,
    SCHEDULES,
    allowed_value_type,
    default_value_type,
    transfer_allowed,
)
from sif.calc.distributions import Distribution, Fixed, bounds
from sif.calc.errors import SifError

DEFAULT_DISCOUNT_RATE = 0.035
MAX_DISCOUNT_RATE = 0.5  # the fund setting's own upper bound (sif/web/projects/models.py)
MAX_HORIZON = 125  # years: the longest band of the Green Book's declining schedule (76–125)
FIRST_YEAR, LAST_YEAR = 1900, 2200


@dataclass(frozen=True)
class ActorValue:
    """What one success is worth to one actor per year, in kronor at `price_year` prices.

    value per success and year = amount × quantity × share / divide_by, then moved to the
    scenario's price base year with KPI. E.g. an avoided HVB placement: amount 3 500 kr per
    day × quantity 365 days; Stockholm's part of a national cost: share 1/9, divide_by 1 040.
    `value_type` is one of sif/calc/adjustments.VALUE_TYPES ("" = the actor's default). A
    `transfer` is also booked, negative, on `counterpart`, so the social total nets it out.
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
    value_type: str = ""
    transfer: bool = False
    counterpart: str = "individ"

    @property
    def kind(self) -> str:
        return self.value_type or default_value_type(self.actor)


@dataclass(frozen=True)
class Outcome:
    """A result of the work ("a pupil reaches upper secondary school"), counted in successes.

    successes = `successes`, or `target_group × effect` (effect in percentage points as a share).
    Gains in year y: successes × (1 − deadweight) × (1 − displacement) × (1 − leakage) ×
    attribution × ramp_k × (1 − drop_off)^k × value per year, k = y − first_year, for `duration`
    years from `first_year` (default: to the horizon's end); ramp_k = `ramp_up[k]`, 1 after it.
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
    displacement: Distribution = field(default_factory=lambda: Fixed(0.0))
    leakage: Distribution = field(default_factory=lambda: Fixed(0.0))
    ramp_up: tuple[float, ...] = ()
    evidence: str | None = None


@dataclass(frozen=True)
class CostItem:
    """A cost paid by one actor: `amounts[i]` in year start_year + i, or `per_participant` ×
    `participants[i]` (a C/P case: 5 000 kr for each of 100 participants). `optimism_bias`, if
    given, replaces the scenario's `optimism_bias_costs` for this item (the Green Book's bounds
    differ for capital and operating costs; a risk-management cost may carry none)."""

    payer: str
    amounts: tuple[Distribution, ...] = ()
    per_participant: Distribution | None = None
    participants: tuple[Distribution, ...] = ()
    label: str = ""
    optimism_bias: Distribution | None = None

    @property
    def years(self) -> int:
        return len(self.amounts) if self.per_participant is None else len(self.participants)


@dataclass(frozen=True)
class Scenario:
    """One project's calculation: `costs[i]` is the cost of year start_year + i (kronor), paid by
    `cost_payer`; `cost_items` are further costs, each with its own payer."""

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
    cost_payer: str = MUNICIPALITY
    cost_items: tuple[CostItem, ...] = ()
    optimism_bias_costs: Distribution = field(default_factory=lambda: Fixed(0.0))
    optimism_bias_gains: Distribution = field(default_factory=lambda: Fixed(0.0))
    discount_schedule: str = FIXED

    @property
    def base_year(self) -> int:
        return self.price_base_year if self.price_base_year is not None else self.start_year

    @property
    def years(self) -> list[int]:
        return list(range(self.start_year, self.start_year + self.horizon))


def all_cost_items(scenario: Scenario) -> tuple[CostItem, ...]:
    """`costs` (paid by `cost_payer`) as the first item, then `cost_items`."""
    first = (CostItem(scenario.cost_payer, scenario.costs),) if scenario.costs else ()
    return first + scenario.cost_items


def outcome_target_group(scenario: Scenario, outcome: Outcome) -> Distribution | None:
    return outcome.target_group if outcome.target_group is not None else scenario.target_group


def first_year(scenario: Scenario, outcome: Outcome) -> int:
    return outcome.first_year if outcome.first_year is not None else scenario.start_year


def inputs(scenario: Scenario) -> Iterator[tuple[str, Distribution]]:
    """Every numeric input with its path (`outcomes[0].values[1].amount`), in a fixed order.
    The discount rate is left out under the Green Book schedule, which fixes the rates."""
    if scenario.discount_schedule != GREEN_BOOK:
        yield "discount_rate", scenario.discount_rate
    for i, cost in enumerate(scenario.costs):
        yield f"costs[{i}]", cost
    for i, item in enumerate(scenario.cost_items):
        yield from _item_inputs(item, f"cost_items[{i}]")
    yield "optimism_bias_costs", scenario.optimism_bias_costs
    yield "optimism_bias_gains", scenario.optimism_bias_gains
    if scenario.target_group is not None:
        yield "target_group", scenario.target_group
    for i, outcome in enumerate(scenario.outcomes):
        yield from _outcome_inputs(outcome, f"outcomes[{i}]")


def _item_inputs(item: CostItem, path: str) -> Iterator[tuple[str, Distribution]]:
    for j, amount in enumerate(item.amounts):
        yield f"{path}.amounts[{j}]", amount
    if item.per_participant is not None:
        yield f"{path}.per_participant", item.per_participant
    for j, count in enumerate(item.participants):
        yield f"{path}.participants[{j}]", count
    if item.optimism_bias is not None:
        yield f"{path}.optimism_bias", item.optimism_bias


OUTCOME_INPUTS = (
    "successes",
    "effect",
    "target_group",
    "deadweight",
    "displacement",
    "leakage",
    "attribution",
    "drop_off",
)


def _outcome_inputs(outcome: Outcome, path: str) -> Iterator[tuple[str, Distribution]]:
    for name in OUTCOME_INPUTS:
        value = getattr(outcome, name)
        if value is not None:
            yield f"{path}.{name}", value
    for j, v in enumerate(outcome.values):
        for name in ("amount", "quantity", "share", "divide_by"):
            yield f"{path}.values[{j}].{name}", getattr(v, name)


SHARES = (
    "deadweight",
    "displacement",
    "leakage",
    "attribution",
    "drop_off",
    "effect",
    "share",
    "optimism_bias_gains",
)
COUNTS = ("successes", "target_group", "quantity", "participants")
AMOUNTS = ("costs", "amount", "amounts", "per_participant")


def check_scenario(scenario: Scenario) -> Scenario:
    """Raise `SifError` for the first broken rule; return the scenario unchanged otherwise."""
    if scenario.horizon <= 0:
        raise SifError("horizon_not_positive", field="horizon", value=scenario.horizon)
    if scenario.horizon > MAX_HORIZON:
        raise SifError(
            "horizon_too_long", field="horizon", value=scenario.horizon, limit=MAX_HORIZON
        )
    for name in ("start_year", "price_base_year", "cost_price_year"):
        _check_year(getattr(scenario, name), name)
    if len(scenario.costs) > scenario.horizon:
        raise SifError(
            "year_outside_horizon",
            field=f"costs[{scenario.horizon}]",
            value=scenario.start_year + scenario.horizon,
        )
    if scenario.discount_schedule not in SCHEDULES:
        raise SifError(
            "unknown_discount_schedule", field="discount_schedule", value=scenario.discount_schedule
        )
    low, high = bounds(scenario.discount_rate)
    if low < 0 or high > MAX_DISCOUNT_RATE:
        raise SifError(
            "discount_rate_out_of_range", field="discount_rate", value=low if low < 0 else high
        )
    low, high = bounds(scenario.optimism_bias_costs)
    if low < 0 or high > MAX_OPTIMISM_BIAS_COSTS:
        raise SifError(
            "optimism_bias_out_of_range",
            field="optimism_bias_costs",
            value=low if low < 0 else high,
        )
    check_actor(scenario.cost_payer, "cost_payer")
    for i, item in enumerate(scenario.cost_items):
        _check_item(scenario, item, f"cost_items[{i}]")
    for path, dist in inputs(scenario):
        _check_input(path, dist)
    for i, outcome in enumerate(scenario.outcomes):
        _check_outcome(scenario, outcome, f"outcomes[{i}]")
    return scenario


def _check_year(year: int | None, field: str) -> None:
    if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
        raise SifError("year_out_of_range", field=field, value=year, low=FIRST_YEAR, high=LAST_YEAR)


def _check_item(scenario: Scenario, item: CostItem, path: str) -> None:
    check_actor(item.payer, f"{path}.payer")
    if (item.per_participant is None) == (not item.amounts):
        raise SifError("cost_item_needs_amounts_or_participants", field=path)
    if item.per_participant is not None and not item.participants:
        raise SifError("missing_field", field=f"{path}.participants")
    if item.years > scenario.horizon:
        raise SifError(
            "year_outside_horizon", field=path, value=scenario.start_year + item.years - 1
        )


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
    if name == "optimism_bias" and (low < 0 or high > MAX_OPTIMISM_BIAS_COSTS):
        raise SifError("optimism_bias_out_of_range", field=path, value=low if low < 0 else high)


def _check_outcome(scenario: Scenario, outcome: Outcome, path: str) -> None:
    if outcome.successes is None and (
        outcome.effect is None or outcome_target_group(scenario, outcome) is None
    ):
        raise SifError("outcome_needs_successes_or_effect", field=path)
    _check_year(outcome.first_year, f"{path}.first_year")
    start = first_year(scenario, outcome)
    if not scenario.start_year <= start < scenario.start_year + scenario.horizon:
        raise SifError("year_outside_horizon", field=f"{path}.first_year", value=start)
    if outcome.duration is not None and outcome.duration <= 0:
        raise SifError("duration_not_positive", field=f"{path}.duration", value=outcome.duration)
    if len(outcome.ramp_up) > scenario.horizon:
        raise SifError(
            "too_many_items",
            field=f"{path}.ramp_up",
            count=len(outcome.ramp_up),
            limit=scenario.horizon,
        )
    for k, share in enumerate(outcome.ramp_up):
        if not 0 <= share <= 1:
            raise SifError("share_out_of_range", field=f"{path}.ramp_up[{k}]", value=share)
    for j, value in enumerate(outcome.values):
        _check_value(value, f"{path}.values[{j}]")


def _check_value(value: ActorValue, path: str) -> None:
    check_actor(value.actor, f"{path}.actor")
    _check_year(value.price_year, f"{path}.price_year")
    if not allowed_value_type(value.actor, value.kind):
        raise SifError(
            "value_type_not_for_actor",
            field=f"{path}.value_type",
            value=value.kind,
            actor=value.actor,
        )
    if value.transfer:
        check_actor(value.counterpart, f"{path}.counterpart")
        if not transfer_allowed(value.actor, value.counterpart):
            raise SifError(
                "transfer_not_allowed",
                field=f"{path}.transfer",
                actor=value.actor,
                counterpart=value.counterpart,
            )
