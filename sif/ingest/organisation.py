"""Who the document is from: municipality, committee (nämnd), administration (förvaltning) and
department (avdelning)."""

from __future__ import annotations

import re

from sif.ingest.forms import content
from sif.ingest.model import Extracted, Line, Organisation
from sif.ingest.text import clean

MUNICIPALITY_RE = re.compile(
    r"\b(?P<name>[A-ZÅÄÖ][\w-]+ (?:kommun|stad)|Region [A-ZÅÄÖ][\w-]+)(?P<genitive>s)?\b(?! nämnd)"
)
COMMITTEE_RE = re.compile(r"^(?:[A-ZÅÄÖ][\w -]{0,60}nämnd(?:en)?|Kommunstyrelsen|Regionstyrelsen)$")
ADMINISTRATION_RE = re.compile(
    r"^[\wÅÄÖåäö -]{0,60}(?:förvaltning(?:en)?|kontoret|kontor)$", re.IGNORECASE
)
VERB_ENDINGS = ("as", "ar", "ade", "ades")  # "Blanketten skickas till …förvaltningen" is a sentence
ADMIN_LABELS = ("ansökande verksamhet", "sökande förvaltning", "förvaltning")


def find_organisation(lines: list[Line], fields: dict[str, Extracted[str]]) -> Organisation:
    rows = content(lines)
    administration, department = _administration(rows, fields)
    return Organisation(_municipality(rows), _committee(rows, fields), administration, department)


def _municipality(rows: list[Line]) -> Extracted[str] | None:
    for line in rows:
        for match in MUNICIPALITY_RE.finditer(clean(line.text)):
            return Extracted(match.group("name"), line.number, match.group(0))
    return None


def _committee(rows: list[Line], fields: dict[str, Extracted[str]]) -> Extracted[str] | None:
    if "nämnd" in fields:  # "Linköpings kommun, Socialnämnden": the committee is the last part
        field = fields["nämnd"]
        last = field.value.rstrip(".").split(", ")[-1]
        return Extracted(last, field.line_no, last) if "nämnd" in last.lower() else field
    for line in rows:
        text = clean(line.text)
        if COMMITTEE_RE.match(text) and len(text.split()) <= 5:
            return Extracted(text, line.number, text)
    return None


def _administration(
    rows: list[Line], fields: dict[str, Extracted[str]]
) -> tuple[Extracted[str] | None, Extracted[str] | None]:
    for label in ADMIN_LABELS:
        field = fields.get(label)
        if field is None:
            continue
        parts = [p.strip() for p in re.split(r"[.,;]\s+", field.value.rstrip(".")) if p.strip()]
        admin = next((p for p in parts if "förvaltning" in p.lower()), None)
        dept = next((p for p in parts if p.lower().startswith("avdelning")), None)
        return (
            Extracted(admin, field.line_no, admin) if admin else None,
            Extracted(dept, field.line_no, dept) if dept else None,
        )
    for line in rows:
        text = clean(line.text).rstrip(".")
        words = text.split()
        verbs = any(word.endswith(VERB_ENDINGS) for word in words[:-1])
        if ADMINISTRATION_RE.match(text) and len(words) <= 5 and text[0].isupper() and not verbs:
            value = text.capitalize() if text.isupper() else text
            return Extracted(value, line.number, text), None
    return None, None
