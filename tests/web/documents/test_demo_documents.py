"""The documents of the demo projects, from the data the seeds gave: the pilot's application
(seed 002), STIS's committee paper (seed 001), Team Samagera's (seed 003), the portfolio."""

from __future__ import annotations

import io
from typing import Any

import pypdfium2 as pdfium
import pytest
from docx import Document as WordDocument
from openpyxl import load_workbook

from sif.reports.docx import render_docx
from sif.reports.pdf import render_pdf
from sif.reports.xlsx import render_xlsx
from sif.web.documents import content
from sif.web.projects.models import Fund, Project

pytestmark = pytest.mark.django_db
PILOT = "Pilot för en innovativ och hållbar socialtjänst för barn och unga"


def project(title: str) -> Project:
    return Project.objects.select_related("fund", "owner_unit", "municipality").get(title=title)


def pdf_text(data: bytes) -> str:
    pdf = pdfium.PdfDocument(data)
    try:
        text = "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()
    return text.replace("\xa0", " ").replace("\r", "")


def test_the_pilots_application_pdf_has_seed_002s_sections_and_budget(demo: Any) -> None:
    text = pdf_text(render_pdf(content.application(project(PILOT))))
    for heading in (
        "Praktisk beskrivning",
        "Målgrupp, insats, utfall och förtjänst",
        "Uppföljning och utvärdering av effekter",
        "Metodutveckling, samverkan och långsiktighet",
        "Forskningsförankring",
        "Referenser",
    ):
        assert heading in text
    for figure in (
        "22 540",
        "9 577",
        "8 177",
        "Total kostnad: 22 540 tkr",
        "Andrea Hormazabal",
        "SIP-kollen.se",
    ):
        assert figure in text
    assert "Stockholms stad" in text and "Exempeldata" in text


def test_the_pilots_application_docx_has_the_budget_as_a_word_table(demo: Any) -> None:
    word = WordDocument(io.BytesIO(render_docx(content.application(project(PILOT)))))
    budget = next(t for t in word.tables if t.rows[0].cells[0].text == "Kostnadsslag")
    assert [c.text for c in budget.rows[1].cells] == [
        "Personalkostnader inkl. ledning och vikarietäckning*",
        "8\xa0177",
        "8\xa0411",
        "1\xa0752",
        "18\xa0340",
    ]
    assert budget.rows[-1].cells[-1].text == "22\xa0540"


def test_stis_committee_paper_has_the_eight_headings_in_order_and_the_gender_analysis(
    demo: Any,
) -> None:
    doc = content.committee_paper(project("Stärkt tidigt stöd i samverkan"))
    assert doc.headings() == list(content.COMMITTEE_HEADINGS)
    text = pdf_text(render_pdf(doc))
    lines = [line.strip() for line in text.splitlines()]
    positions = [
        lines.index(h) for h in content.COMMITTEE_HEADINGS
    ]  # each heading on a line of its own
    assert positions == sorted(positions)
    gender = "\n".join(lines[positions[5] : positions[6]])
    for share in ("drygt 90 %", "ca 40 %", "88 %", "12 %"):
        assert share in gender
    assert "Marianne Gabrielsson" in text and "Socialnämnden" in text and "2021-11-23" in text
    assert "Socialnämnden godkänner förvaltningens slutrapport" in text
    assert "drygt 4 500" in text  # home visits, from the follow-up aggregates


def test_stis_committee_paper_carries_the_handlaggares_texts_from_seed_001(demo: Any) -> None:
    doc = content.committee_paper(project("Stärkt tidigt stöd i samverkan"))
    preparation = doc.sections[3]
    assert preparation.heading == "Ärendets beredning"
    assert (
        "Förvaltningsgruppen har behandlat ärendet den 17 november och funktionshinderrådet"
        in preparation.blocks[0].text
    )  # type: ignore[union-attr]
    text = pdf_text(render_pdf(doc))
    assert "Intervjuer med föräldrar visar att stödet är tillgängligt och till hjälp." in " ".join(
        text.split()
    )
    assert (
        "Fredrik Jurdell" in text
        and "Veronica Wolgast Carstorp" in text
        and "Biträdande förvaltningschef" in text
    )
    assert (
        "Forskningsuppdrag" in text and "001_2e73547fb34b6cd1" not in text and "(seed)" not in text
    )
    assert "Avdelningen för stadsövergripande sociala frågor" in text


