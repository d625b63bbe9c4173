"""Reminders by e-mail, each sent once however often the daily run runs."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any

from django.core import mail
from django.core.management import call_command

from sif.web.followup.models import ReportingPeriod, ReportState, StatusReport
from sif.web.projects.models import ProjectState
from sif.web.users.reminders import send_reminders
from tests.web.builders import make_project

TODAY = dt.date(2026, 3, 25)


def setup(world: Any) -> ReportingPeriod:
    world.reporter.email = "rapportor@stockholm.example"
    world.reporter.save()
    world.applicant_a.email = "projektledare@stockholm.example"
    world.applicant_a.save()
    project = make_project(
        world.fund,
        world.unit_a,
        state=ProjectState.RUNNING,
        units=[world.unit_a],
        title="Stärkt tidigt stöd i samverkan",
    )
    return ReportingPeriod.objects.create(
        project=project,
        label="T1 2026",
        start=dt.date(2026, 1, 1),
        end=dt.date(2026, 4, 30),
        opens_at=dt.date(2026, 3, 20),
        closes_at=dt.date(2026, 3, 31),
    )


def test_the_reporter_hears_once_that_the_period_opened_and_once_that_it_closes_soon(
    world: Any,
) -> None:
    setup(world)
    assert send_reminders(TODAY) == {"opened": 1, "closing": 1, "returned": 0}
    assert send_reminders(TODAY) == {"opened": 0, "closing": 0, "returned": 0}
    assert [m.to for m in mail.outbox] == [["rapportor@stockholm.example"]] * 2
    assert "rapporteringen för T1 2026 har öppnat" in mail.outbox[0].subject
    assert "stänger den 31 mars 2026" in mail.outbox[1].body


def test_no_closing_reminder_once_the_unit_has_sent_its_report(world: Any) -> None:
    period = setup(world)
    StatusReport.objects.create(
        project=period.project,
        period=period,
        unit=world.unit_a,
        text="Klart.",
        state=ReportState.SUBMITTED,
    )
    assert send_reminders(TODAY)["closing"] == 0


def test_the_project_leader_hears_when_a_report_is_sent_back(world: Any) -> None:
    period = setup(world)
    StatusReport.objects.create(
        project=period.project,
        period=period,
        unit=world.unit_a,
        text="Utkast.",
        state=ReportState.RETURNED,
        reviewed_by=world.admin,
        reviewed_at=dt.datetime(2026, 3, 24, 10, tzinfo=dt.UTC),
    )
    out = StringIO()
    call_command("reminders", stdout=out)
    returned = [m for m in mail.outbox if "skickats tillbaka" in m.subject]
    assert [m.to for m in returned] == [["projektledare@stockholm.example"]]
    assert "Hässelby-Vällingby stadsdelsförvaltning" in returned[0].body
    assert "om återsänd rapport" in out.getvalue()
