"""Upper bounds on the numbers that drive a calculation's work, checked before it is stored.

The probe stored a horizon of 1 000 000 years: the calculation page then took 50 s and 123 MB for
every viewer. The pure model (sif/calc) bounds what a case file may hold; the web bounds what a
user may store, so a stored calculation is always cheap to show. One table, used by the forms,
the advanced editor and the API through `calculation_save`.
"""

from __future__ import annotations

from typing import Any

from sif.calc.errors import SifError

FIRST_YEAR, LAST_YEAR = 1900, 2200
MAX_HORIZON = 100  # years; the methods SIF follows use 5–30 (the model itself allows up to 125)
MAX_OUTCOMES = 50
MAX_VALUES_PER_OUTCOME = 20
MAX_COSTS = MAX_HORIZON
SEED_MAX = 2**32 - 1  # what numpy's generator takes
NO_LOWER = -(
    2**63
)  # the lower bound is the model's rule (horizon_not_positive, duration_not_positive)


LABELS = {
    "horizon": "Kalkylperioden (år)",
    "start_year": "Startåret",
    "price_base_year": "Prisbasåret",
    "cost_price_year": "Kostnadernas prisår",
    "costs": "Kostnaderna per år",
    "outcomes": "Utfallen",
    "duration": "varaktigheten (år)",
    "first_year": "första år med vinster",
    "values": "värdena",
    "price_year": "prisåret",
}


def _what(field: str) -> str:
    """A Swedish name for a scenario path: "outcomes[2].duration" -> "Utfall 3: varaktigheten (år)"."""
    head, _, rest = field.partition(".")
    if not head.startswith("outcomes["):
        return LABELS.get(head, head)
    number = int(head[len("outcomes[") : -1]) + 1
    last = rest.rsplit(".", 1)[-1].split("[", 1)[0]
    return f"Utfall {number}: {LABELS.get(last, last)}"


def _whole(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None  # the model's own check names a value that is not a number
    return int(value) if value == value and abs(value) != float("inf") else None


def _within(field: str, value: Any, low: int | None, high: int) -> None:
    """Above `high` (or below `low`, where given) is refused; a missing lower bound is the model's
    own rule, which names the value in its message (horizon_not_positive)."""
    number = _whole(value)
    if number is not None and not low <= number <= high:
        code = "calculation_bound" if low > NO_LOWER else "calculation_above"
        raise SifError(code, field=field, what=_what(field), value=number, low=low, high=high)


def _at_most(field: str, items: Any, limit: int) -> None:
    if isinstance(items, list | dict) and len(items) > limit:
        raise SifError(
            "calculation_too_many", field=field, what=_what(field), count=len(items), limit=limit
        )


def check_calculation_bounds(scenario: dict[str, Any]) -> None:
    """Horizon, years and the number of costs, outcomes and values within the table above."""
    _within(
        "horizon", scenario.get("horizon"), NO_LOWER, MAX_HORIZON
    )  # below 1: the model's own message
    for name in ("start_year", "price_base_year", "cost_price_year"):
        _within(name, scenario.get(name), FIRST_YEAR, LAST_YEAR)
    _at_most("costs", scenario.get("costs"), MAX_COSTS)
    outcomes = scenario.get("outcomes")
    _at_most("outcomes", outcomes, MAX_OUTCOMES)
    for i, outcome in enumerate(outcomes if isinstance(outcomes, list) else []):
        if not isinstance(outcome, dict):
            continue
        _within(f"outcomes[{i}].duration", outcome.get("duration"), NO_LOWER, MAX_HORIZON)
        _within(f"outcomes[{i}].first_year", outcome.get("first_year"), FIRST_YEAR, LAST_YEAR)
        values = outcome.get("values")
        _at_most(f"outcomes[{i}].values", values, MAX_VALUES_PER_OUTCOME)
        for j, value in enumerate(values if isinstance(values, list) else []):
            if isinstance(value, dict):
                _within(
                    f"outcomes[{i}].values[{j}].price_year",
                    value.get("price_year"),
                    FIRST_YEAR,
                    LAST_YEAR,
                )
