"""Swedish text for `sif calc`: the results table, the effect and the Monte Carlo summary.

Numbers are rounded here, at the edge, and only for display: kronor to whole kronor, shares to
one decimal of a percent; thousands are separated by a no-break space, the decimal sign is a comma.
"""

from __future__ import annotations

import math
from typing import Any

from sif.calc import format as fmt
from sif.calc.adjustments import TRANSFER
from sif.calc.distributions import point
from sif.calc.effects import RiskDifference
from sif.calc.labels_sv import (
    PUBLIC_SECTOR_LABEL,
    SCHEDULES,
    SOCIETY_TOTAL_LABEL,
    actor_label,
    value_type_label,
)
from sif.calc.model import BusinessCase, Result
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
            _needed(result.break_even_successes, unit),
        ),
    ]
    if result.break_even_share is not None:
        rows.append(("Andel av målgruppen som krävs", percent(result.break_even_share, 2)))
    rows.append(("Kommunens egen kalkyl, nettonuvärde", kr(result.npv_municipal)))
    rows.append(
        (
            "Lyckade utfall som krävs för kommunens egen kalkyl",
            _needed(result.break_even_successes_municipal, unit),
        )
    )
    width = max(len(label) for label, _ in rows) + 2
    lines = [
        f"Socioekonomisk kalkyl: {scenario.name}",
        *([f"Källa: {scenario.source}"] if scenario.source else []),
        f"Startår {result.years[0]}, kalkylperiod {len(result.years)} år, kalkylränta "
        f"{percent(result.discount_rate)}, {price}",
        "",
        *(f"{label:<{width}}{value:>22}" for label, value in rows),
    ]
    lines += business_case_lines(scenario, result)
    if result.assumptions:
        lines += [
            "",
            "Antaganden (finns inte i källan):",
            *(f"  – {a}" for a in result.assumptions),
        ]
    return "\n".join(lines)


def business_case_lines(scenario: Scenario, result: Result) -> list[str]:
    """Per actor (who pays, who gains, each one's own business case) and per value type."""
    lines = [
        "",
        "Kalkyl per aktör (kostnader som aktören betalar, vinster som hamnar hos aktören):",
        f"  {'aktör':<42}{'PV kostnader':>16}{'PV vinster':>16}{'nettonuvärde':>16}{'nytta/kr':>10}  återbetalningsår",
    ]
    for case in result.business_cases:
        indent = "    " if "." in case.actor else "  "
        lines.append(_case_line(indent, actor_label(case.actor), case))
    public = result.public_case
    if (
        public is not None
        and len({c.actor.split(".")[0] for c in result.business_cases} & PUBLIC) > 1
    ):
        lines.append(_case_line("  ", PUBLIC_SECTOR_LABEL, public))
    lines.append(
        _case_line(
            "  ",
            SOCIETY_TOTAL_LABEL,
            BusinessCase(
                "total",
                result.pv_costs,
                result.pv_gains,
                result.npv,
                result.benefit_cost_ratio,
                result.payback_year,
                result.pv_gains_by_type,
            ),
        )
    )
    lines += ["", "Vinster per värdetyp (samhällets kalkyl):"]
    types = result.pv_gains_by_type
    for kind, value in types.items():
        if kind != TRANSFER:
            lines.append(f"  {value_type_label(kind):<82}{kr(value):>18}")
    if result.pv_transfers:
        lines.append(
            f"  {'varav transfereringar (räknas hos betalaren, inte i samhällets summa)':<82}{kr(result.pv_transfers):>18}"
        )
    if TRANSFER in types:
        lines.append(f"  {value_type_label(TRANSFER):<82}{kr(types[TRANSFER]):>18}")
    lines.append(f"  {'totalt':<82}{kr(result.pv_gains):>18}")
    if result.fiscal_return is not None and result.pv_fiscal:
        label = "budgetvärde per investerad krona (kommun, region och stat)"
        lines.append(f"  {label:<82}{number(result.fiscal_return, 2):>18}")
    adjust = _adjustments(scenario)
    if adjust:
        lines += ["", "Justeringar: " + "; ".join(adjust)]
    return lines


PUBLIC = {"kommun", "region", "stat"}
OUTCOME_ADJUSTMENTS = ("deadweight", "displacement", "leakage", "attribution", "drop_off")


