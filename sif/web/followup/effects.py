"""Effect cards: intervention against comparison group (or baseline) per indicator, and what the
effect is worth through the project's own socioeconomic calculation (sif/web/calculations).

The calculation is read when the page is shown (`calculation_current(project, "expected")`), so
the card follows the latest saved version and a project without one says so instead of guessing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sif.calc.distributions import point
from sif.calc.effects import (
    DiffInDiff,
    RiskDifference,
    difference_in_differences,
    extra_successes,
    realised_gains,
    risk_difference,
)
from sif.calc.errors import SifError
from sif.calc.model import scenario_from_dict
from sif.calc.scenario import Outcome, Scenario
from sif.messages import message_for_error
from sif.web.calculations.models import Purpose
from sif.web.calculations.selectors import calculation_current
from sif.web.followup.selectors import Aggregate, IndicatorTable, PeriodRow
from sif.web.projects.models import IndicatorUnit, Project


@dataclass
class ProjectCalculation:
    """The project's expected-gains calculation as the effect cards need it."""

    version: int | None = None
    scenario: Scenario | None = None
    outcome: Outcome | None = None
    error: str = ""

    @property
    def exists(self) -> bool:
        return self.version is not None


@dataclass
class DiffInDiffCard:
    """Before and after in both groups, and the difference of the changes."""

    before_period: str
    after_period: str
    before_intervention: Decimal
    after_intervention: Decimal
    before_comparison: Decimal
    after_comparison: Decimal
    result: DiffInDiff


@dataclass
class EffectCard:
    table: IndicatorTable
    period_label: str
    intervention: Aggregate
    comparison: Aggregate | None
    calculation: ProjectCalculation = field(default_factory=ProjectCalculation)
    effect: RiskDifference | None = None
    baseline_difference: Decimal | None = None
    did: DiffInDiffCard | None = None
    error: str = ""
    scenario_name: str = ""
    outcome_label: str = ""
    extra: float | None = None
    expected_successes: float | None = None
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

    @property
    def realised_total(self) -> float | None:
        return sum(self.realised.values()) if self.realised else None

    @property
    def expected_total(self) -> float | None:
        return sum(self.expected.values()) if self.expected else None


def project_calculation(project: Project) -> ProjectCalculation:
    """The latest expected-gains calculation, its scenario and the outcome an effect feeds: the one
    the case data's `effect.outcome` names, else the only outcome. A stored calculation that no
    longer parses is reported on the card (`error`), never replaced by a guess."""
    calculation = calculation_current(project, purpose=Purpose.EXPECTED)
    if calculation is None:
        return ProjectCalculation()
    found = ProjectCalculation(version=calculation.version)
    data = calculation.scenario if isinstance(calculation.scenario, dict) else {}
    try:
        found.scenario = scenario_from_dict(data)
    except SifError as error:
        found.error = message_for_error(error)
        return found
    found.outcome = _outcome(found.scenario, data.get("effect"))
    return found


def _outcome(scenario: Scenario, effect: Any) -> Outcome | None:
    key = effect.get("outcome") if isinstance(effect, dict) else None
    if key:
        return next((o for o in scenario.outcomes if o.key == key), None)
    return scenario.outcomes[0] if len(scenario.outcomes) == 1 else None


def effect_cards(project: Project, tables: list[IndicatorTable]) -> list[EffectCard]:
    """One card per indicator whose latest period has an intervention figure and either a
    comparison group figure (risk difference, Newcombe interval, Fisher's exact p; and
    difference-in-differences when both groups also have an earlier period) or a baseline."""
    calculation: ProjectCalculation | None = None
    cards = []
    for table in tables:
        row = next((r for r in reversed(table.rows) if r.intervention is not None), None)
        if row is None or row.intervention is None:
            continue
        i, c = row.intervention, row.comparison
        card = EffectCard(table, row.period.label, i, c)
        card.did = _did(table, row)
        if c is not None and None not in (i.numerator, i.denominator, c.numerator, c.denominator):
            try:
                card.effect = risk_difference(
                    int(i.numerator or 0),
                    int(i.denominator or 0),
                    int(c.numerator or 0),
                    int(c.denominator or 0),
                )
            except SifError as error:
                card.error = message_for_error(error)
            if calculation is None:
                calculation = project_calculation(project)
            card.calculation = calculation
            if card.effect is not None:
                _gains(card, calculation, int(i.denominator or 0))
        elif table.indicator.baseline_value is not None and i.value is not None:
            card.baseline_difference = i.value - table.indicator.baseline_value
        elif card.did is None:
            continue
        cards.append(card)
    return cards


def _did(table: IndicatorTable, after: PeriodRow) -> DiffInDiffCard | None:
    """Difference-in-differences between the first period where both groups have a figure and the
    latest such period (the baseline of each group is its first measured period)."""
    both = [
        r
        for r in table.rows
        if r.intervention
        and r.comparison
        and r.intervention.value is not None
        and r.comparison.value is not None
    ]
    if len(both) < 2 or both[-1] is not after:
        return None
    first, last = both[0], both[-1]
    assert first.intervention and first.comparison and last.intervention and last.comparison
    values = [
        first.intervention.value,
        last.intervention.value,
        first.comparison.value,
        last.comparison.value,
    ]
    bi, ai, bc, ac = (Decimal(v) for v in values if v is not None)
    result = difference_in_differences(float(bi), float(ai), float(bc), float(ac))
    return DiffInDiffCard(first.period.label, last.period.label, bi, ai, bc, ac, result)


def _gains(card: EffectCard, calculation: ProjectCalculation, n_intervention: int) -> None:
    """Expected gains per year from the application's outcome (successes × (1 − deadweight)) and
    realised gains from the measured extra successes ((p₁ − p₀) × n₁), both through
    `realised_gains`, so the same attribution, unit costs and prices apply to both."""
    scenario, outcome = calculation.scenario, calculation.outcome
    if scenario is None or outcome is None or card.effect is None:
        return
    base_year = scenario.price_base_year or scenario.start_year
    card.scenario_name = scenario.name
    card.outcome_label = outcome.label
    card.price_base_year = base_year
    card.extra = extra_successes(card.effect, n_intervention)
    card.realised = realised_gains(card.extra, outcome, base_year, scenario.price_adjustment)
    expected = expected_successes(outcome)
    if expected is not None:
        card.expected_successes = expected
        card.expected = realised_gains(expected, outcome, base_year, scenario.price_adjustment)


def expected_successes(outcome: Outcome) -> float | None:
    """Net successes the application expected: (successes, or target group × effect) × (1 − deadweight)."""
    if outcome.successes is not None:
        gross = point(outcome.successes)
    elif outcome.target_group is not None and outcome.effect is not None:
        gross = point(outcome.target_group) * point(outcome.effect)
    else:
        return None
    return gross * (1.0 - point(outcome.deadweight))


def percent(value: Any) -> str:
    return "" if value is None else f"{float(value) * 100:.1f} %".replace(".", ",")


def is_share_like(table: IndicatorTable) -> bool:
    return table.indicator.unit == IndicatorUnit.SHARE
