"""Amounts in running text with their role (sought, granted, total, a year's total, a unit cost,
a part of the budget, or a cost mentioned in passing) and their kind (sought, granted, budget
line, fund capital, other). An amount broken over a line break ("Fonden om 400" / "miljoner
kronor inrättades.") is read once, on the line where its number stands."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from sif.ingest.dates import find_day, find_month
from sif.ingest.forms import content
from sif.ingest.model import Amount, Extracted, Line, Notice
from sif.ingest.numbers import (
    NUMBER,
    UNIT,
    AmountMatch,
    find_amounts,
    find_unclear_amounts,
    parse_amount,
)
from sif.ingest.text import clean, sentences

GRANTED_RE = re.compile(r"\bbevilja(?:des|ts|t|s|de|r)?\b", re.IGNORECASE)
SOUGHT_RE = re.compile(r"\b(?:sökt|söker|söks|ansöker|ansökt|ansöka)\b", re.IGNORECASE)
TOTAL_RE = re.compile(r"\b(?:total(?:t|a)?|summa|sammanlagt)\b[^.]*$", re.IGNORECASE)
YEAR_TOTAL_RE = re.compile(r"\bår\s+((?:19|20)\d\d)\s*:\s*$", re.IGNORECASE)
PER_RE = re.compile(r"\s*per\s+([a-zåäö]+(?:\s+(?:och|per)\s+[a-zåäö]+)?)", re.IGNORECASE)
FUND_RE = re.compile(
    r"(?:[A-ZÅÄÖ][\w-]+\s+(?:kommuns|stads|regionens)\s+)?sociala investeringsfond(?:en)?"
)
FUND_CAPITAL_RE = re.compile(
    r"\b(?:fond|fonden|fondens|fondkapital\w*|ramen|fondramen|avsätt\w*|avsatt\w*|inrätta\w*|"
    r"tillförs|tillförts|eget kapital)\b",
    re.IGNORECASE,
)
BUDGET_WORDS_RE = re.compile(
    r"\b(?:budget\w*|kostnad\w*|lön\w*|personal\w*|lokal\w*|material\w*|utbildning\w*|"
    r"tjänst(?:er)?|handledning\w*|utvärdering\w*|resor)\b",
    re.IGNORECASE,
)
PART_RE = re.compile(rf"^(?P<number>{NUMBER})\s+(?:kr\s+|kronor\s+)?avser\b", re.IGNORECASE)
YEAR_IN_RE = re.compile(r"\b(?:för|under|år)\s+((?:19|20)\d\d)\b")
SOUGHT_LABELS = ("sökt summa", "sökt belopp", "ansökt belopp")
ENDS_IN_NUMBER_RE = re.compile(rf"(?:{NUMBER})$")
STARTS_WITH_UNIT_RE = re.compile(rf"{UNIT}", re.IGNORECASE)
WINDOW = 160  # characters before an amount that decide its role: a bounded look-behind
KIND_OF_ROLE = {
    "sought": "sought",
    "granted": "granted",
    "budget_part": "budget_line",
    "year_total": "budget_line",
    "total": "budget_line",
}


def find_text_amounts(lines: list[Line]) -> list[Extracted[Amount]]:
    """Every amount with a unit word, each with its role from the sentence around it.

    Linear in the text: what holds for a whole sentence (granted, a month) is found once per
    sentence, and the words before an amount are read in a window of `WINDOW` characters."""
    found: list[Extracted[Amount]] = []
    carry = ""  # the unfinished sentence the previous line ended with
    for index, line in enumerate(lines):
        text = clean(line.text)
        if "\t" in line.text.strip():
            carry = ""
            continue
        parts = sentences(text)
        for position, sentence in enumerate(parts):
            matches = find_amounts(sentence)
            if not matches:
                continue
            prefix = f"{carry} " if position == 0 and carry else ""
            context = _Context(prefix + sentence)
            for match in matches:
                shifted = replace(
                    match, start=match.start + len(prefix), end=match.end + len(prefix)
                )
                found.append(Extracted(_with_role(context, shifted), line.number, match.text))
        following = lines[index + 1] if index + 1 < len(lines) else None
        found.extend(_across_the_break(line, text, following))
        last = parts[-1] if parts else ""
        carry = "" if last.endswith((".", "!", "?", ":")) else last[-WINDOW:]
    return found


def _across_the_break(line: Line, text: str, following: Line | None) -> list[Extracted[Amount]]:
    """ "Fonden om 400" / "miljoner kronor inrättades.": the number ends one line, its unit
    begins the next; read as one amount on the number's line."""
    if following is None or not text[-1:].isdigit() or "\t" in following.text.strip():
        return []
    after = clean(following.text)
    if not STARTS_WITH_UNIT_RE.match(after):
        return []
    head = sentences(text[-WINDOW:])[-1]
    number = ENDS_IN_NUMBER_RE.search(head)
    if number is None:
        return []
    joined = f"{head} {sentences(after[:WINDOW])[0]}"
    context = _Context(joined)
    return [
        Extracted(
            replace(_with_role(context, match), continued_line=following.number),
            line.number,
            number.group(0),
        )
        for match in find_amounts(joined)
        if match.start == number.start()
    ]


