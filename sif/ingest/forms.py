"""Form fields: "Label: value", a label alone with its value on the next line, and a grid of
label cells over value cells (a Word table exported as tab-separated lines)."""

from __future__ import annotations

import re

from sif.ingest.model import Extracted, Line
from sif.ingest.text import clean

KNOWN_LABELS = (
    "namn på den planerade insatsen",
    "namn på insatsen",
    "namn på projekt",
    "namn på projektet",
    "projektnamn",
    "projektets namn",
    "datum",
    "tidplan",
    "projektperiod",
    "projekttid",
    "period",
    "ansökande verksamhet",
    "sökande förvaltning",
    "berörd verksamhet",
    "sökt summa",
    "sökt belopp",
    "ansökt belopp",
    "nämnd",
    "förvaltning",
    "avdelning",
    "kontaktperson",
    "epost",
    "e-post",
    "e-postadress",
    "telefon",
    "adress",
    "postadress",
    "budget",
    "dnr",
    "diarienummer",
    "handläggare",
    "vår referens",
    "föredragande",
    "enhet",
    "målgrupp",
    "sammanträdesdatum",
    "beslutsdatum",
    "beslutande organ",
    "kommun",
    "beviljat belopp",
    "tidsperiod",
    "genomförandeperiod",
)


def content(lines: list[Line]) -> list[Line]:
    return [line for line in lines if line.text.strip()]


def form_fields(lines: list[Line]) -> dict[str, Extracted[str]]:
    """Label (lower case, without colon) -> its value with the line the value stands on."""
    fields: dict[str, Extracted[str]] = {}
    rows = content(lines)
    for index, line in enumerate(rows):
        following = rows[index + 1] if index + 1 < len(rows) else None
        cells = [c.strip() for c in line.text.split("\t") if c.strip()]
        if len(cells) > 1 and all(c.endswith(":") for c in cells) and following:
            values = [c.strip() for c in following.text.split("\t")]
            for position, cell in enumerate(cells):
                if position < len(values) and values[position]:
                    _add(fields, cell, values[position], following)
            continue
        if len(cells) > 1 and _row_pairs(fields, cells, line):
            continue
        text = clean(line.text)
        label, value = _split_label(text)
        if label is None:
            continue
        if value:
            _add(fields, label, value, line)
        elif following and not _is_label_line(following):
            _add(fields, label, clean(following.text), following)
    return fields


LABEL_PATTERNS = [
    (
        label,
        re.compile(rf"{re.escape(label)}\s*\([^)]*\)\s*:?"),
        re.compile(rf"({re.escape(label)})\b[^:]{{0,60}}?:\s*(.*)$", re.IGNORECASE),
    )
    for label in KNOWN_LABELS
]
LABEL_START_RE = re.compile("|".join(re.escape(label) for label in KNOWN_LABELS), re.IGNORECASE)


def _row_pairs(fields: dict[str, Extracted[str]], cells: list[str], line: Line) -> bool:
    """A table row of label cells each followed by its value cell ("Datum | 2016-03-14 |
    Dnr | KS 2016/123"), as Word and PDF tables give them. True if any pair was read."""
    found = False
    position = 0
    while position + 1 < len(cells):
        label, value = _split_label(clean(cells[position]))
        following, _ = _split_label(clean(cells[position + 1]))
        if label is not None and not value and following is None:
            _add(fields, label, cells[position + 1], line)
            found = True
            position += 2
            continue
        position += 1
    return found


def _split_label(text: str) -> tuple[str | None, str]:
    if not LABEL_START_RE.match(text):
        return None, ""
    lowered = text.lower()
    for label, alone, inline in LABEL_PATTERNS:
        if lowered == label or alone.fullmatch(lowered):
            return label, ""
        match = inline.match(text)
        if match and "\t" not in match.group(2):
            return label, match.group(2).strip()
    return None, ""


def _is_label_line(line: Line) -> bool:
    label, _ = _split_label(clean(line.text))
    cells = [c for c in line.text.split("\t") if c.strip()]
    return label is not None or (len(cells) > 1 and all(c.strip().endswith(":") for c in cells))


def _add(fields: dict[str, Extracted[str]], label: str, value: str, line: Line) -> None:
    key = label.strip().rstrip(":").strip().lower()
    if key not in fields:
        fields[key] = Extracted(clean(value), line.number, value)
