"""The texts a handläggare writes, per document: code, Swedish label, help and whether the text is
several lines. One table, read by the form, the drafts and the document builders."""

from __future__ import annotations

from dataclasses import dataclass

from sif.web.documents.models import TextKind


@dataclass(frozen=True)
class TextField:
    code: str
    label: str
    help: str = ""
    lines: int = 4


LETTERHEAD = (
    TextField("administration", "Förvaltning", "T.ex. Socialförvaltningen.", 1),
    TextField(
        "department", "Avdelning", "T.ex. Avdelningen för stadsövergripande sociala frågor.", 1
    ),
    TextField("officer", "Handläggare", "Namnet på den som handlägger ärendet.", 1),
    TextField("phone", "Telefon", "", 1),
    TextField("date", "Datum", "Dokumentets datum, t.ex. 2021-11-23.", 1),
    TextField("registration_number", "Diarienummer", "", 1),
)
RECIPIENT = TextField(
    "recipient", "Till", "Den nämnd eller styrelse som får ärendet, t.ex. Socialnämnden.", 1
)
LEAD = TextField("lead", "Ingress", "En mening under rubriken, t.ex. vad ärendet gäller.", 2)
PROPOSAL = TextField(
    "proposal", "Förslag till beslut", "En beslutspunkt per rad, numrerade 1., 2., …", 4
)
SIGNATURES = TextField(
    "signatures",
    "Underskrifter",
    "En person per rad: namn, titel. T.ex. ”Fredrik Jurdell, Socialdirektör”.",
    3,
)
SUMMARY = TextField("summary", "Sammanfattning", "", 10)
BACKGROUND = TextField("background", "Bakgrund", "", 10)
PREPARATION = TextField(
    "preparation", "Ärendets beredning", "Vem som har berett ärendet och när.", 4
)
IMPLEMENTATION = TextField("implementation", "Genomförande", "Hur arbetet har genomförts.", 8)
GENDER = TextField(
    "gender",
    "Jämställdhetsanalys",
    "Analysen i ord; tabellerna med andelar kommer från uppföljningen.",
    6,
)
VIEWS = TextField("views", "Förvaltningens synpunkter och förslag", "", 6)
ATTACHMENTS = TextField(
    "attachments", "Bilagor", "En bilaga per rad, med dokumentets riktiga namn.", 4
)

FIELDS: dict[str, tuple[TextField, ...]] = {
    TextKind.COMMITTEE_PAPER: (
        *LETTERHEAD,
        RECIPIENT,
        LEAD,
        PROPOSAL,
        SIGNATURES,
        SUMMARY,
        BACKGROUND,
        PREPARATION,
        GENDER,
        VIEWS,
        ATTACHMENTS,
    ),
    TextKind.FINAL_REPORT: (*LETTERHEAD, SUMMARY, IMPLEMENTATION, GENDER, SIGNATURES, ATTACHMENTS),
}
MAX_LENGTH = 20_000


def codes(kind: str) -> list[str]:
    return [f.code for f in FIELDS[kind]]
