"""A unit's status report for a period: written, submitted, approved or returned.

The report moves through its own small set of states (ReportState), checked here under a row
lock so that two reviewers cannot both act on it.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from sif.calc.errors import SifError
from sif.calc.privacy import check_no_personal_identity_number
from sif.web.accounts.models import OrgUnit
from sif.web.audit.services import project_event_record
from sif.web.followup.models import ReportingPeriod, ReportState, StatusReport
from sif.web.followup.service_support import require_editor, require_reporter


def _report_snapshot(r: StatusReport) -> dict[str, Any]:
    return {"state": r.state, "text": r.text, "comment": r.comment}


def status_report_submit(
    *,
    actor: Any,
    period: ReportingPeriod,
    unit: OrgUnit,
    text: str,
    draft: bool = False,
    is_example: bool = False,
) -> StatusReport:
    """The unit's status report for the period, saved as a draft or submitted to the project leader."""
    project = period.project
    require_reporter(actor, project, unit)
    text = text.strip()
    if not text:
        raise SifError("status_report_text_required")
    check_no_personal_identity_number(text, "Statusrapport")
    with transaction.atomic():
        report = StatusReport.objects.select_for_update().filter(period=period, unit=unit).first()
        before = _report_snapshot(report) if report else None
        if report and report.state == ReportState.APPROVED:
            raise SifError(
                "status_report_wrong_state", state=ReportState(report.state).label, action="ändras"
            )
        report = report or StatusReport(project=project, period=period, unit=unit)
        report.text = text
        report.is_example = is_example
        report.state = ReportState.DRAFT if draft else ReportState.SUBMITTED
        if not draft:
            report.submitted_by = actor if getattr(actor, "is_authenticated", False) else None
            report.submitted_at = timezone.now()
        report.full_clean()
        report.save()
        project_event_record(
            actor,
            "status_report_saved" if draft else "status_report_submitted",
            report,
            project,
            before,
            _report_snapshot(report),
        )
    return report


def _review(
    actor: Any, report: StatusReport, state: str, comment: str, action: str
) -> StatusReport:
    project = report.project
    require_editor(actor, project, action="followup.approve_report")
    check_no_personal_identity_number(comment, "Kommentar")
    with transaction.atomic():
        report = StatusReport.objects.select_for_update().get(pk=report.pk)
        if report.state != ReportState.SUBMITTED:
            raise SifError(
                "status_report_wrong_state", state=ReportState(report.state).label, action=action
            )
        before = _report_snapshot(report)
        report.state = state
        report.comment = comment.strip()
        report.reviewed_by = actor if getattr(actor, "is_authenticated", False) else None
        report.reviewed_at = timezone.now()
        report.full_clean()
        report.save()
        project_event_record(
            actor, f"status_report_{state}", report, project, before, _report_snapshot(report)
        )
    return report


def status_report_approve(*, actor: Any, report: StatusReport, comment: str = "") -> StatusReport:
    return _review(actor, report, ReportState.APPROVED, comment, "godkännas")


def status_report_return(*, actor: Any, report: StatusReport, comment: str) -> StatusReport:
    if not comment.strip():
        raise SifError("return_comment_required")
    return _review(actor, report, ReportState.RETURNED, comment, "återsändas")
