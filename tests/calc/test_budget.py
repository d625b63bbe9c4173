"""Budget rules and totals with seed 002's table (tkr in the document, kronor here) and seed 004's."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sif.calc.budget import (
    BudgetRowInput,
    check_amount,
    check_period,
    check_rows,
    check_sought_amount,
    check_years_within_period,
    grand_total,
    row_totals,
    year_totals,
)
from sif.calc.errors import SifError

PILOT = [
    BudgetRowInput(
        "personnel",
        "Personalkostnader inkl. ledning och vikarietäckning",
        "*",
        {2020: Decimal(8_177_000), 2021: Decimal(8_411_000), 2022: Decimal(1_752_000)},
    ),
    BudgetRowInput(
        "other",
        "Övriga kostnader",
        "**",
        {2020: Decimal(1_400_000), 2021: Decimal(1_400_000), 2022: Decimal(1_400_000)},
    ),
]
PILOT_START, PILOT_END = date(2020, 1, 1), date(2022, 12, 31)


def test_the_pilot_rows_total_18_340_and_4_200_tkr_as_in_the_application() -> None:
    assert row_totals(PILOT) == [Decimal(18_340_000), Decimal(4_200_000)]


@pytest.mark.parametrize(
    ("year", "total"), [(2020, 9_577_000), (2021, 9_811_000), (2022, 3_152_000)]
)
def test_the_pilot_year_totals_are_those_of_the_application(year: int, total: int) -> None:
    assert year_totals(PILOT)[year] == Decimal(total)


def test_the_pilot_grand_total_is_22_540_tkr() -> None:
    assert grand_total(PILOT) == Decimal(22_540_000)


def test_a_sought_amount_equal_to_the_grand_total_is_accepted() -> None:
    assert check_sought_amount(Decimal(22_540_000), grand_total(PILOT)) == Decimal(22_540_000)


def test_a_sought_amount_one_krona_off_is_refused_naming_both_amounts_in_swedish_format() -> None:
    with pytest.raises(SifError) as caught:
        check_sought_amount("22540001", grand_total(PILOT))
    assert caught.value.code == "sought_amount_differs_from_budget"
    assert caught.value.params == {
        "sought": "22\xa0540\xa0001\xa0kr",
        "total": "22\xa0540\xa0000\xa0kr",
    }


def test_the_ytterstad_budget_600_000_plus_1_860_000_matches_its_sought_2_460_000() -> None:
    rows = [BudgetRowInput("other", "", "", {2013: Decimal(600_000), 2014: Decimal(1_860_000)})]
    check_rows(rows, date(2013, 9, 1), date(2014, 12, 31))
    assert check_sought_amount(2_460_000, grand_total(rows)) == Decimal(2_460_000)


def test_a_year_2023_in_the_pilot_is_outside_its_period() -> None:
    rows = [*PILOT, BudgetRowInput("training", "", "", {2023: Decimal(1)})]
    with pytest.raises(SifError) as caught:
        check_rows(rows, PILOT_START, PILOT_END)
    assert caught.value.code == "budget_year_outside_period"
    assert caught.value.params == {"year": 2023, "start": "2020-01-01", "end": "2022-12-31"}


def test_a_budget_needs_both_ends_of_the_period() -> None:
    with pytest.raises(SifError, match="budget_period_missing"):
        check_years_within_period([2020], PILOT_START, None)


@pytest.mark.parametrize("value", ["-1", Decimal("-0.01"), -8_177_000])
def test_a_negative_amount_is_refused(value: object) -> None:
    with pytest.raises(SifError) as caught:
        check_amount(value, year=2020)
    assert caught.value.code == "budget_amount_negative"


@pytest.mark.parametrize("value", ["nio", "", None, True, "NaN", "1,001"])
def test_an_amount_that_is_not_a_number_is_refused(value: object) -> None:
    with pytest.raises(SifError) as caught:
        check_amount(value, year=2020)
    assert caught.value.code == "budget_amount_invalid"


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("8 177 000", 8_177_000),
        ("8\xa0177\xa0000", 8_177_000),
        ("1400000,50", Decimal("1400000.50")),
    ],
)
def test_amounts_written_the_swedish_way_are_read(text: str, amount: object) -> None:
    assert check_amount(text) == Decimal(amount)  # type: ignore[arg-type]


def test_a_category_twice_is_refused() -> None:
    with pytest.raises(SifError, match="budget_category_duplicate"):
        check_rows([PILOT[0], PILOT[0]], PILOT_START, PILOT_END)


def test_an_end_before_the_start_is_refused() -> None:
    with pytest.raises(SifError) as caught:
        check_period(date(2022, 12, 31), date(2020, 1, 1))
    assert caught.value.code == "end_before_start"


amounts = st.dictionaries(
    st.integers(2000, 2040), st.decimals(0, 10**12, places=2, allow_nan=False), max_size=6
)


@given(st.lists(amounts, max_size=5))
def test_the_grand_total_equals_the_sum_of_the_row_totals_and_of_the_year_totals(
    tables: list[dict[int, Decimal]],
) -> None:
    rows = [BudgetRowInput(f"c{i}", "", "", a) for i, a in enumerate(tables)]
    assert (
        grand_total(rows)
        == sum(row_totals(rows), Decimal(0))
        == sum(year_totals(rows).values(), Decimal(0))
    )


def test_an_amount_beyond_what_the_database_holds_is_refused() -> None:
    with pytest.raises(SifError, match="budget_amount_too_large"):
        check_amount("1e13")
