"""Demo: the handläggare's texts of STIS's committee paper as seed 001 has them (Till, the
proposal, both signatures, Sammanfattning whole across the page break, Bakgrund, Ärendets
beredning, Jämställdhetsanalys, Förvaltningens synpunkter och förslag, Bilagor under their real
names) and of Team Samagera's as seed 003 has them (Torshälla stads nämnd, Ingrid Sköldmo)."""

from __future__ import annotations

import re
from typing import TextIO

from django.contrib.auth import get_user_model

from sif.demo import seed_text
from sif.web.documents.services import document_texts_save
from sif.web.projects.models import Project

PAGE_NOISE = re.compile(r"^(\[.*\].*|Telefon \[.*|Växel \[.*|Fax \[.*|e-postadress)$")


def seed_section(key: str, start: str, end: str | None) -> str:
    """The text between two heading lines, without the page template's placeholder lines and with
    a paragraph that a page break cut in two joined again."""
    lines = [line.strip() for line in seed_text(key).splitlines()]
    i = lines.index(start) + 1
    j = lines.index(end, i) if end else len(lines)
    kept = [line.replace("*", "") for line in lines[i:j] if not PAGE_NOISE.match(line)]
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", "\n".join(kept)) if p.strip()]
    joined: list[str] = []
    for p in paragraphs:
        if joined and not re.search(r"[.!?:…]$", joined[-1]) and p[:1].islower():
            joined[-1] = f"{joined[-1]} {p}"
        else:
            joined.append(p)
    return "\n\n".join(joined)


def _stis() -> dict[str, str]:
    return {
        "administration": "Socialförvaltningen",
        "department": "Avdelningen för stadsövergripande sociala frågor",
        "officer": "Marianne Gabrielsson",
        "phone": "08-508 259 50",
        "date": "2021-11-23",
        "registration_number": "",
        "recipient": "Socialnämnden",
        "lead": "Slutrapportering av fyraårigt projekt i ytterstaden som finansierades av stadens sociala investeringsmedel.",
        "proposal": seed_section("001", "Förvaltningens förslag till beslut", "Fredrik Jurdell"),
        "signatures": "Fredrik Jurdell, Socialdirektör\nVeronica Wolgast Carstorp, Biträdande förvaltningschef",
        "summary": seed_section("001", "Sammanfattning", "Bakgrund"),
        "background": seed_section("001", "Bakgrund", "Ärendets beredning"),
        "preparation": seed_section("001", "Ärendets beredning", "Ärendet"),
        "gender": seed_section(
            "001", "Jämställdhetsanalys", "Förvaltningens synpunkter och förslag"
        ),
        "views": seed_section("001", "Förvaltningens synpunkter och förslag", "Bilagor"),
        "attachments": seed_section("001", "Bilagor", None).replace("\n\n", "\n"),
    }


def _stis_final_report() -> dict[str, str]:
    committee = _stis()
    keep = (
        "administration",
        "department",
        "officer",
        "phone",
        "date",
        "summary",
        "gender",
        "signatures",
    )
    texts = {k: committee[k] for k in keep}
    texts["implementation"] = seed_section("001", "Ärendet", "Jämställdhetsanalys")
    texts["attachments"] = (
        "Forskningsuppdrag ”Stärkt tidigt stöd i samverkan – i ytterstaden” Perioden april 2017 – april 2021\nSpindelmätning, slutrapport"
    )
    return texts


def _samagera() -> dict[str, str]:
    return {
        "administration": "Torshälla stads förvaltning",
        "recipient": "Torshälla stads nämnd",
        "lead": "Rapport Team Samagera",
        "proposal": seed_section("003", "Förslag till beslut", "Ärendebeskrivning"),
        "signatures": "Ingrid Sköldmo, förvaltningschef",
        "summary": seed_section(
            "003", "Ärendebeskrivning", "Målen för Team Samagera beskrevs enligt nedanstående:"
        ),
        "views": seed_section("003", "Slutsats", "Lärdomar som gjorts är:")
        + "\n\n"
        + seed_section(
            "003",
            "Finansiering",
            "Konsekvenser för hållbar utveckling och en effektiv organisation",
        ),
    }


def load(stdout: TextIO) -> None:
    users = get_user_model().objects
    stis = Project.objects.get(title="Stärkt tidigt stöd i samverkan")
    document_texts_save(
        actor=users.get(username="fondforvaltare"),
        project=stis,
        kind="committee_paper",
        texts=_stis(),
    )
    document_texts_save(
        actor=users.get(username="fondforvaltare"),
        project=stis,
        kind="final_report",
        texts=_stis_final_report(),
    )
    samagera = Project.objects.get(title="Team Samagera")
    document_texts_save(
        actor=users.get(username="eskilstuna"),
        project=samagera,
        kind="committee_paper",
        texts=_samagera(),
    )
    stdout.write(
        "Tjänsteutlåtandenas texter inlästa: STIS (källdokument 001) och Team Samagera (källdokument 003).\n"
    )
