"""Creating and closing a project's reporting periods (tertial, year, ...).

A period decides when reporters may write (service_support.require_open), so creating and
closing one is a change of its own, logged like the figures reported in it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from sif.calc.errors import SifError
from sif.calc.privacy import check_no_personal_identity_number
from sif.web.audit.services import project_event_record
from sif.web.followup.models import ReportingPeriod
from sif.web.followup.service_support import require_editor
from sif.web.projects.models import Project


def period_create(
    *,
    actor: Any,
    project: Project,
    kind: str,
    label: str,
    start: dt.date,
    end: dt.date,
    opens_at: dt.date,
    closes_at: dt.date,
    is_example: bool = False,
) -> ReportingPeriod:
    require_editor(actor, project)
    label = " ".join(label.split())  # one line: a newline or tab in a label is never meant
    if not label:
        raise SifError("period_label_required")
    check_no_personal_identity_number(label, "Benämning")
    if end < start or closes_at < opens_at:
        raise SifError("period_dates_invalid")
    if ReportingPeriod.objects.filter(project=project, label=label).exists():
        raise SifError("period_label_taken", label=label)
    with transaction.atomic():
        period = ReportingPeriod(
            project=project,
            kind=kind,
            label=label,
            start=start,
            end=end,
            opens_at=opens_at,
            closes_at=closes_at,
            is_example=is_example,
        )
        period.full_clean()
        period.save()
        project_event_record(
            actor,
            "period_created",
            period,
            project,
            None,
            {
                "label": label,
                "start": start,
                "end": end,
                "opens_at": opens_at,
                "closes_at": closes_at,
            },
        )
    return period


def period_close(*, actor: Any, period: ReportingPeriod) -> ReportingPeriod:
    project = period.project
    require_editor(actor, project)
    if period.closed_at is None:
        with transaction.atomic():
            period.closed_at = timezone.now()
            period.save(update_fields=["closed_at"])
            project_event_record(
                actor,
                "period_closed",
                period,
                project,
                {"closed_at": None},
                {"closed_at": period.closed_at},
            )
    return period
