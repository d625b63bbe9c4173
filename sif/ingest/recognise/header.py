"""The facts of a document's head: its subject line (title), date, deciding body and paragraph
(§), and the target group.

A municipal paper opens with a block of letterhead lines (municipality, unit, "Handläggare",
"Dnr …", a date, "Sida 1 (4)", "Till Socialnämnden", the document-type word) and then its
subject line. The title is that subject line; never an over-long line, a registration number,
a date, a page header or a bare document-type word. Minutes give the subject after "§ 12".
"""

from __future__ import annotations

import re
from datetime import date

from sif.ingest.dates import find_day, find_period
from sif.ingest.forms import content
from sif.ingest.model import Extracted, Line
from sif.ingest.regnr import find_registration_number
from sif.ingest.text import clean, is_name, is_title

MAX_TITLE_CHARS = 160
MAX_TITLE_WORDS = 24
HEAD_LINES = 30
TYPE_WORDS = (
    "protokollsutdrag",
    "utdrag ur protokoll",
    "utdrag ur sammanträdesprotokoll",
    "sammanträdesprotokoll",
    "protokoll",
    "beslut",
    "tjänsteutlåtande",
    "tjänsteskrivelse",
    "remissvar",
    "yttrande",
    "delrapport",
    "lägesrapport",
    "slutrapport",
    "rapport",
    "utvärdering",
    "fou-rapport",
    "riktlinjer",
    "reglemente",
    "ansökan",
    "förslag",
    "missiv",
    "beslutsunderlag",
    "kommunledningskontoret",
)
PAGE_RE = re.compile(
    r"^(?:sid(?:an|a)?\.?\s*\d+(?:\s*(?:av|\(|/)\s*\d+\)?)?|\d+\s*\(\d+\)|\d+\s*av\s*\d+|\d+)$",
    re.IGNORECASE,
)
SERIES_RE = re.compile(  # "FoU-rapport 2019:3", "Rapport 2018/4": a series number, no subject
    r"^(?:fou-rapport|fou rapport|rapport|rapportserie|skriftserie|arbetsrapport)\s+[\d:/ .-]+$"
)
HEADER_LABEL_RE = re.compile(
    r"^(?:dnr|diarienr|diarienummer|datum|sammanträdesdatum|beslutsdatum|handläggare|"
    r"föredragande|vår referens|er referens|referens|telefon|e-post|epost|till|från|kopia|"
    r"sida|plats|tid|närvarande|ledamöter|ersättare|justerare|sekreterare|ordförande|"
    r"beslutande|utses att justera|paragrafer?|ärende|bilaga|bilagor)\b",
    re.IGNORECASE,
)
SUBJECT_LABEL_RE = re.compile(
    r"^(?:ärende|angående|ämne|rubrik|avser)\s*[:\t]\s*(?P<v>\S.*)$", re.I
)
PARAGRAPH_RE = re.compile(r"^§\s*(?P<n>\d{1,4})\b[\s.:–-]*(?P<rest>.*)$")
PARAGRAPH_ANYWHERE_RE = re.compile(r"(?<!\w)§\s*(?P<n>\d{1,4})(?!\d)")
BODY_RE = re.compile(
    r"\b(?P<body>(?:[A-ZÅÄÖ][a-zåäö-]*)?(?:nämnden|nämnd|styrelsen)|Kommunstyrelsen|"
    r"Kommunfullmäktige|Regionstyrelsen|Regionfullmäktige|Kommunstyrelsens arbetsutskott)"
    r"(?:s)?\b"
)
DECIDED_RE = re.compile(
    r"^(?P<body>[A-ZÅÄÖ][\wåäö -]{2,60}?)\s+(?:beslutar|beslutade|beslöt|har beslutat)\b"
)
BODY_LABEL_RE = re.compile(
    r"^(?:beslutande organ|beslutsinstans|organ|nämnd|instans)\s*[:\t]\s*(?P<v>\S.*)$", re.I
)
DATE_LABEL_RE = re.compile(
    r"^(?:datum|sammanträdesdatum|beslutsdatum|mötesdatum|daterad|dag för beslut|"
    r"sammanträde)\s*[:\t]?\s*(?P<v>.+)$",
    re.IGNORECASE,
)
TARGET_LABEL_RE = re.compile(r"^(?:målgrupp(?:en)?|målgrupper)\s*[:\t]\s*(?P<v>\S.*)$", re.I)
TARGET_HEADING_RE = re.compile(r"^(?:\d+(?:\.\d+)*\.?\s+)?målgrupp(?:en|er)?\s*$", re.I)


def is_header_line(text: str) -> bool:
    """A letterhead or page-header line: never a title."""
    lowered = text.lower().rstrip(".: ")
    return (
        not lowered
        or PAGE_RE.match(lowered) is not None
        or lowered in TYPE_WORDS
        or SERIES_RE.match(lowered) is not None
        or _is_organisation(text)
        or HEADER_LABEL_RE.match(lowered) is not None
        or find_registration_number(text) is not None
        or (find_day(text) is not None and len(text.split()) <= 4)
        or is_name(text)
        or is_title(text)
        or re.search(r"@|\bwww\.|\b(?:tel|telefon|fax)\b", lowered) is not None
    )


