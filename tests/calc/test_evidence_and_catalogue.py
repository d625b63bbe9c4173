"""The evidence library (effect sizes with source, design and confidence, usable in Monte Carlo)
and the extended unit-cost catalogue, uplifted by KPI (issue 14, point 3)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sif.calc.distributions import Triangular
from sif.calc.errors import SifError
from sif.calc.evidence import CONFIDENCE, evidence, load_library
from sif.calc.model import evaluate, scenario_from_dict
from sif.calc.uncertainty import monte_carlo
from sif.calc.unit_costs import load_catalogue, unit_cost, uplifted
from tests.calc.builders import case_dict


def test_every_evidence_entry_has_a_source_a_design_and_a_confidence() -> None:
    library = load_library()
    assert len(library) >= 3
    for entry in library:
        assert entry.source and entry.design and entry.confidence in CONFIDENCE
        assert entry.low <= entry.mode <= entry.high


def test_the_wsipp_fft_placement_effect_is_es_minus_0_075_with_se_0_078() -> None:
    entry = evidence("wsipp_fft_court_involved_placement")
    assert entry.mode == -0.075
    assert (entry.low, entry.high) == (
        pytest.approx(-0.075 - 1.96 * 0.078, abs=1e-3),
        pytest.approx(-0.075 + 1.96 * 0.078, abs=1e-3),
    )
    assert entry.source_url == "https://wsipp.wa.gov/BenefitCost/Program/32"


def outcome_from_evidence(key: str) -> dict:  # type: ignore[type-arg]
    data = case_dict()
    outcome = data["outcomes"][0]
    del outcome["successes"]
    outcome["evidence"] = key
    return data


def test_an_outcome_takes_its_effect_from_the_library_as_a_distribution() -> None:
    scenario = scenario_from_dict(outcome_from_evidence("hela_familjen_malmo_2014"))
    assert scenario.outcomes[0].effect == Triangular(0.133, 0.28, 0.421)
    result = evaluate(scenario)
    assert result.explanation  # the effect is an input like any other
    mc = monte_carlo(scenario, 5_000, seed=1)
    assert mc.npv.p5 is not None and mc.npv.p95 is not None and mc.npv.p5 < mc.npv.p95


def test_a_standardised_mean_difference_is_not_used_as_percentage_points() -> None:
    with pytest.raises(SifError) as info:
        scenario_from_dict(outcome_from_evidence("wsipp_fft_court_involved_placement"))
    assert (info.value.code, info.value.params["field"]) == (
        "evidence_not_percentage_points",
        "outcomes[0].evidence",
    )


def test_an_unknown_evidence_key_is_named() -> None:
    with pytest.raises(SifError) as info:
        scenario_from_dict(outcome_from_evidence("no_such_study"))
    assert info.value.code == "unknown_evidence"


def test_the_catalogue_has_grown_with_sourced_entries() -> None:
    catalogue = load_catalogue()
    assert len(catalogue) >= 29
    assert all(entry.source and entry.price_year for entry in catalogue)
    assert unit_cost("foster_care_fee_13_19_2021").low == Decimal(8436)


def test_a_unit_cost_is_uplifted_to_a_price_year_by_kpi() -> None:
    low, high = uplifted(unit_cost("social_assistance_household_2012"), 2023)
    assert low == high == Decimal(47000) * Decimal("403.70") / Decimal("314.20")
    assert round(low) == 60388


def test_uplifting_to_a_year_without_kpi_is_an_error() -> None:
    with pytest.raises(SifError) as info:
        uplifted(unit_cost("institution_day_cura_2025"), 2023)
    assert info.value.code == "kpi_year_missing"
