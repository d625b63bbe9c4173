"""Which kind of document this is, by scoring the signs each kind leaves.

The document-type words of the first lines (and a Word letterhead, read first) weigh most:
"Protokollsutdrag", "Riktlinjer för …", "Remissvar", "Delrapport", "Slutrapport",
"Utvärdering", "Tjänsteutlåtande", "Ansökan", "Förslag projekt". The structure adds to them:
the committee paper's headings, a budget table, reviewers' comments, "§ 12", "Justerare". The
kind with the highest score wins if it reaches `THRESHOLD`, otherwise the document is "other".
Each kind is mapped to what SIF does with it in `sif.ingest.model.KIND_ACTIONS`.
"""

from __future__ import annotations

import re

from sif.ingest.forms import content
from sif.ingest.model import Budget, Line
from sif.ingest.proposals import count_comments, proposal_headings
from sif.ingest.text import clean

THRESHOLD = 4
HEAD_LINES = 14  # the letterhead and the subject block
Sign = tuple[re.Pattern[str], int]


def _signs(*pairs: tuple[str, int]) -> tuple[Sign, ...]:
    return tuple((re.compile(pattern), weight) for pattern, weight in pairs)


# Document-type words, looked for in the first HEAD_LINES lines only.
HEAD_SIGNS: dict[str, tuple[Sign, ...]] = {
    "decision": _signs(
        (r"^(?:protokollsutdrag|utdrag ur (?:sammanträdes)?protokoll|sammanträdesprotokoll)", 8),
        (r"^(?:protokoll|beslut|beslutsprotokoll|delegationsbeslut)$", 6),
        (r"^protokoll(?: från| fört| vid)\b", 6),
    ),
    "guidelines": _signs(
        # a paper proposing guidelines is filed with them, whatever its form (weight 20)
        (
            r"^(?:förslag (?:till|på) )?(?:nya |reviderade |ändrade )?(?:riktlinjer|reglemente)\b",
            20,
        ),
        (r"^(?:revidering|revidera|ändring|antagande) av (?:riktlinjer|reglemente)", 20),
    ),
    "referral_response": _signs(
        (r"^(?:remissvar|svar på remiss|remissyttrande)\b", 9),
        (r"^yttrande (?:över|angående|om)\b", 7),
    ),
    "interim_report": _signs(
        (r"^(?:delrapport|lägesrapport|halvtidsrapport|delredovisning|lägesredovisning)\b", 8),
        (r"^(?:uppföljningsrapport|statusrapport|årsrapport)\b", 6),
    ),
    "final_report": _signs(
        (r"^(?:slutrapport|slutredovisning|slutrapportering)\b", 7),
    ),
    "evaluation": _signs(
        (r"^(?:utvärdering|utvärderingsrapport|fou-rapport|fou rapport|följeforskning)\b", 8),
        (r"\bfou\b|forskning och utveckling", 2),
    ),
    "committee_paper": _signs(
        (r"^(?:tjänsteutlåtande|tjänsteskrivelse)\b", 7),
    ),
    "application_full": _signs(
        (r"^ansökan\b", 2),
    ),
    "application_short": _signs(
        (r"^ansökan\b", 2),
    ),
}
# Structure, looked for anywhere.
SIGNS: dict[str, tuple[Sign, ...]] = {
    "decision": _signs(
        (r"^§ ?\d+\b", 3),
        (r"\bjusterare\b|\bjusterandes? (?:sign|signatur)|^justering\b|^utdragsbestyrkande", 3),
        (r"^(?:\w+nämnden|kommunstyrelsen|kommunfullmäktige|styrelsen) beslut(?:ar|ade)\b", 3),
        (r"^beslut$", 1),
    ),
    "committee_paper": _signs(
        (r"^handläggare\b", 2),
        (r"^förvaltningens förslag till beslut$", 3),
        (r"^ärendets beredning$", 2),
        (r"^sammanfattning$", 1),
        (r"^jämställdhetsanalys$", 1),
        (r"^tjänsteutlåtande\b", 3),
        (r"^bilagor$", 1),
        (r"^förvaltningens synpunkter", 1),
    ),
    "report": _signs(
        (r"^(?:slut|del|läges|års)?rapport\b", 2),
        (r"^resultat$", 1),
        (r"^analys$", 1),
        (r"^slutsats(?:er)?$", 1),
        (r"^lärdomar\b", 2),
        (r"^förslag till beslut$", 1),
        (r"^ärendebeskrivning$", 1),
        (r"^uppföljning$", 1),
    ),
    "interim_report": _signs(
        (r"^(?:nästa steg|fortsatt arbete|planerade aktiviteter)\b", 1),
    ),
    "final_report": _signs((r"^lärdomar\b", 1), (r"^(?:resultat|måluppfyllelse)$", 1)),
    "evaluation": _signs(
        (r"^(?:metod|syfte och frågeställningar|frågeställningar|referenser|litteratur)$", 1),
    ),
    "referral_response": _signs(
        (r"\bremiss(?:en)?\b", 1),
    ),
    "guidelines": _signs(
        (r"^\d+(?:\.\d+)* (?:syfte|ansvar|ansökan|beslut)\b", 1),
    ),
    "application_full": _signs(
        (r"^namn på (?:den planerade )?insatsen", 2),
        (r"^indikatorer\b", 2),
        (r"målgrupp", 1),
        (r"^förtjänster$", 1),
        (r"^kontaktpersone?r?$", 1),
        (r"steg (?:2|två)", 1),
        (r"^utfall\b", 1),
    ),
    "application_short": _signs(
        (r"^namn på projekt(?:et)?:", 2),
        (r"^sökt (?:summa|belopp)", 3),
        (r"^tidplan\b", 2),
        (r"kontaktperson:", 1),
    ),
}


def classify(lines: list[Line], budget: Budget | None = None) -> str:
    scores = score_kinds(lines, budget)
    kind, score = max(scores.items(), key=lambda item: item[1])
    return kind if score >= THRESHOLD else "other"


def score_kinds(lines: list[Line], budget: Budget | None = None) -> dict[str, int]:
    texts = [_cells_lowered(line) for line in content(lines)]
    flat = [cell for cells in texts for cell in cells]
    head = [cell for cells in texts[:HEAD_LINES] for cell in cells]
    kinds = set(SIGNS) | set(HEAD_SIGNS)
    scores = {
        kind: _score(flat, SIGNS.get(kind, ())) + _score(head, HEAD_SIGNS.get(kind, ()))
        for kind in sorted(kinds)
    }
    if budget is not None:
        scores["application_full"] += 2
    comments, headings = count_comments(lines), len(proposal_headings(lines))
    scores["proposal_list"] = (3 * comments if comments >= 2 else 0) + (2 if headings >= 2 else 0)
    if any(re.match(r"^förslag projekt\b|^förslagslista\b", cell) for cell in head):
        scores["proposal_list"] += 4
    return scores


def _cells_lowered(line: Line) -> list[str]:
    """A table row's cells each on their own (a letterhead table: "Protokollsutdrag | Datum")."""
    return [clean(cell).lower() for cell in line.text.split("\t") if cell.strip()]


def _score(texts: list[str], signs: tuple[Sign, ...]) -> int:
    return sum(weight for pattern, weight in signs if any(pattern.search(t) for t in texts))
