"""Creating and changing the activities a project counts (the rows of the activity sheet).

An activity's code is what the XLSX template and the counts refer to, which is why its rules
(format, unique, fixed once reported with) have their own home.
"""

from __future__ import annotations

import re
from typing import Any

from django.db import transaction

from sif.calc.errors import SifError
from sif.calc.privacy import check_no_personal_identity_number
from sif.web.audit.services import project_event_record
from sif.web.followup.models import ActivityType
from sif.web.followup.service_support import require_editor
from sif.web.projects.models import Project

ACTIVITY_CODE = re.compile(r"^[a-z0-9_-]{1,40}$")


def _activity_snapshot_type(a: ActivityType) -> dict[str, Any]:
    return {
        "code": a.code,
        "label": a.label,
        "has_parent_split": a.has_parent_split,
        "position": a.position,
    }


def activity_type_save(
    *,
    actor: Any,
    project: Project,
    activity: ActivityType | None = None,
    code: str,
    label: str,
    has_parent_split: bool = False,
    position: int = 0,
) -> ActivityType:
    """Create or change an activity the project counts. The code is what the XLSX template and the
    counts refer to, so it cannot change once a unit has reported with it."""
    require_editor(actor, project)
    code, label = code.strip(), label.strip()
    if not ACTIVITY_CODE.match(code):
        raise SifError("activity_code_invalid", code=code)
    if not label:
        raise SifError("activity_label_required")
    check_no_personal_identity_number(label, "Benämning")
    with transaction.atomic():
        if activity is not None:
            activity = ActivityType.objects.select_for_update().get(pk=activity.pk)
            if activity.project_id != project.pk:
                raise SifError("unknown_activity", activity=activity.code)
        if (
            ActivityType.objects.filter(project=project, code=code)
            .exclude(pk=activity.pk if activity else None)
            .exists()
        ):
            raise SifError("activity_code_taken", code=code)
        if activity is not None and activity.code != code and activity.counts.exists():
            raise SifError("activity_code_in_use", activity=activity.label)
        before = _activity_snapshot_type(activity) if activity else None
        target = activity or ActivityType(project=project)
        target.code, target.label, target.has_parent_split, target.position = (
            code,
            label,
            has_parent_split,
            position,
        )
        target.full_clean()
        target.save()
        project_event_record(
            actor, "activity_type_saved", target, project, before, _activity_snapshot_type(target)
        )
    return target
