"""Effect cards: intervention against comparison group (or baseline) per indicator, and what the
effect is worth through the project's socioeconomic model (sif.calc.effects, sif.calc.model)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from sif.calc.distributions import point
from sif.calc.effects import RiskDifference, extra_successes, realised_gains, risk_difference
from sif.calc.errors import SifError
from sif.calc.scenario import Outcome, Scenario
from sif.web.followup.selectors import Aggregate, IndicatorTable
from sif.web.projects.models import IndicatorUnit, Project

EXAMPLES_DIR = Path(__file__).resolve().parents[3] / "examples" / "calc"


@dataclass
class EffectCard:
    table: IndicatorTable
    period_label: str
    intervention: Aggregate
    comparison: Aggregate | None
    effect: RiskDifference | None = None
    baseline_difference: Decimal | None = None
    error: str = ""
    scenario_name: str = ""
    outcome_label: str = ""
    extra: float | None = None
    realised: dict[str, float] = field(default_factory=dict)
    expected: dict[str, float] = field(default_factory=dict)
    price_base_year: int | None = None

    @property
    def is_example(self) -> bool:
        return self.intervention.is_example or bool(self.comparison and self.comparison.is_example)

    @property
    def gains_rows(self) -> list[tuple[str, float | None, float | None]]:
        actors = sorted(set(self.realised) | set(self.expected))
        return [(a, self.expected.get(a), self.realised.get(a)) for a in actors]


def scenario_for(project: Project) -> Scenario | None:
    """The socioeconomic model of the application. Until projects store their calculation, the
    shipped case files (examples/calc) are matched by project name."""
    from sif.calc.casefile import load_case

    names = {project.title.casefold(), project.short_name.casefold()} - {""}
    for path in sorted(EXAMPLES_DIR.glob("*.toml")):
        try:
            case = load_case(path)
        except SifError:
            continue
        if case.scenario.name.split(" – ")[0].strip().casefold() in names or case.scenario.name.casefold() in names:
            return case.scenario
    return None


def _outcome(scenario: Scenario, indicator_name: str) -> Outcome | None:
    return scenario.outcomes[0] if len(scenario.outcomes) == 1 else None


def effect_cards(project: Project, tables: list[IndicatorTable]) -> list[EffectCard]:
    """One card per indicator whose latest period has an intervention figure and a comparison group
    figure (risk difference, Newcombe interval, Fisher's exact p) or a baseline (difference)."""
    scenario = scenario_for(project)
    cards = []
    for table in tables:
        row = next((r for r in reversed(table.rows) if r.intervention is not None), None)
        if row is None or row.intervention is None:
            continue
        card = EffectCard(table, row.period.label, row.intervention, row.comparison)
        i, c = row.intervention, row.comparison
        if c is not None and None not in (i.numerator, i.denominator, c.numerator, c.denominator):
            try:
                card.effect = risk_difference(int(i.numerator or 0), int(i.denominator or 0), int(c.numerator or 0), int(c.denominator or 0))
            except SifError as error:
                card.error = error.code
            if card.effect is not None and scenario is not None:
                _gains(card, scenario, int(i.denominator or 0))
        elif table.indicator.baseline_value is not None and i.value is not None:
            baseline = table.indicator.baseline_value
            card.baseline_difference = i.value - baseline
        else:
            continue
        cards.append(card)
    return cards


def _gains(card: EffectCard, scenario: Scenario, n_intervention: int) -> None:
    outcome = _outcome(scenario, card.table.indicator.name)
    if outcome is None or card.effect is None:
        return
    base_year = scenario.price_base_year or scenario.start_year
    card.scenario_name = scenario.name
    card.outcome_label = outcome.label
    card.price_base_year = base_year
    card.extra = extra_successes(card.effect, n_intervention)
    card.realised = realised_gains(card.extra, outcome, base_year)
    expected_successes = point(outcome.successes) if outcome.successes is not None else None
    if expected_successes is not None:
        card.expected = realised_gains(expected_successes, outcome, base_year)


def percent(value: Any) -> str:
    return "" if value is None else f"{float(value) * 100:.1f} %".replace(".", ",")


def is_share_like(table: IndicatorTable) -> bool:
    return table.indicator.unit == IndicatorUnit.SHARE
