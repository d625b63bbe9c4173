"""Finding Swedish personal identity numbers in free text, so that SIF never stores one.

A personnummer is YYMMDD-NNNC (10 digits) or YYYYMMDD-NNNC (12 digits), written with a `-`
separator, a `+` (aged 100 or more) or none. The last digit C is a Luhn (mod 10) check digit
computed over the 10 digits YYMMDDNNN. A samordningsnummer is the same with 60 added to the day
(61–91). A candidate counts only when its date exists and its check digit is right, so dates
("2021-11-23"), phone numbers ("08-508 04 025", "0850825950") and case numbers are not matched.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from sif.calc.errors import SifError

PERSONNUMMER = "personnummer"
SAMORDNINGSNUMMER = "samordningsnummer"
COORDINATION_DAY_OFFSET = 60

_CANDIDATE = re.compile(
    r"(?<![\d\-+])"  # not the tail of a longer number
    r"(?P<century>\d{2})?(?P<yy>\d{2})(?P<mm>\d{2})(?P<dd>\d{2})"
    r"(?P<sep>[-+]?)"
    r"(?P<serial>\d{3})(?P<check>\d)"
    r"(?![\d])"
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
    nine = m["yy"] + m["mm"] + m["dd"] + m["serial"]
    if luhn_check_digit(nine) != int(m["check"]):
        return None
    return kind


def find_personal_identity_numbers(text: str) -> list[Match]:
    """Every valid personnummer or samordningsnummer in `text`, in order of appearance."""
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
