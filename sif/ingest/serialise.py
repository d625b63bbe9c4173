"""Drafts as plain JSON-ready dicts: dates ISO, kronor as numbers, each value with its line."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sif.ingest.model import (
    Amount,
    Budget,
    Contact,
    Draft,
    Extracted,
    Figure,
    Indicator,
    Notice,
    Period,
    Section,
)
from sif.ingest.result import IngestResult


def result_to_dict(result: IngestResult) -> dict[str, Any]:
    if result.draft is None:
        error = result.error
        return {
            "file": result.file,
            "ok": False,
            "kind": None,
            "error": {"code": error.code, "params": error.params, "message": error.message}
            if error
            else None,
        }
    return {
        "file": result.file,
        "ok": True,
        "format": result.format,
        **draft_to_dict(result.draft),
        "pages": _pages(result),
    }


def _pages(result: IngestResult) -> list[dict[str, int]]:
    """A PDF's pages as line ranges, so every "line" above can be traced to its page."""
    pages: list[dict[str, int]] = []
    for line in result.lines:
        if line.page is None:
            continue
        if pages and pages[-1]["page"] == line.page:
            pages[-1]["last_line"] = line.number
        else:
            pages.append({"page": line.page, "first_line": line.number, "last_line": line.number})
    return pages


def draft_to_dict(draft: Draft) -> dict[str, Any]:
    org = draft.organisation
    return {
        "kind": draft.kind,
        "action": draft.action,
        "title": _value(draft.title),
        "title_line": _line(draft.title),
        "date": draft.date.value.isoformat() if draft.date else None,
        "date_line": _line(draft.date),
        "registration_number": _value(draft.registration_number),
        "registration_number_line": _line(draft.registration_number),
        "organisation": {
            "municipality": _value(org.municipality),
            "committee": _value(org.committee),
            "administration": _value(org.administration),
            "department": _value(org.department),
            "lines": {k: _line(v) for k, v in vars(org).items() if v is not None},
        },
        "period": _period(draft.period),
        "decision_body": _value(draft.decision_body),
        "decision_body_line": _line(draft.decision_body),
        "decision_paragraph": _value(draft.decision_paragraph),
        "decision_paragraph_line": _line(draft.decision_paragraph),
        "target_group_text": _value(draft.target_group_text),
        "target_group_text_line": _line(draft.target_group_text),
        "amounts": [_amount(a) for a in draft.amounts],
        "budget": _budget(draft.budget),
        "contacts": [_contact(c) for c in draft.contacts],
        "figures": [_figure(f) for f in draft.figures],
        "target_group": [_figure(f) for f in draft.target_group],
        "units": [{"name": u.value, "line": u.line_no} for u in draft.units],
        "goals": {
            "short_term": [_text(g) for g in draft.goals.short_term],
            "long_term": [_text(g) for g in draft.goals.long_term],
        },
        "indicators": [_indicator(i) for i in draft.indicators],
        "decisions": [_text(d) for d in draft.decisions],
        "lessons": [_text(lesson) for lesson in draft.lessons],
        "sections": [_section(s) for s in draft.sections],
        "proposals": [
            {
                "title": p.title,
                "description": p.description,
                "synpunkter": p.synpunkter,
                "line": p.line,
            }
            for p in draft.proposals
        ],
        "warnings": [_notice(n) for n in draft.warnings],
        "unread": [_notice(n) for n in draft.unread],
    }


def kronor(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _value(extracted: Extracted[str] | None) -> str | None:
    return extracted.value if extracted else None


def _line(extracted: Extracted[Any] | None) -> int | None:
    return extracted.line_no if extracted else None


def _text(extracted: Extracted[str]) -> dict[str, Any]:
    return {"text": extracted.value, "line": extracted.line_no}


def _period(extracted: Extracted[Period] | None) -> dict[str, Any] | None:
    if extracted is None:
        return None
    period = extracted.value
    return {
        "start": period.iso(period.start),
        "end": period.iso(period.end),
        "precision": period.precision,
        "line": extracted.line_no,
        "source": extracted.source_text,
    }


def _amount(extracted: Extracted[Amount]) -> dict[str, Any]:
    amount = extracted.value
    data: dict[str, Any] = {
        "value_kr": kronor(amount.value_kr),
        "role": amount.role,
        "kind": amount.kind,
        "text": amount.text,
        "line": extracted.line_no,
    }
    optional = {
        "max_kr": kronor(amount.max_kr),
        "year": amount.year,
        "per": amount.per,
        "when": amount.when,
        "fund": amount.fund,
        "continued_line": amount.continued_line,
    }
    data.update({k: v for k, v in optional.items() if v is not None})
    return data


def _budget(budget: Budget | None) -> dict[str, Any] | None:
    if budget is None:
        return None
    return {
        "unit": budget.unit,
        "years": list(budget.years),
        "line": budget.line,
        "rows": [
            {
                "label": row.label,
                "footnote_markers": row.markers,
                "line": row.line,
                "cells": {str(c.year): kronor(c.value_kr) for c in row.cells},
                "total_kr": kronor(row.total_kr),
                "typed_total_kr": kronor(row.typed_total_kr),
            }
            for row in budget.rows
        ],
        "column_totals_kr": {str(y): kronor(budget.column_total_kr(y)) for y in budget.years},
        "typed_column_totals_kr": {
            str(y): kronor(v) for y, v in budget.typed_column_totals_kr.items()
        },
        "grand_total_kr": kronor(budget.grand_total_kr),
        "typed_grand_total_kr": kronor(budget.typed_grand_total_kr),
        "footnotes": [
            {"marker": f.marker, "text": f.text, "line": f.line} for f in budget.footnotes
        ],
    }


def _contact(extracted: Extracted[Contact]) -> dict[str, Any]:
    c = extracted.value
    return {
        "name": c.name,
        "title": c.title,
        "email": c.email,
        "phone": c.phone,
        "role": c.role,
        "line": extracted.line_no,
    }


def _figure(extracted: Extracted[Figure]) -> dict[str, Any]:
    f = extracted.value
    return {
        "value": kronor(f.value),
        "unit": f.unit,
        "noun": f.noun,
        "text": f.text,
        "segment": f.segment,
        "line": extracted.line_no,
    }


def _indicator(extracted: Extracted[Indicator]) -> dict[str, Any]:
    i = extracted.value
    return {
        "name": i.name,
        "method": i.method,
        "segment": i.segment,
        "note": i.note,
        "line": extracted.line_no,
    }


def _section(extracted: Extracted[Section]) -> dict[str, Any]:
    s = extracted.value
    return {
        "heading": s.heading,
        "code": s.code,
        "line": extracted.line_no,
        "last_line": s.last_line,
    }


def _notice(notice: Notice) -> dict[str, Any]:
    return {
        "code": notice.code,
        "line": notice.line_no or None,
        "params": notice.params,
        "message": notice.message(),
    }


def iso(value: date) -> str:
    return value.isoformat()
