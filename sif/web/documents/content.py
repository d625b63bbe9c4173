"""The documents SIF produces, gathered from the models and selectors into format-neutral content
(sif/reports/content.py): the application (seed 002's sections), the committee paper
(tjänsteutlåtande, seed 001's eight sections), the final report and the fund's portfolio report.

Every figure comes from the data; a section with nothing to say says "Uppgift saknas". Demo
figures that are examples are marked "Exempeldata" (the project's example_note).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.utils import timezone

from sif.policy.states import FINAL_REPORT_STATES
from sif.reports import content as c
from sif.reports.content import Block, BulletList, Document, Paragraph, Section, Subheading, Table
from sif.web.documents import parts
from sif.web.projects.forms_schema import APPLICATION_FULL
from sif.web.projects.models import Application, DecisionKind, Fund, Project, ProjectState

KINDS = ("application", "committee_paper", "final_report", "portfolio")
STRUCTURED = {"budget", "contacts", "indicators"}
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


def _document(kind: str, project: Project, title: str, *, published: bool) -> Document:
    return Document(
        kind=kind,
        title=title,
        municipality=project.municipality.name,
        published=published,
        threshold=project.fund.suppression_threshold,
        filename=f"{kind}-{project.pk}",
    )


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
    doc = _document(
        "application", project, schema.get("title", APPLICATION_FULL["title"]), published=published
    )
    doc.subtitle = project.title
    doc.meta = [
        ("Ansökande verksamhet", project.owner_unit.name),
        ("Fond", project.fund.name),
        ("Period", parts.period_text(project) or c.MISSING),
        ("Sökt belopp", parts.money(project.sought_amount) or c.MISSING),
        ("Status", str(project.get_state_display())),
    ]
    if submitted:
        doc.meta.append(
            ("Inlämnad", f"{submitted.submitted_at.date().isoformat()} (steg {submitted.step})")
        )
    if project.registration_number:
        doc.meta.append(("Diarienummer", project.registration_number))
    example = parts.example_blocks(project)
    if example:
        doc.sections.append(Section("Om uppgifterna", example))
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
        return [*c.text_blocks(intro), *parts.budget_blocks(project, summary=True)] or [c.missing()]
    if kind == "contacts":
        contacts = [
            c.ContactLine(x.name, x.title, x.email, x.phone) for x in project.contacts.all()
        ]
        return [c.contacts_table(contacts)] if contacts else [c.missing()]
    if kind == "indicators":
        indicators = [parts.indicator_line(i) for i in project.indicators.all()]
        return [c.indicators_table(indicators)] if indicators else [c.missing()]
    if kind == "money":
        amount = project.sought_amount if project.sought_amount is not None else _decimal(answer)
        return [Paragraph(parts.money(amount))] if amount is not None else [c.missing()]
    if kind == "yesno":
        return [Paragraph("Ja" if answer else "Nej")] if answer in (True, False) else [c.missing()]
    if kind == "period" and not answer:
        return c.text_or_missing(parts.period_text(project))
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


# ---------------------------------------------------------------- the committee paper


def committee_paper(project: Project, *, published: bool = False) -> Document:
    """Tjänsteutlåtande: handläggare, till nämnd, date, title and seed 001's eight sections."""
    decisions = parts.decisions_of(project)
    closing = next((d for d in reversed(decisions) if d.kind == DecisionKind.CLOSING), None)
    grant = next((d for d in reversed(decisions) if d.kind == DecisionKind.GRANT), None)
    deciding = closing or grant
    final = project.state in FINAL_REPORT_STATES or closing is not None
    name = f"{project.title} {project.short_name}".strip() if project.short_name else project.title
    years = (
        f" {project.start_date.year}-{project.end_date.year}"
        if project.start_date and project.end_date
        else ""
    )
    title = (
        f"Slutrapport – {name}{years}"
        if final
        else f"Ansökan om medel ur {project.fund.name.lower()} – {name}"
    )
    doc = _document("committee_paper", project, title, published=published)
    doc.subtitle = "Tjänsteutlåtande"
    officer = (
        next((x for x in project.contacts.all() if x.title.lower() == "handläggare"), None)
        or project.contacts.first()
    )
    doc.meta = [
        (
            "Handläggare",
            f"{officer.name}" + (f", telefon {officer.phone}" if officer and officer.phone else "")
            if officer
            else c.MISSING,
        ),
        ("Till", deciding.body if deciding else c.MISSING),
        (
            "Datum",
            parts.date_text(deciding.decided_on, deciding.date_precision)
            if deciding and deciding.decided_on
            else c.MISSING,
        ),
        ("Ansvarig enhet", project.owner_unit.name),
    ]
    if project.registration_number:
        doc.meta.append(("Diarienummer", project.registration_number))
    proposal = _proposed_decision(project, closing, grant)
    background: list[Block] = []
    for label, text in (
        ("Syfte", project.purpose),
        ("Mål", project.goals),
        ("Målgrupp", project.target_group),
    ):
        if text:
            background += [Subheading(label), *c.text_blocks(text)]
    facts = []
    if parts.period_text(project):
        facts.append(f"Projektet pågår eller pågick {parts.period_text(project)}.")
    units = [u.name for u in project.units.order_by("name")]
    if units:
        facts.append(f"Deltagande enheter: {parts.noun_list(units)}.")
    if facts:
        background.append(Paragraph(" ".join(facts)))
    doc.sections = [
        c.section(COMMITTEE_HEADINGS[0], proposal),
        c.section(
            COMMITTEE_HEADINGS[1],
            [*parts.example_blocks(project), *c.text_blocks(project.summary)]
            if project.summary
            else [],
        ),
        c.section(COMMITTEE_HEADINGS[2], background),
        c.section(COMMITTEE_HEADINGS[3], _preparation(project)),
        c.section(COMMITTEE_HEADINGS[4], _matter(project, decisions, published)),
        c.section(COMMITTEE_HEADINGS[5], parts.gender_blocks(project)),
        c.section(COMMITTEE_HEADINGS[6], _views(project)),
        c.section(
            COMMITTEE_HEADINGS[7],
            [BulletList(parts.sources_list(project), numbered=True)]
            if parts.sources_list(project)
            else [],
        ),
    ]
    if not project.summary and project.example_note:
        doc.sections[1].blocks[:0] = parts.example_blocks(project)
    return doc


