"""`sif calc CASE [--json] [--monte-carlo N] [--seed S]`: a socioeconomic calculation from a case file.

Prints a Swedish results table (or JSON with --json). Errors are printed in Swedish to stderr with
exit code 2, never a traceback. Never imports Django.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from sif.calc import render
from sif.calc.casefile import Case, load_case
from sif.calc.effects import extra_successes, realised_gains, risk_difference
from sif.calc.errors import SifError
from sif.calc.model import evaluate, result_to_dict
from sif.calc.numbers import whole_number
from sif.calc.uncertainty import MonteCarloResult, Progress, monte_carlo, tornado


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="sif calc", description="Socioekonomisk kalkyl ur en kalkylfil (TOML eller JSON)."
    )
    p.add_argument("case", type=Path, help="kalkylfil, t.ex. examples/calc/ppss.toml")
    p.add_argument("--json", action="store_true", help="skriv resultatet som JSON")
    p.add_argument("--monte-carlo", type=int, metavar="N", help="N dragningar Monte Carlo")
    p.add_argument("--seed", type=int, default=0, help="slumpfrö för Monte Carlo (standard 0)")
    p.add_argument("--tornado", action="store_true", help="känslighetsanalys, en indata i taget")
    return p


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    try:
        output = run(args)
    except SifError as error:
        from sif.messages import message_for_error

        print(f"Fel: {message_for_error(error)}", file=sys.stderr)
        return 2
    print(output)
    return 0


def run(args: argparse.Namespace) -> str:
    case = load_case(args.case)
    result = evaluate(case.scenario)
    data: dict[str, Any] = result_to_dict(result)
    text = render.results_table(case.scenario, result)
    if case.effect is not None:
        effect_data, effect_text = _effect(case)
        data["effect"] = effect_data
        text += "\n" + effect_text
    if args.monte_carlo is not None:
        mc = monte_carlo(case.scenario, args.monte_carlo, args.seed, _progress_bar())
        data["monte_carlo"] = mc.to_dict()
        text += "\n" + render.monte_carlo_table(mc)
    if args.tornado:
        bars = tornado(case.scenario)
        data["tornado"] = [dict(vars(b), swing=b.swing) for b in bars]
        text += "\n" + _tornado_text(bars)
    return json.dumps(render.plain(data), ensure_ascii=False, indent=2) if args.json else text


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
    rd = risk_difference(
        counts["intervention_successes"],
        counts["intervention_n"],
        counts["comparison_successes"],
        counts["comparison_n"],
        float(spec.get("confidence", 0.95)),
    )
    key = spec.get("outcome")
    outcome = next((o for o in case.scenario.outcomes if o.key == key), None)
    if key is not None and outcome is None:
        raise SifError("effect_outcome_unknown", field="effect.outcome", value=key)
    extra = extra_successes(rd, counts["intervention_n"])
    gains = (
        realised_gains(extra, outcome, case.scenario.base_year, case.scenario.price_adjustment)
        if outcome
        else {}
    )
    note = "Gruppstorlekarna är antaganden, se Antaganden." if case.scenario.assumptions else ""
    data = dict(vars(rd), extra_successes=extra, realised_gains_per_year=gains)
    return data, render.effect_table(rd, extra, gains, note)


def _tornado_text(bars: list[Any]) -> str:
    lines = ["", "Känslighet (en indata i taget, nettonuvärde vid lägsta / högsta värde):"]
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
