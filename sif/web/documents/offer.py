"""Which documents a project offers, and who may write a document's texts: the two rules of the
documents area, each in one function, so that the policy module (sif/policy) can take them over
as they are. A document is offered only where the project's state gives it content: no
application without a submitted application, no committee paper before there is something to
decide (a step-2 application, a decision or a final report), no final report before the work
is reported."""

from __future__ import annotations

from typing import Any

from sif.web.accounts.models import Role
from sif.web.accounts.permissions import ALLOWED, Verdict, project_roles, refuse, roles_for_project
from sif.web.projects.models import Project, ProjectState

S = ProjectState
KIND_ORDER = ("application", "committee_paper", "final_report")
DECISION_STATES = frozenset(
    {
        S.APPLICATION_STEP2,
        S.IN_REVIEW,
        S.GRANTED,
        S.REJECTED,
        S.RUNNING,
        S.FINAL_REPORT_SUBMITTED,
        S.CLOSED,
    }
)
REPORTED_STATES = frozenset({S.FINAL_REPORT_SUBMITTED, S.CLOSED})
TEXT_WRITERS = frozenset({Role.FUND_ADMIN, Role.APPLICANT})


def documents_offered(
    project: Project, *, has_application: bool | None = None, has_decision: bool | None = None
) -> list[str]:
    """The document kinds this project offers, in the order a project meets them. A page that has
    read the project's applications and decisions already passes whether there are any."""
    if has_application is None:
        has_application = project.applications.exists()
    if has_decision is None:
        has_decision = project.decisions.exists()
    offered = {
        "application": has_application,
        "committee_paper": project.state in REPORTED_STATES
        or (project.state in DECISION_STATES and (has_application or has_decision)),
        "final_report": project.state in REPORTED_STATES,
    }
    return [kind for kind in KIND_ORDER if offered[kind]]


def can_edit_document_texts(user: Any, project: Project) -> Verdict:
    """The fund administrator and the owner unit's handläggare (applicant / project leader) write a
    document's texts; everyone else who sees the project reads them."""
    if project_roles(user, project) & TEXT_WRITERS:
        return ALLOWED
    return (
        refuse("permission_denied")
        if roles_for_project(user, project)
        else refuse("project_not_found")
    )