def _proposed_decision(project: Project, closing: Any, grant: Any) -> list[Block]:
    if closing is not None and closing.conditions.strip():
        return c.text_blocks(closing.conditions)
    if grant is not None:
        verb = "beviljar" if grant.granted else "avslår ansökan om"
        amount = (
            f" {parts.money(grant.granted_amount)}"
            if grant.granted and grant.granted_amount is not None
            else " medel"
        )
        text = f"{grant.body} {verb}{amount} ur {project.fund.name.lower()} till projektet {project.title}."
        return [
            BulletList(
                [text + (f" Villkor: {grant.conditions}" if grant.conditions else "")],
                numbered=True,
            )
        ]
    return []


def _preparation(project: Project) -> list[Block]:
    blocks: list[Block] = []
    apps = list(
        Application.objects.filter(project=project)
        .select_related("form")
        .order_by("submitted_at", "pk")
    )
    if apps:
        blocks.append(
            BulletList(
                [
                    f"{a.form.title}, steg {a.step}, inlämnad {a.submitted_at.date().isoformat()}"
                    for a in apps
                ]
            )
        )
    reviews = list(project.reviews.order_by("created_at", "pk"))
    for r in reviews:
        who = r.reviewer_name or (r.reviewer.get_full_name() if r.reviewer else "") or "Granskare"
        blocks.append(Subheading(f"Synpunkter: {who} ({r.get_recommendation_display()})"))
        blocks.extend(c.text_blocks(r.comments))
    return blocks


