"""Time every document of every demo project: building the content, rendering the PDF the first
time, and the second download of unchanged data (served from the cache keyed by the content's
hash). Run: `.venv/bin/sif manage shell < benchmarks/bench_documents.py` on a database with the
demo (`sif demo`). Prints one line per document; figures go to benchmarks/RESULTS.md."""

from __future__ import annotations

import time

from sif.web.documents import content
from sif.web.documents.cache import rendered
from sif.web.documents.offer import documents_offered
from sif.web.projects.models import Fund, Project


def timed(action):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    value = action()
    return value, time.perf_counter() - start


def large_project() -> Project:
    """A closed project with 7 units × 20 tertials: three indicators (a count, a share with a
    comparison group, a score) measured by every unit in every period, and an activity with a
    women/men split; the same shape as STIS, five times as long."""
    from datetime import date

    from sif.web.followup.models import ActivityCount, ActivityType, Measurement, ReportingPeriod
    from sif.web.projects.models import Indicator, ProjectState, ProjectUnit

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
        ("Andel nöjda föräldrar", "share", "Övriga stadsdelar", 50, 70),
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


def measure(label: str, project: Project, kind: str) -> None:
    """Content, first PDF, second download (content again + cached PDF), DOCX; one line."""
    doc, t_content = timed(lambda: content.project_document(kind, project))
    _, t_pdf = timed(lambda: rendered(doc, "pdf"))
    _, t_again = timed(lambda: rendered(content.project_document(kind, project), "pdf"))
    _, t_docx = timed(lambda: rendered(doc, "docx"))
    print(
        f"{label[:38] + ' ' + kind:<54} {t_content:9.2f} {t_pdf:7.2f} {t_again:7.2f} {t_docx:7.2f}"
    )


def main() -> None:
    from django.db import transaction

    warm = Project.objects.filter(applications__isnull=False).first()
    rendered(content.application(warm), "pdf")  # WeasyPrint loads its fonts once per process
    print(f"{'dokument':<54} {'innehåll':>9} {'PDF 1':>7} {'PDF 2':>7} {'DOCX':>7}")
    for project in Project.objects.select_related("fund", "owner_unit", "municipality").order_by(
        "pk"
    ):
        for kind in documents_offered(project):
            measure(project.short_name or project.title, project, kind)
    with transaction.atomic():
        project = large_project()
        for kind in ("committee_paper", "final_report"):
            measure("7 enheter × 20 perioder", project, kind)
        transaction.set_rollback(True)
    for fund in Fund.objects.order_by("pk"):
        doc, t_content = timed(lambda: content.portfolio(fund))  # noqa: B023
        _, t_pdf = timed(lambda: rendered(doc, "pdf"))  # noqa: B023
        print(f"{'portfölj ' + fund.name[:44]:<54} {t_content:9.2f} {t_pdf:7.2f}")


main()
