"""Activity counts and the gender analysis as content blocks, small counts hidden.

Counts with their seed qualifiers ("drygt", "ca") and the parent and gender split share the cell
rule here (`_split_cell`), so a published document never shows a count below the threshold.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sif.reports import content as c
from sif.reports.content import Block, Cell, Table
from sif.web.followup import selectors as fu
from sif.web.projects.models import Project

QUALIFIER = {"over": "drygt", "about": "ca"}


def activity_table(project: Project, *, published: bool = False) -> Table | None:
    threshold = project.fund.suppression_threshold
    rows = []
    for a in fu.activity_rows(project, threshold=threshold if published else None):
        qualifier = QUALIFIER.get(a.qualifier, "")
        total = (
            c.suppressed_cell("count", threshold) if "total" in a.hidden else c.count_cell(a.total)
        )
        if qualifier and a.total is not None:
            total = Cell(f"{qualifier} {total.text}", total.value, "count")
        rows.append(
            [
                c.text_cell(a.activity.label),
                c.text_cell(a.period.label),
                total,
                _split_cell(a, "women", threshold),
                _split_cell(a, "men", threshold),
            ]
        )
    if not rows:
        return None
    return Table(
        "Aktiviteter",
        ["Aktivitet", "Period", "Antal", "Kvinnor", "Män"],
        rows,
        ["left", "left", "right", "right", "right"],
        sheet="Aktiviteter",
    )


def _split_cell(row: Any, part: str, threshold: int) -> Cell:
    value = getattr(row, part)
    if part in row.hidden:
        return c.suppressed_cell("count", threshold)
    return c.count_cell(value) if value is not None else c.text_cell("–")


def gender_blocks(project: Project, *, published: bool = False) -> list[Block]:
    """The gender analysis: shares with a mother / a father, and who came alone, from counts where
    the units gave them and the shares a source published; and activities split by women and men.
    Published: small counts and the shares built on them are hidden (sif.calc.suppression)."""
    threshold = project.fund.suppression_threshold
    limit = threshold if published else None
    blocks: list[Block] = []
    for g in fu.gender_blocks(project, threshold=limit):
        rows = []
        if g.hidden:
            rows.append(
                [
                    c.text_cell("Andelar efter förälder"),
                    c.suppressed_cell("percent", threshold),
                    c.text_cell(f"Dolda: bygger på färre än {threshold} observationer."),
                ]
            )
        if g.counted is not None:
            a = g.counted
            rows += [
                [
                    c.text_cell("En mamma deltog"),
                    c.percent_cell(a.share_with_mother),
                    c.text_cell(f"{a.with_mother} av {a.total}"),
                ],
                [
                    c.text_cell("En pappa deltog"),
                    c.percent_cell(a.share_with_father),
                    c.text_cell(f"{a.with_father} av {a.total}"),
                ],
                [
                    c.text_cell("Ensam deltagare var en mamma"),
                    c.percent_cell(a.single_share_mother),
                    c.text_cell(f"{a.single_mother} av {a.single_total}"),
                ],
                [
                    c.text_cell("Ensam deltagare var en pappa"),
                    c.percent_cell(a.single_share_father),
                    c.text_cell(f"{a.single_father} av {a.single_total}"),
                ],
            ]
        for s in g.published:
            label = str(s.get_measure_display())
            rows.append(
                [
                    c.text_cell(label[:1].upper() + label[1:]),
                    c.percent_cell(s.share, QUALIFIER.get(s.qualifier, "")),
                    c.text_cell(s.source),
                ]
            )
        title = f"{g.activity.label}, {g.period.label}" + (" (exempeldata)" if g.is_example else "")
        blocks.append(
            Table(
                title,
                ["Mått", "Andel", "Källa"],
                rows,
                ["left", "right", "left"],
                sheet="Jämställdhet",
            )
        )
    split = [
        a
        for a in fu.activity_rows(project, threshold=limit)
        if a.women is not None or a.men is not None or {"women", "men"} & a.hidden.keys()
    ]
    if split:
        rows = [
            [
                c.text_cell(a.activity.label),
                c.text_cell(a.period.label),
                _split_cell(a, "women", threshold),
                _split_cell(a, "men", threshold),
                c.percent_cell(Decimal(a.women) / (a.women + a.men))
                if a.women is not None and a.men is not None and (a.women + a.men)
                else (c.suppressed_cell("percent", threshold) if a.hidden else c.text_cell("–")),
            ]
            for a in split
        ]
        blocks.append(
            Table(
                "Deltagare efter kön",
                ["Aktivitet", "Period", "Kvinnor", "Män", "Andel kvinnor"],
                rows,
                sheet="Kön",
            )
        )
    return blocks
