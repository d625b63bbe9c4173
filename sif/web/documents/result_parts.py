"""The socioeconomic result as content blocks: the calculation and the realised effects.

Read from sif/web/calculations and the follow-up's effects; kept apart from the follow-up parts
because it answers another question (what the project is worth, not what was measured).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sif.calc import format as fmt
from sif.calc.labels_sv import actor_label
from sif.reports import content as c
from sif.reports.content import Block, Cell, Paragraph, Subheading, Table
from sif.web.calculations.models import Purpose
from sif.web.calculations.selectors import calculation_current
from sif.web.documents.document_build import indicator_tables
from sif.web.documents.followup_parts import figure_text
from sif.web.projects.models import Project

PURPOSE_TITLES = {
    Purpose.EXPECTED: "Förväntade vinster (socioekonomisk kalkyl i ansökan)",
    Purpose.DECISION: "Beslutsunderlag (socioekonomisk kalkyl)",
    Purpose.REALISED: "Realiserade vinster (socioekonomisk kalkyl i uppföljningen)",
}


def calculation_blocks(project: Project) -> list[Block]:
    """The headline of each purpose's latest calculation (present value of costs and gains per
    actor, NPV, benefit per krona, payback, break-even), as the calculation page shows it."""
    from sif.web.calculations import present

    blocks: list[Block] = []
    for purpose in (Purpose.EXPECTED, Purpose.DECISION, Purpose.REALISED):
        calculation = calculation_current(project, purpose)
        if calculation is None or not isinstance(calculation.scenario, dict):
            continue
        try:
            page = present.page(calculation.scenario, charts=False)
        except Exception as error:  # noqa: BLE001 – a stored calculation that no longer parses is reported, not guessed
            blocks.append(
                Paragraph(
                    f"{PURPOSE_TITLES[purpose]}: kalkylen version {calculation.version} kan inte räknas ({error}).",
                    "note",
                )
            )
            continue
        rows = [[c.text_cell(line.label), _headline_cell(line, page)] for line in page.headline]
        settings = "; ".join(f"{s.label}: {s.value}" for s in page.settings)
        blocks.append(
            Table(
                f"{PURPOSE_TITLES[purpose]}, version {calculation.version}",
                ["Resultat", "Värde"],
                rows,
                ["left", "right"],
                [settings],
                sheet=f"Kalkyl {purpose}",
            )
        )
    return blocks


def _headline_cell(line: Any, page: Any) -> Cell:
    """A break-even counted in a share (the pilot: "andel av placeringskostnaderna") in percent,
    not as 0,0337."""
    from sif.reports.plain import share_outcome_text

    if line.key.startswith("break_even_successes") and page.scenario.outcomes:
        value = getattr(page.result, line.key, None)  # the social or the municipality's break-even
        shown = (
            share_outcome_text(value, page.scenario.outcomes[0].unit) if value is not None else ""
        )
        if shown:
            return c.text_cell(shown)
    return _line_cell(line)


def effect_blocks(project: Project, *, published: bool = False) -> list[Block]:
    """Effect per indicator (intervention against comparison group or baseline) and the realised
    against expected gains where the effect feeds the project's calculation. Published: an effect
    built on a suppressed count is not shown (sif.calc.suppression)."""
    from sif.web.followup import effects

    tables = indicator_tables(project, project.fund.suppression_threshold if published else None)
    blocks: list[Block] = []
    for card in effects.effect_cards(project, tables):
        name = card.table.indicator.name
        blocks.append(
            Subheading(
                f"{name}, {card.period_label}" + (" (exempeldata)" if card.is_example else "")
            )
        )
        if card.effect is not None:
            e = card.effect
            blocks.append(
                Paragraph(
                    f"Insatsgrupp {fmt.percent(e.rate_intervention)}, jämförelsegrupp {fmt.percent(e.rate_comparison)}: "
                    f"skillnad {fmt.percentage_points(e.difference)} (95 % konfidensintervall {fmt.percentage_points(e.ci_low)} "
                    f"till {fmt.percentage_points(e.ci_high)}; Fishers exakta test p = {fmt.p_value(e.fisher_p)})."
                )
            )
        elif card.baseline_difference is not None:
            blocks.append(
                Paragraph(
                    f"Skillnad mot baslinjen: {figure_text(card.baseline_difference, card.table.indicator.unit)}."
                )
            )
        if card.error:
            blocks.append(Paragraph(card.error, "note"))
        if card.gains_rows:
            rows = [
                [
                    c.text_cell(actor_label(g.actor)),
                    c.kr_cell(_dec(g.expected)),
                    c.kr_cell(_dec(g.realised)),
                ]
                for g in card.gains_rows
            ]
            rows.append(
                [
                    c.text_cell("Totalt"),
                    c.kr_cell(_dec(card.expected_total)),
                    c.kr_cell(_dec(card.realised_total)),
                ]
            )
            blocks.append(
                Table(
                    f"{name}: förväntade och realiserade vinster per år",
                    ["Aktör", "Förväntade", "Realiserade"],
                    rows,
                    ["left", "right", "right"],
                    total_rows=1,
                    sheet="Vinster",
                )
            )
            blocks.extend(Paragraph(w, "warning") for w in card.warnings)
            blocks.extend(Paragraph(line, "note") for line in card.formula)
    return blocks


def _line_cell(line: Any) -> Cell:
    """A calculation result as a number cell where it is one (kronor, share), so XLSX holds numbers."""
    if line.number is not None and line.kind == fmt.KRONOR:
        return c.kr_cell(_dec(line.number))
    if line.number is not None and line.kind == fmt.SHARE:
        return Cell(line.value, Decimal(str(line.number)), "percent")
    return c.text_cell(line.value)


def _dec(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(str(round(value)))
