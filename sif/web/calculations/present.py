"""What the calculation page shows, computed from the stored inputs by `sif.calc` and formatted in
Swedish at this edge (no figure is stored). Kronor to whole kronor, shares in percent, counts with
one decimal (four below one), as `sif calc` prints them (sif/calc/render.py)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np

from sif.calc import format as fmt
from sif.calc.actors import is_municipal
from sif.calc.distributions import FloatArray
from sif.calc.labels_sv import SCHEDULES, actor_label
from sif.calc.model import Explanation, Result, Scenario, evaluate
from sif.calc.render import kr, number, percent
from sif.calc.uncertainty import (
    CHUNK,
    MonteCarloResult,
    TornadoBar,
    monte_carlo,
    npv_draws,
    tornado,
)
from sif.calc.unit_costs import load_catalogue
from sif.web.calculations.present_cases import (
    NO_PAYBACK,
    CaseRow,
    Line,
    adjustment_lines,
    case_rows,
    payback,
    value_type_lines,
)
from sif.web.calculations.services import check_case_data

DRAWS_DEFAULT = 10_000
DRAWS_LIMIT = 200_000
SEED_DEFAULT = 1

INPUT_NAMES = {
    "kostnader_per_ar": "kostnader per år",
    "r": "kalkylränta r",
    "prisar_kostnader": "kostnadernas prisår",
    "basar": "basår",
    "kpi": "KPI (årsmedel)",
    "belopp": "belopp",
    "antal_per_ar": "antal per år",
    "andel": "andel",
    "delat_med": "delat med",
    "prisar": "prisår",
    "prisomrakning": "prisomräkning",
    "enhetskostnad": "enhetskostnad",
    "lyckade_utfall": "lyckade utfall",
    "dodvikt": "dödvikt",
    "effekt": "effekt",
    "malgrupp": "målgrupp",
    "e": "e, utfall som räknas",
    "v_per_ar": "v, värde per utfall och år",
    "avtagande_per_ar": "avtagande per år",
    "forsta_ar": "första år",
    "varaktighet_ar": "varaktighet (år)",
    "PV_vinster": "PV(vinster)",
    "PV_kostnader": "PV(kostnader)",
    "antal_som_kravs": "antal som krävs",
    "undantrangning": "undanträngning",
    "lackage": "läckage",
    "optimism_vinster": "optimismjustering av vinsterna",
    "optimism_kostnader": "optimismjustering av kostnaderna",
    "optimism_poster": "optimismjustering per kostnadspost",
    "betalare": "nuvärde per betalare",
    "evidens": "evidenspost",
    "vardetyp": "värdetyp",
    "transferering_till": "transferering, mottagare",
}
INPUT_LABELS = {
    "discount_rate": "Kalkylränta",
    "target_group": "Målgruppens storlek",
    "successes": "Lyckade utfall",
    "effect": "Effekt",
    "deadweight": "Dödvikt",
    "attribution": "Attribution",
    "drop_off": "Avtagande per år",
    "amount": "Belopp",
    "quantity": "Antal per år",
    "share": "Andel",
    "divide_by": "Delat med",
    "displacement": "Undanträngning",
    "leakage": "Läckage",
    "optimism_bias_costs": "Optimismjustering av kostnaderna",
    "optimism_bias_gains": "Optimismjustering av vinsterna",
}
KRONOR_LINES = {"pv_costs", "actor_value", "pv_gains_outcome", "pv_gains_actor", "pv_gains", "npv"}


# ---------------------------------------------------------------- formatting


def count(value: float | None) -> str:
    """88,9 (one decimal, none when whole: "1 040") or 0,0337 (four below one); "–" when none."""
    if value is None:
        return "–"
    return fmt.number(value, 1 if abs(value) >= 1 else 4, trim=True)


def plain_number(value: float) -> str:
    """An input as written: whole numbers grouped, else up to four decimals without trailing zeros."""
    decimals = 0 if abs(value) >= 1000 else 2 if abs(value) >= 100 else 4
    return fmt.number(value, decimals, trim=True)


YEAR_INPUTS = {"prisar_kostnader", "basar", "prisar", "forsta_ar"}
SHARE_INPUTS = {"r", "andel", "dodvikt", "effekt", "avtagande_per_ar"}


def input_value(key: str, value: Any) -> str:
    """An explanation input by what it is: a year is never grouped ("prisår 2019", not "2 019"),
    a share is a percentage ("3,5 %"), everything else as written."""
    if key in YEAR_INPUTS and isinstance(value, int | float) and not isinstance(value, bool):
        return fmt.year(int(value))
    if (
        key in SHARE_INPUTS
        and isinstance(value, int | float)
        and not isinstance(value, bool)
        and 0 <= value <= 1
    ):
        return fmt.percent(value, 2, trim=True)
    if key == "enhetskostnad" and isinstance(value, str):
        return _unit_cost_name(value)
    return shown(value)


def _unit_cost_name(key: str) -> str:
    """A catalogue key ("placements_hasselby_vallingby") as its Swedish name."""
    from sif.calc.unit_costs import unit_cost

    try:
        return unit_cost(key).name_sv
    except ValueError:
        return "okänd enhetskostnad"


DISTRIBUTIONS = {
    "uniform": "likformig fördelning",
    "triangular": "triangelfördelning",
    "pert": "PERT-fördelning",
    "fixed": "fast värde",
    "discrete": "diskret fördelning",
}


def shown(value: Any) -> str:
    """An explanation input as text: numbers Swedish, ranges low–high, year tables as year: value."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, int | float):
        return plain_number(float(value))
    if isinstance(value, dict):
        if value.get("dist") == "discrete":
            pairs = zip(value.get("values", []), value.get("probabilities", []), strict=False)
            options = ", ".join(
                f"{plain_number(float(v))} (sannolikhet {plain_number(float(p))})" for v, p in pairs
            )
            return f"{options} ({DISTRIBUTIONS['discrete']})"
        if "low" in value and "high" in value:
            mode = f", troligast {plain_number(float(value['mode']))}" if "mode" in value else ""
            return f"{plain_number(float(value['low']))}–{plain_number(float(value['high']))}{mode} ({DISTRIBUTIONS.get(str(value.get('dist', 'uniform')), 'fördelning')})"
        return "; ".join(f"{k}: {shown(v)}" for k, v in value.items())
    return str(value)