def test_team_samageras_committee_paper_has_the_granted_38_msek(demo: Any) -> None:
    doc = content.committee_paper(project("Team Samagera"))
    text = pdf_text(render_pdf(doc))
    assert "3 800 000" in text
    assert "Team samagera avslutas och verksamheten förs över till ordinarie drift." in text
    assert doc.municipality == "Eskilstuna kommun"


def test_final_report_of_stis_has_results_and_gender_analysis(demo: Any) -> None:
    doc = content.final_report(project("Stärkt tidigt stöd i samverkan"))
    assert [s.heading for s in doc.sections][:3] == ["Sammanfattning", "Syfte och mål", "Målgrupp"]
    text = pdf_text(render_pdf(doc))
    assert "Slutrapport – Stärkt tidigt stöd i samverkan (STIS)" in text
    assert "drygt 90 %" in text and "Spridning" in text.title()


def test_xlsx_numbers_are_numeric_cells(demo: Any) -> None:
    wb = load_workbook(io.BytesIO(render_xlsx(content.application(project(PILOT)))))
    ws = wb["Budget"]
    assert ws["B3"].value == 8177 and ws["B3"].data_type == "n"
    assert ws["E5"].value == 22540


def test_the_portfolio_lists_every_project_of_the_fund_with_disbursed_and_the_balance(
    demo: Any,
) -> None:
    fund = Fund.objects.get(name="Eskilstuna kommuns sociala investeringsfond")
    doc = content.portfolio(fund)
    by_state, projects, balance = doc.tables()[:3]  # a small fund: every project printed
    assert [r[0].text for r in by_state.rows] == ["avslutad", "Totalt"]
    assert [r[0].text for r in projects.rows] == ["Team Samagera", "Totalt"]
    assert projects.rows[0][5].text == "3\xa0800"  # granted, tkr as in the seeds' tables
    assert projects.rows[0][6].text == "3\xa0800"  # disbursed, the demo's example instalments
    assert [r[0].text for r in balance.rows] == ["2014", "2015", "2016"]
    wb = load_workbook(io.BytesIO(render_xlsx(doc)))
    assert wb["Projekt"]["F3"].value == 3800


def test_team_samageras_final_report_gives_its_four_lessons_instead_of_uppgift_saknas(
    demo: Any,
) -> None:
    doc = content.final_report(project("Team Samagera"))
    lessons = next(s for s in doc.sections if s.heading == "Lärdomar")
    texts = [getattr(b, "text", "") for b in lessons.blocks]
    assert len(texts) == 4 and all(t.startswith("Att ") for t in texts)
    assert texts[0].startswith("Att det behöver bli tydligt hur elevhälsokedjan ska se ut")
    assert "elevhälsokedjan" in pdf_text(render_pdf(doc))


def test_stis_final_report_still_says_uppgift_saknas_under_lardomar(demo: Any) -> None:
    doc = content.final_report(project("Stärkt tidigt stöd i samverkan"))
    lessons = next(s for s in doc.sections if s.heading == "Lärdomar")
    assert [getattr(b, "text", "") for b in lessons.blocks] == ["Uppgift saknas"]


def test_team_samageras_committee_paper_gives_the_lessons_under_arendet(demo: Any) -> None:
    doc = content.committee_paper(project("Team Samagera"))
    matter = doc.sections[4]
    assert matter.heading == "Ärendet"
    headings = [getattr(b, "text", "") for b in matter.blocks if type(b).__name__ == "Subheading"]
    assert "Lärdomar" in headings
    assert (
        "Att kunskapen om sociala investeringar och socioekonomiska beräkningar behöver förstärkas"
        in pdf_text(render_pdf(doc))
    )
