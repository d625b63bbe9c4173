"""Who may read and save a project's socioeconomic calculation: the policy's `project.view` and
`calculation.save` (sif/policy/actions.py: the leader or the fund before the decision, the fund and
the reviewers after it; readers and reporters never)."""

from __future__ import annotations

from typing import Any

from sif.web.accounts.permissions import Verdict, check
from sif.web.projects.models import Project


def can_view_calculation(user: Any, project: Project) -> Verdict:
    return check(user, "project.view", project)


def can_save_calculation(user: Any, project: Project) -> Verdict:
    return check(user, "calculation.save", project)