NO_BREAK_EVEN = "inget antal räcker (utfallet ger inga vinster här)"


def needed(successes: float | None, unit: str) -> str:
    """ "88,9 elever", "3,37 % (andel av placeringskostnaderna)" for an outcome counted as a share
    (a finance officer reads 0,0337 as a count), or why no number of successes breaks even."""
    if successes is None:
        return NO_BREAK_EVEN
    share = unit.strip("() ")
    if share.lower().startswith("andel") and abs(successes) < 1:
        return f"{percent(successes, 2)} ({share})"
    return f"{count(successes)} {unit}".rstrip()


# ---------------------------------------------------------------- the page's content


@dataclass(frozen=True)
class ExplanationRow:
    label: str
    formula: str
    inputs: list[tuple[str, str]]
    value: str
    source: str
    unit_cost: str = ""

    @property
    def unit_cost_name(self) -> str:
        return _unit_cost_name(self.unit_cost) if self.unit_cost else ""


@dataclass(frozen=True)
class YearRow:
    year: int
    cost: str
    gains: list[str]
    gains_total: str
    cumulative_net: str
    cumulative_negative: bool


@dataclass(frozen=True)
class TornadoRow:
    label: str
    low: str
    high: str
    npv_low: str
    npv_high: str


@dataclass
class CalculationPage:
    scenario: Scenario
    result: Result
    settings: list[Line]
    headline: list[Line]
    explanation: list[ExplanationRow]
    actors: list[str]
    years: list[YearRow]
    tornado: list[TornadoRow]
    tornado_svg: str = ""
    monte_carlo: list[Line] = field(default_factory=list)
    histogram_svg: str = ""
    cases: list[CaseRow] = field(default_factory=list)
    value_types: list[Line] = field(default_factory=list)
    adjustments: list[Line] = field(default_factory=list)
    tornado_municipal: list[TornadoRow] = field(default_factory=list)
    payback_distribution: list[Line] = field(default_factory=list)


