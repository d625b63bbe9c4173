"""Issue 8's first reproduction: an applicant of a *participating* district (not the owning unit)
created a reporting period and approved another district's status report, because the follow-up
had its own editor rule. It now asks the policy, which lets only the leader and the fund run it."""

from __future__ import annotations

import datetime as dt

import pytest

from sif.calc.errors import SifError
from sif.messages import message_for_error
from sif.web.followup import reporting_periods, service_support, status_reports
from sif.web.followup.models import ReportingPeriod
from sif.web.projects.models import ProjectState, ProjectUnit
from tests.web.builders import make_project

PERIOD = {
    "kind": "tertial",
    "label": "T1 2021",
    "start": dt.date(2021, 1, 1),
    "end": dt.date(2021, 4, 30),
    "opens_at": dt.date(2021, 5, 1),
    "closes_at": dt.date(2021, 5, 31),
}


@pytest.fixture
def shared(world):  # type: ignore[no-untyped-def]
    """A running project of unit A in which unit B (applicant_b's district) takes part."""
    project = make_project(world.fund, world.unit_a, state=ProjectState.RUNNING)
    ProjectUnit.objects.create(project=project, unit=world.unit_b)
    return project


def test_an_applicant_of_a_participating_district_cannot_create_a_reporting_period(
    world, shared
) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SifError) as refused:
        reporting_periods.period_create(actor=world.applicant_b, project=shared, **PERIOD)
    assert (
        message_for_error(refused.value)
        == "Bara projektledaren eller fondförvaltaren kan ändra projektets uppföljning."
    )
    assert not ReportingPeriod.objects.exists()
    assert not service_support.is_followup_editor(world.applicant_b, shared)


def test_an_applicant_of_a_participating_district_cannot_approve_a_status_report(
    world, shared
) -> None:  # type: ignore[no-untyped-def]
    period = reporting_periods.period_create(actor=world.applicant_a, project=shared, **PERIOD)
    report = status_reports.status_report_submit(
        actor=world.admin, period=period, unit=world.unit_a, text="Arbetet går enligt plan."
    )
    with pytest.raises(SifError) as refused:
        status_reports.status_report_approve(actor=world.applicant_b, report=report)
    assert refused.value.code == "not_project_leader"
    assert (
        status_reports.status_report_approve(actor=world.applicant_a, report=report).state
        == "approved"
    )
