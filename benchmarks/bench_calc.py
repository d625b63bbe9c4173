"""Speed of the socioeconomic calculation's Monte Carlo (sif.calc.uncertainty).

Run: .venv/bin/python -m benchmarks.bench_calc   (updates the calc section of benchmarks/RESULTS.md)

1. One project, 100 000 draws × 30 years × 10 uncertain inputs (goal ≤ 100 ms).
2. A portfolio of 1 000 projects × 10 000 draws each (goal ≤ 2 s).
3. The same model as a plain pure-Python loop on the same drawn inputs (run on fewer draws and
   scaled linearly), and the floor: numpy just filling arrays of that size.
Times are the best of several runs (time.perf_counter).
"""

from __future__ import annotations

import datetime as dt
import math
import os
import platform
import re
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import numpy as np

from sif.calc import engine
from sif.calc.distributions import Distribution, Fixed, Pert, Triangular, Uniform, sample
from sif.calc.scenario import ActorValue, Outcome, Scenario, inputs
from sif.calc.uncertainty import monte_carlo, npv_draws

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
DRAWS, YEARS, PORTFOLIO, PORTFOLIO_DRAWS, LOOP_DRAWS = 100_000, 30, 1_000, 10_000, 5_000


def project(scale: float = 1.0) -> Scenario:
    """30 years, 10 uncertain inputs: 3 yearly costs, successes, deadweight, attribution,
    drop-off, two actor amounts (HVB 3 000–4 000 kr a day, seed 000) and the discount rate."""
    values = (
        ActorValue("kommun.socialtjanst", Uniform(3000, 4000), 2016, "seed 000", quantity=Fixed(365)),
        ActorValue("stat", Triangular(50_000, 80_000, 120_000), 2016, "benchmark"),
    )
    outcome = Outcome(
        key="o", label="o", values=values,
        successes=Pert(5 * scale, 12 * scale, 25 * scale), deadweight=Uniform(0.1, 0.3),
        attribution=Triangular(0.4, 0.6, 0.8), drop_off=Uniform(0.0, 0.15),
    )
    costs = (Uniform(8e6, 10e6), Uniform(8e6, 10e6), Uniform(2e6, 4e6))
    return Scenario(name="bench", start_year=2016, horizon=YEARS, costs=costs, outcomes=(outcome,),
                    discount_rate=Uniform(0.02, 0.05), price_adjustment=False)


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def drawn(scenario: Scenario, n: int, seed: int) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    return {path: np.broadcast_to(np.asarray(sample(d, rng, n), dtype=np.float64), (n,)) for path, d in inputs(scenario)}


def library_npv(scenario: Scenario, draws: dict[str, np.ndarray]) -> np.ndarray:
    by_id = {id(d): draws[path] for path, d in inputs(scenario)}

    def resolve(d: Distribution) -> np.ndarray:
        return by_id[id(d)]

    figures = engine.evaluate_figures(scenario, resolve, yearly=False)
    return np.asarray(sum(engine.pv_gains_by_actor(figures).values()) - figures.pv_costs)


def loop_npv(draws: dict[str, np.ndarray], n: int) -> list[float]:
    """The same model, one draw and one year at a time, in plain Python floats."""
    columns = {k: v.tolist() for k, v in draws.items()}
    out = []
    for i in range(n):
        r = columns["discount_rate"][i]
        pv_costs = sum(columns[f"costs[{j}]"][i] / (1 + r) ** j for j in range(3))
        value = 0.0
        for j in range(2):
            v = f"outcomes[0].values[{j}]."
            value += columns[v + "amount"][i] * columns[v + "quantity"][i] * columns[v + "share"][i] / columns[v + "divide_by"][i]
        effective = columns["outcomes[0].successes"][i] * (1 - columns["outcomes[0].deadweight"][i]) * columns["outcomes[0].attribution"][i]
        drop = columns["outcomes[0].drop_off"][i]
        pv_gains = 0.0
        for t in range(YEARS):
            pv_gains += effective * value * (1 - drop) ** t / (1 + r) ** t
        out.append(pv_gains - pv_costs)
    return out


