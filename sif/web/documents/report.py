"""The final report (slutrapport), from the data and the handläggare's texts: summary, purpose and
goals, target group, implementation, actual costs against the budget (the fund's ledger),
indicators against baseline and target, the effect with its interval, realised against expected
gains and the calculation in plain words, gender analysis, lessons, the closing decision and the
repayment plan, signatures and attachments; the technical calculation as an appendix."""

from __future__ import annotations

from sif.reports import content as c
from sif.reports.content import Block, Document, Paragraph, Subheading
from sif.web.documents import (
    activity_parts,
    budget_parts,
    document_build,
    document_wording,
    followup_parts,
    result_parts,
)
from sif.web.documents.committee import (
    APPENDIX_HEADING,
    attachments,
    document_base,
    letterhead,
    signatures,
)
from sif.web.documents.drafts import texts_for
from sif.web.documents.finance import cost_blocks, repayment_blocks
from sif.web.documents.plain import plain_blocks
from sif.web.projects.models import DecisionKind, Project

FINAL_REPORT_HEADINGS = (
    "Sammanfattning",
    "Syfte och mål",
    "Målgrupp",
    "Genomförande",
    "Ekonomi",
    "Indikatorer och resultat",
    "Effekt och vinster",
    "Jämställdhetsanalys",
    "Lärdomar",
    "Efter projektet",
    "Underskrifter",
    "Bilagor",
)


@document_build.one_build
def final_report(project: Project, *, published: bool = False) -> Document:
    name = f"{project.title} ({project.short_name})" if project.short_name else project.title
    texts = texts_for(project, "final_report")
    doc = document_base("final_report", project, f"Slutrapport – {name}", published=published)
    doc.subtitle = project.fund.name
    doc.letterhead = letterhead(project, texts)
    decisions = budget_parts.decisions_of(project)
    doc.meta = [
        ("Ansvarig enhet", project.owner_unit.name),
        ("Period", document_wording.period_text(project) or c.MISSING),
        (
            "Beviljat belopp",
            document_wording.money(budget_parts.granted_total(decisions)) or c.MISSING,
        ),
        ("Status", str(project.get_state_display())),
    ]
    implementation: list[Block] = [*c.text_blocks(texts.get("implementation"))]
    if document_wording.period_text(project):
        implementation.append(Paragraph(f"Period: {document_wording.period_text(project)}."))
    activities = activity_parts.activity_table(project, published=published)
    if activities:
        implementation.append(activities)
    economy: list[Block] = [*budget_parts.budget_blocks(project), *cost_blocks(project)]
    if (table := budget_parts.decisions_table(decisions)) is not None:
        economy.append(table)
    indicators = [followup_parts.indicator_line(i) for i in project.indicators.all()]
    results: list[Block] = [c.indicators_table(indicators)] if indicators else []
    results += followup_parts.followup_blocks(project, published=published, per_unit=True)
    results += followup_parts.spider_blocks(project)
    gains = [*result_parts.effect_blocks(project, published=published), *plain_blocks(project)]
    closing = next((d for d in reversed(decisions) if d.kind == DecisionKind.CLOSING), None)
    after: list[Block] = []
    if project.closing_outcome:
        after.append(Paragraph(f"Utfall vid avslut: {project.get_closing_outcome_display()}."))
    if closing is not None and closing.conditions:
        when = document_wording.date_text(closing.decided_on, closing.date_precision)
        after += [
            Subheading(f"Beslut, {closing.body}" + (f" {when}" if when else "")),
            *c.text_blocks(closing.conditions),
        ]
    if after or decisions:
        after += repayment_blocks(project)
    doc.sections = [
        c.section("Sammanfattning", c.text_blocks(texts.get("summary"))),
        c.section(
            "Syfte och mål",
            [
                *(
                    [Subheading("Syfte"), *c.text_blocks(project.purpose)]
                    if project.purpose
                    else []
                ),
                *([Subheading("Mål"), *c.text_blocks(project.goals)] if project.goals else []),
            ],
        ),
        c.section("Målgrupp", c.text_blocks(project.target_group)),
        c.section("Genomförande", implementation),
        c.section("Ekonomi", economy),
        c.section("Indikatorer och resultat", results),
        c.section("Effekt och vinster", gains),
        c.section(
            "Jämställdhetsanalys",
            [
                *c.text_blocks(texts.get("gender")),
                *activity_parts.gender_blocks(project, published=published),
            ],
        ),
        c.section("Lärdomar", c.text_blocks(project.lessons)),
        c.section("Efter projektet", after),
        c.section("Underskrifter", signatures(texts.get("signatures", ""))),
        c.section("Bilagor", attachments(texts.get("attachments", ""))),
    ]
    technical = result_parts.calculation_blocks(project)
    if technical:
        doc.sections.append(c.section(APPENDIX_HEADING, technical))
    return doc
