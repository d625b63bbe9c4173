"""The document's title, date, registration number and period, by kind."""

from __future__ import annotations

import re
from datetime import date

from sif.ingest.dates import find_day, find_period, is_date_only
from sif.ingest.forms import content
from sif.ingest.model import KIND_ACTIONS, Extracted, Line, Period
from sif.ingest.recognise.header import HEAD_LINES, header_date, plausible_title, subject_title
from sif.ingest.regnr import find_registration_number
from sif.ingest.structure import is_section_heading, section_code
from sif.ingest.text import clean

TITLE_LABELS = (
    "namn på den planerade insatsen",
    "namn på insatsen",
    "namn på projekt",
    "namn på projektet",
    "projektnamn",
    "projektets namn",
)
PERIOD_LABELS = ("tidplan", "projektperiod", "projekttid", "period", "datum")
PERIOD_CONTEXT_RE = re.compile(
    r"\b(?:pågick|pågår|perioden|projekttid|under tiden|projektperiod)\b", re.IGNORECASE
)
REPORT_TITLE_RE = re.compile(r"^(?:slut|del|läges|års)?rapport\b", re.IGNORECASE)
PRECISION_RANK = {"day": 3, "month": 2, "year": 1}
PAPER_KINDS = {kind for kind, action in KIND_ACTIONS.items() if action != "project_draft"}


def find_title(
    lines: list[Line], kind: str, fields: dict[str, Extracted[str]]
) -> Extracted[str] | None:
    for label in TITLE_LABELS:
        if label in fields:
            field = fields[label]
            return Extracted(field.value.rstrip(". "), field.line_no, field.source_text)
    rows = content(lines)
    if kind in PAPER_KINDS:
        return _paper_title(rows) or subject_title(lines)
    for line in rows:
        text = clean(line.text)
        if plausible_title(text):
            return Extracted(text, line.number, line.text.strip())
    return None


def _paper_title(rows: list[Line]) -> Extracted[str] | None:
    leading = []
    for line in rows:
        if section_code(clean(line.text)) is not None:
            break
        leading.append(line)
    for line in leading[:HEAD_LINES]:
        text = clean(line.text)
        if REPORT_TITLE_RE.match(text) and plausible_title(text):
            return Extracted(text, line.number, line.text.strip())
    return None


def find_date(lines: list[Line], fields: dict[str, Extracted[str]]) -> Extracted[date] | None:
    found_in_head = header_date(lines)
    if found_in_head is not None:
        return found_in_head
    for line in content(lines)[:15]:
        text = clean(line.text)
        if is_date_only(text):
            found = find_day(text)
            if found:
                return Extracted(found[0], line.number, found[1])
    field = fields.get("datum")
    if field:
        found = find_day(field.value)
        if found and find_period(field.value) is None:
            return Extracted(found[0], field.line_no, found[1])
    return None


def find_registration(lines: list[Line]) -> Extracted[str] | None:
    for line in content(lines):
        found = find_registration_number(clean(line.text))
        if found:  # the fragment as the line writes it (a table row has tabs, not spaces)
            fragment = found[1] if found[1] in line.text else found[0]
            return Extracted(found[0], line.number, fragment)
    return None


def find_document_period(
    lines: list[Line], fields: dict[str, Extracted[str]]
) -> Extracted[Period] | None:
    """The best-scored range: labelled beats "pågick/perioden" beats a bare range; more precise wins."""
    labelled = {fields[label].line_no for label in PERIOD_LABELS if label in fields}
    best: tuple[int, Extracted[Period]] | None = None
    for line in content(lines):
        text = clean(line.text)
        found = find_period(text)
        if found is None or is_section_heading(line) and line.number not in labelled:
            continue
        period, fragment = found
        score = 4 * (line.number in labelled) + 2 * bool(PERIOD_CONTEXT_RE.search(text))
        score += PRECISION_RANK[period.precision]
        if best is None or score > best[0]:
            best = (score, Extracted(period, line.number, fragment))
    return best[1] if best else None
