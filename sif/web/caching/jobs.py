"""Charts a request was not allowed to draw (sif.reports.charts.drawing_budget), drawn by
`sif worker` into the shared store; the page shows a placeholder until a reload finds them.

A chart already queued (by this or another request) is not queued again: a mark in the shared
cache says so for PENDING_SECONDS, after which a reload queues it again (a worker that died).
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django_tasks import task

from sif.reports import charts

log = logging.getLogger("sif.tasks")
PENDING_SECONDS = 300


def charts_defer(deferred: list[charts.DeferredChart]) -> int:
    """Queue the charts not yet queued; the number queued (0 without background charts)."""
    if not deferred or not charts_in_background():
        return 0
    new = [d for d in deferred if cache.add(f"chart-pending:{d.key}", 1, PENDING_SECONDS)]
    if new:
        specs = [[d.name, d.args, d.kwargs] for d in new]
        transaction.on_commit(lambda: draw_charts.enqueue(specs))
    return len(new)


def charts_in_background() -> bool:
    """Background charts need a worker: with the immediate backend (`sif serve --dev`) queuing
    would draw them inside the request, past its bound; the next reload draws them instead."""
    backend = settings.TASKS["default"]["BACKEND"]
    return settings.CHARTS_IN_BACKGROUND and not backend.endswith("ImmediateBackend")


@task()
def draw_charts(specs: list[list[Any]]) -> int:
    """Draw each chart (name, args, kwargs) into the stores; the number drawn."""
    done = 0
    for name, args, kwargs in specs:
        try:
            charts.draw_deferred(name, args, kwargs)
            done += 1
        except Exception:  # noqa: BLE001 - one bad chart must not stop the others; it is logged
            log.exception("chart not drawn", extra={"chart": name})
    return done
