"""The committee paper (tjänsteutlåtande) in seed 001's form: the letterhead (municipality,
förvaltning, avdelning, handläggare, telefon, Till, date, dnr), the title and its lead line, the
proposed decision with the signatures under it, then Sammanfattning, Bakgrund, Ärendets
beredning, Ärendet, Jämställdhetsanalys, Förvaltningens synpunkter och förslag and Bilagor. The
prose is the handläggare's (sif/web/documents/drafts.py until saved); the figures come from the
data; the technical calculation follows as an appendix."""

from __future__ import annotations

import re

from sif.policy.states import FINAL_REPORT_STATES
from sif.reports import content as c
from sif.reports.content import (
    Block,
    BulletList,
    Document,
    Letterhead,
    Signature,
    Signatures,
    Subheading,
)
from sif.web.documents import (
    activity_parts,
    budget_parts,
    document_build,
    document_wording,
    followup_parts,
    result_parts,
)
from sif.web.documents.drafts import texts_for
from sif.web.documents.plain import plain_blocks
from sif.web.projects.models import DecisionKind, Project

COMMITTEE_HEADINGS = (
    "Förvaltningens förslag till beslut",
    "Sammanfattning",
    "Bakgrund",
    "Ärendets beredning",
    "Ärendet",
    "Jämställdhetsanalys",
    "Förvaltningens synpunkter och förslag",
    "Bilagor",
)
APPENDIX_HEADING = "Bilaga: Socioekonomisk kalkyl, teknisk redovisning"
REPORTED = FINAL_REPORT_STATES


def document_base(kind: str, project: Project, title: str, *, published: bool) -> Document:
    doc = Document(
        kind=kind,
        title=title,
        municipality=project.municipality.name,
        published=published,
        threshold=project.fund.suppression_threshold,
        filename=f"{kind}-{project.pk}",
    )
    if project.example_note:
        doc.marker = f"Exempeldata: {project.example_note}"
    return doc


def letterhead(project: Project, texts: dict[str, str]) -> Letterhead:
    return Letterhead(
        municipality=project.municipality.name,
        administration=texts.get("administration", ""),
        department=texts.get("department", ""),
        officer=texts.get("officer", ""),
        phone=texts.get("phone", ""),
        recipient=texts.get("recipient", ""),
        date=texts.get("date", ""),
        registration_number=texts.get("registration_number", ""),
    )


def signatures(text: str) -> list[Block]:
    people = []
    for line in (text or "").splitlines():
        name, _, title = line.strip().partition(",")
        if name.strip():
            people.append(Signature(name.strip(), _capitalised(title.strip())))
    return [Signatures(people)] if people else []


def _capitalised(title: str) -> str:
    """A title under a signature starts with a capital, as seed 001 prints it ("Socialdirektör"),
    whatever case the contact's title was written in."""
    return title[:1].upper() + title[1:]


def attachments(text: str) -> list[Block]:
    items = [
        line.strip().lstrip("0123456789.) ").strip()
        for line in (text or "").splitlines()
        if line.strip()
    ]
    return [BulletList(items, numbered=True)] if items else []


def proposal_blocks(text: str) -> list[Block]:
    """The proposed decision as a numbered list, one point per line ("1. …" or plain lines)."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    items = [re.sub(r"^\d+[.)]\s*", "", line) for line in lines]
    return [BulletList(items, numbered=True)] if items else []


@document_build.one_build
def committee_paper(project: Project, *, published: bool = False) -> Document:
    decisions = budget_parts.decisions_of(project)
    closing = next((d for d in reversed(decisions) if d.kind == DecisionKind.CLOSING), None)
    reported = project.state in REPORTED or closing is not None
    texts = texts_for(project, "committee_paper")
    name = f"{project.title} {project.short_name}".strip() if project.short_name else project.title
    years = (
        f" {project.start_date.year}–{project.end_date.year}"
        if project.start_date and project.end_date
        else ""
    )
    title = (
        f"Slutrapport – {name}{years}"
        if reported
        else f"Ansökan om medel ur {project.fund.name} – {project.title}"
    )
    doc = document_base("committee_paper", project, title, published=published)
    doc.subtitle = "Tjänsteutlåtande"
    doc.letterhead = letterhead(project, texts)
    doc.lead = texts.get("lead", "")
    doc.meta = [(k, v) for k, v in doc.letterhead.right()]
    gender = [
        *c.text_blocks(texts.get("gender")),
        *activity_parts.gender_blocks(project, published=published),
    ]
    views = [*c.text_blocks(texts.get("views")), *plain_blocks(project)]
    views += result_parts.effect_blocks(project, published=published)
    if views and (project.repayment_rule or project.repayment_note or reported):
        views.append(c.Paragraph(document_wording.repayment_text(project)))
    doc.sections = [
        c.section(
            COMMITTEE_HEADINGS[0],
            [*proposal_blocks(texts.get("proposal", "")), *signatures(texts.get("signatures", ""))],
        ),
        c.section(COMMITTEE_HEADINGS[1], c.text_blocks(texts.get("summary"))),
        c.section(COMMITTEE_HEADINGS[2], c.text_blocks(texts.get("background"))),
        c.section(COMMITTEE_HEADINGS[3], c.text_blocks(texts.get("preparation"))),
        c.section(COMMITTEE_HEADINGS[4], _matter(project, decisions, published)),
        c.section(COMMITTEE_HEADINGS[5], gender),
        c.section(COMMITTEE_HEADINGS[6], views),
        c.section(COMMITTEE_HEADINGS[7], attachments(texts.get("attachments", ""))),
    ]
    technical = result_parts.calculation_blocks(project)
    if technical:
        doc.sections.append(c.section(APPENDIX_HEADING, technical))
    return doc


def _matter(project: Project, decisions: list, published: bool) -> list[Block]:
    blocks: list[Block] = []
    overview = [
        ("Fond", project.fund.name),
        ("Ansvarig enhet", project.owner_unit.name),
        ("Period", document_wording.period_text(project)),
        ("Status", str(project.get_state_display())),
        ("Sökt belopp", document_wording.money(project.sought_amount)),
        ("Beviljat belopp", document_wording.money(budget_parts.granted_total(decisions))),
    ]
    blocks.append(
        c.key_value_table(
            "Projektet i korthet", [(k, v or "–") for k, v in overview], sheet="Projektet"
        )
    )
    table = budget_parts.decisions_table(decisions)
    if table:
        blocks.append(table)
    budget = budget_parts.budget_blocks(project)
    if budget:
        blocks += [Subheading("Budget"), *budget]
    activities = activity_parts.activity_table(project, published=published)
    # seed 001 prints no table per period: the committee reads the summary and the charts
    followup = followup_parts.followup_blocks(project, published=published, period_tables=False)
    spider = followup_parts.spider_blocks(project)
    if activities or followup or spider:
        blocks.append(Subheading("Uppföljning"))
        blocks += ([activities] if activities else []) + followup + spider
    if project.lessons.strip():
        blocks += [Subheading("Lärdomar"), *c.text_blocks(project.lessons)]
    return blocks
