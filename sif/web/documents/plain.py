"""The plain-language calculation (sif/reports/plain.py) for a project's latest calculation: the
blocks the committee paper and the final report show, and the paragraph and chart the
calculation page includes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sif.calc.errors import SifError
from sif.reports.calc_charts import cost_and_gains_svg
from sif.reports.content import Block, Figure, Paragraph, Subheading
from sif.reports.figures import ChartCall
from sif.reports.plain import PlainCalculation, plain_calculation
from sif.web.calculations.models import Purpose
from sif.web.calculations.selectors import calculation_current
from sif.web.projects.models import Project

HEADING = "Kalkylen i korthet"
CHART_TITLE = "Vem vinner hur mycket: nuvärde av kostnaden och av vinsterna per aktör"
PURPOSE_ORDER = (Purpose.REALISED, Purpose.DECISION, Purpose.EXPECTED)
PURPOSE_WORDS = {
    Purpose.EXPECTED: "ansökans kalkyl",
    Purpose.DECISION: "beslutsunderlagets kalkyl",
    Purpose.REALISED: "uppföljningens kalkyl",
}


@dataclass(frozen=True)
class PlainView:
    purpose: str
    version: int
    plain: PlainCalculation
    svg: str

    @property
    def intro(self) -> str:
        return f"Enligt {PURPOSE_WORDS.get(self.purpose, 'kalkylen')} (version {self.version}):"


def plain_view(
    scenario_data: dict[str, Any], purpose: str = "", version: int = 0, *, chart: bool = True
) -> PlainView | None:
    from sif.web.calculations import present

    try:
        scenario, result, bars = present.evaluated(scenario_data)
    except (SifError, ValueError, KeyError, TypeError):
        return None
    plain = plain_calculation(
        scenario, result, bars, lambda path: present.input_label(scenario, path)
    )
    svg = (
        cost_and_gains_svg(
            CHART_TITLE, plain.cost, [a for a, _ in plain.gains], [v for _, v in plain.gains]
        )
        if chart
        else ""
    )
    return PlainView(purpose, version, plain, svg)


def project_plain_view(
    project: Project, purposes: tuple[str, ...] = PURPOSE_ORDER, *, chart: bool = True
) -> PlainView | None:
    for purpose in purposes:
        calculation = calculation_current(project, purpose)
        if calculation is not None and isinstance(calculation.scenario, dict):
            return plain_view(calculation.scenario, purpose, calculation.version, chart=chart)
    return None


def plain_blocks(project: Project, purposes: tuple[str, ...] = PURPOSE_ORDER) -> list[Block]:
    view = project_plain_view(project, purposes, chart=False)
    if view is None:
        return []
    plain = view.plain
    chart = ChartCall.of(
        cost_and_gains_svg,
        CHART_TITLE,
        plain.cost,
        [a for a, _ in plain.gains],
        [v for _, v in plain.gains],
    )
    return [
        Subheading(HEADING),
        Paragraph(f"{view.intro} {view.plain.text}"),
        Figure(CHART_TITLE, chart=chart),
    ]
