from decimal import Decimal

import pytest

from sif.calc.errors import SifError
from sif.calc.price_index import KPI_SOURCE, kpi, to_price_level


@pytest.mark.parametrize(
    ("year", "index"),
    [(2006, "284.22"), (2011, "311.43"), (2016, "316.43"), (2019, "334.26"), (2023, "403.70")],
)
def test_kpi_is_scbs_annual_average(year: int, index: str) -> None:
    assert kpi(year) == Decimal(index)


def test_an_amount_moves_to_the_base_year_by_the_ratio_of_indices() -> None:
    assert to_price_level(Decimal(100), 2011, 2016) == Decimal(100) * Decimal("316.43") / Decimal(
        "311.43"
    )


def test_the_same_year_leaves_the_amount_unchanged() -> None:
    assert to_price_level(Decimal("47000"), 2012, 2012) == Decimal("47000")


@pytest.mark.parametrize("year", [2024, 2025, 1999])
def test_a_year_without_an_annual_average_is_an_error_naming_the_year(year: int) -> None:
    with pytest.raises(SifError) as info:
        to_price_level(Decimal(1), 2020, year)
    assert info.value.code == "kpi_year_missing"
    assert info.value.params == {"year": year}


def test_the_kpi_series_names_its_source() -> None:
    assert "SCB" in KPI_SOURCE and "1980" in KPI_SOURCE
