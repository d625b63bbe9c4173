"""Drafts of the handläggare's texts, prefilled from the data: the addressee and the decision
sentence from the decisions, the application and the fund; the summary from the project's text
(whole sentences only) and the follow-up; background from purpose, goals and target group;
Bilagor from the documents SIF writes and the source documents under their names. A draft is a
starting point: the handläggare edits it and saves it as the document's texts."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from django.utils import timezone

from sif.policy.states import FINAL_REPORT_STATES
from sif.web.accounts.models import UnitKind
from sif.web.documents import fields
from sif.web.documents.selectors import document_text_current
from sif.web.followup import selectors as fu
from sif.web.projects.models import Decision, DecisionKind, Project

SENTENCE_END = re.compile(r"[.!?…:](?:[\"”’)]*)\s*$")
MACHINE_NAME = re.compile(
    r"^\d{3}_[0-9a-f]{8,}$", re.IGNORECASE
)  # an upload's stored name, not a title
ADMINISTRATIONS = {UnitKind.ADMINISTRATION, UnitKind.DISTRICT_ADMINISTRATION}
REPORTED = FINAL_REPORT_STATES


def texts_for(project: Project, kind: str) -> dict[str, str]:
    """The saved texts of the latest version, or the draft when nobody has saved any."""
    saved = document_text_current(project, kind)
    if saved is not None:
        return {code: str(saved.texts.get(code, "")) for code in fields.codes(kind)}
    return draft(project, kind)


def draft(project: Project, kind: str) -> dict[str, str]:
    decisions = list(project.decisions.order_by("created_at", "pk"))
    closing = next((d for d in reversed(decisions) if d.kind == DecisionKind.CLOSING), None)
    grant = next((d for d in reversed(decisions) if d.kind == DecisionKind.GRANT), None)
    reported = project.state in REPORTED or closing is not None
    officer = _officer(project)
    administration, department = _administration(project)
    deciding = closing or grant
    recipient = deciding.body if deciding else committee_of(administration)
    dated = deciding.decided_on if deciding and deciding.decided_on else timezone.localdate()
    texts = {
        "administration": administration,
        "department": department,
        "officer": officer.name if officer else "",
        "phone": officer.phone if officer else "",
        "date": dated.isoformat(),
        "registration_number": project.registration_number,
        "recipient": recipient,
        "lead": _lead(project, reported),
        "proposal": _proposal(project, recipient, closing, grant, reported),
        "signatures": _signatures(project),
        "summary": _summary(project, reported),
        "background": _background(project),
        "preparation": _preparation(project),
        "implementation": _implementation(project),
        "gender": _gender(project),
        "views": _views(project, reported),
        "attachments": "\n".join(_attachments(project, reported)),
    }
    return {code: texts.get(code, "") for code in fields.codes(kind)}


def committee_of(unit_name: str) -> str:
    """The committee (nämnd) above a förvaltning, by Swedish naming: "Socialförvaltningen" ->
    "Socialnämnden", "Hässelby-Vällingby stadsdelsförvaltning" -> "Hässelby-Vällingby
    stadsdelsnämnd"; a name that is no förvaltning stays as it is."""
    for tail, committee in (("förvaltningen", "nämnden"), ("förvaltning", "nämnd")):
        if unit_name.endswith(tail):
            return unit_name[: -len(tail)] + committee
    return unit_name


def _administration(project: Project) -> tuple[str, str]:
    """The förvaltning (the owner unit or the nearest unit above it of that kind) and, when the
    owner unit lies below it, the owner unit as the avdelning."""
    unit = project.owner_unit
    seen = 0
    while unit is not None and seen < 10:
        if unit.kind in ADMINISTRATIONS:
            return unit.name, ("" if unit.pk == project.owner_unit_id else project.owner_unit.name)
        unit, seen = unit.parent, seen + 1
    return project.owner_unit.name, ""


