"""Bad inputs: an error with a stable code that names the input."""

from typing import Any

import pytest

from sif.calc.errors import SifError
from sif.calc.model import scenario_from_dict
from tests.calc.builders import case_dict


def outcome_with(**fields: Any) -> dict[str, Any]:
    data = case_dict()
    data["outcomes"][0].update(fields)
    return data


def value_with(**fields: Any) -> dict[str, Any]:
    data = case_dict()
    data["outcomes"][0]["values"][0].update(fields)
    return data


def value_without(key: str) -> dict[str, Any]:
    data = case_dict()
    del data["outcomes"][0]["values"][0][key]
    return data


def discrete(values: list[float], probabilities: list[float]) -> dict[str, Any]:
    return {"dist": "discrete", "values": values, "probabilities": probabilities}


@pytest.mark.parametrize(
    ("data", "code", "field"),
    [
        (
            outcome_with(successes=discrete([1, 2], [1.0])),
            "discrete_lengths_differ",
            "outcomes[0].successes",
        ),
        (
            outcome_with(successes=discrete([1, 2], [0.5, 0.6])),
            "probabilities_not_one",
            "outcomes[0].successes",
        ),
        (
            outcome_with(successes=discrete([1, 2], [1.5, -0.5])),
            "share_out_of_range",
            "outcomes[0].successes.probabilities[0]",
        ),
        (outcome_with(successes=discrete([], [])), "invalid_list", "outcomes[0].successes.values"),
        (
            outcome_with(deadweight=discrete([0.2, 1.4], [0.5, 0.5])),
            "share_out_of_range",
            "outcomes[0].deadweight",
        ),
        (
            case_dict(cost_items=[{"payer": "kommun", "amounts": [1], "optimism_bias": 2.5}]),
            "optimism_bias_out_of_range",
            "cost_items[0].optimism_bias",
        ),
        (outcome_with(successes=-3), "negative_count", "outcomes[0].successes"),
        (case_dict(target_group=-1), "negative_count", "target_group"),
        (outcome_with(deadweight=1.2), "share_out_of_range", "outcomes[0].deadweight"),
        (outcome_with(attribution=-0.1), "share_out_of_range", "outcomes[0].attribution"),
        (
            outcome_with(drop_off={"low": 0, "high": 1.5}),
            "share_out_of_range",
            "outcomes[0].drop_off",
        ),
        (case_dict(horizon=0), "horizon_not_positive", "horizon"),
        (value_with(actor="landsting"), "unknown_actor", "outcomes[0].values[0].actor"),
        (value_with(actor="region.vard"), "unknown_actor", "outcomes[0].values[0].actor"),
        (
            value_without("price_year"),
            "unit_cost_missing_price_year",
            "outcomes[0].values[0].price_year",
        ),
        (value_without("source"), "unit_cost_missing_source", "outcomes[0].values[0].source"),
        (
            value_with(amount={"low": 4000, "high": 3000}),
            "range_low_above_high",
            "outcomes[0].values[0].amount",
        ),
        (
            value_with(amount={"dist": "pert", "low": 1, "mode": 9, "high": 5}),
            "mode_outside_range",
            "outcomes[0].values[0].amount",
        ),
        (
            value_with(amount={"dist": "lognormal", "low": 1, "high": 5}),
            "unknown_distribution",
            "outcomes[0].values[0].amount",
        ),
        (
            value_with(unit_cost="no_such_cost"),
            "unknown_unit_cost",
            "outcomes[0].values[0].unit_cost",
        ),
        (case_dict(costs=[-5]), "negative_amount", "costs[0]"),
        (case_dict(costs=["tio"]), "invalid_number", "costs[0]"),
        (case_dict(discount_rate=1.5), "discount_rate_out_of_range", "discount_rate"),
        (case_dict(horizon=1), "year_outside_horizon", "costs[1]"),
        (case_dict(horizonn=3), "unknown_field", "horizonn"),
        (outcome_with(first_year=2040), "year_outside_horizon", "outcomes[0].first_year"),
        (outcome_with(duration=0), "duration_not_positive", "outcomes[0].duration"),
        (value_with(divide_by=0), "divisor_not_positive", "outcomes[0].values[0].divide_by"),
    ],
)
def test_a_bad_input_is_an_error_with_a_stable_code_naming_the_input(
    data: dict[str, Any], code: str, field: str
) -> None:
    with pytest.raises(SifError) as info:
        scenario_from_dict(data)
    assert info.value.code == code
    assert info.value.params["field"] == field


def test_an_outcome_needs_successes_or_an_effect_on_a_target_group() -> None:
    data = case_dict(target_group=None)
    del data["target_group"]
    del data["outcomes"][0]["successes"]
    data["outcomes"][0]["effect"] = 0.1
    with pytest.raises(SifError) as info:
        scenario_from_dict(data)
    assert info.value.code == "outcome_needs_successes_or_effect"


def test_a_missing_start_year_is_named() -> None:
    data = case_dict()
    del data["start_year"]
    with pytest.raises(SifError) as info:
        scenario_from_dict(data)
    assert (info.value.code, info.value.params) == ("missing_field", {"field": "start_year"})
