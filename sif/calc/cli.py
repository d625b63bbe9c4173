"""`sif calc CASE [--json] [--monte-carlo N] [--seed S]`: a socioeconomic calculation from a case file.

Prints a Swedish results table (or JSON with --json). Errors are printed in Swedish to stderr with
exit code 2, never a traceback. Never imports Django.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, NoReturn

from sif.calc import render
from sif.calc.casefile import Case, load_case
from sif.calc.effects import extra_successes, realised_gains, risk_difference
from sif.calc.errors import SifError
from sif.calc.model import evaluate, result_to_dict
from sif.calc.numbers import number, whole_number
from sif.calc.uncertainty import MonteCarloResult, Progress, monte_carlo, tornado

MAX_DRAWS = 1_000_000
MAX_SEED = 2**32 - 1


class _Parser(argparse.ArgumentParser):
    """argparse that raises a SifError (a Swedish message, exit code 2) instead of printing
    its English usage error."""

    def error(self, message: str) -> NoReturn:
        raise SifError("invalid_arguments", detail=message)


def parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="sif calc", description="Socioekonomisk kalkyl ur en kalkylfil (TOML eller JSON)."
    )
    p.add_argument("case", type=Path, help="kalkylfil, t.ex. examples/calc/ppss.toml")
    p.add_argument("--json", action="store_true", help="skriv resultatet som JSON")
    p.add_argument(
        "--monte-carlo", metavar="N", help=f"N dragningar Monte Carlo (högst {MAX_DRAWS})"
    )
    p.add_argument("--seed", default="0", help="slumpfrö för Monte Carlo (standard 0)")
    p.add_argument("--tornado", action="store_true", help="känslighetsanalys, en indata i taget")
    return p


def main(argv: list[str]) -> int:
    try:
        output = run(parser().parse_args(argv))
    except SifError as error:
        from sif.messages import message_for_error

        print(f"Fel: {message_for_error(error)}", file=sys.stderr)
        return 2
    print(output)
    return 0


def draws_and_seed(draws: object, seed: object) -> tuple[int, int]:
    """--monte-carlo and --seed as bounded whole numbers (`draws_not_positive`, `draws_too_many`,
    `seed_out_of_range`)."""
    n = whole_number(draws, "--monte-carlo")
    if n <= 0:
        raise SifError("draws_not_positive", field="--monte-carlo", value=n)
    if n > MAX_DRAWS:
        raise SifError(
            "monte_carlo_draws_too_many", field="--monte-carlo", value=n, limit=MAX_DRAWS
        )
    s = whole_number(seed, "--seed")
    if not 0 <= s <= MAX_SEED:
        raise SifError("seed_out_of_range", field="--seed", value=s, limit=MAX_SEED)
    return n, s


def run(args: argparse.Namespace) -> str:
    case = load_case(args.case)
    result = evaluate(case.scenario)
    data: dict[str, Any] = result_to_dict(result)
    data["adjustments"] = render.adjustments_dict(case.scenario)
    text = render.results_table(case.scenario, result)
    if case.effect is not None:
        effect_data, effect_text = _effect(case)
        data["effect"] = effect_data
        text += "\n" + effect_text
    if args.monte_carlo is not None:
        draws, seed = draws_and_seed(args.monte_carlo, args.seed)
        mc = monte_carlo(case.scenario, draws, seed, _progress_bar())
        data["monte_carlo"] = mc.to_dict()
        text += "\n" + render.monte_carlo_table(mc)
    if args.tornado:
        bars = tornado(case.scenario)
        own = tornado(case.scenario, municipal=True)
        data["tornado"] = [dict(vars(b), swing=b.swing) for b in bars]
        data["tornado_municipal"] = [dict(vars(b), swing=b.swing) for b in own]
        text += "\n" + _tornado_text(bars, "nettonuvärde")
        text += "\n" + _tornado_text(own, "kommunens eget nettonuvärde")
    return (
        json.dumps(render.plain(data), ensure_ascii=False, indent=2, allow_nan=False)
        if args.json
        else text
    )


def _effect(case: Case) -> tuple[dict[str, Any], str]:
    spec = case.effect or {}
    counts = {
        k: whole_number(spec.get(k), f"effect.{k}")
        for k in (
            "intervention_successes",
            "intervention_n",
            "comparison_successes",
            "comparison_n",
        )
    }
    confidence = number(spec.get("confidence", 0.95), "effect.confidence")
    if not 0 < confidence < 1:
        raise SifError("share_out_of_range", field="effect.confidence", value=confidence)
    assumed = spec.get("group_sizes_assumed", False)
    if not isinstance(assumed, bool):
        raise SifError("invalid_boolean", field="effect.group_sizes_assumed", value=repr(assumed))
    rd = risk_difference(
        counts["intervention_successes"],
        counts["intervention_n"],
        counts["comparison_successes"],
        counts["comparison_n"],
        confidence,
    )
    key = spec.get("outcome")
    if key is not None and not isinstance(key, str):
        raise SifError("invalid_text", field="effect.outcome", value=repr(key))
    outcome = next((o for o in case.scenario.outcomes if o.key == key), None)
    if key is not None and outcome is None:
        raise SifError("effect_outcome_unknown", field="effect.outcome", value=key)
    extra = extra_successes(rd, counts["intervention_n"])
    gains = (
        realised_gains(extra, outcome, case.scenario.base_year, case.scenario.price_adjustment)
        if outcome
        else {}
    )
    note = "Gruppstorlekarna är antaganden, se Antaganden." if assumed else ""
    data = dict(vars(rd), extra_successes=extra, realised_gains_per_year=gains)
    return data, render.effect_table(rd, extra, gains, note)


def _tornado_text(bars: list[Any], what: str) -> str:
    lines = ["", f"Känslighet (en indata i taget, {what} vid lägsta / högsta värde):"]
    for bar in bars:
        lines.append(f"  {bar.input:<36}{render.kr(bar.npv_low):>20}{render.kr(bar.npv_high):>20}")
    return "\n".join(lines)


def _progress_bar() -> Progress | None:
    """A rich progress bar on stderr, only when stderr is a terminal."""
    if not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import Progress as Bar

    bar = Bar(console=Console(stderr=True), transient=True)
    task = bar.add_task("Monte Carlo", total=None)
    bar.start()

    def update(done: int, total: int) -> None:
        bar.update(task, completed=done, total=total)
        if done >= total:
            bar.stop()

    return update


__all__ = ["main", "MonteCarloResult"]
