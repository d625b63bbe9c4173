"""A large Monte Carlo run (more than SIF_MONTE_CARLO_BACKGROUND_DRAWS draws) made by `sif worker`.

The run is a pure function of the stored inputs, the number of draws and the seed, so its result
is a derived value, not a record: it is kept in the shared cache under a hash of the three, and
any process showing the same calculation with the same draws and seed finds it. The page shows
the run's state (queued, running) and reloads itself until the result is there.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django_tasks import task

from sif.calc.errors import SifError
from sif.web.calculations import present
from sif.web.calculations.present_cases import Line

log = logging.getLogger("sif.tasks")
RESULT_VERSION = "1"  # bump when the run's result changes shape or meaning
QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
WAIT_SECONDS = 600  # a run queued or running this long without a result is queued again
KEEP_SECONDS = 7 * 24 * 3600


@dataclass
class MonteCarloRun:
    state: str
    monte_carlo: list[Line] = field(default_factory=list)
    payback_distribution: list[Line] = field(default_factory=list)
    histogram_svg: str = ""
    error: str = ""  # a message code (sif/web/messages_sv.py) and its parameters
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def waiting(self) -> bool:
        return self.state in (QUEUED, RUNNING)


def run_key(data: dict[str, Any], draws: int, seed: int) -> str:
    text = json.dumps([RESULT_VERSION, data, draws, seed], sort_keys=True, ensure_ascii=False)
    return "monte-carlo:" + hashlib.sha256(text.encode()).hexdigest()


def monte_carlo_order(data: dict[str, Any], draws: int, seed: int) -> MonteCarloRun:
    """The run of these inputs: its result when made, else queued now (once, whoever asks)."""
    key = run_key(data, draws, seed)
    run = cache.get(key)
    if isinstance(run, MonteCarloRun):
        return run
    run = MonteCarloRun(QUEUED)
    if cache.add(key, run, WAIT_SECONDS):
        transaction.on_commit(lambda: run_monte_carlo.enqueue(data, draws, seed))
    return run


def apply(content: present.CalculationPage, run: MonteCarloRun) -> None:
    content.monte_carlo = run.monte_carlo
    content.payback_distribution = run.payback_distribution
    content.histogram_svg = run.histogram_svg


@task()
def run_monte_carlo(data: dict[str, Any], draws: int, seed: int) -> str:
    key = run_key(data, draws, seed)
    cache.set(key, MonteCarloRun(RUNNING), WAIT_SECONDS)
    try:
        content = present.page(data, charts=False)
        present.add_monte_carlo(content, draws, seed)
    except SifError as exc:
        run = MonteCarloRun(FAILED, error=exc.code, params=dict(exc.params))
    except Exception:  # noqa: BLE001 - any failure is shown on the page and logged, never lost
        log.exception("monte carlo run failed", extra={"draws": draws})
        run = MonteCarloRun(FAILED, error="monte_carlo_failed")
    else:
        run = MonteCarloRun(
            DONE, content.monte_carlo, content.payback_distribution, content.histogram_svg
        )
    cache.set(key, run, KEEP_SECONDS if run.state == DONE else WAIT_SECONDS)
    return run.state