def plausible_title(text: str) -> bool:
    words = text.split()
    return (
        2 <= len(words) <= MAX_TITLE_WORDS
        and len(text) <= MAX_TITLE_CHARS
        and not text.endswith((":", ","))
        and not is_header_line(text)
        and any(ch.isalpha() for ch in text)
        and text[0].isupper()
    )


def subject_title(lines: list[Line]) -> Extracted[str] | None:
    """The subject line of a paper or minutes: after "§ 12" or an "Ärende:" label, or the first
    plausible line after the letterhead block."""
    rows = content(lines)[:HEAD_LINES]
    for index, line in enumerate(rows):
        text = clean(line.text)
        label = SUBJECT_LABEL_RE.match(text.replace("\t", ": ", 1))
        if label and plausible_title(label.group("v").strip()):
            return Extracted(label.group("v").strip(), line.number, label.group("v").strip())
        paragraph = PARAGRAPH_RE.match(text)
        if paragraph:
            rest = paragraph.group("rest").strip()
            if plausible_title(rest):
                return Extracted(rest, line.number, rest)
            following = rows[index + 1] if index + 1 < len(rows) else None
            if following and plausible_title(clean(following.text)):
                return Extracted(clean(following.text), following.number, following.text.strip())
    for line in rows:
        for cell in (clean(c) for c in line.text.split("\t")):
            if plausible_title(cell):
                return Extracted(cell, line.number, cell)
    return None


def _is_organisation(text: str) -> bool:
    """A letterhead's sender line ("Socialförvaltningen", "Eskilstuna kommun")."""
    return (
        len(text.split()) <= 4
        and re.search(
            r"(?:förvaltning(?:en)?|nämnd(?:en)?|kommun|stad|region|styrelsen|kontoret|"
            r"avdelning(?:en)?|enhet(?:en)?|staben|fullmäktige)$",
            text.lower(),
        )
        is not None
    )


def header_date(lines: list[Line]) -> Extracted[date] | None:
    """A labelled date ("Datum 2016-03-14", a "Sammanträdesdatum" cell) or a short line with a
    date among the first lines ("Eskilstuna 2016-03-14", "2021-11-23")."""
    rows = content(lines)[:HEAD_LINES]
    for index, line in enumerate(rows):
        cells = [clean(c) for c in line.text.split("\t")]
        for position, cell in enumerate(cells):
            label = DATE_LABEL_RE.match(cell)
            if label is None:
                continue
            value = label.group("v").strip(" :")
            if not value and position + 1 < len(cells):
                value = cells[position + 1]
            if not value and index + 1 < len(rows):
                value = clean(rows[index + 1].text)
                line = rows[index + 1]
            found = find_day(value)
            if found and find_period(value) is None:
                return Extracted(found[0], line.number, found[1])
    for line in rows[:15]:
        for cell in (clean(c) for c in line.text.split("\t")):
            found = find_day(cell)
            if found and len(cell.split()) <= 5 and find_period(cell) is None:
                return Extracted(found[0], line.number, found[1])
    return None


def decision_paragraph(lines: list[Line]) -> Extracted[str] | None:
    for line in content(lines)[:HEAD_LINES]:
        match = PARAGRAPH_ANYWHERE_RE.search(clean(line.text))
        if match:
            return Extracted(f"§ {match.group('n')}", line.number, match.group(0))
    return None


def decision_body(lines: list[Line]) -> Extracted[str] | None:
    """Who decides or decided: a label ("Beslutande organ: …"), "Socialnämnden beslutar …", or
    the committee named in the head of the minutes."""
    rows = content(lines)
    for line in rows:
        text = clean(line.text)
        label = BODY_LABEL_RE.match(text.replace("\t", ": ", 1))
        if label and not label.group("v").strip().endswith(":"):
            return Extracted(label.group("v").strip(" ."), line.number, label.group("v"))
        decided = DECIDED_RE.match(text)
        if decided and BODY_RE.search(decided.group("body")):
            body = BODY_RE.search(decided.group("body"))
            assert body is not None
            return Extracted(_base_form(body.group("body")), line.number, body.group(0))
    for line in rows[:HEAD_LINES]:
        for cell in (clean(c) for c in line.text.split("\t")):
            body = BODY_RE.fullmatch(cell.rstrip(".")) or (
                BODY_RE.search(cell) if re.match(r"^(?:protokoll|utdrag)", cell.lower()) else None
            )
            if body:
                return Extracted(_base_form(body.group("body")), line.number, body.group(0))
    return None


def _base_form(body: str) -> str:
    return body[:1].upper() + body[1:]


def target_group_text(lines: list[Line]) -> Extracted[str] | None:
    """ "Målgrupp: Familjer med barn 0–6 år" or the first paragraph under a "Målgrupp" heading."""
    rows = content(lines)
    for index, line in enumerate(rows):
        text = clean(line.text)
        label = TARGET_LABEL_RE.match(text.replace("\t", ": ", 1))
        if label:
            return Extracted(label.group("v").strip(), line.number, label.group("v").strip())
        if TARGET_HEADING_RE.match(text) and index + 1 < len(rows):
            following = rows[index + 1]
            value = clean(following.text)
            if value and len(value) <= 600:
                return Extracted(value, following.number, following.text.strip())
    return None
