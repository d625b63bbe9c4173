"""Page speed and size at demo size and at a generated scale (issue 16), in one process.

Run: .venv/bin/python -m benchmarks.bench_scale [--municipalities N] [--projects N] [--events N]
     [--database-url URL]   (updates the scale section of benchmarks/RESULTS.md)

For each size it makes a fresh database (SQLite in a temporary folder, or the PostgreSQL database
named by --database-url, which must be empty), loads the demo, then the synthetic data of
`sif generate-scale-data` at the given size, logs in as the fund administrator of the largest
synthetic municipality and requests every main list page with Django's test client: queries per
request, HTML size, and p50/p95 of the request time over RUNS requests (time.perf_counter). The
production server, 20 users, saturation and memory at demo and national size on PostgreSQL are
measured by benchmarks/bench_scale_served.py (`make bench-scale-served`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.results import write_section

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
START, END = "<!-- scale:start -->", "<!-- scale:end -->"
RUNS = 15


def _setup(data_dir: Path, database_url: str | None) -> None:
    os.environ["SIF_DATA_DIR"] = str(data_dir)
    os.environ["DATABASE_URL"] = database_url or f"sqlite:///{data_dir / 'bench.sqlite3'}"
    os.environ["SIF_DOCUMENTS_IN_BACKGROUND"] = "false"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sif.web.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("demo", stdout=open(os.devnull, "w"))  # noqa: SIM115


def _pages() -> dict[str, str]:
    from sif.web.projects.models import Fund, Project

    fund = Fund.objects.get(municipality__code="syntetisk-001")
    big = Project.objects.filter(fund=fund).order_by("pk").first()
    return {
        "projektlista": "/projekt/",
        "projektsida (största projektet)": f"/projekt/{big.pk}/",
        "hela tidslinjen, sida 1": f"/projekt/{big.pk}/?handelser=alla",
        "fondens bokföring": f"/fond/{fund.pk}/bokforing/",
        "API: mätvärden, sida 1": f"/api/projects/{big.pk}/measurements?limit=100",
        "API: händelser, sida 1": f"/api/projects/{big.pk}/events?limit=100",
        "öppen sida (Stockholm)": f"/oppet/fond/{Fund.objects.get(municipality__code='stockholm').pk}/",
    }


def _measure(client: object, url: str) -> tuple[int, int, float, float]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # type: ignore[attr-defined]
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)  # type: ignore[attr-defined]
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    return len(queries), len(response.content), statistics.median(times) * 1000, p95 * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--municipalities", type=int, default=20)
    parser.add_argument(
        "--projects", type=int, default=331, help="projects of the largest municipality"
    )
    parser.add_argument("--events", type=int, default=270, help="events per project")
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        _setup(Path(tmp), args.database_url)
        from django.contrib.auth import get_user_model
        from django.test import Client

        from sif.web.accounts.models import Membership, Municipality, Role
        from sif.web.scale.generate import Sizes, describe, generate

        sizes = Sizes(
            municipalities=args.municipalities,
            big_municipality_projects=args.projects,
            events_per_project=args.events,
        )
        began = time.perf_counter()
        counts = generate(sizes, seed=2026)
        generation = time.perf_counter() - began
        user = get_user_model().objects.create_user("bench", password="x")
        Membership.objects.create(
            user=user,
            municipality=Municipality.objects.get(code="syntetisk-001"),
            role=Role.FUND_ADMIN,
        )
        Membership.objects.create(
            user=user, municipality=Municipality.objects.get(code="stockholm"), role=Role.FUND_ADMIN
        )
        client = Client()
        client.force_login(user)
        rows = [(name, *_measure(client, url)) for name, url in _pages().items()]
        engine = "PostgreSQL" if args.database_url else "SQLite"
    lines = [
        START,
        f"## Scale (issue 16): list pages on generated data, {engine}, one process, Django's test client",
        "",
        f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, Python {sys.version.split()[0]}; "
        f"{dt.datetime.now(dt.UTC).date().isoformat()}. Data: the demo plus {describe(counts)}, generated in {generation:.0f} s. "
        f"{RUNS} requests per page after one warm-up.",
        "",
        "| page | queries | HTML/JSON (KB) | p50 (ms) | p95 (ms) |",
        "|---|---:|---:|---:|---:|",
        *[
            f"| {name} | {q} | {size / 1024:.0f} | {p50:.0f} | {p95:.0f} |"
            for name, q, size, p50, p95 in rows
        ],
        "",
        END,
    ]
    block = "\n".join(lines)
    write_section("scale", block)
    print(block)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
