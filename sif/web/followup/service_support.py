"""What every follow-up service checks first and writes last, so that each does it once.

The follow-up service modules (reporting_periods, measurement_store, activity_definitions,
spider_measurement, status_reports; indicators: indicator_services) are the only code that
writes follow-up data. Every service checks permission here (the policy's `followup.*` actions,
the reporter's unit, the open period), validates with the pure rules in sif/calc, writes inside
one transaction and records the change in the event log (audit's `project_event_record`).
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from sif.calc.errors import SifError
from sif.web.accounts.models import OrgUnit
from sif.web.accounts.permissions import can_report_for_unit, check
from sif.web.followup.models import ReportingPeriod
from sif.web.projects.models import Project


def is_followup_editor(actor: Any, project: Project) -> bool:
    """The policy's `followup.edit`: the project leader (the owner unit's applicant) or the fund."""
    return bool(check(actor, "followup.edit", project))


def require_editor(actor: Any, project: Project, action: str = "followup.edit") -> None:
    verdict = check(actor, action, project)
    if not verdict:
        raise SifError(verdict.reason)


def require_reporter(actor: Any, project: Project, unit: OrgUnit) -> None:
    verdict = can_report_for_unit(actor, project, unit)
    if not verdict:
        raise SifError(verdict.reason or "not_reporter_for_unit", unit=unit.name)


def require_open(period: ReportingPeriod, actor: Any, project: Project) -> None:
    """Reporters write only while a period is open; a fund administrator may still correct it."""
    today = timezone.localdate()
    if check(actor, "followup.closed_period", project):
        return
    if period.is_closed(today):
        raise SifError("period_closed", period=period.label, closes_at=period.closes_at.isoformat())
    if today < period.opens_at:
        raise SifError("period_not_open", period=period.label, opens_at=period.opens_at.isoformat())
