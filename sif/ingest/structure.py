"""The parts of a document under its headings: sections, goals, proposed decisions, lessons
learned, indicators with their measurement method, and named participating units."""

from __future__ import annotations

import re

from sif.ingest.budget import cells_of
from sif.ingest.forms import content
from sif.ingest.model import Extracted, Goals, Indicator, Line, Notice, Section
from sif.ingest.numbers import NUMBER_WORDS
from sif.ingest.text import BULLET_RE, clean, is_heading, is_name, is_title

SECTION_CODES = (
    (r"(?:förvaltningens )?förslag till beslut", "decision_proposal"),
    (r"sammanfattning", "summary"),
    (r"bakgrund", "background"),
    (r"ärendets beredning", "preparation"),
    (r"ärendet|ärendebeskrivning", "matter"),
    (r"jämställdhetsanalys", "gender_analysis"),
    (r"förvaltningens synpunkter(?: och förslag)?", "administration_view"),
    (r"bilagor|bilaga", "attachments"),
    (r"resultat", "results"),
    (r"analys", "analysis"),
    (r"slutsats(?:er)?", "conclusion"),
    (r"finansiering", "financing"),
    (r"uppföljning", "follow_up"),
    (r"ekonomi", "economy"),
    (r"kontaktpersone?r?", "contact"),
)
SHORT_GOALS_RE = re.compile(r"^(?:kortsiktiga? (?:mål|effekter)|mål på kort sikt)", re.IGNORECASE)
LONG_GOALS_RE = re.compile(r"^(?:långsiktiga? (?:mål|effekter)|mål på lång sikt)", re.IGNORECASE)
DECISIONS_RE = re.compile(r"^(?:\w+ )?förslag till beslut$", re.IGNORECASE)
NUMBERED_RE = re.compile(r"^\s*(\d{1,2})[.)]\s+(\S.*)$")
LESSONS_RE = re.compile(r"^lärdomar\b", re.IGNORECASE)
UNITS_RE = re.compile(
    r"\b(?P<count>två|tre|fyra|fem|sex|sju|åtta|nio|tio|\d{1,2}) (?:\w+ )?"
    r"(?:stadsdelsförvaltningar|stadsdelsnämnder|stadsdelar|förvaltningar|kommuner|enheter)\s+"
    r"(?P<list>[A-ZÅÄÖ][^.;:]*)"
)
COUNT_WORDS = {word: n for word, n in NUMBER_WORDS.items() if n > 1}


def is_section_heading(line: Line) -> bool:
    text = clean(line.text)
    return (
        is_heading(line)
        and not is_name(text)
        and not is_title(text)
        and not NUMBERED_RE.match(text)
    )


def section_code(heading: str) -> str | None:
    lowered = heading.lower().strip()
    for pattern, code in SECTION_CODES:
        if re.fullmatch(pattern, lowered):
            return code
    return None


def find_sections(lines: list[Line], after: int) -> list[Extracted[Section]]:
    rows = [line for line in content(lines) if line.number > after]
    starts = [i for i, line in enumerate(rows) if is_section_heading(line)]
    sections: list[Extracted[Section]] = []
    for position, start in enumerate(starts):
        end = starts[position + 1] if position + 1 < len(starts) else len(rows)
        heading = clean(rows[start].text)
        body = rows[start + 1 : end]
        text = "\n".join(clean(line.text) for line in body)
        last = body[-1].number if body else rows[start].number
        section = Section(heading, section_code(heading), text, last)
        sections.append(Extracted(section, rows[start].number, rows[start].text.strip()))
    return sections


def _items_under(rows: list[Line], start: int) -> list[Extracted[str]]:
    items: list[Extracted[str]] = []
    for line in rows[start + 1 :]:
        if (
            is_section_heading(line)
            or SHORT_GOALS_RE.match(clean(line.text))
            or LONG_GOALS_RE.match(clean(line.text))
        ):
            break
        text = BULLET_RE.sub("", clean(line.text)).strip()
        if text:
            items.append(Extracted(text, line.number, line.text.strip()))
    return items


def find_goals(lines: list[Line]) -> Goals:
    rows = content(lines)
    short: list[Extracted[str]] = []
    long: list[Extracted[str]] = []
    for index, line in enumerate(rows):
        text = clean(line.text)
        if SHORT_GOALS_RE.match(text):
            short.extend(_items_under(rows, index))
        elif LONG_GOALS_RE.match(text):
            long.extend(_items_under(rows, index))
    return Goals(tuple(short), tuple(long))


def find_decisions(lines: list[Line]) -> list[Extracted[str]]:
    rows = content(lines)
    for index, line in enumerate(rows):
        if not DECISIONS_RE.match(clean(line.text)):
            continue
        decisions: list[Extracted[str]] = []
        for following in rows[index + 1 :]:
            match = NUMBERED_RE.match(clean(following.text))
            if not match:
                break
            decisions.append(Extracted(match.group(2), following.number, following.text.strip()))
        if decisions:
            return decisions
    return []


def find_lessons(lines: list[Line]) -> list[Extracted[str]]:
    rows = content(lines)
    for index, line in enumerate(rows):
        if LESSONS_RE.match(clean(line.text)):
            return _items_under(rows, index)
    return []


def find_indicators(lines: list[Line]) -> list[Extracted[Indicator]]:
    """Rows of a table headed "Indikatorer | Mätmetod"; a one-cell row "För …" sets the segment."""
    rows = content(lines)
    start = next((i for i, line in enumerate(rows) if _is_indicator_header(line)), None)
    if start is None:
        return []
    found: list[Extracted[Indicator]] = []
    segment: str | None = None
    note: str | None = None
    for index in range(start + 1, len(rows)):
        line = rows[index]
        cells = [clean(c) for c in cells_of(line)]
        if len(cells) >= 2:
            found.append(
                Extracted(
                    Indicator(cells[0], cells[1] or None, segment, note), line.number, cells[0]
                )
            )
            continue
        text = cells[0] if cells else ""
        ahead = rows[index + 1 : index + 3]
        if not any("\t" in r.text.strip() for r in ahead):
            break
        if text.lower().startswith("för "):
            segment, note = text[4:].strip(), None
        else:
            note = text
    return found


def _is_indicator_header(line: Line) -> bool:
    cells = [clean(c).lower() for c in cells_of(line)]
    return len(cells) >= 2 and cells[0].startswith("indikator") and "metod" in cells[1]


def find_units(lines: list[Line]) -> tuple[list[Extracted[str]], list[Notice]]:
    """Named participating units: "sju stadsdelsförvaltningar Farsta, …, och Spånga-Tensta"."""
    for line in content(lines):
        text = clean(line.text)
        for match in UNITS_RE.finditer(text):
            names = _names(match.group("list"))
            if len(names) < 2:
                continue
            count_text = match.group("count")
            expected = COUNT_WORDS.get(count_text) or int(count_text)
            units = [Extracted(name, line.number, name) for name in names]
            warnings = []
            if expected != len(names):
                warnings.append(
                    Notice(
                        "units_count_mismatch",
                        line.number,
                        {"stated": count_text, "named": str(len(names))},
                    )
                )
            return units, warnings
    return [], []


def _names(listing: str) -> list[str]:
    parts = re.split(r",\s*|\s+och\s+", listing)
    names: list[str] = []
    for part in parts:
        match = re.match(r"[A-ZÅÄÖ][\wåäöÅÄÖ-]*(?: [A-ZÅÄÖ][\wåäöÅÄÖ-]*)*", part.strip())
        if not match:
            break
        names.append(match.group(0))
        if match.group(0) != part.strip():
            break
    return names
