"""Documents and slow pages once heavy work runs in the background (issue 11).

Run: .venv/bin/python -m benchmarks.bench_production   (updates the production section of RESULTS.md)

Loads the demo into a temporary SQLite database and, logged in as the Stockholm (or Eskilstuna)
fund administrator with Django's test client, measures for each document:
- inside the request: the download as it was before (SIF_DOCUMENTS_IN_BACKGROUND=false),
- in the background: the request that orders it (answers 303 to the job page), the worker's time
  to make it (the task run as `sif worker` runs it) and the job page once it is ready.
And the slow pages: the follow-up page of STIS and of a synthetic project of issue 16's size
(40 units × 25 indicators × 12 tertials) with the charts cleared (this process's and the shared
cache's) and again warm, with the number of charts the request drew; the calculation page and a
100 000-draw Monte Carlo run in the request and in the worker; an import read in the request and in
the worker.
Best and median of RUNS runs (time.perf_counter); every job is a new one (the reuse window cleared).
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.bench_followup import _machine, _setup
from benchmarks.results import write_section

START, END = "<!-- production:start -->", "<!-- production:end -->"
RUNS = 3
NOTE = [
    "",
    "The follow-up page draws at most SIF_CHARTS_PER_REQUEST (12) charts per request whatever the project's size (before: every",
    "indicator × 2 plus a radar per unit, 97 on issue 16's big project, 27–31 s cold on a quiet machine); the charts not drawn show a",
    'placeholder and are drawn by the worker. "Charts cleared" empties this process\'s charts and the shared cache. What remains of the',
    "big project's warm time is the selectors (all 25 indicators' tables and the reporting status of 40 units × 12 periods), not charts.",
    "Monte Carlo above 20 000 draws and imports run in the worker; the request only queues them.",
]


def _ms(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def measure() -> list[tuple[str, list[float], list[float], list[float], list[float]]]:
    from django.conf import settings
    from django.test import Client

    from sif.web.accounts.models import Membership, Role
    from sif.web.projects.models import Fund, Project
    from sif.web.tasks.jobs import render_document_job
    from sif.web.tasks.models import DocumentJob

    def client_for(project: Project) -> Client:
        admin = (
            Membership.objects.filter(
                municipality=project.municipality, role=Role.FUND_ADMIN, unit__isnull=True
            )
            .order_by("pk")
            .first()
        )
        client = Client()
        client.force_login(admin.user)
        return client

    pilot = Project.objects.get(title__startswith="Pilot för en innovativ")
    stis = Project.objects.get(title__startswith="Stärkt tidigt stöd")
    fund = Fund.objects.get(municipality=pilot.municipality)
    documents = [
        ("ansökan, piloten (PDF)", pilot, f"/projekt/{pilot.pk}/dokument/ansokan.pdf"),
        ("tjänsteutlåtande, STIS (PDF)", stis, f"/projekt/{stis.pk}/dokument/tjansteutlatande.pdf"),
        ("slutrapport, STIS (PDF)", stis, f"/projekt/{stis.pk}/dokument/slutrapport.pdf"),
        ("slutrapport, STIS (DOCX)", stis, f"/projekt/{stis.pk}/dokument/slutrapport.docx"),
        ("portfölj, Stockholm (PDF)", pilot, f"/fond/{fund.pk}/portfolj.pdf"),
    ]
    rows = []
    for label, project, url in documents:
        get = functools.partial(client_for(project).get, url)
        settings.DOCUMENTS_IN_BACKGROUND = False
        get()  # imports, fonts
        inline = [_ms(get) for _ in range(RUNS)]
        settings.DOCUMENTS_IN_BACKGROUND = True
        order, work, page = [], [], []
        for _ in range(RUNS):
            DocumentJob.objects.all().delete()
            start = time.perf_counter()
            response = get()
            order.append((time.perf_counter() - start) * 1000)
            if response.status_code != 303:  # made in the request (the portfolio, today)
                break
            job_id = str(DocumentJob.objects.get().pk)
            work.append(_ms(functools.partial(render_document_job.call, job_id)))
            page.append(_ms(functools.partial(get.func, response["Location"])))
        rows.append((label, inline, order, work, page))
    return rows


def _big_project() -> object:
    """One synthetic project of issue 16's size (40 units × 25 indicators × 12 tertials) beside
    the demo, readable by the Stockholm fund administrator."""
    from sif.web.accounts.models import Membership, Municipality, Role
    from sif.web.projects.models import Project
    from sif.web.scale.generate import Sizes, generate

    generate(
        Sizes(
            municipalities=1,
            projects_per_municipality=0,
            big_municipality_projects=1,
            events_per_project=10,
        )
    )
    municipality = Municipality.objects.get(code__startswith="syntetisk-")
    admin = _admin_of(Project.objects.get(title__startswith="Stärkt tidigt stöd"))
    Membership.objects.create(user=admin, municipality=municipality, role=Role.FUND_ADMIN)
    return Project.objects.filter(municipality=municipality).order_by("pk").first()


def _admin_of(project: object) -> object:
    from sif.web.accounts.models import Membership, Role

    return (
        Membership.objects.filter(
            municipality=project.municipality, role=Role.FUND_ADMIN, unit__isnull=True
        )
        .order_by("pk")
        .first()
        .user
    )


def _drawn_by(action: Callable[[], object]) -> int:
    """Charts drawn (not found in a store) while `action` runs."""
    from sif.reports import charts

    drawn = []
    real = charts._svg
    charts._svg = lambda fig, title: drawn.append(title) or real(fig, title)
    try:
        action()
    finally:
        charts._svg = real
    return len(drawn)


def slow_pages() -> list[tuple[str, list[float]]]:
    from django.conf import settings
    from django.test import Client

    from sif.demo import SEEDS
    from sif.reports import charts
    from sif.web.calculations.background import run_monte_carlo
    from sif.web.imports.jobs import read_import_batch
    from sif.web.projects.models import Project

    stis = Project.objects.get(title__startswith="Stärkt tidigt stöd")
    big = _big_project()
    client = Client()
    client.force_login(_admin_of(stis))
    rows: list[tuple[str, list[float]]] = []

    def follow_up(label: str, url: str) -> None:
        cold, drawn = [], []
        settings.CHARTS_IN_BACKGROUND = False  # count what the request itself draws
        for _ in range(RUNS):
            charts.cache_clear()  # this process's charts and the shared cache's
            start = time.perf_counter()
            drawn.append(_drawn_by(lambda: client.get(url)))
            cold.append((time.perf_counter() - start) * 1000)
        warm = [_ms(lambda: client.get(url)) for _ in range(RUNS)]
        size = len(client.get(url).content) // 1024
        rows.append((f"{label}, charts cleared ({max(drawn)} drawn, {size} kB)", cold))
        rows.append((f"{label}, charts cached", warm))

    follow_up("follow-up STIS (demo)", f"/projekt/{stis.pk}/uppfoljning/")
    url = f"/projekt/{big.pk}/uppfoljning/"
    follow_up("follow-up, 40 units × 25 indicators, default selection", url)
    indicators = list(big.indicators.order_by("position", "pk").values_list("pk", flat=True))
    units = list(big.units.order_by("name").values_list("pk", flat=True))
    chosen = "&".join(
        [f"indikator={i}" for i in indicators[8:16]] + [f"enhet={u}" for u in units[:8]]
    )
    follow_up("follow-up, 40 × 25, 8 indicators × 8 units chosen", f"{url}?{chosen}")

    pilot = Project.objects.get(title__startswith="Pilot för en innovativ")
    calc = f"/projekt/{pilot.pk}/kalkyl/"
    rows.append(("calculation, pilot", [_ms(lambda: client.get(calc)) for _ in range(RUNS)]))
    draws = f"{calc}?draws=100000&seed=3"
    settings.MONTE_CARLO_IN_BACKGROUND = False
    rows.append(
        (
            "calculation, 100 000 draws in the request (before)",
            [_ms(lambda: client.get(draws)) for _ in range(RUNS)],
        )
    )
    settings.MONTE_CARLO_IN_BACKGROUND = True
    order, work = [], []
    for seed in range(RUNS):
        url_seed = f"{calc}?draws=100000&seed={100 + seed}"
        order.append(_ms(functools.partial(client.get, url_seed)))
        data = pilot.calculations.order_by("-version").first().scenario
        work.append(_ms(functools.partial(run_monte_carlo.call, data, 100000, 100 + seed)))
    rows.append(("calculation, 100 000 draws: the request that queues it (now)", order))
    rows.append(("calculation, 100 000 draws: the worker's run", work))

    upload = SEEDS["002"]
    post = {"fund": pilot.fund_id}

    def send() -> object:
        with upload.open("rb") as f:
            return client.post("/import/", {**post, "files": [f]})

    settings.IMPORTS_IN_BACKGROUND = False
    rows.append(
        ("import, application 002 read in the request (before)", [_ms(send) for _ in range(RUNS)])
    )
    settings.IMPORTS_IN_BACKGROUND = True
    order, work = [], []
    for _ in range(RUNS):
        start = time.perf_counter()
        response = send()
        order.append((time.perf_counter() - start) * 1000)
        batch_id = response["Location"].rstrip("/").rsplit("/", 1)[-1]
        work.append(_ms(functools.partial(read_import_batch.call, batch_id)))
    rows.append(("import, 002: the upload request (now)", order))
    rows.append(("import, 002: the worker reads it", work))
    return rows


def _cell(times: list[float]) -> str:
    if not times:
        return "– (made in the request)"
    return f"{min(times):.0f} / {statistics.median(times):.0f} ms"


def section(
    rows: list[tuple[str, list[float], list[float], list[float], list[float]]],
    pages: list[tuple[str, list[float]]],
) -> str:
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    load = os.getloadavg()[0]
    return "\n".join(
        [
            START,
            "## Production: documents in the background, slow pages (`benchmarks/bench_production.py`)",
            "",
            f"Machine: {_machine()}. Date: {now}. Load average at the end: {load:.1f} (a shared machine: compare columns, not runs).",
            f"Demo data in a temporary SQLite database; Django test client as the fund administrator; best / median of {RUNS} runs.",
            "",
            "| document | inside the request (before) | order request (now) | worker makes it | job page when ready |",
            "|---|---|---|---|---|",
            *[
                f"| {label} | {_cell(a)} | {_cell(b)} | {_cell(c)} | {_cell(d)} |"
                for label, a, b, c, d in rows
            ],
            "",
            "| page | best / median |",
            "|---|---|",
            *[f"| {label} | {_cell(t)} |" for label, t in pages],
            *NOTE,
            END,
        ]
    )


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="sif-bench-") as tmp:
        _setup(Path(tmp))
        text = section(measure(), slow_pages())
    print(text)
    if "--no-write" not in sys.argv:
        write_section("production", text)


if __name__ == "__main__":
    main()
