"""Effect cards: intervention against comparison group (or baseline) per indicator, and what the
effect is worth through the project's own socioeconomic calculation (sif/web/calculations).

The calculation is read when the page is shown (`calculation_current(project, "expected")`), so
the card follows the latest saved version and a project without one says so instead of guessing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sif.calc.effects import (
    DiffInDiff,
    RiskDifference,
    difference_in_differences,
    risk_difference,
)
from sif.calc.errors import SifError
from sif.calc.model import scenario_from_dict
from sif.calc.realised import ActorGain, Measured, RealisedGains, realised_gains
from sif.calc.scenario import Outcome, Scenario
from sif.messages import message_for_error
from sif.web.calculations.models import Purpose
from sif.web.calculations.selectors import calculation_current
from sif.web.followup.gains_text import gains_formula, guard_text
from sif.web.followup.selectors import Aggregate, IndicatorTable, PeriodRow
from sif.web.projects.models import Direction, IndicatorUnit, Project


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
    gains: RealisedGains | None = None
    price_base_year: int | None = None
    newer_periods: list[str] = field(default_factory=list)

    @property
    def is_example(self) -> bool:
        return self.intervention.is_example or bool(self.comparison and self.comparison.is_example)

    @property
    def realised(self) -> dict[str, float]:
        return {line.actor: line.realised for line in self.gains.lines} if self.gains else {}

    @property
    def expected(self) -> dict[str, float]:
        if self.gains is None:
            return {}
        return {line.actor: line.expected for line in self.gains.lines if line.expected is not None}

    @property
    def gains_rows(self) -> list[ActorGain]:
        return sorted(self.gains.lines, key=lambda line: line.actor) if self.gains else []

    @property
    def realised_total(self) -> float | None:
        return self.gains.realised_total if self.gains else None

    @property
    def expected_total(self) -> float | None:
        return self.gains.expected_total if self.gains else None

    @property
    def warnings(self) -> list[str]:
        """The plausibility guard's findings, in Swedish, one per actor and reason."""
        if self.gains is None:
            return []
        return [guard_text(line, code) for line in self.gains_rows for code in line.warnings]

    @property
    def formula(self) -> list[str]:
        """The realised and expected gains written out with their inputs (Swedish)."""
        return gains_formula(self) if self.gains else []


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
    """One card per indicator, for the latest period in which the intervention and the comparison
    group (or the intervention and the indicator's baseline) both have a figure: a newer period
    with only one group never hides the effect, and the card names the period it uses.
    With a comparison group: risk difference, Newcombe interval, Fisher's exact p (and
    difference-in-differences when both groups have an earlier period); else the change from the
    baseline. Either feeds the realised gains through the project's stored calculation."""
    calculation: ProjectCalculation | None = None
    cards = []
    for table in tables:
        row = _latest_complete(table)
        if row is None or row.intervention is None:
            continue
        i, c = row.intervention, row.comparison
        card = EffectCard(table, row.period.label, i, c)
        card.newer_periods = [r.period.label for r in table.rows[table.rows.index(row) + 1 :]]
        card.did = _did(table, row)
        measured: Measured | None = None
        higher = table.indicator.direction != Direction.LOWER_IS_BETTER
        is_share = table.indicator.unit == IndicatorUnit.SHARE
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
            if card.effect is not None:
                measured = Measured(
                    card.effect.difference, int(i.denominator or 0), "comparison", higher, True
                )
        elif table.indicator.baseline_value is not None and i.value is not None:
            card.baseline_difference = i.value - table.indicator.baseline_value
            measured = Measured(
                float(card.baseline_difference), i.denominator, "baseline", higher, is_share
            )
        elif card.did is None:
            continue
        if measured is not None:
            if calculation is None:
                calculation = project_calculation(project)
            card.calculation = calculation
            _gains(card, calculation, measured)
        cards.append(card)
    return cards


def _latest_complete(table: IndicatorTable) -> PeriodRow | None:
    """The latest period where the effect can be measured: both groups have a value, or the
    intervention has one and the indicator has a baseline; else the latest with an intervention
    figure (a difference-in-differences card may still be shown)."""
    has_baseline = table.indicator.baseline_value is not None
    for row in reversed(table.rows):
        i, c = row.intervention, row.comparison
        if (
            i is not None
            and i.value is not None
            and ((c is not None and c.value is not None) or has_baseline)
        ):
            return row
    return next((r for r in reversed(table.rows) if r.intervention is not None), None)


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


def _gains(card: EffectCard, calculation: ProjectCalculation, measured: Measured) -> None:
    """Realised against expected gains per actor and year through the outcome of the project's
    stored calculation (sif.calc.realised): the same unit cost, attribution and price level."""
    scenario, outcome = calculation.scenario, calculation.outcome
    if scenario is None or outcome is None:
        return
    base_year = scenario.price_base_year or scenario.start_year
    card.scenario_name = scenario.name
    card.outcome_label = outcome.label
    card.price_base_year = base_year
    card.gains = realised_gains(outcome, measured, base_year, scenario.price_adjustment)


def is_share_like(table: IndicatorTable) -> bool:
    return table.indicator.unit == IndicatorUnit.SHARE