@lru_cache(maxsize=128)
def _evaluated(scenario_json: str) -> tuple[Scenario, Result, tuple[TornadoBar, ...]]:
    """Results are derived, never stored; this only saves recomputing the same inputs."""
    scenario = check_case_data(json.loads(scenario_json))
    return scenario, evaluate(scenario), tuple(tornado(scenario))


@lru_cache(maxsize=128)
def _municipal_tornado(scenario_json: str) -> tuple[TornadoBar, ...]:
    scenario, _result, _bars = _evaluated(scenario_json)
    return tuple(tornado(scenario, municipal=True))


def evaluated(data: dict[str, Any]) -> tuple[Scenario, Result, tuple[TornadoBar, ...]]:
    return _evaluated(json.dumps(data, sort_keys=True))


def page(data: dict[str, Any], *, charts: bool = True) -> CalculationPage:
    scenario, result, bars = evaluated(data)
    actors = sorted(result.pv_gains_by_actor)
    content = CalculationPage(
        scenario=scenario,
        result=result,
        settings=settings_lines(scenario, result),
        headline=headline(scenario, result),
        explanation=[explanation_row(e) for e in result.explanation],
        actors=[actor_label(a) for a in actors],
        years=year_rows(result, actors),
        tornado=[tornado_row(scenario, b) for b in bars],
        cases=case_rows(result),
        value_types=value_type_lines(result),
        adjustments=adjustment_lines(scenario),
    )
    if any(is_municipal(c.actor) for c in result.business_cases):
        key = json.dumps(data, sort_keys=True)
        content.tornado_municipal = [tornado_row(scenario, b) for b in _municipal_tornado(key)]
    if charts and bars:
        from sif.reports.calc_charts import tornado_svg

        content.tornado_svg = _tornado_svg(json.dumps(data, sort_keys=True), tornado_svg)
    return content


@lru_cache(maxsize=64)
def _tornado_svg(key: str, draw: Any) -> str:
    scenario, _result, bars = _evaluated(key)
    return draw(
        "Känslighet: nettonuvärde när en indata i taget är lägst och högst",
        [input_label(scenario, b.input) for b in bars],
        [b.npv_low for b in bars],
        [b.npv_high for b in bars],
        bars[0].npv_base,
    )


def settings_lines(scenario: Scenario, result: Result) -> list[Line]:
    price = f"{result.price_base_year} års priser" + (
        "" if scenario.price_adjustment else " (ingen prisomräkning med KPI)"
    )
    lines = [
        Line("Startår", str(scenario.start_year)),
        Line("Kalkylperiod", f"{scenario.horizon} år ({result.years[0]}–{result.years[-1]})"),
        Line(
            "Kalkylränta (real)",
            percent(result.discount_rate)
            if scenario.discount_schedule == "fixed"
            else SCHEDULES[scenario.discount_schedule],
        ),
        Line("Prisnivå", price),
    ]
    if scenario.target_group is not None:
        from sif.calc.distributions import point

        lines.append(Line("Målgrupp", count(point(scenario.target_group))))
    return lines


def headline(scenario: Scenario, result: Result) -> list[Line]:
    unit = scenario.outcomes[0].unit if scenario.outcomes else ""
    start = result.years[0]
    lines = [
        Line(
            "Nuvärde av kostnaderna", kr(result.pv_costs), "pv_costs", result.pv_costs, fmt.KRONOR
        ),
        *[
            Line(
                f"Nuvärde av vinsterna för {actor_label(a)}", kr(v), f"pv_gains.{a}", v, fmt.KRONOR
            )
            for a, v in sorted(result.pv_gains_by_actor.items())
        ],
        Line(
            "Nuvärde av vinsterna, totalt",
            kr(result.pv_gains),
            "pv_gains",
            result.pv_gains,
            fmt.KRONOR,
        ),
        Line("Nettonuvärde", kr(result.npv), "npv", result.npv, fmt.KRONOR),
        Line(
            "Nytta per investerad krona",
            "–" if result.benefit_cost_ratio is None else number(result.benefit_cost_ratio, 2),
            "benefit_cost_ratio",
        ),
        Line("Återbetalningsår (diskonterat)", payback(result.payback_year, start), "payback_year"),
        Line(
            "Återbetalningsår (odiskonterat)",
            payback(result.payback_year_undiscounted, start),
            "payback_year_undiscounted",
        ),
        Line(
            "Lyckade utfall som krävs för att investeringen ska bära sig",
            needed(result.break_even_successes, unit),
            "break_even_successes",
        ),
    ]
    if result.break_even_share is not None:
        lines.append(
            Line(
                "Andel av målgruppen som krävs",
                percent(result.break_even_share, 2),
                "break_even_share",
                result.break_even_share,
                fmt.SHARE,
            )
        )
    lines.append(
        Line("Kommunens egen kalkyl: nettonuvärde", kr(result.npv_municipal), "npv_municipal")
    )
    lines.append(
        Line(
            "Lyckade utfall som krävs för kommunens egen kalkyl",
            needed(result.break_even_successes_municipal, unit),
            "break_even_successes_municipal",
        )
    )
    return lines


