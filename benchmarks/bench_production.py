"""Documents and slow pages once heavy work runs in the background (issue 11).

Run: .venv/bin/python -m benchmarks.bench_production   (updates the production section of RESULTS.md)

Loads the demo into a temporary SQLite database and, logged in as the Stockholm (or Eskilstuna)
fund administrator with Django's test client, measures for each document:
- inside the request: the download as it was before (SIF_DOCUMENTS_IN_BACKGROUND=false),
- in the background: the request that orders it (answers 303 to the job page), the worker's time
  to make it (the task run as `sif worker` runs it) and the job page once it is ready.
And the slow pages: the STIS follow-up page with the chart cache cleared and again with it warm.
Best and median of RUNS runs (time.perf_counter); every job is a new one (the reuse window cleared).
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.bench_followup import RESULTS, _machine, _setup

START, END = "<!-- production:start -->", "<!-- production:end -->"
RUNS = 3


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
            assert response.status_code == 303, response
            job_id = str(DocumentJob.objects.get().pk)
            work.append(_ms(functools.partial(render_document_job.call, job_id)))
            page.append(_ms(functools.partial(get.func, response["Location"])))
        rows.append((label, inline, order, work, page))
    return rows


def slow_pages() -> list[tuple[str, list[float]]]:
    from django.test import Client

    from sif.reports import charts
    from sif.web.accounts.models import Membership, Role
    from sif.web.projects.models import Project

    stis = Project.objects.get(title__startswith="Stärkt tidigt stöd")
    admin = (
        Membership.objects.filter(
            municipality=stis.municipality, role=Role.FUND_ADMIN, unit__isnull=True
        )
        .order_by("pk")
        .first()
    )
    client = Client()
    client.force_login(admin.user)
    url = f"/projekt/{stis.pk}/uppfoljning/"
    cold = []
    for _ in range(RUNS):
        charts.cache_clear()
        cold.append(_ms(lambda: client.get(url)))
    warm = [_ms(lambda: client.get(url)) for _ in range(RUNS)]
    calc = f"/projekt/{Project.objects.get(title__startswith='Pilot för en innovativ').pk}/kalkyl/"
    calculation = [_ms(lambda: client.get(calc)) for _ in range(RUNS)]
    return [
        ("uppföljning STIS, diagramcachen tömd", cold),
        ("uppföljning STIS, diagrammen cachade", warm),
        ("kalkyl, piloten", calculation),
    ]


def _cell(times: list[float]) -> str:
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
            END,
        ]
    )


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="sif-bench-") as tmp:
        _setup(Path(tmp))
        text = section(measure(), slow_pages())
    print(text)
    if "--no-write" not in sys.argv:
        current = RESULTS.read_text(encoding="utf-8")
        if START in current:
            current = re.sub(
                re.escape(START) + r".*?" + re.escape(END), lambda _m: text, current, flags=re.S
            )
        else:
            current = current.rstrip("\n") + "\n\n" + text + "\n"
        RESULTS.write_text(current, encoding="utf-8")


if __name__ == "__main__":
    main()
