"""Amounts in running text with their role: sought, granted, total, a year's total, a unit cost,
a part of the budget, or a cost mentioned in passing."""

from __future__ import annotations

import re
from decimal import Decimal

from sif.ingest.dates import find_day, find_month
from sif.ingest.forms import content
from sif.ingest.model import Amount, Extracted, Line
from sif.ingest.numbers import NUMBER, find_amounts, parse_amount
from sif.ingest.text import clean, sentences

GRANTED_RE = re.compile(r"\bbevilja(?:des|ts|t|s|de|r)?\b", re.IGNORECASE)
SOUGHT_RE = re.compile(r"\b(?:sökt|söker|söks|ansöker|ansökt|ansöka)\b", re.IGNORECASE)
TOTAL_RE = re.compile(r"\b(?:total(?:t|a)?|summa)\b[^.]*$", re.IGNORECASE)
YEAR_TOTAL_RE = re.compile(r"\bår\s+((?:19|20)\d\d)\s*:\s*$", re.IGNORECASE)
PER_RE = re.compile(r"^\s*per\s+([a-zåäö]+(?:\s+(?:och|per)\s+[a-zåäö]+)?)", re.IGNORECASE)
FUND_RE = re.compile(
    r"(?:[A-ZÅÄÖ][\w-]+\s+(?:kommuns|stads|regionens)\s+)?sociala investeringsfond(?:en)?"
)
PART_RE = re.compile(rf"^(?P<number>{NUMBER})\s+(?:kr\s+|kronor\s+)?avser\b", re.IGNORECASE)
YEAR_IN_RE = re.compile(r"\b(?:för|under|år)\s+((?:19|20)\d\d)\b")
SOUGHT_LABELS = ("sökt summa", "sökt belopp", "ansökt belopp")


def find_text_amounts(lines: list[Line]) -> list[Extracted[Amount]]:
    """Every amount with a unit word, each with its role from the sentence around it."""
    found: list[Extracted[Amount]] = []
    for line in lines:
        text = clean(line.text)
        if "\t" in line.text.strip():
            continue
        for sentence in sentences(text):
            for match in find_amounts(sentence):
                amount = _with_role(sentence, match.start, match.end, match.value_kr, match.text)
                amount = Amount(
                    amount.value_kr,
                    amount.role,
                    amount.text,
                    amount.year,
                    match.max_kr,
                    amount.per,
                    amount.when,
                    amount.fund,
                )
                found.append(Extracted(amount, line.number, match.text))
    return found


def _with_role(sentence: str, start: int, end: int, value: Decimal, text: str) -> Amount:
    before, after = sentence[:start], sentence[end:]
    per = PER_RE.match(after)
    year_total = YEAR_TOTAL_RE.search(before)
    if GRANTED_RE.search(sentence):
        when = find_month(sentence) or _day(sentence)
        fund = FUND_RE.search(sentence)
        return Amount(
            value,
            "granted",
            text,
            when=when[0] if when else None,
            fund=fund.group(0) if fund else None,
        )
    if per:
        return Amount(value, "unit_cost", text, per=per.group(1))
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
    _, _, value = clean(line.text).partition(":")
    candidates = [(value.strip(), line)] if value.strip() else []
    if following is not None:
        candidates.append((clean(following.text), following))
    for text, source in candidates:
        amount = parse_amount(text, default_unit="kr")
        if amount is not None:
            return [Extracted(Amount(amount, "sought", text), source.number, text)]
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
            amount = Amount(value, "budget_part", raw, year=int(years[-1]) if years else None)
            found.append(Extracted(amount, line.number, raw))
    return found