def explanation_value(line: Explanation) -> str:
    value = line.value
    if value is None:
        return NO_PAYBACK if line.key.startswith("payback") else "–"
    if line.key in KRONOR_LINES:
        return kr(float(value))
    if line.key == "benefit_cost_ratio":
        return number(float(value), 2)
    if line.key == "break_even_share":
        return percent(float(value), 2)
    if line.key.startswith("payback"):
        return str(value)
    return count(float(value))


def explanation_row(line: Explanation) -> ExplanationRow:
    inputs = [(INPUT_NAMES.get(k, k), input_value(k, v)) for k, v in line.inputs.items()]
    return ExplanationRow(
        line.label,
        line.formula,
        inputs,
        explanation_value(line),
        line.source,
        str(line.inputs.get("enhetskostnad", "")),
    )


def year_rows(result: Result, actors: list[str]) -> list[YearRow]:
    discount = np.array(result.discount_by_year)
    net = np.cumsum((np.array(result.gains_by_year) - np.array(result.costs_by_year)) * discount)
    return [
        YearRow(
            year=year,
            cost=kr(result.costs_by_year[i]),
            gains=[kr(result.gains_by_actor_by_year[a][i]) for a in actors],
            gains_total=kr(result.gains_by_year[i]),
            cumulative_net=kr(float(net[i])),
            cumulative_negative=bool(net[i] < 0),
        )
        for i, year in enumerate(result.years)
    ]


_PATH = re.compile(r"^outcomes\[(\d+)\](?:\.values\[(\d+)\])?\.(\w+)$")


_ITEM = re.compile(r"^cost_items\[(\d+)\]\.(amounts|participants|per_participant)(?:\[(\d+)\])?$")
ITEM_LABELS = {
    "amounts": "Kostnad",
    "participants": "Deltagare",
    "per_participant": "Kostnad per deltagare",
}


def input_label(scenario: Scenario, path: str) -> str:
    """`outcomes[0].values[0].amount` -> "Belopp – Kommunen, socialtjänsten (Minskade …)"."""
    if path.startswith("costs["):
        return f"Kostnad {scenario.start_year + int(path[6:-1])}"
    item = _ITEM.match(path)
    if item is not None:
        cost = scenario.cost_items[int(item.group(1))]
        year = f" {scenario.start_year + int(item.group(3))}" if item.group(3) is not None else ""
        return f"{ITEM_LABELS[item.group(2)]}{year} – {cost.label or actor_label(cost.payer)}"
    match = _PATH.match(path)
    if match is None:
        return INPUT_LABELS.get(path, path)
    outcome = scenario.outcomes[int(match.group(1))]
    name = INPUT_LABELS.get(match.group(3), match.group(3))
    if match.group(2) is None:
        return f"{name} – {outcome.label}"
    value = outcome.values[int(match.group(2))]
    return f"{name} – {actor_label(value.actor)} ({outcome.label})"


def tornado_row(scenario: Scenario, bar: TornadoBar) -> TornadoRow:
    return TornadoRow(
        input_label(scenario, bar.input),
        plain_number(bar.low),
        plain_number(bar.high),
        kr(bar.npv_low),
        kr(bar.npv_high),
    )


