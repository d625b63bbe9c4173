"""Which kind of document this is, by scoring the signs each kind leaves.

Each sign is a pattern on a line with a weight; the kind with the highest score wins if it
reaches `THRESHOLD`, otherwise the document is "other".
"""

from __future__ import annotations

import re

from sif.ingest.budget import find_budget
from sif.ingest.forms import content
from sif.ingest.model import Line
from sif.ingest.proposals import count_comments, proposal_headings
from sif.ingest.text import clean

THRESHOLD = 4
Sign = tuple[str, int]
SIGNS: dict[str, tuple[Sign, ...]] = {
    "committee_paper": (
        (r"^handläggare\b", 2),
        (r"^förvaltningens förslag till beslut$", 3),
        (r"^ärendets beredning$", 2),
        (r"^sammanfattning$", 1),
        (r"^jämställdhetsanalys$", 1),
        (r"^tjänsteutlåtande\b", 3),
        (r"^bilagor$", 1),
        (r"^förvaltningens synpunkter", 1),
    ),
    "report": (
        (r"^(?:slut|del|läges|års)?rapport\b", 2),
        (r"^resultat$", 1),
        (r"^analys$", 1),
        (r"^slutsats(?:er)?$", 1),
        (r"^lärdomar\b", 2),
        (r"^förslag till beslut$", 1),
        (r"^ärendebeskrivning$", 1),
        (r"^uppföljning$", 1),
    ),
    "application_full": (
        (r"^ansökan\b", 2),
        (r"^namn på (?:den planerade )?insatsen", 2),
        (r"^indikatorer\b", 2),
        (r"målgrupp", 1),
        (r"^förtjänster$", 1),
        (r"^kontaktpersone?r?$", 1),
        (r"steg (?:2|två)", 1),
        (r"^utfall\b", 1),
    ),
    "application_short": (
        (r"^ansökan\b", 2),
        (r"^namn på projekt(?:et)?:", 2),
        (r"^sökt (?:summa|belopp)", 3),
        (r"^tidplan\b", 2),
        (r"kontaktperson:", 1),
    ),
}


def classify(lines: list[Line]) -> str:
    scores = score_kinds(lines)
    kind, score = max(scores.items(), key=lambda item: item[1])
    return kind if score >= THRESHOLD else "other"


def score_kinds(lines: list[Line]) -> dict[str, int]:
    texts = [clean(line.text).lower() for line in content(lines)]
    scores = {kind: _score(texts, signs) for kind, signs in SIGNS.items()}
    if find_budget(lines)[0] is not None:
        scores["application_full"] += 2
    comments, headings = count_comments(lines), len(proposal_headings(lines))
    scores["proposal_list"] = (3 * comments if comments >= 2 else 0) + (2 if headings >= 2 else 0)
    return scores


def _score(texts: list[str], signs: tuple[Sign, ...]) -> int:
    total = 0
    for pattern, weight in signs:
        compiled = re.compile(pattern)
        if any(compiled.search(text) for text in texts):
            total += weight
    return total