def whole_sentences(text: str) -> str:
    """The text up to its last complete sentence: a paragraph cut off mid-sentence (a page break
    in an imported document) ends where its last sentence ended."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text or "") if p.strip()]
    kept = []
    for paragraph in paragraphs:
        if SENTENCE_END.search(paragraph):
            kept.append(paragraph)
            continue
        ends = [m.end() for m in re.finditer(r"[.!?…](?:[\"”’)]*)\s", paragraph + " ")]
        if ends:
            kept.append(paragraph[: ends[-1]].strip())
        break
    return "\n\n".join(kept)


def _officer(project: Project) -> Any:
    contacts = list(project.contacts.all())
    return next((c for c in contacts if c.title.lower() == "handläggare"), None) or (
        contacts[0] if contacts else None
    )


def _name(project: Project) -> str:
    return f"{project.title} ({project.short_name})" if project.short_name else project.title


def _years(project: Project) -> str:
    if project.start_date and project.end_date:
        return f"{project.start_date.year}–{project.end_date.year}"
    return ""


def _lead(project: Project, reported: bool) -> str:
    years = f" {_years(project)}" if _years(project) else ""
    if reported:
        return f"Slutrapportering av projektet {_name(project)}{years}, som finansierades ur {project.fund.name}."
    return f"Ansökan om medel ur {project.fund.name} för projektet {_name(project)}{years}."


def _proposal(
    project: Project,
    recipient: str,
    closing: Decision | None,
    grant: Decision | None,
    reported: bool,
) -> str:
    from sif.web.core.money import format_kr

    if closing is not None and closing.conditions.strip():
        return closing.conditions.strip()
    if reported:
        return f"1. {recipient} godkänner slutrapporten för {_name(project)}."
    if grant is not None and grant.granted and grant.granted_amount is not None:
        return f"1. {grant.body} beviljar {format_kr(grant.granted_amount)} ur {project.fund.name} till projektet {project.title}."
    amount = f" om {format_kr(project.sought_amount)}" if project.sought_amount is not None else ""
    years = f" {_years(project)}" if _years(project) else ""
    return f"1. {recipient} godkänner ansökan till {project.fund.name}{amount} för projektet {project.title}{years}."


def _signatures(project: Project) -> str:
    chiefs = [
        c for c in project.contacts.all() if re.search(r"chef|direktör", c.title, re.IGNORECASE)
    ]
    return "\n".join(f"{c.name}, {c.title}" for c in chiefs)


def _summary(project: Project, reported: bool) -> str:
    """The project's description in whole sentences; a reported project without one gets what the
    follow-up counted (the final report's Genomförande gives the counts in any case)."""
    text = whole_sentences(project.summary)
    if reported and not text:
        return _activity_sentence(project)
    return text


def _activity_sentence(project: Project) -> str:
    from sif.web.core.money import group_thousands

    parts = []
    for row in fu.activity_rows(project):
        if row.total is None:
            continue
        qualifier = {"over": "drygt ", "about": "ca "}.get(row.qualifier, "")
        parts.append(
            f"{row.activity.label.lower()}: {qualifier}{group_thousands(Decimal(row.total))} ({row.period.label})"
        )
    return f"Uppföljningen redovisar {', '.join(parts)}." if parts else ""


def _background(project: Project) -> str:
    parts = [
        text for text in (project.purpose, project.goals, project.target_group) if text.strip()
    ]
    units = [u.name for u in project.units.order_by("name")]
    if units:
        parts.append(f"Deltagande enheter: {', '.join(units)}.")
    return "\n\n".join(p.strip() for p in parts)


def _preparation(project: Project) -> str:
    lines = []
    for a in project.applications.select_related("form").order_by("submitted_at", "pk"):
        lines.append(
            f"{a.form.title} (steg {a.step}) lämnades in {a.submitted_at.date().isoformat()}."
        )
    for r in project.reviews.order_by("created_at", "pk"):
        who = (
            r.reviewer_name or (r.reviewer.get_full_name() if r.reviewer else "") or "En granskare"
        )
        lines.append(f"{who} har lämnat synpunkter ({r.get_recommendation_display()}).")
    return " ".join(lines)


def _implementation(project: Project) -> str:
    units = [u.name for u in project.units.order_by("name")]
    parts = []
    if units:
        parts.append(
            f"Arbetet har bedrivits av {', '.join(units[:-1]) + ' och ' + units[-1] if len(units) > 1 else units[0]}."
        )
    facts = _activity_sentence(project)
    if facts:
        parts.append(facts)
    return " ".join(parts)


def _gender(project: Project) -> str:
    if not fu.gender_blocks(project) and not any(
        a.women is not None for a in fu.activity_rows(project)
    ):
        return ""
    return "Deltagandet efter kön redovisas i tabellerna nedan."


def _views(project: Project, reported: bool) -> str:
    if reported:
        return f"Förvaltningen föreslår att nämnden godkänner slutrapporten för {_name(project)}."
    return f"Förvaltningen föreslår att nämnden godkänner ansökan till {project.fund.name} för projektet {project.title}."


def _attachments(project: Project, reported: bool) -> list[str]:
    own = f"Slutrapport – {_name(project)}" if reported else f"Ansökan – {project.title}"
    sources = [
        title
        for d in project.source_documents.order_by("uploaded_at", "pk")
        if (title := source_title(d.original_name))
    ]
    return [own, *sources]


def source_title(file_name: str) -> str:
    """A source document's name as a reader knows it: without the extension, and nothing for a
    stored upload name (a number and a hash)."""
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", file_name.strip())
    return "" if MACHINE_NAME.match(stem) else stem.replace("_", " ")