def _matter(project: Project, decisions: list[Any], published: bool) -> list[Block]:
    blocks: list[Block] = []
    overview = [
        ("Fond", project.fund.name),
        ("Ansvarig enhet", project.owner_unit.name),
        ("Period", parts.period_text(project)),
        ("Status", str(project.get_state_display())),
        ("Sökt belopp", parts.money(project.sought_amount)),
        ("Beviljat belopp", parts.money(parts.granted_total(decisions))),
    ]
    blocks.append(c.key_value_table("Projektet i korthet", overview, sheet="Projektet"))
    table = parts.decisions_table(decisions)
    if table:
        blocks.append(table)
    budget = parts.budget_blocks(project)
    if budget:
        blocks += [Subheading("Budget"), *budget]
    activities = parts.activity_table(project)
    followup = parts.followup_blocks(project, published=published)
    spider = parts.spider_blocks(project)
    if activities or followup or spider:
        blocks.append(Subheading("Uppföljning"))
        blocks += ([activities] if activities else []) + followup + spider
    if project.lessons.strip():
        blocks += [Subheading("Lärdomar"), *c.text_blocks(project.lessons)]
    return blocks


def _views(project: Project) -> list[Block]:
    blocks: list[Block] = list(parts.calculation_blocks(project))
    blocks += parts.effect_blocks(project)
    if blocks or project.repayment_rule or project.repayment_note:
        blocks.append(Paragraph(parts.repayment_text(project)))
    return blocks


# ---------------------------------------------------------------- the final report


def final_report(project: Project, *, published: bool = False) -> Document:
    """Slutrapport: goals, indicators with aggregates against baseline and target, effect,
    realised against expected gains, gender analysis and lessons."""
    name = f"{project.title} ({project.short_name})" if project.short_name else project.title
    doc = _document("final_report", project, f"Slutrapport – {name}", published=published)
    doc.subtitle = project.fund.name
    decisions = parts.decisions_of(project)
    doc.meta = [
        ("Ansvarig enhet", project.owner_unit.name),
        ("Period", parts.period_text(project) or c.MISSING),
        ("Beviljat belopp", parts.money(parts.granted_total(decisions)) or c.MISSING),
        ("Status", str(project.get_state_display())),
    ]
    implementation: list[Block] = []
    units = [u.name for u in project.units.order_by("name")]
    if units:
        implementation.append(Paragraph(f"Deltagande enheter: {parts.noun_list(units)}."))
    activities = parts.activity_table(project)
    if activities:
        implementation.append(activities)
    budget = parts.budget_blocks(project)
    indicators = [parts.indicator_line(i) for i in project.indicators.all()]
    results: list[Block] = [c.indicators_table(indicators)] if indicators else []
    results += parts.followup_blocks(project, published=published, per_unit=True)
    results += parts.spider_blocks(project)
    gains = parts.effect_blocks(project) + parts.calculation_blocks(project)
    closing = next((d for d in reversed(decisions) if d.kind == DecisionKind.CLOSING), None)
    after: list[Block] = []
    if project.closing_outcome:
        after.append(Paragraph(f"Utfall vid avslut: {project.get_closing_outcome_display()}."))
    if closing is not None and closing.conditions:
        after += [Subheading(f"Beslut, {closing.body}"), *c.text_blocks(closing.conditions)]
    if project.repayment_rule or project.repayment_note:
        after.append(Paragraph(parts.repayment_text(project)))
    doc.sections = [
        c.section(
            "Sammanfattning",
            [*parts.example_blocks(project), *c.text_blocks(project.summary)]
            if project.summary
            else parts.example_blocks(project),
        ),
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
        c.section("Ekonomi", [*budget, *([t] if (t := parts.decisions_table(decisions)) else [])]),
        c.section("Indikatorer och resultat", results),
        c.section("Effekt och vinster", gains),
        c.section("Jämställdhetsanalys", parts.gender_blocks(project)),
        c.section("Lärdomar", c.text_blocks(project.lessons)),
        c.section("Efter projektet", after),
    ]
    return doc


