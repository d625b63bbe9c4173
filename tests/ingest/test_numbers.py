"""Swedish numbers, amounts, dates and registration numbers parse as written."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sif.ingest.dates import find_period
from sif.ingest.numbers import find_amounts, parse_amount, parse_number
from sif.ingest.regnr import find_registration_number


@pytest.mark.parametrize(
    ("text", "kronor"),
    [
        ("9 577 tkr", "9577000"),
        ("9\u00a0577 Tkr", "9577000"),
        ("2460000 kr", "2460000"),
        ("3,8 miljoner kronor", "3800000"),
        ("22 540 Tkr", "22540000"),
        ("57 000 000 kronor", "57000000"),
        ("12 mnkr", "12000000"),
        ("12 mkr", "12000000"),
        ("75,8 MSEK", "75800000"),
        ("1 234,5 tkr", "1234500"),
        ("6 miljarder kronor", "6000000000"),
        ("156 kr", "156"),
        ("40 000 SEK", "40000"),
    ],
)
def test_an_amount_with_a_unit_word_is_scaled_to_kronor(text: str, kronor: str) -> None:
    assert parse_amount(text) == Decimal(kronor)


@pytest.mark.parametrize(
    ("text", "value"),
    [("9 577", "9577"), ("2460000", "2460000"), ("1 234,5", "1234.5"), ("-1 400", "-1400")],
)
def test_a_bare_number_parses_with_spaces_between_thousands_and_a_decimal_comma(
    text: str, value: str
) -> None:
    assert parse_number(text) == Decimal(value)


@pytest.mark.parametrize("text", ["", "abc", "9 57", "1.23", "1.2.3", "12 mnkr extra"])
def test_text_that_is_not_a_number_parses_to_none(text: str) -> None:
    assert parse_number(text) is None


def test_a_bare_number_is_an_amount_only_when_the_unit_is_given() -> None:
    assert parse_amount("2460000") is None
    assert parse_amount("2460000", default_unit="kr") == Decimal(2460000)


def test_a_range_of_kronor_is_found_once_with_its_upper_bound() -> None:
    (match,) = find_amounts("kostar mellan 3000 och 4000 kronor per dygn")
    assert (match.value_kr, match.max_kr, match.text) == (
        Decimal(3000),
        Decimal(4000),
        "mellan 3000 och 4000 kronor",
    )


@given(
    st.integers(min_value=0, max_value=10**12),
    st.sampled_from([("kr", 1), ("tkr", 1000), ("mnkr", 10**6)]),
)
def test_any_integer_written_the_swedish_way_parses_back(value: int, unit: tuple[str, int]) -> None:
    written = f"{value:,}".replace(",", "\u00a0")
    assert parse_amount(f"{written} {unit[0]}") == Decimal(value * unit[1])


@given(st.text(max_size=80))
def test_any_text_yields_only_amounts_whose_text_is_in_it(text: str) -> None:
    for match in find_amounts(text):
        assert text[match.start : match.end] == match.text
        assert parse_amount(match.text) == match.value_kr or match.max_kr is not None


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("2013-09-01 - 2014-12-31", date(2013, 9, 1), date(2014, 12, 31), "day"),
        (
            "pågick mellan 4 september 2017 till 30 april 2021",
            date(2017, 9, 4),
            date(2021, 4, 30),
            "day",
        ),
        ("Perioden april 2017 – april 2021", date(2017, 4, 1), date(2021, 4, 30), "month"),
        ("Tre år under perioden 2020-2022", date(2020, 1, 1), date(2022, 12, 31), "year"),
    ],
)
def test_a_period_is_read_at_the_precision_it_is_written(
    text: str, start: date, end: date, precision: str
) -> None:
    found = find_period(text)
    assert found is not None
    assert (found[0].start, found[0].end, found[0].precision) == (start, end, precision)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Dnr SN 2021/123", "SN 2021/123"),
        ("KS-2019-00456", "KS-2019-00456"),
        ("2017/4711:3", "2017/4711:3"),
        ("Diarienummer: KS 2019/0456", "KS 2019/0456"),
        ("Vårt dnr 2020/77", "2020/77"),
        ("SOU 2018:32 s. 33-37", None),
        ("under 2020-2022", None),
    ],
)
def test_registration_numbers_are_found_in_their_many_forms(text: str, value: str | None) -> None:
    found = find_registration_number(text)
    assert (found[0] if found else None) == value