def measure() -> dict[str, float]:
    one = project()
    uncertain = sum(1 for _, d in inputs(one) if not isinstance(d, Fixed))
    assert uncertain == 10, uncertain
    figures: dict[str, float] = {}
    figures["mc_one_project"] = best(lambda: monte_carlo(one, DRAWS, seed=1), 7)
    pre = drawn(one, DRAWS, seed=2)
    figures["model_only_one_project"] = best(lambda: library_npv(one, pre), 7)
    rng = np.random.default_rng(0)
    figures["floor_fill"] = best(lambda: (rng.random((DRAWS, 10)), np.ones((DRAWS, YEARS))), 7)
    small = {k: v[:LOOP_DRAWS] for k, v in pre.items()}
    loop_time = best(lambda: loop_npv(small, LOOP_DRAWS), 3)
    figures["loop_scaled"] = loop_time * DRAWS / LOOP_DRAWS
    figures["loop_measured"] = loop_time
    check = np.asarray(loop_npv(small, 200))
    assert np.allclose(check, library_npv(one, pre)[:200], rtol=1e-9), "loop and library disagree"
    projects = [replace(project(scale=0.5 + i / PORTFOLIO)) for i in range(PORTFOLIO)]

    def portfolio() -> float:
        rng = np.random.Generator(np.random.PCG64(5))
        total = np.zeros(PORTFOLIO_DRAWS)
        for scenario in projects:
            total += npv_draws(scenario, rng, PORTFOLIO_DRAWS, with_break_even=False)[0]
        return float(np.mean(total > 0))

    figures["portfolio"] = best(portfolio, 3)
    figures["portfolio_mc_calls"] = best(lambda: [monte_carlo(s, PORTFOLIO_DRAWS, seed=i) for i, s in enumerate(projects)], 1)
    return figures


def machine() -> str:
    model = ""
    try:
        model = next(
            (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
            "",
        )
    except OSError:
        pass
    return f"{model or platform.processor()}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}, Python {platform.python_version()}, numpy {np.__version__}"


def n(value: int) -> str:
    return f"{value:,}".replace(",", " ")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms".replace(",", " ")


def section(f: dict[str, float]) -> str:
    speedup = f["loop_scaled"] / f["mc_one_project"]
    model_speedup = f["loop_scaled"] / f["model_only_one_project"]
    return "\n".join([
        "<!-- calc:start -->",
        "## Socioekonomisk kalkyl: Monte Carlo (`benchmarks/bench_calc.py`)",
        "",
        f"Machine: {machine()}. Date: {dt.datetime.now(dt.UTC).strftime('%Y-%m-%d %H:%M UTC')}.",
        "Best of several runs, one process. Run: `.venv/bin/python -m benchmarks.bench_calc`. "
        f"Load average at the end of the run: {os.getloadavg()[0]:.1f} (other work was sharing the 2 CPUs, so figures vary between runs).",
        "",
        "| measurement | time | goal |",
        "|---|---|---|",
        f"| one project, {n(DRAWS)} draws × {YEARS} years × 10 uncertain inputs, `monte_carlo` (sampling, model, percentiles) | {ms(f['mc_one_project'])} | ≤ 100 ms |",
        f"| same model on pre-drawn inputs (no sampling) | {ms(f['model_only_one_project'])} | |",
        f"| portfolio, {n(PORTFOLIO)} projects × {n(PORTFOLIO_DRAWS)} draws (`npv_draws` per project, portfolio NPV per draw) | {ms(f['portfolio'])} | ≤ 2 s |",
        f"| portfolio, {n(PORTFOLIO)} separate `monte_carlo` calls (percentiles for each project) | {ms(f['portfolio_mc_calls'])} | |",
        f"| pure-Python loop, same model on the same pre-drawn inputs: measured on {n(LOOP_DRAWS)} draws ({ms(f['loop_measured'])}), scaled ×{DRAWS // LOOP_DRAWS} to {n(DRAWS)} | {ms(f['loop_scaled'])} | |",
        f"| floor: numpy filling a {n(DRAWS)}×10 array with uniforms and a {n(DRAWS)}×{YEARS} array with ones | {ms(f['floor_fill'])} | |",
        "",
        f"Pure-Python loop / library: {speedup:.0f}× with sampling and percentiles, {model_speedup:.0f}× for the model on the same inputs (goal ≥ 50×). "
        "The loop's NPVs equal the library's on the first 200 draws (rtol 1e-9).",
        "<!-- calc:end -->",
    ])


def write(text: str) -> None:
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmarks\n"
    pattern = re.compile(r"<!-- calc:start -->.*?<!-- calc:end -->", re.S)
    new = pattern.sub(lambda _: text, old) if pattern.search(old) else old.rstrip("\n") + "\n\n" + text + "\n"
    RESULTS.write_text(new, encoding="utf-8")


def main() -> None:
    figures = measure()
    text = section(figures)
    write(text)
    print(text)
    assert math.isfinite(figures["mc_one_project"])


if __name__ == "__main__":
    main()