class _Context:
    """What one sentence says about every amount in it, computed once."""

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence
        self.granted = GRANTED_RE.search(sentence) is not None
        self.when = (find_month(sentence) or _day(sentence)) if self.granted else None
        fund = FUND_RE.search(sentence) if self.granted else None
        self.fund = fund.group(0) if fund else None
        self.fund_capital = FUND_CAPITAL_RE.search(sentence) is not None
        self.budget_words = BUDGET_WORDS_RE.search(sentence) is not None


def _with_role(context: _Context, match: AmountMatch) -> Amount:
    amount = _role(context, match.start, match.end, match.value_kr, match.text)
    return replace(amount, max_kr=match.max_kr, kind=_kind(context, amount.role))


def _kind(context: _Context, role: str) -> str:
    if role in ("sought", "granted"):
        return role
    if context.fund_capital:
        return "fund_capital"
    if role in KIND_OF_ROLE or (role == "cost" and context.budget_words):
        return "budget_line"
    return "other"


def _role(context: _Context, start: int, end: int, value: Decimal, text: str) -> Amount:
    sentence = context.sentence
    before = sentence[max(0, start - WINDOW) : start]
    if context.granted:
        when = context.when[0] if context.when else None
        return Amount(value, "granted", text, when=when, fund=context.fund)
    per = PER_RE.match(sentence, end)
    if per:
        return Amount(value, "unit_cost", text, per=per.group(1))
    year_total = YEAR_TOTAL_RE.search(before)
    if year_total:
        return Amount(value, "year_total", text, year=int(year_total.group(1)))
    if SOUGHT_RE.search(before):
        return Amount(value, "sought", text)
    if TOTAL_RE.search(before):
        return Amount(value, "total", text)
    return Amount(value, "cost", text)


def _day(sentence: str) -> tuple[str, str] | None:
    day = find_day(sentence)
    return (day[0].isoformat(), day[1]) if day else None


def find_unclear(lines: list[Line]) -> list[Notice]:
    """ "1 miljon", "en miljon" with no currency: perhaps money, perhaps people. Listed as
    unread on their line rather than guessed."""
    notices: list[Notice] = []
    for line in lines:
        text = clean(line.text)
        if "milj" not in text.lower():
            continue
        notices.extend(
            Notice("amount_unclear", line.number, {"text": unclear})
            for unclear in find_unclear_amounts(text)
        )
    return notices


def once(amounts: list[Extracted[Amount]]) -> list[Extracted[Amount]]:
    """Each amount once: the same value on the same line, found by two readers ("Sökt belopp:
    800 000 kr" is both a labelled field and running text), keeps the most specific role."""
    kept: dict[tuple[int, Decimal, Decimal | None], Extracted[Amount]] = {}
    for extracted in amounts:
        key = (extracted.line_no, extracted.value.value_kr, extracted.value.max_kr)
        earlier = kept.get(key)
        if earlier is None or (earlier.value.role == "cost" and extracted.value.role != "cost"):
            kept[key] = extracted
    return sorted(kept.values(), key=lambda a: a.line_no)


def find_form_amounts(lines: list[Line]) -> list[Extracted[Amount]]:
    """A sought sum under its label ("Sökt summa …:" then "2460000") and the budget's parts
    ("600 000 avser … för 2013.") in the paragraph under a "Budget" label."""
    rows = content(lines)
    found: list[Extracted[Amount]] = []
    for index, line in enumerate(rows):
        lowered = clean(line.text).lower()
        if any(lowered.startswith(label) for label in SOUGHT_LABELS):
            found.extend(_labelled_sum(line, rows[index + 1] if index + 1 < len(rows) else None))
        if lowered.startswith("budget") and index + 1 < len(rows):
            found.extend(_budget_parts(rows[index + 1], "tkr" if "tkr" in lowered else "kr"))
    return found


def _labelled_sum(line: Line, following: Line | None) -> list[Extracted[Amount]]:
    text = clean(line.text)
    label = next(label for label in SOUGHT_LABELS if text.lower().startswith(label))
    value = text[len(label) :].split(":", 1)[-1]
    candidates = [(value.strip(), line)] if value.strip() else []
    if following is not None:
        candidates.append((clean(following.text), following))
    for text, source in candidates:
        amount = parse_amount(text, default_unit="kr")
        if amount is not None:
            return [Extracted(Amount(amount, "sought", text, kind="sought"), source.number, text)]
    return []


def _budget_parts(line: Line, unit: str) -> list[Extracted[Amount]]:
    found: list[Extracted[Amount]] = []
    for sentence in sentences(clean(line.text)):
        match = PART_RE.match(sentence)
        if not match:
            continue
        raw = match.group("number")
        value = parse_amount(raw, default_unit=unit)
        years = YEAR_IN_RE.findall(sentence)
        if value is not None:
            amount = Amount(
                value,
                "budget_part",
                raw,
                year=int(years[-1]) if years else None,
                kind="budget_line",
            )
            found.append(Extracted(amount, line.number, raw))
    return found
