"""Who may save a new version of a project's socioeconomic calculation.

- Before the decision (förslag, ansökan, under beredning): the fund administrator, or the owner
  unit's applicant, who writes the application's expected gains.
- From the decision on (beviljad, pågående, slutrapporterad, and also afterwards, for the
  realised gains and the repayment): the fund administrator and the reviewers (granskare), who
  analyse the project; the applicant no longer changes the figures the decision rests on.
Readers and reporters never save. A project the user may not see is answered as not found.
"""

from __future__ import annotations

from typing import Any

from sif.web.accounts.models import Role
from sif.web.accounts.permissions import ALLOWED, Verdict, project_roles, refuse, roles_for_project
from sif.web.projects.models import Project, ProjectState

BEFORE_DECISION = frozenset(
    {
        ProjectState.PROPOSAL,
        ProjectState.APPLICATION_STEP1,
        ProjectState.APPLICATION_STEP2,
        ProjectState.IN_REVIEW,
    }
)


def can_view_calculation(user: Any, project: Project) -> Verdict:
    return ALLOWED if roles_for_project(user, project) else refuse("project_not_found")


def can_save_calculation(user: Any, project: Project) -> Verdict:
    if not roles_for_project(user, project):
        return refuse("project_not_found")
    roles = project_roles(user, project)
    if Role.FUND_ADMIN in roles:
        return ALLOWED
    if project.state in BEFORE_DECISION:
        return ALLOWED if Role.APPLICANT in roles else refuse("permission_denied")
    if Role.REVIEWER in roles:
        return ALLOWED
    if Role.APPLICANT in roles:
        return refuse("calculation_after_decision")
    return refuse("permission_denied")
