"""How documents write dates, periods, money, lists, the repayment and the example notes.

One wording for every document (committee paper, report, offer, portfolio), so the same fact
reads the same in each of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from sif.reports.content import Block, Paragraph
from sif.web.core.money import format_kr
from sif.web.projects.models import Project


def date_text(value: date | None, precision: str = "day") -> str:
    if value is None:
        return ""
    if precision == "month":
        months = [
            "januari",
            "februari",
            "mars",
            "april",
            "maj",
            "juni",
            "juli",
            "augusti",
            "september",
            "oktober",
            "november",
            "december",
        ]
        return f"{months[value.month - 1]} {value.year}"
    if precision == "year":
        return str(value.year)
    return value.isoformat()


def period_text(project: Project) -> str:
    if project.start_date is None and project.end_date is None:
        return ""
    left = project.start_date.isoformat() if project.start_date else "…"
    right = project.end_date.isoformat() if project.end_date else "…"
    return f"{left} \u2013 {right}"


def example_blocks(project: Project) -> list[Block]:
    """The demo's or an import's note on which figures are examples, shown wherever they are."""
    return [Paragraph(project.example_note, "example")] if project.example_note else []


def repayment_text(project: Project) -> str:
    rule = (
        project.get_repayment_rule_display()
        if project.repayment_rule
        else project.fund.get_repayment_rule_display()
    )
    note = project.repayment_note or ("" if project.repayment_rule else project.fund.repayment_note)
    return f"Återbetalning: {rule}." + (f" {note}" if note else "")


def sources_list(project: Project) -> list[str]:
    return [
        f"{d.original_name}" + (f" ({d.kind})" if d.kind else "")
        for d in project.source_documents.order_by("uploaded_at", "pk")
    ]


def money(amount: Decimal | None) -> str:
    return format_kr(amount) if amount is not None else ""


def noun_list(items: Sequence[Any]) -> str:
    names = [str(i) for i in items]
    return ", ".join(names[:-1]) + f" och {names[-1]}" if len(names) > 1 else "".join(names)
