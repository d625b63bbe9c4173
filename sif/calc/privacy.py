"""Finding Swedish personal identity numbers in free text, so that SIF never stores one.

A personnummer is YYMMDD-NNNN (10 digits) or YYYYMMDD-NNNN (12 digits); the separator may be a
hyphen, any dash (en dash, em dash, minus), a `+` (aged 100 or more), a space or nothing. A
samordningsnummer is the same with 60 added to the day (61–91).

Any number of that *shape* is refused, whatever its check digit ("Pappa Ahmed (19850101-1234)"
is personal data even with a mistyped last digit). False positives are avoided by requiring
- a date that exists (month 01–12, the day in the month, or day + 60), so organisation numbers
  (month 20 or more: Stockholms stad 212000-0142), phone numbers ("08-508 04 025",
  "070-123 45 67") and amounts do not match;
- exactly four digits after the date and no digit, dash or slash next to the number, so dates
  ("2021-11-23", "2020-01-01 – 2022-12-31"), date ranges ("201101-201231"), case numbers
  ("dnr 3.1.2-123/2021") and longer digit runs do not match;
- for ten digits written without a separator ("0850825950"), also a correct Luhn check digit,
  since ten bare digits are as often a phone number.
Registration numbers of cars (ABC 123) and the like have letters and never match.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from sif.calc.errors import SifError

PERSONNUMMER = "personnummer"
SAMORDNINGSNUMMER = "samordningsnummer"
COORDINATION_DAY_OFFSET = 60

DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"
_D = re.escape(DASHES)
_CANDIDATE = re.compile(
    rf"(?<![\d{_D}+/])"  # not the tail of a longer number, a range or a case number
    r"(?P<century>\d{2})?(?P<yy>\d{2})(?P<mm>\d{2})(?P<dd>\d{2})"
    rf"(?P<sep>[{_D}+ \u00a0]?)"
    r"(?P<serial>\d{3})(?P<check>\d)"
    rf"(?![\d{_D}/])"
)


@dataclass(frozen=True)
class Match:
    """One identity number found in a text: where it is and which kind it is."""

    start: int
    end: int
    text: str
    kind: str


def luhn_check_digit(digits: str) -> int:
    """The Luhn check digit for a string of digits (weights 2, 1, 2, … from the left for 9 digits)."""
    total = 0
    for i, ch in enumerate(digits):
        product = int(ch) * (2 if i % 2 == 0 else 1)
        total += product - 9 if product > 9 else product
    return (10 - total % 10) % 10


def _date_exists(century: str | None, yy: str, mm: str, day: int) -> bool:
    month = int(mm)
    if not 1 <= month <= 12 or day < 1:
        return False
    years = [int(century + yy)] if century else [1900 + int(yy), 2000 + int(yy)]
    return any(day <= calendar.monthrange(year, month)[1] for year in years)


def _kind(m: re.Match[str]) -> str | None:
    day = int(m["dd"])
    kind = PERSONNUMMER
    if day > COORDINATION_DAY_OFFSET:
        day -= COORDINATION_DAY_OFFSET
        kind = SAMORDNINGSNUMMER
    if m["century"] is not None and m["century"] not in ("18", "19", "20"):
        return None
    if not _date_exists(m["century"], m["yy"], m["mm"], day):
        return None
    if m["century"] is None and not m["sep"]:
        nine = m["yy"] + m["mm"] + m["dd"] + m["serial"]
        if luhn_check_digit(nine) != int(m["check"]):
            return None  # ten bare digits with a wrong check digit: as likely a phone number
    return kind


def find_personal_identity_numbers(text: str) -> list[Match]:
    """Every personnummer- or samordningsnummer-shaped number in `text`, in order of appearance."""
    found: list[Match] = []
    for m in _CANDIDATE.finditer(text):
        kind = _kind(m)
        if kind is not None:
            found.append(Match(start=m.start(), end=m.end(), text=m.group(0), kind=kind))
    return found


def check_no_personal_identity_number(text: str, field: str) -> None:
    """Refuse free text that contains a personal identity number (`personal_identity_number_in_text`).

    The number itself is not echoed in the error, only where it starts and what kind it is.
    """
    found = find_personal_identity_numbers(text)
    if found:
        first = found[0]
        raise SifError(
            "personal_identity_number_in_text",
            field=field,
            kind=first.kind,
            position=first.start + 1,
            count=len(found),
        )
