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

from sif.calc.actors import MUNICIPALITY
from sif.calc.adjustments import FIXED
from sif.calc.distributions import (
    Distribution,
    Fixed,
    Uniform,
    distribution_from_value,
    distribution_to_value,
)
from sif.calc.errors import SifError
from sif.calc.evidence import effect_from_evidence
from sif.calc.numbers import number, whole_number
from sif.calc.scenario import (
    DEFAULT_DISCOUNT_RATE,
    MAX_HORIZON,
    ActorValue,
    CostItem,
    Outcome,
    Scenario,
    check_scenario,
)
from sif.calc.unit_costs import unit_cost

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
    "cost_payer",
    "cost_items",
    "optimism_bias_costs",
    "optimism_bias_gains",
    "discount_schedule",
)
CASE_KEYS = ("effect",)  # read by the CLI (sif/calc/cli.py), not part of the Scenario
COST_ITEM_KEYS = ("payer", "label", "amounts", "per_participant", "participants", "optimism_bias")
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
    "displacement",
    "leakage",
    "ramp_up",
    "evidence",
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
    "value_type",
    "transfer",
    "counterpart",
)
EFFECT_KEYS = (
    "outcome",
    "intervention_successes",
    "intervention_n",
    "comparison_successes",
    "comparison_n",
    "confidence",
    "group_sizes_assumed",
)
MAX_OUTCOMES = 50
MAX_COST_ITEMS = 50
MAX_VALUES = 50
MAX_ASSUMPTIONS = 100
MAX_TEXT = 5_000


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
    if not isinstance(data, Mapping):
        raise SifError("invalid_table", field="(fil)")
    scenario = scenario_from_dict(data)
    effect = data.get("effect")
    if effect is not None:
        _only(effect, EFFECT_KEYS, "effect")
    return Case(scenario=scenario, effect=effect)


def scenario_from_dict(data: Mapping[str, Any]) -> Scenario:
    """Build and check a Scenario from case-file data."""
    _only(data, SCENARIO_KEYS + CASE_KEYS, "")
    start = whole_number(_required(data, "start_year", ""), "start_year")
    scenario = Scenario(
        name=_text(data, "name", ""),
        source=_text(data, "source", ""),
        start_year=start,
        horizon=whole_number(_required(data, "horizon", ""), "horizon"),
        costs=tuple(
            distribution_from_value(c, f"costs[{i}]")
            for i, c in enumerate(_items(data, "costs", "", MAX_HORIZON))
        ),
        cost_price_year=_optional_year(data, "cost_price_year", ""),
        discount_rate=distribution_from_value(
            data.get("discount_rate", DEFAULT_DISCOUNT_RATE), "discount_rate"
        ),
        price_base_year=_optional_year(data, "price_base_year", ""),
        price_adjustment=_flag(data, "price_adjustment", "", True),
        target_group=_optional(data, "target_group", ""),
        assumptions=tuple(
            _text_item(a, f"assumptions[{i}]")
            for i, a in enumerate(_items(data, "assumptions", "", MAX_ASSUMPTIONS))
        ),
        outcomes=tuple(
            _outcome(o, f"outcomes[{i}]")
            for i, o in enumerate(_items(data, "outcomes", "", MAX_OUTCOMES))
        ),
        cost_payer=_text(data, "cost_payer", "", MUNICIPALITY),
        cost_items=tuple(
            _cost_item(c, f"cost_items[{i}]")
            for i, c in enumerate(_items(data, "cost_items", "", MAX_COST_ITEMS))
        ),
        optimism_bias_costs=_optional(data, "optimism_bias_costs", "") or Fixed(0.0),
        optimism_bias_gains=_optional(data, "optimism_bias_gains", "") or Fixed(0.0),
        discount_schedule=_text(data, "discount_schedule", "", FIXED),
    )
    return check_scenario(scenario)


def _cost_item(data: Mapping[str, Any], path: str) -> CostItem:
    _only(data, COST_ITEM_KEYS, path)
    return CostItem(
        payer=_text(data, "payer", path, MUNICIPALITY),
        label=_text(data, "label", path),
        amounts=_distributions(data, "amounts", path),
        per_participant=_optional(data, "per_participant", path),
        participants=_distributions(data, "participants", path),
        optimism_bias=_optional(data, "optimism_bias", path),
    )


def _distributions(data: Mapping[str, Any], key: str, path: str) -> tuple[Distribution, ...]:
    return tuple(
        distribution_from_value(v, f"{_name(path, key)}[{j}]")
        for j, v in enumerate(_items(data, key, path, MAX_HORIZON))
    )


