from decimal import Decimal

import pytest

from sif.calc.errors import SifError
from sif.calc.unit_costs import load_catalogue, unit_cost, unit_cost_from_dict


def test_every_catalogue_entry_has_a_source_and_a_price_year() -> None:
    catalogue = load_catalogue()
    assert len(catalogue) >= 15
    for entry in catalogue:
        assert entry.source.strip() and entry.price_year >= 2006 and entry.low <= entry.high


@pytest.mark.parametrize(
    ("key", "low", "high", "year"),
    [
        ("hvb_placement_child_stockholm", 3000, 4000, 2016),
        ("special_school_group_stockholm", 700, 700, 2016),
        ("ppss_per_pupil_school_day", 156, 156, 2016),
        ("school_failure_upper_secondary_national", 6_000_000_000, 6_000_000_000, 2011),
        ("placements_hasselby_vallingby", 75_800_000, 75_800_000, 2019),
        ("bbic_investigation_2015", 30561, 30561, 2015),
    ],
)
def test_seed_figures_are_in_the_catalogue(key: str, low: int, high: int, year: int) -> None:
    entry = unit_cost(key)
    assert (entry.low, entry.high, entry.price_year) == (Decimal(low), Decimal(high), year)


def test_ppss_costs_about_156_kr_per_school_day() -> None:
    per_year = unit_cost("ppss_per_pupil_year").low
    assert per_year == 40_000
    assert round(per_year / 256) == unit_cost("ppss_per_pupil_school_day").low == 156


def test_a_unit_cost_with_no_price_year_is_refused() -> None:
    entry = {"key": "x", "unit": "per_day", "low": 1, "source": "s", "actor": "kommun"}
    with pytest.raises(SifError) as info:
        unit_cost_from_dict(entry, "unit_cost[0]")
    assert info.value.code == "unit_cost_missing_price_year"


def test_a_unit_cost_with_no_source_is_refused() -> None:
    entry = {"key": "x", "unit": "per_day", "low": 1, "price_year": 2020, "actor": "kommun"}
    with pytest.raises(SifError) as info:
        unit_cost_from_dict(entry, "unit_cost[0]")
    assert info.value.code == "unit_cost_missing_source"


def test_an_unknown_unit_cost_key_is_an_error() -> None:
    with pytest.raises(SifError) as info:
        unit_cost("no_such_cost", "outcomes[0].values[0].unit_cost")
    assert info.value.code == "unknown_unit_cost"
