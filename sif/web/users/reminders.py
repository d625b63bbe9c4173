"""E-mail reminders, sent once each by the daily `sif reminders` run (cron, a systemd timer or the
compose file's scheduler):

- reporters of a project's units when a reporting period opens;
- reporters whose unit has not sent its status report REMINDER_DAYS before the period closes;
- the project leaders (applicants of the owner unit, and whoever sent the report) when a status
  report is sent back (återsänd), once for each time it is sent back.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction

from sif.web.accounts.models import Membership, Role
from sif.web.accounts.permissions import check
from sif.web.followup.models import ReportingPeriod, ReportState, StatusReport
from sif.web.users.mail import send_template
from sif.web.users.models import ReminderSent

REMINDER_DAYS = 7


def _once(kind: str, key: str, user: Any) -> bool:
    """Records the reminder; False when this user already had it."""
    try:
        with transaction.atomic():
            ReminderSent.objects.create(kind=kind, key=key, user=user)
    except IntegrityError:
        return False
    return True


def _send(kind: str, key: str, users: Iterable[Any], context: dict[str, Any]) -> int:
    sent = 0
    for user in users:
        if user.is_active and user.email and _once(kind, key, user):
            sent += send_template([user.email], kind, {**context, "user": user})
    return sent


def reporter_unit_ids(user: Any, project: Any) -> set[int]:
    """The project's units this user may report for (the policy's `followup.report_unit`)."""
    units = [project.owner_unit, *project.units.all()]
    return {u.pk for u in units if check(user, "followup.report_unit", project, unit=u)}


def _reporters(period: ReportingPeriod, unit_ids: set[int] | None = None) -> list[Any]:
    project = period.project
    users = (
        get_user_model()
        .objects.filter(
            memberships__role=Role.REPORTER, memberships__municipality_id=project.municipality_id
        )
        .distinct()
    )
    return [
        u
        for u in users
        if (units := reporter_unit_ids(u, project)) and (unit_ids is None or units & unit_ids)
    ]


def _open_periods(today: date) -> Any:
    return ReportingPeriod.objects.filter(
        is_example=False, closed_at__isnull=True, opens_at__lte=today, closes_at__gte=today
    ).select_related("project")


def remind_opened(today: date) -> int:
    return sum(
        _send("period_opened", f"period:{p.pk}", _reporters(p), {"period": p, "project": p.project})
        for p in _open_periods(today)
    )


def remind_closing(today: date) -> int:
    sent = 0
    for period in _open_periods(today).filter(closes_at__lte=today + timedelta(days=REMINDER_DAYS)):
        done = set(
            StatusReport.objects.filter(
                period=period, state__in=[ReportState.SUBMITTED, ReportState.APPROVED]
            ).values_list("unit_id", flat=True)
        )
        missing = set(period.project.units.values_list("pk", flat=True)) - done
        if missing:
            sent += _send(
                "period_closing",
                f"period:{period.pk}",
                _reporters(period, missing),
                {"period": period, "project": period.project},
            )
    return sent


def remind_returned() -> int:
    sent = 0
    for report in StatusReport.objects.filter(
        state=ReportState.RETURNED, is_example=False
    ).select_related("project__owner_unit", "period", "unit", "submitted_by"):
        project = report.project
        applicants = [
            m.user
            for m in Membership.objects.filter(
                role=Role.APPLICANT, municipality_id=project.municipality_id
            ).select_related("user")
            if check(m.user, "project.submit_final_report", project)
            or check(m.user, "followup.edit", project)
        ]
        leaders = {u.pk: u for u in [*applicants, report.submitted_by] if u is not None}
        stamp = report.reviewed_at.isoformat() if report.reviewed_at else "-"
        sent += _send(
            "report_returned",
            f"report:{report.pk}:{stamp}",
            leaders.values(),
            {"report": report, "project": project},
        )
    return sent


def send_reminders(today: date) -> dict[str, int]:
    return {
        "opened": remind_opened(today),
        "closing": remind_closing(today),
        "returned": remind_returned(),
    }
