"""The documents SIF produces, gathered from the models and selectors into format-neutral content
(sif/reports/content.py): the application (seed 002's sections), the committee paper
(tjänsteutlåtande, seed 001's eight sections), the final report and the fund's portfolio report.

Every figure comes from the data; a section with nothing to say says "Uppgift saknas". A project
with example figures gets one marked line at the top (the project's example_note), nothing inside
the body. The committee paper and the final report live in committee.py and report.py.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sif.reports import content as c
from sif.reports.content import Block, Document, Paragraph, Subheading
from sif.web.documents import budget_parts, document_wording, followup_parts
from sif.web.documents.committee import COMMITTEE_HEADINGS, committee_paper, document_base
from sif.web.documents.portfolio import portfolio
from sif.web.documents.report import final_report
from sif.web.projects.forms_schema import APPLICATION_FULL
from sif.web.projects.models import Application, Project

KINDS = ("application", "committee_paper", "final_report", "portfolio")
STRUCTURED = {"budget", "contacts", "indicators"}


# ---------------------------------------------------------------- the application


def application(project: Project, *, published: bool = False) -> Document:
    """Seed 002's form, section by section, from the latest submitted application (its own form
    version); the budget, contacts and indicators from the project's records."""
    submitted = (
        Application.objects.filter(project=project)
        .select_related("form")
        .order_by("-submitted_at", "-pk")
        .first()
    )
    schema = submitted.form.schema if submitted else APPLICATION_FULL
    answers = submitted.answers if submitted else {}
    doc = document_base(
        "application", project, schema.get("title", APPLICATION_FULL["title"]), published=published
    )
    doc.subtitle = project.title
    doc.meta = [
        ("Ansökande verksamhet", project.owner_unit.name),
        ("Fond", project.fund.name),
        ("Period", document_wording.period_text(project) or c.MISSING),
        ("Sökt belopp", document_wording.money(project.sought_amount) or c.MISSING),
        ("Status", str(project.get_state_display())),
    ]
    if submitted:
        doc.meta.append(
            ("Inlämnad", f"{submitted.submitted_at.date().isoformat()} (steg {submitted.step})")
        )
    if project.registration_number:
        doc.meta.append(("Diarienummer", project.registration_number))
    for sec in schema.get("sections", []):
        blocks: list[Block] = []
        fields = sec.get("fields", [])
        for f in fields:
            if len(fields) > 1 or f["label"] != sec["label"]:
                blocks.append(Subheading(f["label"]))
            blocks.extend(_answer(project, f, answers.get(f["key"], "")))
        doc.sections.append(c.section(sec["label"], blocks))
    return doc


FALLBACK_FIELDS = {
    "name": "title",
    "applicant_unit": "owner_unit",
    "target_group": "target_group",
    "intervention": "summary",
    "goal": "goals",
    "purpose": "purpose",
    "board": "owner_unit",
}


def _answer(project: Project, field: dict[str, Any], answer: Any) -> list[Block]:
    kind = field["kind"]
    if kind == "budget":
        intro = _before_table(answer)
        return [*c.text_blocks(intro), *budget_parts.budget_blocks(project, summary=True)] or [
            c.missing()
        ]
    if kind == "contacts":
        contacts = [
            c.ContactLine(x.name, x.title, x.email, x.phone) for x in project.contacts.all()
        ]
        return [c.contacts_table(contacts)] if contacts else [c.missing()]
    if kind == "indicators":
        indicators = [followup_parts.indicator_line(i) for i in project.indicators.all()]
        return [c.indicators_table(indicators)] if indicators else [c.missing()]
    if kind == "money":
        amount = project.sought_amount if project.sought_amount is not None else _decimal(answer)
        return [Paragraph(document_wording.money(amount))] if amount is not None else [c.missing()]
    if kind == "yesno":
        return [Paragraph("Ja" if answer else "Nej")] if answer in (True, False) else [c.missing()]
    if kind == "period" and not answer:
        return c.text_or_missing(document_wording.period_text(project))
    text = str(answer or "")
    if not text.strip() and field["key"] in FALLBACK_FIELDS:
        text = str(getattr(project, FALLBACK_FIELDS[field["key"]]) or "")
    return c.text_or_missing(text)


def _before_table(text: Any) -> str:
    """An answer's prose before a pasted table (the records give the table itself)."""
    kept = []
    for part in str(text or "").split("\n\n"):
        if "\t" in part:
            break
        kept.append(part)
    return "\n\n".join(kept)


def _decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value).replace(" ", "").replace("\xa0", ""))
    except ArithmeticError:
        return None


__all__ = [
    "COMMITTEE_HEADINGS",
    "KINDS",
    "application",
    "committee_paper",
    "final_report",
    "portfolio",
    "project_document",
]


def project_document(kind: str, project: Project, *, published: bool = False) -> Document:
    builders = {
        "application": application,
        "committee_paper": committee_paper,
        "final_report": final_report,
    }
    return builders[kind](project, published=published)
