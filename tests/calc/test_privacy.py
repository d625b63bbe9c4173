"""Free text must never carry a personnummer or samordningsnummer; dates and phone numbers pass."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sif.calc.errors import SifError
from sif.calc.privacy import (
    PERSONNUMMER,
    SAMORDNINGSNUMMER,
    check_no_personal_identity_number,
    find_personal_identity_numbers,
    luhn_check_digit,
)


@pytest.mark.parametrize(
    ("text", "number", "kind"),
    [
        ("Pappan 121212-1212 kom.", "121212-1212", PERSONNUMMER),
        ("pnr 1212121212 noterat", "1212121212", PERSONNUMMER),
        ("19121212-1212", "19121212-1212", PERSONNUMMER),
        ("191212121212", "191212121212", PERSONNUMMER),
        ("född 121212+1212, 100 år", "121212+1212", PERSONNUMMER),
        ("samordningsnr 701063-2391", "701063-2391", SAMORDNINGSNUMMER),
        ("197010632391.", "197010632391", SAMORDNINGSNUMMER),
        ("(811218-9876)", "811218-9876", PERSONNUMMER),
    ],
)
def test_a_valid_identity_number_is_found_with_its_kind(text: str, number: str, kind: str) -> None:
    found = find_personal_identity_numbers(text)
    assert [(m.text, m.kind) for m in found] == [(number, kind)]
    assert text[found[0].start : found[0].end] == number


@pytest.mark.parametrize(
    "text",
    [
        "Socialnämnden 2021-11-23",  # a date
        "Telefon: 08-508 04 025",  # a phone number
        "Telefon: 0850825950",  # the seed's phone number, 10 digits but month 50
        "2021-11-23 § 12",
        "dnr 3.1.2-123/2021",
        "20211123",  # a date without separators
        "121312-1212",  # month 13
        "120230-1234",  # 30 February
        "1212121212121",  # 13 digits: part of a longer number
        "121212-12123",  # 11 digits after the date
        "4500 hembesök, 3300 samtal, 2700 unika föräldrar",
        "Stockholms stad, organisationsnummer 212000-0142",  # month 20: an organisation number
        "Telefon 070-123 45 67",
        "Projektperiod 201101-201231",  # a range of dates
        "Period 2020-01-01–2022-12-31",
        "Telefon: 0850825951",  # ten bare digits with a wrong check digit: as likely a phone number
        "Budget 1 400 1 400 1 400 tkr",
    ],
)
def test_dates_phone_numbers_and_wrong_check_digits_are_not_identity_numbers(text: str) -> None:
    assert find_personal_identity_numbers(text) == []
    check_no_personal_identity_number(text, "text")


@pytest.mark.parametrize(
    "text",
    [
        "Ring 121212-1212",
        "121212 1212",  # a space
        "121212\u20131212",  # an en dash
        "121212\u20141212",  # an em dash
        "121212\u22121212",  # a minus sign
        "Pappa Ahmed (19850101-1234)",  # wrong check digit: still personal data
        "121212-1213",
        "811218-9875",
        "701063-2392",  # samordningsnummer, wrong check digit
        "19850101 1234",
        "198501011234",
        "född 121212+1212",
    ],
)
def test_any_identity_number_shape_is_refused_whatever_its_check_digit(text: str) -> None:
    assert len(find_personal_identity_numbers(text)) == 1
    with pytest.raises(SifError):
        check_no_personal_identity_number(text, "Sammanfattning")


def test_a_status_report_with_a_personnummer_is_refused_naming_the_field_not_the_number() -> None:
    with pytest.raises(SifError) as caught:
        check_no_personal_identity_number("Familjen med 121212-1212 fick stöd.", "text")
    assert caught.value.code == "personal_identity_number_in_text"
    assert caught.value.params["field"] == "text"
    assert caught.value.params["kind"] == PERSONNUMMER
    assert "1212" not in str(caught.value.params)


def test_luhn_check_digit_of_the_tax_agency_test_number_is_2() -> None:
    assert luhn_check_digit("121212121") == 2


@given(
    yy=st.integers(0, 99),
    mm=st.integers(1, 12),
    dd=st.integers(1, 28),
    serial=st.integers(0, 999),
    coordination=st.booleans(),
    sep=st.sampled_from(["", "-", "+", " ", "\u2013"]),
)
def test_every_generated_number_is_found_and_a_wrong_check_digit_hides_it_only_in_ten_bare_digits(
    yy: int, mm: int, dd: int, serial: int, coordination: bool, sep: str
) -> None:
    day = dd + (60 if coordination else 0)
    nine = f"{yy:02d}{mm:02d}{day:02d}{serial:03d}"
    check = luhn_check_digit(nine)
    number = f"{nine[:6]}{sep}{nine[6:]}{check}"
    found = find_personal_identity_numbers(f"text {number} text")
    assert [m.kind for m in found] == [SAMORDNINGSNUMMER if coordination else PERSONNUMMER]
    wrong = f"{nine[:6]}{sep}{nine[6:]}{(check + 1) % 10}"
    assert len(find_personal_identity_numbers(f"text {wrong} text")) == (0 if sep == "" else 1)
