"""Swedish text for `sif calc`: the results table, the effect and the Monte Carlo summary.

Numbers are rounded here, at the edge, and only for display: kronor to whole kronor, shares to
one decimal of a percent; thousands are separated by a no-break space, the decimal sign is a comma.
"""

from __future__ import annotations

from typing import Any

from sif.calc import format as fmt
from sif.calc.effects import RiskDifference
from sif.calc.labels_sv import actor_label
from sif.calc.model import Result
from sif.calc.scenario import Scenario
from sif.calc.uncertainty import MonteCarloResult

NBSP = "\u00a0"


def number(value: float, decimals: int = 0) -> str:
    """1234567.891 -> "1 234 568" (decimals=0) or "1 234 567,9" (decimals=1); sif.calc.format."""
    return fmt.number(value, decimals)


def kr(value: float) -> str:
    return fmt.kr(value)


def percent(share: float, decimals: int = 1) -> str:
    return fmt.percent(share, decimals)


def results_table(scenario: Scenario, result: Result) -> str:
    unit = scenario.outcomes[0].unit if scenario.outcomes else ""
    price = f"prisnivå {result.price_base_year}" + (
        "" if scenario.price_adjustment else " (ingen prisomräkning)"
    )
    rows: list[tuple[str, str]] = [
        ("Nuvärde av kostnaderna", kr(result.pv_costs)),
        ("Nuvärde av vinsterna", kr(result.pv_gains)),
        *[(f"  {actor_label(a)}", kr(v)) for a, v in sorted(result.pv_gains_by_actor.items())],
        ("Nettonuvärde", kr(result.npv)),
        ("Nytta per investerad krona", _maybe(result.benefit_cost_ratio, 2)),
        ("Återbetalningsår (diskonterat)", _year(result.payback_year, result)),
        ("Återbetalningsår (odiskonterat)", _year(result.payback_year_undiscounted, result)),
        (
            "Lyckade utfall som krävs för att bära sig",
            f"{_count(result.break_even_successes)} {unit}".rstrip(),
        ),
    ]
    if result.break_even_share is not None:
        rows.append(("Andel av målgruppen som krävs", percent(result.break_even_share, 2)))
    width = max(len(label) for label, _ in rows) + 2
    lines = [
        f"Socioekonomisk kalkyl: {scenario.name}",
        *([f"Källa: {scenario.source}"] if scenario.source else []),
        f"Startår {result.years[0]}, kalkylperiod {len(result.years)} år, kalkylränta "
        f"{percent(result.discount_rate)}, {price}",
        "",
        *(f"{label:<{width}}{value:>22}" for label, value in rows),
    ]
    if result.assumptions:
        lines += [
            "",
            "Antaganden (finns inte i källan):",
            *(f"  – {a}" for a in result.assumptions),
        ]
    return "\n".join(lines)


def _maybe(value: float | None, decimals: int) -> str:
    return "–" if value is None else number(value, decimals)


def _count(value: float | None) -> str:
    """One decimal for counts (88,9 elever), four for fractions below one (0,0337)."""
    return _maybe(value, 1 if value is None or abs(value) >= 1 else 4)


def _p(p: float) -> str:
    """ "p = 0,0312", or "p < 0,0001" rather than "p = 0,0000"."""
    text = fmt.p_value(p)
    return f"p {text}" if text.startswith("<") else f"p = {text}"


def _year(year: int | None, result: Result) -> str:
    if year is None:
        return "inte inom kalkylperioden"
    return f"{year} (år {year - result.years[0] + 1})"


def effect_table(effect: RiskDifference, extra: float, gains: dict[str, float], note: str) -> str:
    level = percent(effect.confidence, 0)
    lines = [
        "",
        "Effekt mot jämförelsegrupp:",
        f"  Andel i insatsgruppen          {percent(effect.rate_intervention)}",
        f"  Andel i jämförelsegruppen      {percent(effect.rate_comparison)}",
        f"  Skillnad                       {number(effect.difference * 100, 1)} procentenheter",
        f"  {level} konfidensintervall        {number(effect.ci_low * 100, 1)} till {number(effect.ci_high * 100, 1)} procentenheter",
        f"  Fishers exakta test            {_p(effect.fisher_p)}",
        f"  Metod                          {effect.method}",
        f"  Extra lyckade utfall           {number(extra, 1)}",
        "  Realiserade vinster per år:",
        *(f"    {actor_label(a):<28}{kr(v):>18}" for a, v in sorted(gains.items())),
    ]
    if note:
        lines.append(f"  Obs: {note}")
    return "\n".join(lines)


def monte_carlo_table(mc: MonteCarloResult) -> str:
    npv, be = mc.npv, mc.break_even_successes
    lines = [
        "",
        f"Osäkerhet (Monte Carlo, {number(mc.draws)} dragningar, frö {mc.seed}):",
        f"  Sannolikhet att nettonuvärdet > 0   {percent(mc.p_npv_positive)}",
        f"  Nettonuvärde, medel                 {kr(npv.mean or 0.0)}",
        f"  Nettonuvärde, 5:e/50:e/95:e percentil  {kr(npv.p5 or 0.0)} / {kr(npv.p50 or 0.0)} / {kr(npv.p95 or 0.0)}",
    ]
    if be.mean is not None:
        lines.append(
            f"  Lyckade utfall för att bära sig, 5:e/50:e/95:e percentil  "
            f"{number(be.p5 or 0.0, 1)} / {number(be.p50 or 0.0, 1)} / {number(be.p95 or 0.0, 1)}"
        )
    return "\n".join(lines)


def plain(value: Any) -> Any:
    """Recursively turn floats that are NaN into None (JSON has no NaN)."""
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value
