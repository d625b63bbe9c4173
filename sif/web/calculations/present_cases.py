"""The business case per actor, the gains per value type and the adjustments applied, as the
calculation page shows them (sif/web/calculations/present.py builds the rest of the page)."""

from __future__ import annotations

from dataclasses import dataclass

from sif.calc.adjustments import TRANSFER
from sif.calc.distributions import point
from sif.calc.labels_sv import (
    PUBLIC_SECTOR_LABEL,
    SOCIETY_TOTAL_LABEL,
    actor_label,
    value_type_label,
)
from sif.calc.model import BusinessCase, Result, Scenario
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
    total: bool = False


def case_rows(result: Result) -> list[CaseRow]:
    """Each actor's own case: kommun (with its förvaltningar below it), region, stat, individ,
    samhälle; then the public sector as a whole (SØM's budget result) where more than one public
    budget is involved, and the whole society's case, so the table adds up for the reader."""
    start = result.years[0]
    rows = [_row(c, actor_label(c.actor), start) for c in result.business_cases]
    public = result.public_case
    if public is not None and len({c.actor.split(".")[0] for c in _public(result)}) > 1:
        rows.append(_row(public, PUBLIC_SECTOR_LABEL, start, total=True))
    society = BusinessCase(
        actor="total",
        pv_costs=result.pv_costs,
        pv_gains=result.pv_gains,
        npv=result.npv,
        benefit_cost_ratio=result.benefit_cost_ratio,
        payback_year=result.payback_year,
        pv_gains_by_type=result.pv_gains_by_type,
    )
    rows.append(_row(society, SOCIETY_TOTAL_LABEL, start, total=True))
    return rows


def _public(result: Result) -> list[BusinessCase]:
    return [
        c for c in result.business_cases if c.actor.split(".")[0] in ("kommun", "region", "stat")
    ]


def _row(c: BusinessCase, label: str, start: int, total: bool = False) -> CaseRow:
    return CaseRow(
        actor=c.actor,
        label=label,
        sub="." in c.actor,
        pv_costs=kr(c.pv_costs),
        pv_gains=kr(c.pv_gains),
        npv=kr(c.npv),
        npv_negative=c.npv < 0,
        ratio="–" if c.benefit_cost_ratio is None else number(c.benefit_cost_ratio, 2),
        payback=("–" if c.pv_costs == 0 else payback(c.payback_year, start)),
        total=total,
    )


def value_type_lines(result: Result) -> list[Line]:
    """The present value per type, the transfers inside them, the total; then the budget value
    (fiscal, kommun + region + stat) per invested krona: GMCA's financial return on investment."""
    types = result.pv_gains_by_type
    lines = [
        Line(value_type_label(k), kr(v), f"type.{k}") for k, v in types.items() if k != TRANSFER
    ]
    if result.pv_transfers:  # the payer's side, right under the payer's types it is part of
        lines.append(
            Line(
                "Varav transfereringar (räknas hos betalaren, tas ut i samhällets summa)",
                kr(result.pv_transfers),
                "transfers",
            )
        )
    if TRANSFER in types:
        lines.append(Line(value_type_label(TRANSFER), kr(types[TRANSFER]), f"type.{TRANSFER}"))
    lines.append(Line("Totalt (samhällets vinster)", kr(result.pv_gains), "type.total"))
    if result.fiscal_return is not None and result.pv_fiscal:
        lines.append(
            Line(
                "Budgetvärde per investerad krona (kommun, region och stat)",
                number(result.fiscal_return, 2),
                "fiscal_return",
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
    for i, item in enumerate(scenario.cost_items):
        if item.optimism_bias is not None:
            what = item.label or actor_label(item.payer)
            lines.append(
                Line(
                    f"Optimismjustering av kostnadsposten {what}",
                    percent(point(item.optimism_bias)),
                    f"cost_items[{i}].optimism_bias",
                )
            )
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
