"""Swedish numbers and amounts as municipalities write them.

"9 577", "2460000", "1 234,5", "12.345" are numbers (space, no-break space, thin space or a dot
between thousands, comma as decimal sign); a unit word after the number scales it to kronor:
kr/kronor/SEK x1, tkr/tusen kronor x1 000, mnkr/mkr/MSEK/miljon(er) kronor x1 000 000,
miljard(er) kronor x1 000 000 000. "en miljon kronor" and "tre miljoner kronor" are amounts
too (number words one to ten). Values are exact `Decimal`s; nothing is rounded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

SPACE = "[ \u00a0\u202f\u2009]"
DOT_GROUPED = r"\d{1,3}(?:\.\d{3})+(?!\d|\.\d)"  # "12.345": a dot between thousands
NUMBER = rf"(?<![\d,.])(?:\d{{1,3}}(?:{SPACE}\d{{3}}(?!\d))+|{DOT_GROUPED}|\d+)(?:,\d+)?(?![\d])"
NUMBER_RE = re.compile(NUMBER)

UNIT_WORDS: tuple[tuple[str, int], ...] = (
    (r"miljard(?:er)?{S}(?:kronor|kr|sek)|mdkr|mdr{S}kr|md{S}kr", 1_000_000_000),
    (
        r"miljon(?:er)?{S}(?:kronor|kr|sek)|milj\.?{S}kr|mn{S}kr|mnkr|mkr|msek|mnsek|mn{S}sek",
        1_000_000,
    ),
    (r"tkr|tusen{S}kronor|tsek|ksek", 1_000),
    (r"kronor|kr\b\.?|sek\b|:-", 1),
)
UNIT_ALTERNATIVES = "|".join(f"(?:{pattern.format(S=SPACE)})" for pattern, _ in UNIT_WORDS)
UNIT = rf"(?P<unit>{UNIT_ALTERNATIVES})(?![a-zåäö])"
UNIT_RE = re.compile(UNIT, re.IGNORECASE)
AMOUNT_RE = re.compile(rf"(?P<number>{NUMBER}){SPACE}*{UNIT}", re.IGNORECASE)
NUMBER_WORDS = {
    "en": 1,
    "ett": 1,
    "två": 2,
    "tre": 3,
    "fyra": 4,
    "fem": 5,
    "sex": 6,
    "sju": 7,
    "åtta": 8,
    "nio": 9,
    "tio": 10,
}
WORD_AMOUNT_RE = re.compile(
    rf"(?<![\w-])(?P<word>{'|'.join(NUMBER_WORDS)}){SPACE}+"
    rf"(?P<unit>(?:miljon(?:er)?|miljard(?:er)?){SPACE}(?:kronor|kr|sek))(?![a-zåäö])",
    re.IGNORECASE,
)
# "1 miljon", "en miljon" with no currency after: perhaps money, perhaps people; never guessed.
UNCLEAR_RE = re.compile(
    rf"(?<![\w-])(?:{NUMBER}|{'|'.join(NUMBER_WORDS)}){SPACE}+(?:miljon(?:er)?|miljard(?:er)?)"
    rf"(?!{SPACE}*(?:kronor|kr\b|sek\b|[a-zåäö]))",
    re.IGNORECASE,
)
RANGE_RE = re.compile(
    rf"(?:mellan{SPACE}+(?P<low>{NUMBER}){SPACE}+(?:och|till){SPACE}+(?P<high>{NUMBER})"
    rf"|(?P<low2>{NUMBER}){SPACE}*[–—-]{SPACE}*(?P<high2>{NUMBER})){SPACE}*{UNIT}",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class AmountMatch:
    """An amount found in a line: its span, value in kronor and the text exactly as written."""

    start: int
    end: int
    value_kr: Decimal
    text: str
    unit: str
    max_kr: Decimal | None = None


def parse_number(text: str) -> Decimal | None:
    """ "9 577" -> 9577, "1 234,5" -> 1234.5, "2460000" -> 2460000; anything else -> None."""
    stripped = text.strip()
    negative = stripped[:1] in {"-", "−"}
    if negative:
        stripped = stripped[1:].strip()
    if not NUMBER_RE.fullmatch(stripped):
        return None
    value = Decimal(re.sub(SPACE, "", stripped).replace(".", "").replace(",", "."))
    return -value if negative else value


UNIT_FACTORS = [
    (re.compile(pattern.format(S=SPACE), re.IGNORECASE), f) for pattern, f in UNIT_WORDS
]
MAYBE_AMOUNT_RE = re.compile(r"kr|sek|:-|milj|mn|md", re.IGNORECASE)
MAYBE_RANGE_RE = re.compile(r"mellan|\d\s*[–—-]\s*\d", re.IGNORECASE)


@lru_cache(maxsize=256)
def unit_factor(unit: str) -> int:
    """The number of kronor in one `unit` ("tkr" -> 1000); raises ValueError for a non-unit."""
    cleaned = unit.strip().lower()
    for pattern, factor in UNIT_FACTORS:
        if pattern.fullmatch(cleaned):
            return factor
    raise ValueError(f"not a unit of money: {unit!r}")


def parse_amount(text: str, *, default_unit: str | None = None) -> Decimal | None:
    """ "22 540 Tkr" -> 22 540 000 kr; a bare number only when `default_unit` is given."""
    match = AMOUNT_RE.fullmatch(text.strip())
    if match:
        return _scaled(match.group("number"), match.group("unit"))
    worded = WORD_AMOUNT_RE.fullmatch(text.strip())
    if worded:
        return _worded(worded)
    number = parse_number(text)
    if number is None or default_unit is None:
        return None
    return number * unit_factor(default_unit)


def find_amounts(text: str) -> list[AmountMatch]:
    """Every amount with a unit word in `text`, left to right; a range counts once."""
    found: list[AmountMatch] = []
    if not MAYBE_AMOUNT_RE.search(text):
        return found
    taken: list[tuple[int, int]] = []
    ranges = RANGE_RE.finditer(text) if MAYBE_RANGE_RE.search(text) else iter(())
    for match in ranges:
        low = match.group("low") or match.group("low2")
        high = match.group("high") or match.group("high2")
        unit = match.group("unit")
        found.append(
            AmountMatch(
                match.start(),
                match.end(),
                _scaled(low, unit),
                match.group(0),
                unit,
                max_kr=_scaled(high, unit),
            )
        )
        taken.append(match.span())
    next_range = 0
    for match in AMOUNT_RE.finditer(text):
        while next_range < len(taken) and taken[next_range][1] <= match.start():
            next_range += 1
        if next_range < len(taken) and taken[next_range][0] <= match.start():
            continue
        unit = match.group("unit")
        value = _scaled(match.group("number"), unit)
        found.append(AmountMatch(match.start(), match.end(), value, match.group(0), unit))
    for match in WORD_AMOUNT_RE.finditer(text):
        value = _worded(match)
        found.append(AmountMatch(match.start(), match.end(), value, match.group(0), match["unit"]))
    return sorted(found, key=lambda m: m.start)


def find_unclear_amounts(text: str) -> list[str]:
    """ "1 miljon", "en miljon" without a currency word: listed as unread, never guessed."""
    return [match.group(0) for match in UNCLEAR_RE.finditer(text)]


def _worded(match: re.Match[str]) -> Decimal:
    return Decimal(NUMBER_WORDS[match["word"].lower()]) * unit_factor(match["unit"])


def find_numbers(text: str) -> list[tuple[int, int, Decimal]]:
    """Every number in `text` as (start, end, value)."""
    result = []
    for match in NUMBER_RE.finditer(text):
        value = parse_number(match.group(0))
        if value is not None:
            result.append((match.start(), match.end(), value))
    return result


def _scaled(number: str, unit: str) -> Decimal:
    value = parse_number(number)
    if value is None:  # pragma: no cover - the regex only lets numbers through
        raise ValueError(number)
    return value * unit_factor(unit)