def _outcome(data: Mapping[str, Any], path: str) -> Outcome:
    _only(data, OUTCOME_KEYS, path)
    defaults = Outcome(key="", label="", values=())
    key = _text(data, "key", path, path)
    return Outcome(
        key=key,
        label=_text(data, "label", path, key),
        unit=_text(data, "unit", path),
        successes=_optional(data, "successes", path),
        effect=_effect(data, path),
        target_group=_optional(data, "target_group", path),
        deadweight=_optional(data, "deadweight", path) or defaults.deadweight,
        attribution=_optional(data, "attribution", path) or defaults.attribution,
        drop_off=_optional(data, "drop_off", path) or defaults.drop_off,
        displacement=_optional(data, "displacement", path) or defaults.displacement,
        leakage=_optional(data, "leakage", path) or defaults.leakage,
        ramp_up=tuple(
            number(v, f"{path}.ramp_up[{k}]")
            for k, v in enumerate(_items(data, "ramp_up", path, MAX_HORIZON))
        ),
        evidence=_text(data, "evidence", path) if "evidence" in data else None,
        duration=_optional_int(data, "duration", path),
        first_year=_optional_year(data, "first_year", path),
        values=tuple(
            _value(v, f"{path}.values[{j}]")
            for j, v in enumerate(_items(data, "values", path, MAX_VALUES))
        ),
    )


def _effect(data: Mapping[str, Any], path: str) -> Distribution | None:
    """`effect`, or the evidence library entry's effect when only `evidence` is given."""
    if "effect" in data or "evidence" not in data:
        return _optional(data, "effect", path)
    return effect_from_evidence(_text(data, "evidence", path), f"{path}.evidence")


def _value(data: Mapping[str, Any], path: str) -> ActorValue:
    _only(data, VALUE_KEYS, path)
    key = _text(data, "unit_cost", path) if "unit_cost" in data else None
    entry = unit_cost(key, f"{path}.unit_cost") if key is not None else None
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
    source = _text(data, "source", path, entry.source if entry else "").strip()
    if not source:
        raise SifError("unit_cost_missing_source", field=f"{path}.source", key=path)
    actor = data.get("actor", entry.actor if entry else None)
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
        unit_cost=key,
        label=_text(data, "label", path, entry.name_sv if entry else ""),
        value_type=_text(data, "value_type", path),
        transfer=_flag(data, "transfer", path, False),
        counterpart=_text(data, "counterpart", path, "individ"),
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
    if scenario.cost_payer != MUNICIPALITY:
        data["cost_payer"] = scenario.cost_payer
    if scenario.cost_items:
        data["cost_items"] = [_cost_item_to_dict(c) for c in scenario.cost_items]
    for name in ("optimism_bias_costs", "optimism_bias_gains"):
        if getattr(scenario, name) != Fixed(0.0):
            data[name] = distribution_to_value(getattr(scenario, name))
    if scenario.discount_schedule != FIXED:
        data["discount_schedule"] = scenario.discount_schedule
    if scenario.target_group is not None:
        data["target_group"] = distribution_to_value(scenario.target_group)
    return data


def _cost_item_to_dict(item: CostItem) -> dict[str, Any]:
    data: dict[str, Any] = {"payer": item.payer, "label": item.label}
    if item.per_participant is None:
        data["amounts"] = [distribution_to_value(a) for a in item.amounts]
    else:
        data["per_participant"] = distribution_to_value(item.per_participant)
        data["participants"] = [distribution_to_value(n) for n in item.participants]
    if item.optimism_bias is not None:
        data["optimism_bias"] = distribution_to_value(item.optimism_bias)
    return data


def _outcome_to_dict(outcome: Outcome) -> dict[str, Any]:
    data: dict[str, Any] = {"key": outcome.key, "label": outcome.label, "unit": outcome.unit}
    for name in ("successes", "effect", "target_group", "deadweight", "attribution", "drop_off"):
        value = getattr(outcome, name)
        if value is not None:
            data[name] = distribution_to_value(value)
    for name in ("displacement", "leakage"):
        if getattr(outcome, name) != Fixed(0.0):
            data[name] = distribution_to_value(getattr(outcome, name))
    if outcome.ramp_up:
        data["ramp_up"] = list(outcome.ramp_up)
    if outcome.evidence is not None:
        data["evidence"] = outcome.evidence
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
    if value.value_type:
        data["value_type"] = value.value_type
    if value.transfer:
        data["transfer"] = True
        data["counterpart"] = value.counterpart
    return data


def _name(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _text(data: Mapping[str, Any], key: str, path: str, default: str = "") -> str:
    """A text field: a string (`invalid_text` for a number, a list or a table)."""
    return _text_item(data[key], _name(path, key)) if key in data else default


def _text_item(value: object, field: str) -> str:
    if not isinstance(value, str):
        raise SifError("invalid_text", field=field, value=_short(value))
    if len(value) > MAX_TEXT:
        raise SifError("text_too_long", field=field, limit=MAX_TEXT)
    return value


def _flag(data: Mapping[str, Any], key: str, path: str, default: bool) -> bool:
    """true or false, nothing else: the text "false" is not read as true."""
    if key not in data:
        return default
    value = data[key]
    if not isinstance(value, bool):
        raise SifError("invalid_boolean", field=_name(path, key), value=_short(value))
    return value


def _items(data: Mapping[str, Any], key: str, path: str, limit: int) -> list[Any]:
    """A list of at most `limit` items (`invalid_list`, `too_many_items`)."""
    value = data.get(key, [])
    if not isinstance(value, list | tuple):
        raise SifError("invalid_list", field=_name(path, key), value=_short(value))
    if len(value) > limit:
        raise SifError("too_many_items", field=_name(path, key), count=len(value), limit=limit)
    return list(value)


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


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
