"""The portfolio report's project tables (issue 16): the projects per state with sums; every
project row by row for a fund of at most PRINTED_PROJECTS projects; for a bigger fund, row by row
only the projects the fund has put money into (the PRINTED_PROJECTS largest grants) and the list
of every project as an XLSX-only sheet, which the printed report names. WeasyPrint's time grows
with the rows printed (331 rows: 11 pages, 5–9 s), a committee reads the sums and the funded
projects, and the spreadsheet is where a long list is worked with."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import F

from sif.reports import content as c
from sif.reports.content import Block, Paragraph, Table
from sif.web.documents.portfolio_selectors import (
    STATE_ORDER,
    Filters,
    ProjectRow,
    StateRow,
    funded,
    project_rows,
    projects_shown,
)
from sif.web.projects.models import Fund

PRINTED_PROJECTS = 40  # projects printed row by row; every project is in the XLSX


PROJECT_HEADER = [
    "Projekt",
    "Ansvarig enhet",
    "Status",
    "Period",
    "Sökt",
    "Beviljat",
    "Utbetalt",
    "Återbetalt",
]
PROJECT_ALIGN: list[c.Align] = ["left"] * 4 + ["right"] * 4


def project_blocks(
    fund: Fund, filters: Filters, states: list[StateRow], total: StateRow
) -> list[Block]:
    """Per state with sums; then, for a fund of at most PRINTED_PROJECTS projects, every project
    row by row as before. A bigger fund prints row by row only the projects it has put money into
    (the PRINTED_PROJECTS largest grants, in the lifecycle's order), says so, and keeps the list
    of every project for the XLSX."""
    every = project_rows(fund, projects_shown(fund, filters))
    if total.count <= PRINTED_PROJECTS:
        return [
            _state_table(states, total),
            _projects_table("Projekt i fonden (tkr)", every, "Projekt"),
        ]
    chosen = list(
        funded(fund, filters).order_by(F("granted").desc(nulls_last=True), "title", "pk")[
            : PRINTED_PROJECTS + 1
        ]
    )
    more = len(chosen) > PRINTED_PROJECTS
    chosen = sorted(
        chosen[:PRINTED_PROJECTS], key=lambda p: (STATE_ORDER.get(p.state, 99), p.title, p.pk)
    )
    if more:
        lead = f"Tabellen visar de {PRINTED_PROJECTS} projekt som fått störst beviljat belopp ur fonden."
    elif chosen:
        lead = "Tabellen visar varje projekt som fonden har beviljat eller betalat ut medel till."
    else:
        lead = "Fonden har ännu inte beviljat eller betalat ut medel till något av projekten."
    blocks: list[Block] = [
        _state_table(states, total),
        Paragraph(
            f"{lead} Förteckningen över alla {total.count} projekt, ett per rad med samma belopp, "
            "finns i tabellfilen (XLSX) på bladet Projekt.",
            "note",
        ),
    ]
    if chosen:
        blocks.append(
            _projects_table(
                "Projekt med medel ur fonden (tkr)",
                project_rows(fund, chosen),
                "Med medel",
                total=False,
            )
        )
    blocks.append(_projects_table("Alla projekt i fonden (tkr)", every, "Projekt", sheet_only=True))
    return blocks


def _state_table(states: list[StateRow], total: StateRow) -> Table:
    def row(r: StateRow) -> list[c.Cell]:
        a = r.amounts
        return [
            c.text_cell(r.label),
            c.count_cell(r.count),
            *[c.tkr_cell(v) for v in (a.sought, a.granted, a.disbursed, a.repaid)],
        ]

    return Table(
        "Projekt per status (tkr)",
        ["Status", "Antal", "Sökt", "Beviljat", "Utbetalt", "Återbetalt"],
        [row(r) for r in states] + [row(total)],
        align=["left"] + ["right"] * 5,
        widths=[30, 10, 15, 15, 15, 15],
        total_rows=1,
        sheet="Per status",
    )


def _projects_table(
    title: str, rows_: list[ProjectRow], sheet: str, total: bool = True, sheet_only: bool = False
) -> Table:
    rows, sums = [], [Decimal(0)] * 4
    for r in rows_:
        p, a = r.project, r.amounts
        figures = [a.sought, a.granted, a.disbursed, a.repaid]
        rows.append(
            [
                c.text_cell(p.title),
                c.text_cell(p.owner_unit.name),
                c.text_cell(p.get_state_display()),
                c.text_cell(r.period),
                *[c.tkr_cell(v) for v in figures],
            ]
        )
        sums = [s + (v or 0) for s, v in zip(sums, figures, strict=True)]
    if total:
        rows.append(
            [
                c.text_cell("Totalt"),
                c.text_cell(""),
                c.text_cell(""),
                c.text_cell(""),
                *[c.tkr_cell(s) for s in sums],
            ]
        )
    return Table(
        title,
        list(PROJECT_HEADER),
        rows,
        align=list(PROJECT_ALIGN),
        total_rows=1 if total else 0,
        sheet=sheet,
        sheet_only=sheet_only,
    )
