"""Dates and periods as Swedish documents write them.

"2021-11-23", "4 september 2017", "September 2014" (month precision), "2013-09-01 - 2014-12-31",
"mellan 4 september 2017 till 30 april 2021", "perioden 2020-2022" (year precision).
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from sif.ingest.model import Period

MONTHS = {
    name: number
    for number, name in enumerate(
        "januari februari mars april maj juni juli augusti september oktober november december".split(),
        start=1,
    )
}
MONTH = "(?:" + "|".join(MONTHS) + ")"
ISO = r"(?<!\d)(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!\d)"
LONG = rf"(?<!\d)(?:[1-9]|[12]\d|3[01]){{1}}\s+{MONTH}\s+(?:19|20)\d\d(?!\d)"
MONTH_YEAR = rf"\b{MONTH}\s+(?:19|20)\d\d(?!\d)"
YEAR = r"(?<![\d-])(?:19|20)\d\d(?![\d-])"
DASH = r"\s*(?:–|—|-|till|t\.o\.m\.?)\s*"

ISO_RE = re.compile(ISO)
DAY_RE = re.compile(f"{ISO}|{LONG}", re.IGNORECASE)
MONTH_YEAR_RE = re.compile(MONTH_YEAR, re.IGNORECASE)
DAY_RANGE_RE = re.compile(rf"(?P<a>{ISO}|{LONG}){DASH}(?P<b>{ISO}|{LONG})", re.IGNORECASE)
MONTH_RANGE_RE = re.compile(rf"(?P<a>{MONTH_YEAR}){DASH}(?P<b>{MONTH_YEAR})", re.IGNORECASE)
YEAR_RANGE_RE = re.compile(
    r"(?<![\d-])(?P<a>(?:19|20)\d\d)\s*[–—-]\s*(?P<b>(?:19|20)\d\d)(?![\d-])"
)


def parse_day(text: str) -> date | None:
    """ "2021-11-23" or "4 september 2017" -> a date; None if it is not one (or not valid)."""
    cleaned = text.strip().lower()
    try:
        if ISO_RE.fullmatch(cleaned):
            return date.fromisoformat(cleaned)
        day, month, year = cleaned.split()
        return date(int(year), MONTHS[month], int(day))
    except (ValueError, KeyError):
        return None


def parse_month(text: str) -> tuple[date, date] | None:
    """ "September 2014" -> (2014-09-01, 2014-09-30)."""
    parts = text.strip().lower().split()
    if len(parts) != 2 or parts[0] not in MONTHS:
        return None
    year, month = int(parts[1]), MONTHS[parts[0]]
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def find_period(text: str) -> tuple[Period, str] | None:
    """The most precise date range in `text` and the fragment that says it."""
    match = DAY_RANGE_RE.search(text)
    if match:
        start, end = parse_day(match.group("a")), parse_day(match.group("b"))
        if start and end and start <= end:
            return Period(start, end, "day"), match.group(0)
    match = MONTH_RANGE_RE.search(text)
    if match:
        first, last = parse_month(match.group("a")), parse_month(match.group("b"))
        if first and last and first[0] <= last[1]:
            return Period(first[0], last[1], "month"), match.group(0)
    match = YEAR_RANGE_RE.search(text)
    if match:
        low, high = int(match.group("a")), int(match.group("b"))
        if low <= high:
            return Period(date(low, 1, 1), date(high, 12, 31), "year"), match.group(0)
    return None


def find_day(text: str) -> tuple[date, str] | None:
    for match in DAY_RE.finditer(text):
        day = parse_day(match.group(0))
        if day:
            return day, match.group(0)
    return None


def find_month(text: str) -> tuple[str, str] | None:
    """The first "månad år" in `text` as ("2014-09", "September 2014")."""
    match = MONTH_YEAR_RE.search(text)
    if not match:
        return None
    bounds = parse_month(match.group(0))
    if bounds is None:
        return None
    return bounds[0].isoformat()[:7], match.group(0)


def is_date_only(text: str) -> bool:
    return DAY_RE.fullmatch(text.strip()) is not None
