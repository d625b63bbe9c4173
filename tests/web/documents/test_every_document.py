"""Every document every demo project offers, rendered and read back (PDF text, DOCX): the required
sections are there, the handläggare's texts are in place, no section with content says "Uppgift
saknas", no number in a table is broken over lines, and no internal name reaches the reader."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from docx import Document as WordDocument

from sif.reports.content import MISSING, Paragraph, Table
from sif.reports.docx import render_docx
from sif.reports.pdf import render_pdf
from sif.web.documents import content
from sif.web.documents.committee import COMMITTEE_HEADINGS
from sif.web.documents.offer import documents_offered
from sif.web.documents.report import FINAL_REPORT_HEADINGS
from sif.web.projects.models import Project
from tests.web.documents.test_demo_documents import pdf_text

pytestmark = pytest.mark.django_db
INTERNAL = re.compile(r"\b[a-z]+_[a-z_]+\b|\bkommun\.[a-z]+|\(seed\)|\d{3}_[0-9a-f]{16}")
DEMO_DOCUMENTS = [
    ("Stärkt tidigt stöd i samverkan", ["committee_paper", "final_report"]),
    (
        "Pilot för en innovativ och hållbar socialtjänst för barn och unga",
        ["application", "committee_paper"],
    ),
    (
        "Utökad samverkan kring barnfamiljer i Hässelby-Vällingby",
        ["application", "committee_paper"],
    ),
    ("Team Samagera", ["committee_paper", "final_report"]),
    ("Hela familjen", ["committee_paper", "final_report"]),
    ("Hembesöksprogrammet", []),
]
REQUIRED = {"committee_paper": COMMITTEE_HEADINGS, "final_report": FINAL_REPORT_HEADINGS}


def _project(title: str) -> Project:
    return Project.objects.select_related("fund", "owner_unit", "municipality").get(title=title)


@pytest.mark.parametrize(("title", "kinds"), DEMO_DOCUMENTS)
def test_a_project_offers_only_the_documents_its_state_gives_content(
    demo: Any, title: str, kinds: list[str]
) -> None:
    assert documents_offered(_project(title)) == kinds


def _cases() -> list[tuple[str, str]]:
    return [(title, kind) for title, kinds in DEMO_DOCUMENTS for kind in kinds]


@pytest.mark.parametrize(("title", "kind"), _cases())
def test_every_demo_document_reads_back_whole(demo: Any, title: str, kind: str) -> None:
    doc = content.project_document(kind, _project(title))
    text = pdf_text(render_pdf(doc))
    flat = " ".join(text.split())
    for heading in REQUIRED.get(kind, ()):
        assert heading in text
    for table in doc.tables():
        if table.sheet_only:  # a detail only the XLSX holds
            continue
        for row in table.rows:
            for cell in row:
                if cell.is_number and cell.text not in ("", "–"):
                    assert cell.text.replace("\xa0", " ") in text, (
                        f"{cell.text!r} broken in {table.title!r}"
                    )
    assert not INTERNAL.search(flat), INTERNAL.search(flat)
    assert "0,0337" not in flat
    word = WordDocument(io.BytesIO(render_docx(doc)))
    word_text = "\n".join(p.text for p in word.paragraphs)
    for heading in REQUIRED.get(kind, ()):
        assert heading in word_text


@pytest.mark.parametrize(
    ("title", "kind", "section"),
    [
        ("Stärkt tidigt stöd i samverkan", "committee_paper", "Sammanfattning"),
        (
            "Stärkt tidigt stöd i samverkan",
            "committee_paper",
            "Förvaltningens synpunkter och förslag",
        ),
        ("Stärkt tidigt stöd i samverkan", "final_report", "Genomförande"),
        ("Stärkt tidigt stöd i samverkan", "final_report", "Ekonomi"),
        (
            "Pilot för en innovativ och hållbar socialtjänst för barn och unga",
            "committee_paper",
            "Förvaltningens förslag till beslut",
        ),
        (
            "Pilot för en innovativ och hållbar socialtjänst för barn och unga",
            "committee_paper",
            "Bilagor",
        ),
    ],
)
def test_a_section_the_data_fills_does_not_say_uppgift_saknas(
    demo: Any, title: str, kind: str, section: str
) -> None:
    doc = content.project_document(kind, _project(title))
    found = next(s for s in doc.sections if s.heading == section)
    assert [getattr(b, "text", "") for b in found.blocks] != [MISSING]


def test_the_pilots_committee_paper_names_the_fund_as_written_and_proposes_the_sought_amount(
    demo: Any,
) -> None:
    doc = content.committee_paper(
        _project("Pilot för en innovativ och hållbar socialtjänst för barn och unga")
    )
    assert doc.title.startswith("Ansökan om medel ur Stockholms stads sociala investeringsfond")
    assert (
        doc.letterhead is not None
        and doc.letterhead.recipient == "Hässelby-Vällingby stadsdelsnämnd"
    )
    text = " ".join(pdf_text(render_pdf(doc)).split())
    assert (
        "godkänner ansökan till Stockholms stads sociala investeringsfond om 22 540 000 kr" in text
    )
    assert "Till Hässelby-Vällingby stadsdelsnämnd" in text


def test_no_demo_marker_stands_inside_a_section(demo: Any) -> None:
    doc = content.committee_paper(_project("Stärkt tidigt stöd i samverkan"))
    assert doc.marker.startswith("Exempeldata:")
    assert not any(
        isinstance(b, Paragraph) and b.style == "example" for s in doc.sections for b in s.blocks
    )


def test_the_stis_final_report_sets_disbursements_against_the_budget(demo: Any) -> None:
    doc = content.final_report(_project("Stärkt tidigt stöd i samverkan"))
    costs = next(
        t for t in doc.tables() if isinstance(t, Table) and t.title.startswith("Faktiska kostnader")
    )
    assert [r[0].text for r in costs.rows] == ["2017", "2018", "2019", "2020", "2021", "Totalt"]
    assert costs.rows[-1][2].text == "30\xa0800\xa0000\xa0kr"