def adjustments_dict(scenario: Scenario) -> dict[str, Any]:
    """The adjustments the result has applied, each at the value the point model used (the mean
    of its distribution): for `sif calc --json`, beside the per-actor and per-type figures."""
    return {
        "optimism_bias_costs": point(scenario.optimism_bias_costs),
        "optimism_bias_gains": point(scenario.optimism_bias_gains),
        "discount_schedule": scenario.discount_schedule,
        "cost_items": [
            {"label": item.label, "payer": item.payer, "optimism_bias": point(item.optimism_bias)}
            for item in scenario.cost_items
            if item.optimism_bias is not None
        ],
        "outcomes": [
            {
                "key": outcome.key,
                "label": outcome.label,
                **{name: point(getattr(outcome, name)) for name in OUTCOME_ADJUSTMENTS},
                "ramp_up": list(outcome.ramp_up),
                "duration": outcome.duration,
            }
            for outcome in scenario.outcomes
        ],
    }


def _case_line(indent: str, label: str, case: BusinessCase) -> str:
    return (
        f"{indent}{label:<{44 - len(indent)}}{kr(case.pv_costs):>16}{kr(case.pv_gains):>16}"
        f"{kr(case.npv):>16}{_maybe(case.benefit_cost_ratio, 2):>10}  "
        f"{case.payback_year if case.payback_year is not None and case.pv_costs else '–'}"
    )


def _adjustments(scenario: Scenario) -> list[str]:
    out = []
    for label, dist in (
        ("optimismjustering av kostnaderna", scenario.optimism_bias_costs),
        ("optimismjustering av vinsterna", scenario.optimism_bias_gains),
    ):
        if point(dist):
            out.append(f"{label} {percent(point(dist))}")
    for item in scenario.cost_items:
        if item.optimism_bias is not None:
            what = item.label or actor_label(item.payer)
            out.append(f"optimismjustering av {what} {percent(point(item.optimism_bias))}")
    if scenario.discount_schedule != "fixed":
        out.append(SCHEDULES[scenario.discount_schedule])
    return out


def _needed(successes: float | None, unit: str) -> str:
    """ "88,9 elever"; an outcome counted as a share of a total as a percent of it."""
    if successes is None:
        return "inget antal räcker"
    share = unit.strip("() ")
    if share.lower().startswith("andel") and abs(successes) < 1:
        return f"{percent(successes, 2)} ({share})"
    return f"{_count(successes)} {unit}".rstrip()


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
    npv, be, own = mc.npv, mc.break_even_successes, mc.municipal_npv
    lines = [
        "",
        f"Osäkerhet (Monte Carlo, {number(mc.draws)} dragningar, frö {mc.seed}):",
        f"  Sannolikhet att nettonuvärdet > 0   {percent(mc.p_npv_positive)}",
        f"  Sannolikhet att kommunens eget nettonuvärde > 0   {percent(mc.p_municipal_npv_positive)}",
        f"  Nettonuvärde, medel                 {kr(npv.mean or 0.0)}",
        f"  Nettonuvärde, 5:e/50:e/95:e percentil  {kr(npv.p5 or 0.0)} / {kr(npv.p50 or 0.0)} / {kr(npv.p95 or 0.0)}",
        f"  Kommunens nettonuvärde, 5:e/50:e/95:e percentil  {kr(own.p5 or 0.0)} / {kr(own.p50 or 0.0)} / {kr(own.p95 or 0.0)}",
    ]
    if be.mean is not None:
        lines.append(
            f"  Lyckade utfall för att bära sig, 5:e/50:e/95:e percentil  "
            f"{_count(be.p5)} / {_count(be.p50)} / {_count(be.p95)}"
        )
    median = "inte inom kalkylperioden" if mc.payback_year_p50 is None else str(mc.payback_year_p50)
    lines.append(f"  Återbetalningsår (diskonterat), median  {median}")
    lines.append("  Återbetalningsår, andel av dragningarna:")
    lines += [
        f"    {year}  {percent(share)}" for year, share in sorted(mc.payback_year_shares.items())
    ]
    lines.append(f"    inte inom kalkylperioden  {percent(mc.payback_never_share)}")
    return "\n".join(lines)


def p_value(p: float) -> str:
    """ "p = 0,0123", or "p < 0,0001" where four decimals would print a misleading 0,0000."""
    return _p(p)


def plain(value: Any) -> Any:
    """Recursively turn floats that are NaN or infinite into None (JSON has neither)."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value
