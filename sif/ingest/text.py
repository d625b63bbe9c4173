"""Small shared tests on a line of text: headings, names, e-mail, phone, labels, sentences."""

from __future__ import annotations

import re
from functools import lru_cache

from sif.ingest.model import Line

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
YEARS_RE = re.compile(r"^(?:19|20)\d\d(?:\s*-\s*(?:19|20)\d\d|-\d\d-\d\d)?$")
PHONE_RE = re.compile(r"(?<![\d/])(?:\+46[\s-]?|0)?\d{1,4}(?:[\s-]?\d{2,4}){1,4}(?![\d/])")
NAME_WORD = r"[A-ZÅÄÖÉÜ][a-zåäöéüß]+(?:-[A-ZÅÄÖÉÜ][a-zåäöéüß]+)?"
NAME_RE = re.compile(rf"{NAME_WORD}(?: {NAME_WORD}){{1,3}}")
MARKUP_RE = re.compile(r"</?[a-z]+(?: [^>]*)?>|\*\*|(?<!\w)\*(?=\w)|(?<=\w)\*(?!\w|\*)")
BULLET_RE = re.compile(r"^\s*(?:[-–•·*]|\d+[.)])\s+")
NOT_NAME_WORDS = {
    "Team",
    "Till",
    "Telefon",
    "Datum",
    "Projekt",
    "Rapport",
    "Bilagor",
    "Ärendet",
    "Resultat",
    "Stockholm",
    "Stockholms",
    "Region",
    "Malmö",
    "Sveriges",
    "Nya",
    "Hela",
    "Stärkt",
}
TITLE_WORDS = ("chef", "direktör", "strateg", "handläggare", "ledare", "sekreterare", "samordnare")


@lru_cache(maxsize=8192)
def clean(text: str) -> str:
    """The text without the markup a Word-to-text export leaves (<i>, **, *emphasis*)."""
    without = re.sub(r"</?[a-z]+(?: [^>]*)?>", "", text)
    without = without.replace("**", " ")
    without = re.sub(r"(?<![\w*])\*(?=\w)([^*]+?)(?<=\S)\*(?![\w*])", r"\1", without)
    return re.sub(r"[ \t]+", " ", without).strip()


def strip_tags(text: str) -> str:
    return re.sub(r"</?[a-z]+(?: [^>]*)?>", "", text).strip()


def words(text: str) -> list[str]:
    return text.split()


def is_name(text: str) -> bool:
    stripped = clean(text)
    if not NAME_RE.fullmatch(stripped):
        return False
    return not any(word in NOT_NAME_WORDS for word in stripped.split())


def is_title(text: str) -> bool:
    lowered = clean(text).lower().rstrip(".")
    return 0 < len(lowered.split()) <= 8 and any(w in lowered for w in TITLE_WORDS)


def find_email(text: str) -> str | None:
    match = EMAIL_RE.search(text)
    return match.group(0) if match else None


def find_phone(text: str) -> str | None:
    """A phone number of 7-12 digits ("08-508 04 025", "50805094"); None if there is none."""
    for match in PHONE_RE.finditer(text):
        digits = re.sub(r"\D", "", match.group(0))
        if 7 <= len(digits) <= 12 and not YEARS_RE.search(match.group(0)):
            return match.group(0).strip()
    return None


def is_heading(line: Line) -> bool:
    """Short, capitalised, no sentence end, no tab cells, not a bullet: a heading."""
    text = clean(line.text)
    if (
        not text
        or "\t" in line.text.strip()
        or BULLET_RE.match(line.text)
        or re.search(r"[\[@:]", text)
    ):
        return False
    if len(text) > 90 or len(text.split()) > 10 or text[-1] in ".,;:!?":
        return False
    first = text[0]
    return first.isupper() or first.isdigit() and bool(re.match(r"\d+\.\s+\S", text))


def label_value(text: str, labels: tuple[str, ...]) -> str | None:
    """For "Label: value" return value ("" when nothing follows); None if no label matches."""
    stripped = clean(text)
    for label in labels:
        match = re.match(rf"{label}\b[^:\n]{{0,60}}?:\s*(.*)$", stripped, re.IGNORECASE)
        if match:
            return match.group(1).strip()
        if re.fullmatch(rf"{label}\b.{{0,60}}", stripped, re.IGNORECASE) and ":" not in stripped:
            if stripped.lower() == label.lower():
                return ""
    return None


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9])", text) if s]
