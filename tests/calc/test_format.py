"""sif.calc.format: the one Swedish number format and parser (Babel's sv_SE)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sif.calc import format as fmt
from sif.calc.errors import SifError
from sif.reports.charts import _number_format


@pytest.mark.parametrize(
    ("shown", "expected"),
    [
        (fmt.number(22540), "22\xa0540"),
        (fmt.number(1234.5, 2), "1\xa0234,50"),
        (fmt.number(-1234.5, 1), "\u22121\xa0234,5"),
        (fmt.number(Decimal("45.5000"), 4, trim=True), "45,5"),
        (fmt.number(1040.0, 1, trim=True), "1\xa0040"),
        (fmt.kr(21998653), "21\xa0998\xa0653\xa0kr"),
        (fmt.tkr(9577000), "9\xa0577"),
        (fmt.tkr(1234500), "1\xa0234,5"),
        (fmt.percent(0.0337), "3,4\xa0%"),
        (fmt.percent(0.5, 0), "50\xa0%"),
        (fmt.percentage_points(0.293), "+29,3 procentenheter"),
        (fmt.p_value(0.00001), "<\xa00,0001"),
        (fmt.p_value(0.0312), "0,0312"),
        (fmt.year(2019), "2019"),
        (fmt.count(1, ("enhet", "enheter")), "1 enhet"),
        (fmt.count(7, ("enhet", "enheter")), "7 enheter"),
        (fmt.number(2.5, 1), "2,5"),
        (fmt.number(0.05, 2), "0,05"),
    ],
)
def test_numbers_are_written_the_swedish_way(shown: str, expected: str) -> None:
    assert shown == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1 234,50", Decimal("1234.50")),
        ("1\xa0234,5", Decimal("1234.5")),
        ("\u221212", Decimal(-12)),
        ("1234.5", Decimal("1234.5")),
        ("0,05", Decimal("0.05")),
    ],
)
def test_swedish_numbers_are_read_back(text: str, value: Decimal) -> None:
    assert fmt.parse_number(text) == value


@pytest.mark.parametrize("text", ["abc", "1,2,3", "1.234,5", "", "nan", "inf", "12 %"])
def test_what_is_not_a_number_is_refused(text: str) -> None:
    with pytest.raises(SifError) as error:
        fmt.parse_number(text, "Belopp")
    assert error.value.code == "invalid_number"


def test_tkr_typed_with_a_decimal_comma_is_kept_to_the_krona() -> None:
    assert fmt.parse_tkr("1 234,5") == Decimal(1234500)


def test_kronor_with_more_decimals_than_allowed_are_refused_not_rounded() -> None:
    with pytest.raises(SifError) as error:
        fmt.parse_kr("12,345", "Belopp")
    assert error.value.code == "too_many_decimals"


def test_chart_ticks_are_swedish_not_1_point_4() -> None:
    assert _number_format(1.4, False) == "1,4"
    assert _number_format(4500, False) == "4\xa0500"
    assert _number_format(0.4, True) == "40\xa0%"


@given(
    st.decimals(
        min_value=-(10**12), max_value=10**12, places=2, allow_nan=False, allow_infinity=False
    )
)
def test_every_formatted_amount_reads_back_as_itself(value: Decimal) -> None:
    assert fmt.parse_number(fmt.number(value, 2)) == value
