"""Lines -> Draft: decide the kind, run every extractor, then compare what should agree."""

from __future__ import annotations

import re

from sif.ingest.amounts import find_form_amounts, find_text_amounts, find_unclear, once
from sif.ingest.budget import find_budget
from sif.ingest.contacts import find_contacts
from sif.ingest.figures import find_figures
from sif.ingest.forms import content, form_fields
from sif.ingest.limits import check_time
from sif.ingest.model import KIND_ACTIONS, Draft, Extracted, Figure, Line, Notice, Section
from sif.ingest.organisation import find_organisation
from sif.ingest.proposals import find_proposals
from sif.ingest.recognise.checks import cross_checks
from sif.ingest.recognise.classify import classify
from sif.ingest.recognise.header import decision_body, decision_paragraph, target_group_text
from sif.ingest.recognise.headline import (
    find_date,
    find_document_period,
    find_registration,
    find_title,
)
from sif.ingest.structure import (
    find_decisions,
    find_goals,
    find_indicators,
    find_lessons,
    find_sections,
    find_units,
)
from sif.ingest.text import clean

PLACEHOLDER_RE = re.compile(r"^\[[^\]]+\](?:\s*\[[^\]]+\])*$|/Mån\b|\bden dag\b.*\bÅr\b")
EXPECTED_FIELDS = {
    "decision": ("title", "date", "decision_body"),
    "guidelines": ("title",),
    "referral_response": ("title", "date", "organisation"),
    "interim_report": ("title", "organisation"),
    "final_report": ("title", "organisation"),
    "evaluation": ("title",),
    "application_full": ("title", "period", "organisation", "contacts", "budget"),
    "application_short": ("title", "period", "organisation", "contacts", "sought"),
    "committee_paper": ("title", "date", "organisation"),
    "report": ("title", "organisation"),
    "proposal_list": ("title", "proposals"),
    "other": (),
}


def recognise(lines: list[Line]) -> Draft:
    budget, budget_warnings, budget_unread = find_budget(lines)
    kind = classify(lines, budget)
    fields = form_fields(lines)
    title = find_title(lines, kind, fields)
    check_time()
    sections = find_sections(lines, after=title.line_no if title else 0)
    units, unit_warnings = find_units(lines)
    check_time()
    figures = find_figures(lines)
    check_time()
    amounts = once(find_text_amounts(lines) + find_form_amounts(lines))
    check_time()
    draft = Draft(
        kind=kind,
        title=title,
        date=find_date(lines, fields),
        registration_number=find_registration(lines),
        organisation=find_organisation(lines, fields),
        contacts=tuple(find_contacts(lines, fields)),
        period=None if kind == "proposal_list" else find_document_period(lines, fields),
        amounts=tuple(amounts),
        budget=budget,
        figures=tuple(figures),
        target_group=tuple(_target_group(figures, sections)),
        units=tuple(units),
        goals=find_goals(lines),
        indicators=tuple(find_indicators(lines)),
        decisions=tuple(find_decisions(lines)),
        lessons=tuple(find_lessons(lines)),
        sections=tuple(sections),
        proposals=tuple(find_proposals(lines)) if kind == "proposal_list" else (),
        decision_body=decision_body(lines) if KIND_ACTIONS[kind] == "decision" else None,
        decision_paragraph=decision_paragraph(lines),
        target_group_text=target_group_text(lines),
    )
    warnings = [*budget_warnings, *unit_warnings, *cross_checks(draft)]
    if kind == "other":
        warnings.append(Notice("kind_unknown", 0))
    unread = [*budget_unread, *find_unclear(lines), *_placeholders(lines), *_missing(draft)]
    return _with_notices(draft, warnings, unread)


def _target_group(
    figures: list[Extracted[Figure]], sections: list[Extracted[Section]]
) -> list[Extracted[Figure]]:
    spans = [
        (s.line_no, s.value.last_line) for s in sections if "målgrupp" in s.value.heading.lower()
    ]
    return [f for f in figures if any(a <= f.line_no <= b for a, b in spans)]


def _placeholders(lines: list[Line]) -> list[Notice]:
    return [
        Notice("placeholder_unfilled", line.number, {"text": clean(line.text)})
        for line in content(lines)
        if PLACEHOLDER_RE.search(clean(line.text))
    ]


def _missing(draft: Draft) -> list[Notice]:
    present = {
        "title": draft.title is not None,
        "date": draft.date is not None,
        "period": draft.period is not None,
        "organisation": any(vars(draft.organisation).values()),
        "contacts": any(c.value.role == "contact" for c in draft.contacts),
        "budget": draft.budget is not None,
        "sought": bool(draft.amounts_with_role("sought")),
        "proposals": bool(draft.proposals),
        "decision_body": draft.decision_body is not None,
    }
    return [
        Notice("field_not_found", 0, {"field": name})
        for name in EXPECTED_FIELDS[draft.kind]
        if not present[name]
    ]


def _with_notices(draft: Draft, warnings: list[Notice], unread: list[Notice]) -> Draft:
    from dataclasses import replace

    return replace(draft, warnings=tuple(warnings), unread=tuple(unread))
