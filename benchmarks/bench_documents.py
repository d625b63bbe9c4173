"""Speed of every document (issues 10 and 16): each document of every demo project, a project of
7 units × 20 tertials, the big synthetic project of issue 16 (40 units × 25 indicators × 12
tertials) and the portfolio of a fund of 331 projects.

Run: .venv/bin/python -m benchmarks.bench_documents [--database-url URL] [--no-scale] [--no-write]
     (updates the documents section of benchmarks/RESULTS.md)
or:  .venv/bin/sif manage shell < benchmarks/bench_documents.py   (the configured database; prints only)

Without --database-url (and outside `sif manage shell`) it makes a temporary SQLite database in a
temporary data directory, migrates it and loads the demo, so `make bench` works on a fresh clone; a
given database is migrated and gets the demo if it is empty. The 7 × 20 project and the scale data
(`sif generate-scale-data`'s generator at one municipality) are made inside a transaction that is
rolled back.

Per document, wall clock (time.perf_counter), with the chart cache and Django's cache cleared first:
- "innehåll": building the content from the data (queries, calculations);
- "PDF", "DOCX", "XLSX": the first render of that content in each format (charts drawn as needed);
- "först": what the first download of the PDF costs (content + PDF);
- "igen": a second download of unchanged data (content + the PDF from the cache).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.results import write_section

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
START, END = "<!-- documents:start -->", "<!-- documents:end -->"
SCALE_PROJECTS = 331  # Stockholm's fund in issue 16's national data


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.1f}".replace(".", ",")


def _django_ready() -> bool:
    try:
        from django.apps import apps
    except ImportError:  # pragma: no cover
        return False
    return apps.ready


def _setup(database_url: str | None, data_dir: Path) -> None:
    """Django with sif.web.settings on the given database or a temporary SQLite one, migrated and
    with the demo loaded."""
    os.environ.setdefault("SIF_DATA_DIR", str(data_dir))
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    elif "DATABASE_URL" not in os.environ:
        os.environ["DATABASE_URL"] = f"sqlite:///{data_dir / 'bench.sqlite3'}"
    os.environ["SIF_DOCUMENTS_IN_BACKGROUND"] = "false"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sif.web.settings")
    import django

    django.setup()
    from django.core.management import call_command

    print(f"Databas: {os.environ['DATABASE_URL']} (migrerar, läser in demon) …", file=sys.stderr)
    call_command("migrate", verbosity=0)
    call_command("demo", "--if-empty", stdout=open(os.devnull, "w"))  # noqa: SIM115


CPU: dict[str, float] = {}  # CPU seconds of the last timed action, by label


def timed(action: Callable[[], Any], label: str = "") -> tuple[Any, float]:
    start, cpu = time.perf_counter(), time.process_time()
    value = action()
    CPU[label] = time.process_time() - cpu
    return value, time.perf_counter() - start


def _cold() -> None:
    """Forget every chart and every rendered document, so each document pays its own way."""
    from django.core.cache import cache

    from sif.reports import charts

    charts.cache_clear()
    cache.clear()


def large_project() -> Any:
    """A closed project with 7 units × 20 tertials: three indicators (a count, a share with a
    comparison group, a score) measured by every unit in every period, and an activity with a
    women/men split; the same shape as STIS, five times as long."""
    from datetime import date

    from sif.web.followup.models import ActivityCount, ActivityType, Measurement, ReportingPeriod
    from sif.web.projects.models import Indicator, Project, ProjectState, ProjectUnit

    stis = Project.objects.get(short_name="STIS")
    units = [pu.unit for pu in stis.project_units.select_related("unit")][:7]
    project = Project.objects.create(
        fund=stis.fund,
        municipality=stis.municipality,
        owner_unit=stis.owner_unit,
        title="Benchmark 7 × 20",
        state=ProjectState.CLOSED,
        start_date=date(2017, 1, 1),
        end_date=date(2023, 12, 31),
        summary="Ett mätprojekt.",
    )
    ProjectUnit.objects.bulk_create([ProjectUnit(project=project, unit=u) for u in units])
    periods = []
    for n in range(20):
        year, tertial = 2017 + n // 3, n % 3
        start = date(year, 1 + 4 * tertial, 1)
        periods.append(
            ReportingPeriod.objects.create(
                project=project,
                label=f"T{tertial + 1} {year}",
                start=start,
                end=start,
                opens_at=start,
                closes_at=start,
            )
        )
    specs = [
        ("Familjer i stöd", "count", "", 100, 200),
        ("Andel nöjda föräldrar", "share", "Övriga stadsdelar", 0.5, 0.7),
        ("Skattad samverkan", "score", "", 4, 7),
    ]
    indicators = [
        Indicator.objects.create(
            project=project,
            name=name,
            unit=unit,
            comparison_group=comparison,
            baseline_value=base,
            target_value=target,
        )
        for name, unit, comparison, base, target in specs
    ]
    rows = []
    for p in periods:
        for i, u in enumerate(units):
            rows.append(Measurement(indicator=indicators[0], period=p, unit=u, value=20 + i))
            rows.append(
                Measurement(
                    indicator=indicators[1], period=p, unit=u, numerator=30 + i, denominator=50
                )
            )
            rows.append(
                Measurement(
                    indicator=indicators[1],
                    period=p,
                    unit=u,
                    group="comparison",
                    numerator=25,
                    denominator=50,
                )
            )
            rows.append(Measurement(indicator=indicators[2], period=p, unit=u, value=5 + i / 10))
    Measurement.objects.bulk_create(rows)
    activity = ActivityType.objects.create(project=project, code="hembesok", label="Hembesök")
    ActivityCount.objects.bulk_create(
        [
            ActivityCount(
                project=project, period=p, unit=u, activity=activity, total=40, women=30, men=10
            )
            for p in periods
            for u in units
        ]
    )
    return project


def scale_fund() -> tuple[Any, Any]:
    """One synthetic municipality of `sif generate-scale-data`: a fund of 331 projects whose first
    is the big project of issue 16 (40 units × 25 indicators × 12 tertials)."""
    from sif.web.projects.models import Fund, Project
    from sif.web.scale.generate import Sizes, generate

    generate(Sizes(municipalities=1, events_per_project=0), seed=2026)
    fund = Fund.objects.select_related("municipality").get(municipality__code="syntetisk-001")
    big = (
        Project.objects.select_related("fund", "owner_unit", "municipality")
        .filter(fund=fund)
        .order_by("pk")
        .first()
    )
    return fund, big


Row = tuple[str, dict[str, float], str]


def measure(label: str, build: Callable[[], Any], formats: tuple[str, ...]) -> Row:
    from sif.web.documents.cache import rendered

    _cold()
    doc, t_content = timed(build, "content")
    cpu_content = CPU["content"]
    figures: dict[str, float] = {"innehåll": t_content}
    for fmt in formats:
        _cold()
        fresh = build()  # every format from its own content, as a download makes it
        _, figures[fmt.upper()] = timed(lambda: rendered(fresh, fmt), fmt)  # noqa: B023
    figures["först"] = t_content + figures.get("PDF", 0.0)
    figures["först CPU"] = cpu_content + CPU.get("pdf", 0.0)
    _cold()
    rendered(build(), "pdf")
    _, figures["igen"] = timed(lambda: rendered(build(), "pdf"))
    load = _load()
    line = (
        f"{label[:52]:<52} "
        + " ".join(f"{k} {v:6.2f}" for k, v in figures.items())
        + f"  (belastning {load})"
    )
    print(line, flush=True)
    return label, figures, load


def run(scale: bool) -> list[Row]:
    import docx  # noqa: F401 – python-docx, openpyxl, matplotlib: imported once per worker process
    import openpyxl  # noqa: F401
    from django.db import transaction

    import sif.reports.charts  # noqa: F401
    import sif.web.followup.effects  # noqa: F401
    from sif.web.documents import content
    from sif.web.documents.cache import rendered
    from sif.web.documents.offer import documents_offered
    from sif.web.documents.views import LABELS
    from sif.web.projects.models import Fund, Project

    formats = ("pdf", "docx", "xlsx")
    warm = Project.objects.filter(applications__isnull=False).order_by("pk").first()
    rendered(content.application(warm), "pdf")  # WeasyPrint loads its fonts once per process
    rows: list[Row] = []
    projects = Project.objects.select_related("fund", "owner_unit", "municipality").order_by("pk")
    for project in projects:
        for kind in documents_offered(project):
            name = f"{project.short_name or project.title}, {LABELS[kind].lower()}"
            rows.append(
                measure(
                    name,
                    lambda p=project, k=kind: content.project_document(k, p),
                    formats,
                )
            )
    for fund in Fund.objects.select_related("municipality").order_by("pk"):
        rows.append(measure(f"Portfölj {fund.name}", lambda f=fund: content.portfolio(f), formats))
    with transaction.atomic():
        project = large_project()
        for kind in ("committee_paper", "final_report"):
            rows.append(
                measure(
                    f"7 enheter × 20 perioder, {LABELS[kind].lower()}",
                    lambda k=kind: content.project_document(k, project),
                    formats,
                )
            )
        transaction.set_rollback(True)
    if scale:
        with transaction.atomic():
            started = time.perf_counter()
            fund, big = scale_fund()
            print(f"Skaldata gjorda på {time.perf_counter() - started:.0f} s", file=sys.stderr)
            for kind in ("committee_paper", "final_report"):
                rows.append(
                    measure(
                        f"40 enheter × 25 indikatorer × 12 tertial, {LABELS[kind].lower()}",
                        lambda k=kind: content.project_document(k, big),
                        formats,
                    )
                )
            rows.append(
                measure(
                    f"Portfölj, {SCALE_PROJECTS} projekt", lambda: content.portfolio(fund), formats
                )
            )
            transaction.set_rollback(True)
    return rows


def _machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def _n(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}".replace(".", ",")


def section(rows: list[Row], database: str) -> str:
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    columns = ["innehåll", "PDF", "DOCX", "XLSX", "först", "först CPU", "igen"]
    table = [
        "| document | " + " | ".join(columns) + " | load |",
        "|---|" + "---:|" * len(columns) + "---:|",
        *(
            f"| {label} | " + " | ".join(_n(f.get(c)) for c in columns) + f" | {load} |"
            for label, f, load in rows
        ),
    ]
    return "\n".join(
        [
            START,
            "## Documents (issues 10 and 16, `benchmarks/bench_documents.py`)",
            "",
            f"Machine: {_machine()}. Date: {now}. Database: {database}, demo data. Load average (1 min) beside each row: the machine is shared, so compare rows measured under similar load.",
            "Seconds, wall clock. Before each figure the chart cache and the document cache are cleared (each document draws its own charts).",
            "innehåll: building the content from the data; PDF/DOCX/XLSX: the first render of that content;",
            "först: the first PDF download (innehåll + PDF); först CPU: the CPU seconds of this process for it (time.process_time; on a loaded machine close to what the wall clock would show on a quiet one, since the work is single-threaded);",
            "igen: a second download of unchanged data (content + the PDF from the cache).",
            "The 7 × 20 project and the 331-project fund (the generator of `sif generate-scale-data`, one municipality; its first project has 40 units × 25 indicators × 12 tertials) are made inside a transaction and rolled back.",
            "",
            *table,
            END,
        ]
    )


def write(text: str) -> None:
    write_section("documents", text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Speed of every document (issues 10 and 16).")
    parser.add_argument("--database-url", help="a database to use (migrated; demo loaded if empty)")
    parser.add_argument("--no-scale", action="store_true", help="skip the 331-project fund")
    parser.add_argument("--no-write", action="store_true", help="print, do not update RESULTS.md")
    args = parser.parse_args(argv)
    inside_shell = _django_ready()
    with tempfile.TemporaryDirectory(prefix="sif-bench-documents-") as tmp:
        if not inside_shell:
            _setup(args.database_url, Path(tmp))
        from django.db import connection

        rows = run(scale=not args.no_scale)
        database = connection.vendor
    text = section(rows, "SQLite" if database == "sqlite" else database)
    print(text)
    if not (args.no_write or inside_shell):
        write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
elif __name__ == "django.core.management.commands.shell":  # `sif manage shell < this file`
    main(["--no-write"])
