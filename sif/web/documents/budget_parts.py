"""The budget table and the decisions (with the granted total) as content blocks.

The money parts of a document: what the budget holds, what was decided and the total granted.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from sif.reports import content as c
from sif.reports.content import Block, Table
from sif.web.documents.document_wording import date_text
from sif.web.projects.models import Decision, DecisionKind, Project
from sif.web.projects.selectors import budget_table


def budget_blocks(project: Project, *, summary: bool = False) -> list[Block]:
    table = budget_table(project)
    if table.is_empty:
        return []
    lines = [c.BudgetLine(r.label, r.marker, r.amounts, r.total) for r in table.rows]
    blocks: list[Block] = [
        c.budget_table(table.years, lines, table.year_totals, table.grand_total, table.footnotes)
    ]
    if summary:
        blocks.extend(c.budget_summary(table.years, table.year_totals, table.grand_total))
    return blocks


def decisions_of(project: Project) -> list[Decision]:
    return list(project.decisions.order_by("created_at", "pk"))


def decisions_table(decisions: Sequence[Decision]) -> Table | None:
    if not decisions:
        return None
    rows = [
        [
            c.text_cell(d.get_kind_display()),
            c.text_cell(d.body),
            c.text_cell(date_text(d.decided_on, d.date_precision) or "–"),
            c.text_cell(d.paragraph or "–"),
            c.text_cell(
                "–" if d.kind == DecisionKind.CLOSING else ("beviljat" if d.granted else "avslag")
            ),
            c.kr_cell(d.granted_amount),
        ]
        for d in decisions
    ]
    return Table(
        "Beslut",
        ["Beslut", "Beslutande organ", "Datum", "§", "Utfall", "Beviljat belopp"],
        rows,
        sheet="Beslut",
    )


def granted_total(decisions: Sequence[Decision]) -> Decimal | None:
    granted = [
        d
        for d in decisions
        if d.kind == DecisionKind.GRANT and d.granted and d.granted_amount is not None
    ]
    return granted[-1].granted_amount if granted else None
