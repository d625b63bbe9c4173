"""Who pays and who gains (a business case per actor), value types, transfers, the standard
adjustments, year profiles and the Green Book's declining discount rate (issue 14, points 1–2)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sif.calc import engine
from sif.calc.distributions import Fixed, point
from sif.calc.errors import SifError
from sif.calc.model import BusinessCase, Result, evaluate, scenario_from_dict
from sif.calc.payback import payback_index
from tests.calc.builders import case_dict, example


def case(result: Result, actor: str) -> BusinessCase:
    return next(c for c in result.business_cases if c.actor == actor)


def test_ppss_books_nilssons_society_wide_cost_on_society_not_the_municipality() -> None:
    result = evaluate(example("ppss"))
    assert result.pv_gains_by_actor == {"samhalle": pytest.approx(104 * 6e9 / 9 / 1040)}
    assert result.pv_gains_municipal == 0  # was 66,7 mnkr booked on kommun
    kommun = case(result, "kommun")
    assert (kommun.pv_costs, kommun.pv_gains, kommun.npv) == (
        pytest.approx(57e6),
        0,
        pytest.approx(-57e6),
    )
    assert result.npv == pytest.approx(66_666_666.67 - 57e6, abs=1)
    assert result.pv_gains_by_type == {"economic": pytest.approx(66_666_666.67, abs=1)}


def test_a_catalogue_entry_of_society_can_be_used_in_a_case_file_without_naming_an_actor() -> None:
    data = case_dict()
    data["outcomes"][0]["values"] = [
        {"unit_cost": "exclusion_lifetime_per_young_person", "divide_by": 40}
    ]
    value = scenario_from_dict(data).outcomes[0].values[0]
    assert (value.actor, value.kind) == ("samhalle", "economic")


def test_the_pilots_municipal_case_is_its_social_case_with_cashable_placement_savings() -> None:
    result = evaluate(example("hasselby_pilot"))
    kommun = case(result, "kommun")
    assert (
        kommun.npv == pytest.approx(10_624_479, abs=1) == pytest.approx(result.npv_municipal, abs=1)
    )
    assert kommun.payback_year == 2026 and kommun.benefit_cost_ratio == pytest.approx(
        1.483, abs=0.001
    )
    assert result.pv_gains_by_type == {"fiscal_cashable": pytest.approx(32_623_132, abs=1)}
    assert case(result, "kommun.socialtjanst").pv_gains == pytest.approx(32_623_132, abs=1)


def test_hela_familjens_saved_assistance_is_a_transfer_kept_by_the_municipality_netted_for_society() -> (
    None
):
    result = evaluate(example("hela_familjen"))
    saved = result.pv_transfers
    assert saved > 0
    assert case(result, "kommun").pv_gains == pytest.approx(saved)
    assert case(result, "individ").pv_gains == pytest.approx(-saved)
    assert result.pv_gains == pytest.approx(
        0, abs=1e-6
    )  # the families' earnings are not in the source
    assert result.pv_gains_by_type["fiscal_cashable"] == pytest.approx(saved)
    assert result.pv_gains_by_type["transfer"] == pytest.approx(-saved)
    assert result.break_even_successes is None
    assert result.break_even_successes_municipal == pytest.approx(9.1, abs=0.05)


def test_costs_are_split_by_payer_and_a_cost_per_participant_needs_no_arithmetic() -> None:
    data = case_dict(costs=[], target_group=None)
    del data["target_group"]
    data["cost_items"] = [
        {"payer": "kommun.socialtjanst", "per_participant": 5000, "participants": [100]},
        {"payer": "region", "amounts": [200_000, 100_000]},
    ]
    result = evaluate(scenario_from_dict(data))
    assert result.pv_costs_by_payer == {
        "kommun.socialtjanst": 500_000,
        "region": pytest.approx(200_000 + 100_000 / 1.035),
    }
    assert result.pv_costs == pytest.approx(500_000 + 200_000 + 100_000 / 1.035)
    assert case(result, "region").pv_gains == 0 and case(result, "region").payback_year is None


def test_wsipps_break_even_is_cost_over_value_per_participant() -> None:
    """WSIPP: break-even success rate = C / P. 100 participants at 5 000 kr, a success worth
    50 000 kr once: 10 successes (10 %) break even."""
    data = {
        "start_year": 2020,
        "horizon": 1,
        "price_adjustment": False,
        "target_group": 100,
        "cost_items": [{"per_participant": 5000, "participants": [100]}],
        "outcomes": [
            {
                "effect": 0.2,
                "values": [
                    {"actor": "kommun", "amount": 50_000, "price_year": 2020, "source": "test"}
                ],
            }
        ],
    }
    result = evaluate(scenario_from_dict(data))
    assert result.break_even_successes == pytest.approx(10)
    assert result.break_even_share == pytest.approx(5000 / 50_000)


def test_displacement_leakage_and_optimism_bias_scale_the_gains_and_costs() -> None:
    base = evaluate(scenario_from_dict(case_dict()))
    data = case_dict(optimism_bias_costs=0.41, optimism_bias_gains=0.1)
    data["outcomes"][0].update(displacement=0.25, leakage=0.2)
    adjusted = evaluate(scenario_from_dict(data))
    assert adjusted.pv_costs == pytest.approx(base.pv_costs * 1.41)
    assert adjusted.pv_gains == pytest.approx(base.pv_gains * 0.75 * 0.8 * 0.9)


def test_a_ramp_up_scales_the_first_years_only() -> None:
    data = case_dict(discount_rate=0.0)
    data["outcomes"][0].update(drop_off=0, ramp_up=[0.25, 0.5])
    ramped = evaluate(scenario_from_dict(data))
    flat = evaluate(
        scenario_from_dict(
            case_dict(discount_rate=0.0) | {"outcomes": [dict(data["outcomes"][0], ramp_up=[])]}
        )
    )
    assert ramped.gains_by_year[:3] == pytest.approx(
        [0.25 * flat.gains_by_year[0], 0.5 * flat.gains_by_year[1], flat.gains_by_year[2]]
    )


def test_the_green_book_schedule_discounts_3_5_then_3_then_2_5_percent() -> None:
    scenario = scenario_from_dict(case_dict(horizon=125, discount_schedule="green_book"))
    figures = engine.evaluate_figures(scenario, point)
    d = figures.discount
    assert d is not None
    assert d[30] == pytest.approx(1.035**-30)
    assert d[31] == pytest.approx(1.035**-30 / 1.03)
    assert d[75] == pytest.approx(1.035**-30 * 1.03**-45)
    assert d[124] == pytest.approx(1.035**-30 * 1.03**-45 * 1.025**-49)
    short = evaluate(
        scenario_from_dict(case_dict(discount_schedule="green_book", discount_rate=0.2))
    )
    assert short.pv_costs == evaluate(scenario_from_dict(case_dict(discount_rate=0.035))).pv_costs


@pytest.mark.parametrize(
    ("change", "code", "field"),
    [
        (
            {"value_type": "fiscal_cashable", "actor": "individ"},
            "value_type_not_for_actor",
            "outcomes[0].values[0].value_type",
        ),
        ({"value_type": "cash"}, "value_type_not_for_actor", "outcomes[0].values[0].value_type"),
        (
            {"transfer": True, "actor": "individ"},
            "transfer_not_allowed",
            "outcomes[0].values[0].transfer",
        ),
        ({"transfer": "ja"}, "invalid_boolean", "outcomes[0].values[0].transfer"),
    ],
)
def test_bad_value_types_and_transfers_are_refused(
    change: dict[str, Any], code: str, field: str
) -> None:
    data = case_dict()
    data["outcomes"][0]["values"][0].update(change)
    with pytest.raises(SifError) as info:
        scenario_from_dict(data)
    assert (info.value.code, info.value.params["field"]) == (code, field)


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"cost_items": [{"payer": "kommun"}]}, "cost_item_needs_amounts_or_participants"),
        (
            {"cost_items": [{"amounts": [1], "per_participant": 5, "participants": [1]}]},
            "cost_item_needs_amounts_or_participants",
        ),
        ({"cost_items": [{"payer": "landsting", "amounts": [1]}]}, "unknown_actor"),
        ({"optimism_bias_costs": 2.5}, "optimism_bias_out_of_range"),
        ({"optimism_bias_gains": 1.5}, "share_out_of_range"),
        ({"discount_schedule": "stern"}, "unknown_discount_schedule"),
        ({"cost_payer": "kommunen"}, "unknown_actor"),
    ],
)
def test_bad_costs_and_adjustments_are_refused(change: dict[str, Any], code: str) -> None:
    with pytest.raises(SifError) as info:
        scenario_from_dict(case_dict(**change))
    assert info.value.code == code


def test_value_types_and_the_transfer_line_sum_to_the_social_total() -> None:
    data = case_dict()
    data["outcomes"][0]["values"].append(
        {
            "actor": "kommun.ekonomiskt_bistand",
            "amount": 47_000,
            "price_year": 2020,
            "source": "t",
            "value_type": "fiscal_cashable",
            "transfer": True,
        },
    )
    data["outcomes"][0]["values"].append(
        {
            "actor": "individ",
            "amount": 20_000,
            "price_year": 2020,
            "source": "t",
            "value_type": "social",
        }
    )
    result = evaluate(scenario_from_dict(data))
    assert sum(result.pv_gains_by_type.values()) == pytest.approx(result.pv_gains)
    assert sum(result.pv_gains_by_actor.values()) == pytest.approx(result.pv_gains)
    assert result.pv_gains_by_type["transfer"] == pytest.approx(-result.pv_transfers)


def test_an_old_stored_case_without_the_new_keys_keeps_its_figures() -> None:
    old = case_dict()  # no cost_items, value types, adjustments or schedule
    result = evaluate(scenario_from_dict(old))
    assert result.pv_costs == pytest.approx(600_000 + 400_000 / 1.035)
    assert case(result, "kommun").pv_costs == pytest.approx(result.pv_costs)


shares = st.floats(0, 1)


@settings(max_examples=60, deadline=None)
@given(
    drop_off=shares,
    rate=st.floats(0, 0.3),
    first=st.integers(2020, 2029),
    duration=st.none() | st.integers(1, 12),
    ramp=st.lists(shares, max_size=4),
    schedule=st.sampled_from(["fixed", "green_book"]),
    horizon=st.sampled_from([10, 40, 90]),
)
def test_the_closed_form_equals_the_yearly_sum_with_ramp_up_and_the_green_book_schedule(
    drop_off: float,
    rate: float,
    first: int,
    duration: int | None,
    ramp: list[float],
    schedule: str,
    horizon: int,
) -> None:
    s = scenario_from_dict(case_dict(horizon=horizon, discount_schedule=schedule))
    outcome = replace(
        s.outcomes[0],
        drop_off=Fixed(drop_off),
        first_year=first,
        duration=duration,
        ramp_up=tuple(ramp),
    )
    s = replace(s, outcomes=(outcome,), discount_rate=Fixed(rate))
    yearly = engine.evaluate_figures(s, point, yearly=True)
    closed = engine.evaluate_figures(s, point, yearly=False)
    assert closed.outcomes[0].pv_profile == pytest.approx(
        yearly.outcomes[0].pv_profile, rel=1e-6, abs=1e-9
    )
    assert closed.pv_costs == pytest.approx(yearly.pv_costs, rel=1e-12)
    index = payback_index(closed, s.horizon)
    point_result = evaluate(s)
    expected = -1 if point_result.payback_year is None else point_result.payback_year - s.start_year
    assert float(index) == expected