# ---------------------------------------------------------------- the portfolio


def portfolio(fund: Fund) -> Document:
    """Per fund: every project with state, period, sought and granted amounts, and sums per state.
    From the decisions (no ledger is read here)."""
    projects = list(
        fund.projects.select_related("owner_unit")
        .prefetch_related("decisions")
        .order_by("-start_date", "title", "pk")
    )
    doc = Document(
        kind="portfolio",
        title=f"Portföljrapport – {fund.name}",
        municipality=fund.municipality.name,
        threshold=fund.suppression_threshold,
        filename=f"portfolj-{fund.pk}",
    )
    doc.meta = [
        ("Fond", fund.name),
        ("Antal projekt", str(len(projects))),
        ("Utskriven", timezone.localdate().isoformat()),
    ]
    rows = []
    sums: dict[str, list[Any]] = {}
    for p in projects:
        granted = parts.granted_total(list(p.decisions.all()))
        rows.append(
            [
                c.text_cell(p.title),
                c.text_cell(p.owner_unit.name),
                c.text_cell(p.get_state_display()),
                c.text_cell(parts.period_text(p) or "–"),
                c.kr_cell(p.sought_amount),
                c.kr_cell(granted),
            ]
        )
        entry = sums.setdefault(p.state, [str(p.get_state_display()), 0, Decimal(0), Decimal(0)])
        entry[1] += 1
        entry[2] += p.sought_amount or 0
        entry[3] += granted or 0
    sought_all = sum((p.sought_amount or Decimal(0) for p in projects), Decimal(0))
    granted_all = sum((e[3] for e in sums.values()), Decimal(0))
    rows.append(
        [
            c.text_cell("Totalt"),
            c.text_cell(""),
            c.text_cell(""),
            c.text_cell(""),
            c.kr_cell(sought_all),
            c.kr_cell(granted_all),
        ]
    )
    doc.sections.append(
        c.section(
            "Projekt",
            [
                Table(
                    "Projekt i fonden",
                    [
                        "Projekt",
                        "Ansvarig enhet",
                        "Status",
                        "Period",
                        "Sökt belopp",
                        "Beviljat belopp",
                    ],
                    rows,
                    total_rows=1,
                    sheet="Projekt",
                )
            ]
            if projects
            else [],
        )
    )
    order = list(ProjectState.values)
    state_rows = [
        [c.text_cell(label), c.count_cell(n), c.kr_cell(s), c.kr_cell(g)]
        for state, (label, n, s, g) in sorted(sums.items(), key=lambda kv: order.index(kv[0]))
    ]
    state_rows.append(
        [
            c.text_cell("Totalt"),
            c.count_cell(len(projects)),
            c.kr_cell(sought_all),
            c.kr_cell(granted_all),
        ]
    )
    doc.sections.append(
        c.section(
            "Summor per status",
            [
                Table(
                    "Summor per status",
                    ["Status", "Antal projekt", "Sökt belopp", "Beviljat belopp"],
                    state_rows,
                    total_rows=1,
                    sheet="Per status",
                )
            ]
            if projects
            else [],
        )
    )
    doc.sections.append(
        c.section(
            "Om uppgifterna",
            [
                Paragraph(
                    "Beviljat belopp är det senaste beslutet om medel per projekt. Utbetalningar och återbetalningar (fondens huvudbok) ingår inte i rapporten.",
                    "note",
                )
            ],
        )
    )
    return doc


def project_document(kind: str, project: Project, *, published: bool = False) -> Document:
    builders = {
        "application": application,
        "committee_paper": committee_paper,
        "final_report": final_report,
    }
    return builders[kind](project, published=published)
