"""Counts and shares in running text: "4500 hembesök", "13 %", "90 procent", "16 familjer".

Years, dates, ages ("0-6 år"), page and paragraph numbers and amounts are not figures.
"""

from __future__ import annotations

import re

from sif.ingest.model import Extracted, Figure, Line
from sif.ingest.numbers import NUMBER, find_amounts, parse_number
from sif.ingest.text import clean, is_heading

FIGURE_RE = re.compile(
    rf"(?P<number>{NUMBER})(?:\s*(?P<percent>%|procent\b)|\s+(?P<noun>[a-zåäöé][a-zåäöé-]*(?:\s+[a-zåäöé][a-zåäöé-]*)?))"
)
SEGMENT_RE = re.compile(r"^\d{1,2}\s*[–-]\s*\d{1,2}\s*år$")
STOP_WORDS = {
    "och",
    "av",
    "per",
    "i",
    "på",
    "till",
    "som",
    "för",
    "genom",
    "år",
    "års",
    "med",
    "om",
    "har",
    "är",
    "var",
    "blev",
    "ska",
    "kan",
    "den",
    "det",
    "de",
    "en",
    "ett",
    "gånger",
    "kr",
    "kronor",
    "tkr",
    "mnkr",
    "mkr",
    "st",
    "s",
    "sidan",
    "dagar",
    "veckor",
    "månader",
    "augusti",
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "september",
    "oktober",
    "november",
    "december",
    "miljon",
    "miljoner",
    "miljard",
    "miljarder",
    "tusen",
    "msek",
    "sek",
    "procent",
    "under",
    "från",
    "efter",
    "avser",
    "beviljades",
    "beviljas",
    "gång",
    "att",
    "eller",
    "men",
    "när",
    "då",
}
ADJECTIVE_ENDINGS = ("nde", "iga", "ska", "ade", "ya")
VERB_ENDINGS = ("as", "ades", "ats", "erar", "erade")  # "beaktas", "genomfördes" is no noun
MONTHS = "januari februari mars april maj juni juli augusti september oktober november december"
# Numbers that name a place in a document or a procedure, not a count of anything.
BEFORE_SKIP_RE = re.compile(
    r"(?:\bs\.|\bsidan|\bSOU|\bbilaga|\bkl\.?|§|[:/–-]|\d[ ]?[–-]|\batt-sats(?:en)?|"
    r"\bpunkt(?:en)?|\bparagraf(?:en)?|\bkap\.?|\bkapitel|\bavsnitt(?:et)?|\bnr\.?|"
    r"\bnummer|\bprotokoll(?:et)?|\bversion|\bsteg|\bfas|\btertial|\bkvartal|\bdnr)\s*$",
    re.IGNORECASE,
)


LOOK_BEHIND = 40  # the longest skip word ("sidan", "bilaga") with room for spaces
RANGE_AFTER_RE = re.compile(r"\s*[–-]\s*\d")


def find_figures(lines: list[Line]) -> list[Extracted[Figure]]:
    found: list[Extracted[Figure]] = []
    segment: str | None = None
    for line in lines:
        text = clean(line.text)
        if not text or "\t" in line.text.strip():
            continue
        if SEGMENT_RE.match(text):
            segment = text
            continue
        if is_heading(line):
            segment = None
        found.extend(Extracted(f, line.number, f.text) for f in _figures_in(text, segment))
    return found


def _figures_in(text: str, segment: str | None) -> list[Figure]:
    """Linear in the line: the amounts' spans are walked once in order, and the look-behind
    and look-ahead see a bounded window (a line of 256 KB once took 110 s when each number
    rescanned the whole line before it)."""
    taken = [(m.start, m.end) for m in find_amounts(text)]
    next_span = 0
    figures: list[Figure] = []
    for match in FIGURE_RE.finditer(text):
        start = match.start()
        while next_span < len(taken) and taken[next_span][1] <= start:
            next_span += 1
        inside = next_span < len(taken) and taken[next_span][0] <= start
        before = text[max(0, start - LOOK_BEHIND) : start]
        if inside or BEFORE_SKIP_RE.search(before):
            continue
        if RANGE_AFTER_RE.match(text, match.end("number")):
            continue
        value = parse_number(match.group("number"))
        if value is None:
            continue
        if match.group("percent"):
            figures.append(Figure(value, "procent", "procent", match.group(0), segment))
            continue
        noun = _noun(match.group("noun") or "")
        if noun and _cut_off(noun, text, match.start("noun") + len(noun)):
            continue
        is_year = re.fullmatch(r"(?:19|20)\d\d", match.group("number")) is not None
        if noun and not is_year:
            written = text[start : match.start("noun") + len(noun)]
            figures.append(Figure(value, "antal", noun, written, segment))
    return figures


def _cut_off(noun: str, text: str, end: int) -> bool:
    """ "Protokoll 4 februa": a word that ends the line half-written (a page or column cut) and
    begins a month or a stop word is not a noun."""
    if end < len(text) and text[end] not in " \t":
        return False
    word = noun.split()[-1]
    if word in STOP_WORDS:
        return False
    return any(other.startswith(word) and other != word for other in (*MONTHS.split(), *STOP_WORDS))


def _noun(phrase: str) -> str:
    words = phrase.split()
    if not words or words[0] in STOP_WORDS or words[0].endswith(VERB_ENDINGS):
        return ""
    if len(words) > 1 and words[0].endswith(ADJECTIVE_ENDINGS) and words[1] not in STOP_WORDS:
        return f"{words[0]} {words[1]}"
    return words[0]
