"""Layout: label and value in the cells of one table row (Word and PDF), Word page headers,
footers, content controls, text boxes and nested tables read; PDF pages in the provenance."""

from __future__ import annotations

import io
from datetime import date

from docx import Document
from docx.oxml import parse_xml

from sif.ingest import ingest_bytes
from tests.ingest.builders import pdf_bytes

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CONTENT_CONTROL = (
    f"<w:sdt {W}><w:sdtPr><w:alias w:val='Mottagare'/></w:sdtPr><w:sdtContent>"
    "<w:p><w:r><w:t>Till Socialnämnden</w:t></w:r></w:p></w:sdtContent></w:sdt>"
)
TEXT_BOX = (
    f"<w:p {W} xmlns:mc='http://schemas.openxmlformats.org/markup-compatibility/2006' "
    "xmlns:wps='http://schemas.microsoft.com/office/word/2010/wordprocessingShape'>"
    "<w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing><wps:txbx>"
    "<w:txbxContent><w:p><w:r><w:t>Målgrupp: Familjer med barn 0–6 år</w:t></w:r></w:p>"
    "</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>"
    "<w:p><w:r><w:t>Målgrupp: Familjer med barn 0–6 år</w:t></w:r></w:p></w:txbxContent>"
    "</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
)


def letter() -> bytes:
    document = Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Eskilstuna kommun\tDnr KS 2016/123"
    section.footer.paragraphs[0].text = "Socialförvaltningen, 631 86 Eskilstuna"
    head = document.add_table(rows=2, cols=4)
    for cell, text in zip(
        head.rows[0].cells, ["Datum", "2016-03-14", "Handläggare", "Per Ek"], strict=True
    ):
        cell.text = text
    for cell, text in zip(
        head.rows[1].cells, ["Projektperiod", "2016-01-01 – 2018-12-31", "", ""], strict=True
    ):
        cell.text = text
    document.add_paragraph("Tjänsteutlåtande")
    document.element.body.append(parse_xml(CONTENT_CONTROL))
    document.add_paragraph("Slutrapport för projektet Trygga familjer")
    document.element.body.append(parse_xml(TEXT_BOX))
    outer = document.add_table(rows=1, cols=2)
    outer.rows[0].cells[0].text = "Budget"
    inner = outer.rows[0].cells[1].add_table(rows=1, cols=2)
    inner.rows[0].cells[0].text = "Sökt belopp"
    inner.rows[0].cells[1].text = "800 000 kr"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_word_letter_reads_header_footer_content_control_text_box_and_nested_table() -> None:
    result = ingest_bytes(letter(), "brev.docx")
    assert result.ok and result.draft is not None
    texts = [line.text for line in result.lines]
    assert texts[0] == "Eskilstuna kommun\tDnr KS 2016/123"  # the page header comes first
    assert "Till Socialnämnden" in texts  # content control
    assert texts.count("Målgrupp: Familjer med barn 0–6 år") == 1  # text box, read once
    assert "Sökt belopp\t800 000 kr" in texts  # nested table, a line of its own
    assert texts[-1] == "Socialförvaltningen, 631 86 Eskilstuna"  # the footer last
    draft = result.draft
    assert draft.registration_number is not None
    assert (draft.registration_number.value, draft.registration_number.line_no) == (
        "KS 2016/123",
        1,
    )
    assert draft.target_group_text is not None
    assert draft.target_group_text.value == "Familjer med barn 0–6 år"
    assert [(a.value.value_kr, a.value.kind) for a in draft.amounts] == [(800_000, "sought")]


def test_label_and_value_cells_of_one_word_table_row_are_read() -> None:
    draft = ingest_bytes(letter(), "brev.docx").draft
    assert draft is not None
    assert draft.date is not None and draft.date.value == date(2016, 3, 14)
    assert draft.period is not None
    assert (draft.period.value.start, draft.period.value.end) == (
        date(2016, 1, 1),
        date(2018, 12, 31),
    )
    assert [(c.value.name, c.value.role) for c in draft.contacts] == [("Per Ek", "handläggare")]


def test_label_and_value_cells_of_a_pdf_table_row_are_read_with_their_page() -> None:
    text = (
        "Protokollsutdrag\nDatum\t2016-03-14\tDnr\tSN 2016/45\n"
        "§ 12 Ansökan om medel för Trygga familjer\n"
        + "Ärendet bereddes av förvaltningen.\n" * 70
        + "Socialnämnden beslutar att bevilja 400 000 kr.\n"
    )
    result = ingest_bytes(pdf_bytes(text), "protokoll.pdf")
    assert result.ok and result.draft is not None
    draft = result.draft
    assert draft.kind == "decision" and draft.action == "decision"
    assert draft.date is not None and draft.date.value == date(2016, 3, 14)
    assert draft.registration_number is not None
    assert draft.registration_number.value == "SN 2016/45"
    assert draft.title is not None and draft.title.value == "Ansökan om medel för Trygga familjer"
    assert draft.decision_paragraph is not None and draft.decision_paragraph.value == "§ 12"
    pages = result.to_dict()["pages"]
    assert pages[0]["page"] == 1 and pages[0]["first_line"] == 1 and len(pages) >= 2
    [granted] = draft.amounts
    page_of_granted = next(
        p["page"] for p in pages if p["first_line"] <= granted.line_no <= p["last_line"]
    )
    assert page_of_granted == pages[-1]["page"] > 1