# ---------------------------------------------------------------- Monte Carlo


def npv_sample(scenario: Scenario, draws: int, seed: int) -> FloatArray:
    """The NPV of every draw, drawn exactly as `monte_carlo` draws them (same seed, same chunks)."""
    rng = np.random.Generator(np.random.PCG64(seed))
    parts = []
    done = 0
    while done < draws:
        n = min(CHUNK, draws - done)
        parts.append(npv_draws(scenario, rng, n, with_break_even=False)[0])
        done += n
    return np.concatenate(parts)


def monte_carlo_lines(mc: MonteCarloResult, unit: str) -> list[Line]:
    npv, be = mc.npv, mc.break_even_successes
    lines = [
        Line("Dragningar", number(mc.draws), "draws"),
        Line("Frö", str(mc.seed), "seed"),
        Line("Sannolikhet att nettonuvärdet > 0", percent(mc.p_npv_positive), "p_npv_positive"),
        Line("Nettonuvärde, medelvärde", kr(npv.mean or 0.0), "npv_mean"),
        Line("Nettonuvärde, 5:e percentilen", kr(npv.p5 or 0.0), "npv_p5"),
        Line("Nettonuvärde, median (50:e percentilen)", kr(npv.p50 or 0.0), "npv_p50"),
        Line("Nettonuvärde, 95:e percentilen", kr(npv.p95 or 0.0), "npv_p95"),
    ]
    if be.mean is not None:
        lines.append(
            Line(
                "Lyckade utfall som krävs, 5:e / 50:e / 95:e percentilen",
                f"{count(be.p5)} / {count(be.p50)} / {count(be.p95)} {unit}".rstrip(),
                "break_even",
            )
        )
    own = mc.municipal_npv
    lines += [
        Line(
            "Sannolikhet att kommunens eget nettonuvärde > 0",
            percent(mc.p_municipal_npv_positive),
            "p_municipal_npv_positive",
        ),
        Line(
            "Kommunens nettonuvärde, 5:e / 50:e / 95:e percentilen",
            f"{kr(own.p5 or 0.0)} / {kr(own.p50 or 0.0)} / {kr(own.p95 or 0.0)}",
            "municipal_npv",
        ),
        Line(
            "Återbetalningsår (diskonterat), median",
            NO_PAYBACK if mc.payback_year_p50 is None else str(mc.payback_year_p50),
            "payback_year_p50",
        ),
    ]
    return lines


def payback_lines(mc: MonteCarloResult) -> list[Line]:
    """The payback year's distribution: the share of draws per year, and never."""
    lines = [
        Line(str(year), percent(share), f"payback.{year}")
        for year, share in sorted(mc.payback_year_shares.items())
    ]
    lines.append(Line(NO_PAYBACK.capitalize(), percent(mc.payback_never_share), "payback.never"))
    return lines


def add_monte_carlo(content: CalculationPage, draws: int, seed: int) -> MonteCarloResult:
    from sif.reports.calc_charts import npv_histogram_svg

    mc = monte_carlo(content.scenario, draws, seed)
    unit = content.scenario.outcomes[0].unit if content.scenario.outcomes else ""
    content.monte_carlo = monte_carlo_lines(mc, unit)
    content.payback_distribution = payback_lines(mc)
    content.histogram_svg = npv_histogram_svg(
        f"Nettonuvärde i {number(draws)} dragningar (frö {seed})",
        npv_sample(content.scenario, draws, seed),
    )
    return mc


# ---------------------------------------------------------------- the unit-cost catalogue


def catalogue_choices(municipality: str | None = None) -> list[tuple[str, str]]:
    from sif.calc.labels_sv import UNITS

    choices = [("", "– ingen, ange belopp –")]
    for uc in load_catalogue(municipality):
        amount = (
            plain_number(float(uc.low))
            if not uc.is_range
            else f"{plain_number(float(uc.low))}–{plain_number(float(uc.high))}"
        )
        choices.append(
            (
                uc.key,
                f"{uc.name_sv}: {amount} {UNITS.get(uc.unit, uc.unit)} ({uc.price_year} års priser)",
            )
        )
    return choices
