"""The money in a project's documents, from the fund's ledger: actual costs (disbursements) per
year against the budget, and the repayment plan against the repayments booked."""

from __future__ import annotations

from decimal import Decimal

from sif.calc import ledger as rules
from sif.reports import content as c
from sif.reports.content import Block, Paragraph, Table
from sif.web.ledger.models import LedgerEntry
from sif.web.ledger.repayment import repayment_view
from sif.web.ledger.selectors import agreement_current, project_entries
from sif.web.projects.models import Project
from sif.web.projects.selectors import budget_table


def _entries(project: Project) -> list[LedgerEntry]:
    return project_entries(project)


def cost_blocks(project: Project, entries: list[LedgerEntry] | None = None) -> list[Block]:
    """Per year: the budget, what the fund disbursed (the project's actual cost to the fund) and
    the difference; a year with a disbursement and no budget line shows the budget as "–"."""
    entries = _entries(project) if entries is None else entries
    disbursed = rules.by_year([e.as_rule_entry() for e in entries], rules.DISBURSEMENT, project.pk)
    budget = budget_table(project)
    planned = (
        dict(zip(budget.years, budget.year_totals, strict=True)) if not budget.is_empty else {}
    )
    years = sorted(set(planned) | set(disbursed))
    if not disbursed:
        return (
            [
                Paragraph(
                    "Fondens huvudbok har inga utbetalningar till projektet, så faktiska kostnader kan inte ställas mot budgeten.",
                    "note",
                )
            ]
            if planned
            else []
        )
    rows = []
    for year in years:
        b, d = planned.get(year), disbursed.get(year, Decimal(0))
        rows.append(
            [
                c.text_cell(str(year)),
                c.kr_cell(b),
                c.kr_cell(d),
                c.kr_cell(d - b) if b is not None else c.text_cell("–"),
            ]
        )
    total_b = sum(planned.values(), Decimal(0)) if planned else None
    total_d = sum(disbursed.values(), Decimal(0))
    rows.append(
        [
            c.text_cell("Totalt"),
            c.kr_cell(total_b),
            c.kr_cell(total_d),
            c.kr_cell(total_d - total_b) if total_b is not None else c.text_cell("–"),
        ]
    )
    return [
        Table(
            "Faktiska kostnader (utbetalt ur fonden) mot budget",
            ["År", "Budget", "Utbetalt", "Skillnad"],
            rows,
            ["left", "right", "right", "right"],
            ["Utbetalt: fondens huvudbok, utbetalningar per bokföringsår."],
            total_rows=1,
            sheet="Kostnader mot budget",
        )
    ]


def repayment_blocks(project: Project, entries: list[LedgerEntry] | None = None) -> list[Block]:
    """The rule that applies, its source, and the planned repayment per year against what was paid."""
    entries = _entries(project) if entries is None else entries
    view = repayment_view(project, entries, agreement_current(project))
    note = (
        view.agreement.note
        if view.agreement and view.agreement.note
        else (
            project.repayment_note
            or (project.fund.repayment_note if not project.repayment_rule else "")
        )
    )
    blocks: list[Block] = [
        Paragraph(
            f"Återbetalning: {view.rule_label} ({view.source})." + (f" {note}" if note else "")
        )
    ]
    if view.error:
        blocks.append(Paragraph(view.error, "note"))
    if view.gains_note:
        blocks.append(Paragraph(view.gains_note, "note"))
    if view.rows:
        rows = [
            [
                c.text_cell(str(r.year)),
                c.kr_cell(r.planned),
                c.kr_cell(r.actual),
                c.kr_cell(r.remaining),
            ]
            for r in view.rows
        ]
        rows.append(
            [
                c.text_cell("Totalt"),
                c.kr_cell(view.planned_total),
                c.kr_cell(view.actual_total),
                c.text_cell(""),
            ]
        )
        blocks.append(
            Table(
                "Återbetalningsplan",
                ["År", "Planerat", "Återbetalt", "Kvar att betala"],
                rows,
                ["left", "right", "right", "right"],
                total_rows=1,
                sheet="Återbetalning",
            )
        )
    return blocks
