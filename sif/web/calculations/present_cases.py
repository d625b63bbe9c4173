"""The business case per actor, the gains per value type and the adjustments applied, as the
calculation page shows them (sif/web/calculations/present.py builds the rest of the page)."""

from __future__ import annotations

from dataclasses import dataclass

from sif.calc.distributions import point
from sif.calc.labels_sv import actor_label, value_type_label
from sif.calc.model import Result, Scenario
from sif.calc.render import kr, number, percent

NO_PAYBACK = "ingen inom kalkylperioden"


def payback(year: int | None, start: int) -> str:
    return NO_PAYBACK if year is None else f"{year} (år {year - start + 1})"


@dataclass(frozen=True)
class Line:
    label: str
    value: str
    key: str = ""
    number: float | None = None  # the figure itself, so documents and XLSX keep it a number
    kind: str = ""  # its quantity kind (sif.calc.format): kronor, share, count …


@dataclass(frozen=True)
class CaseRow:
    """One actor's own business case as the page shows it."""

    actor: str
    label: str
    sub: bool
    pv_costs: str
    pv_gains: str
    npv: str
    npv_negative: bool
    ratio: str
    payback: str


def case_rows(result: Result) -> list[CaseRow]:
    """Each actor's own case: kommun (with its förvaltningar below it), region, stat, individ, samhälle."""
    start = result.years[0]
    return [
        CaseRow(
            actor=c.actor,
            label=actor_label(c.actor),
            sub="." in c.actor,
            pv_costs=kr(c.pv_costs),
            pv_gains=kr(c.pv_gains),
            npv=kr(c.npv),
            npv_negative=c.npv < 0,
            ratio="–" if c.benefit_cost_ratio is None else number(c.benefit_cost_ratio, 2),
            payback=("–" if c.pv_costs == 0 else payback(c.payback_year, start)),
        )
        for c in result.business_cases
    ]


def value_type_lines(result: Result) -> list[Line]:
    lines = [
        Line(value_type_label(k), kr(v), f"type.{k}") for k, v in result.pv_gains_by_type.items()
    ]
    if result.pv_transfers:
        lines.append(
            Line(
                "Varav transfereringar (räknas hos betalaren, tas ut i samhällets summa)",
                kr(result.pv_transfers),
                "transfers",
            )
        )
    return lines


def adjustment_lines(scenario: Scenario) -> list[Line]:
    """The adjustments applied, each with its value, so the page says what was assumed."""
    lines = []
    for name, dist in (
        ("Optimismjustering av kostnaderna", scenario.optimism_bias_costs),
        ("Optimismjustering av vinsterna", scenario.optimism_bias_gains),
    ):
        lines.append(Line(name, percent(point(dist)), name))
    for outcome in scenario.outcomes:
        parts = [f"{label} {percent(point(getattr(outcome, attr)))}" for attr, label in ADJUSTMENTS]
        if outcome.ramp_up:
            parts.append("upptrappning " + " / ".join(percent(r, 0) for r in outcome.ramp_up))
        parts.append(
            f"varaktighet {outcome.duration} år"
            if outcome.duration
            else "varaktighet till periodens slut"
        )
        lines.append(Line(outcome.label, "; ".join(parts), f"adjust.{outcome.key}"))
    return lines


ADJUSTMENTS = (
    ("deadweight", "dödvikt"),
    ("displacement", "undanträngning"),
    ("leakage", "läckage"),
    ("attribution", "attribution"),
    ("drop_off", "avtagande per år"),
)
