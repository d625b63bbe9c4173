"""The case-file format (TOML or JSON) <-> Scenario. Documented in docs/calculations.md.

Unknown keys are refused (`unknown_field`) so that a misspelt parameter is never silently
ignored. Numbers may be written as arithmetic text ("8000 * 0.13"); any number may instead be a
distribution table ({low, high} or {dist, low, mode, high}).
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sif.calc.distributions import (
    Distribution,
    Fixed,
    Uniform,
    distribution_from_value,
    distribution_to_value,
)
from sif.calc.errors import SifError
from sif.calc.numbers import whole_number
from sif.calc.scenario import (
    DEFAULT_DISCOUNT_RATE,
    ActorValue,
    Outcome,
    Scenario,
    check_scenario,
)
from sif.calc.unit_costs import SOCIETY, unit_cost

SCENARIO_KEYS = (
    "name",
    "source",
    "start_year",
    "horizon",
    "costs",
    "cost_price_year",
    "discount_rate",
    "price_base_year",
    "price_adjustment",
    "target_group",
    "assumptions",
    "outcomes",
)
CASE_KEYS = ("effect",)  # read by the CLI (sif/calc/cli.py), not part of the Scenario
OUTCOME_KEYS = (
    "key",
    "label",
    "unit",
    "successes",
    "effect",
    "target_group",
    "deadweight",
    "attribution",
    "drop_off",
    "duration",
    "first_year",
    "values",
)
VALUE_KEYS = (
    "actor",
    "amount",
    "unit_cost",
    "price_year",
    "source",
    "quantity",
    "share",
    "divide_by",
    "label",
)
EFFECT_KEYS = (
    "outcome",
    "intervention_successes",
    "intervention_n",
    "comparison_successes",
    "comparison_n",
    "confidence",
)


@dataclass(frozen=True)
class Case:
    scenario: Scenario
    effect: dict[str, Any] | None


def load_case(path: Path) -> Case:
    """Read a .toml or .json case file; `case_file_unreadable` if it cannot be parsed."""
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text) if path.suffix.lower() == ".json" else tomllib.loads(text)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise SifError("case_file_unreadable", path=str(path), detail=str(exc)) from None
    effect = data.get("effect")
    if effect is not None:
        _only(effect, EFFECT_KEYS, "effect")
    return Case(scenario=scenario_from_dict(data), effect=effect)


def scenario_from_dict(data: Mapping[str, Any]) -> Scenario:
    """Build and check a Scenario from case-file data."""
    _only(data, SCENARIO_KEYS + CASE_KEYS, "")
    start = whole_number(_required(data, "start_year", ""), "start_year")
    scenario = Scenario(
        name=str(data.get("name", "")),
        source=str(data.get("source", "")),
        start_year=start,
        horizon=whole_number(_required(data, "horizon", ""), "horizon"),
        costs=tuple(
            distribution_from_value(c, f"costs[{i}]") for i, c in enumerate(data.get("costs", []))
        ),
        cost_price_year=_optional_year(data, "cost_price_year", ""),
        discount_rate=distribution_from_value(
            data.get("discount_rate", DEFAULT_DISCOUNT_RATE), "discount_rate"
        ),
        price_base_year=_optional_year(data, "price_base_year", ""),
        price_adjustment=bool(data.get("price_adjustment", True)),
        target_group=_optional(data, "target_group", ""),
        assumptions=tuple(str(a) for a in data.get("assumptions", [])),
        outcomes=tuple(
            _outcome(o, f"outcomes[{i}]") for i, o in enumerate(data.get("outcomes", []))
        ),
    )
    return check_scenario(scenario)


def _outcome(data: Mapping[str, Any], path: str) -> Outcome:
    _only(data, OUTCOME_KEYS, path)
    defaults = Outcome(key="", label="", values=())
    return Outcome(
        key=str(data.get("key", path)),
        label=str(data.get("label", data.get("key", path))),
        unit=str(data.get("unit", "")),
        successes=_optional(data, "successes", path),
        effect=_optional(data, "effect", path),
        target_group=_optional(data, "target_group", path),
        deadweight=_optional(data, "deadweight", path) or defaults.deadweight,
        attribution=_optional(data, "attribution", path) or defaults.attribution,
        drop_off=_optional(data, "drop_off", path) or defaults.drop_off,
        duration=_optional_int(data, "duration", path),
        first_year=_optional_year(data, "first_year", path),
        values=tuple(
            _value(v, f"{path}.values[{j}]") for j, v in enumerate(data.get("values", []))
        ),
    )


def _value(data: Mapping[str, Any], path: str) -> ActorValue:
    _only(data, VALUE_KEYS, path)
    key = data.get("unit_cost")
    entry = unit_cost(str(key), f"{path}.unit_cost") if key is not None else None
    if "amount" in data:
        amount = distribution_from_value(data["amount"], f"{path}.amount")
    elif entry is not None:
        amount = (
            Fixed(float(entry.low))
            if not entry.is_range
            else Uniform(float(entry.low), float(entry.high))
        )
    else:
        raise SifError("missing_field", field=f"{path}.amount")
    price_year = data.get("price_year", entry.price_year if entry else None)
    if price_year is None:
        raise SifError("unit_cost_missing_price_year", field=f"{path}.price_year", key=path)
    source = str(data.get("source", entry.source if entry else "")).strip()
    if not source:
        raise SifError("unit_cost_missing_source", field=f"{path}.source", key=path)
    actor = data.get("actor", entry.actor if entry and entry.actor != SOCIETY else None)
    if actor is None:
        raise SifError("missing_field", field=f"{path}.actor")
    return ActorValue(
        actor=str(actor),
        amount=amount,
        price_year=whole_number(price_year, f"{path}.price_year"),
        source=source,
        quantity=_optional(data, "quantity", path) or Fixed(1.0),
        share=_optional(data, "share", path) or Fixed(1.0),
        divide_by=_optional(data, "divide_by", path) or Fixed(1.0),
        unit_cost=str(key) if key is not None else None,
        label=str(data.get("label", entry.name_sv if entry else "")),
    )


def scenario_to_dict(scenario: Scenario) -> dict[str, Any]:
    """The inverse of `scenario_from_dict`: JSON-safe case-file data."""
    data: dict[str, Any] = {
        "name": scenario.name,
        "source": scenario.source,
        "start_year": scenario.start_year,
        "horizon": scenario.horizon,
        "costs": [distribution_to_value(c) for c in scenario.costs],
        "discount_rate": distribution_to_value(scenario.discount_rate),
        "price_adjustment": scenario.price_adjustment,
        "assumptions": list(scenario.assumptions),
        "outcomes": [_outcome_to_dict(o) for o in scenario.outcomes],
    }
    for name in ("cost_price_year", "price_base_year"):
        if getattr(scenario, name) is not None:
            data[name] = getattr(scenario, name)
    if scenario.target_group is not None:
        data["target_group"] = distribution_to_value(scenario.target_group)
    return data


def _outcome_to_dict(outcome: Outcome) -> dict[str, Any]:
    data: dict[str, Any] = {"key": outcome.key, "label": outcome.label, "unit": outcome.unit}
    for name in ("successes", "effect", "target_group", "deadweight", "attribution", "drop_off"):
        value = getattr(outcome, name)
        if value is not None:
            data[name] = distribution_to_value(value)
    for name in ("duration", "first_year"):
        if getattr(outcome, name) is not None:
            data[name] = getattr(outcome, name)
    data["values"] = [_value_to_dict(v) for v in outcome.values]
    return data


def _value_to_dict(value: ActorValue) -> dict[str, Any]:
    data: dict[str, Any] = {
        "actor": value.actor,
        "amount": distribution_to_value(value.amount),
        "price_year": value.price_year,
        "source": value.source,
        "quantity": distribution_to_value(value.quantity),
        "share": distribution_to_value(value.share),
        "divide_by": distribution_to_value(value.divide_by),
        "label": value.label,
    }
    if value.unit_cost is not None:
        data["unit_cost"] = value.unit_cost
    return data


def _only(data: Mapping[str, Any], allowed: tuple[str, ...], path: str) -> None:
    if not isinstance(data, Mapping):
        raise SifError("invalid_table", field=path or "(fil)")
    for key in data:
        if key not in allowed:
            raise SifError("unknown_field", field=f"{path}.{key}" if path else key)


def _required(data: Mapping[str, Any], key: str, path: str) -> Any:
    if key not in data:
        raise SifError("missing_field", field=f"{path}.{key}" if path else key)
    return data[key]


def _optional(data: Mapping[str, Any], key: str, path: str) -> Distribution | None:
    if key not in data:
        return None
    return distribution_from_value(data[key], f"{path}.{key}" if path else key)


def _optional_int(data: Mapping[str, Any], key: str, path: str) -> int | None:
    return whole_number(data[key], f"{path}.{key}") if key in data else None


def _optional_year(data: Mapping[str, Any], key: str, path: str) -> int | None:
    return (
        _optional_int(data, key, path)
        if path
        else (whole_number(data[key], key) if key in data else None)
    )
