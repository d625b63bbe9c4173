"""Which documents a project offers, and who may write a document's texts: the two rules of the
documents area, each in one function, so that the policy module (sif/policy) can take them over
as they are. A document is offered only where the project's state gives it content: no
application without a submitted application, no committee paper before there is something to
decide (a step-2 application, a decision or a final report), no final report before the work
is reported."""

from __future__ import annotations

from typing import Any

from sif.policy.states import COMMITTEE_PAPER_STATES, FINAL_REPORT_STATES
from sif.web.accounts.permissions import Verdict, check
from sif.web.projects.models import Project

KIND_ORDER = ("application", "committee_paper", "final_report")


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
        "committee_paper": project.state in FINAL_REPORT_STATES
        or (project.state in COMMITTEE_PAPER_STATES and (has_application or has_decision)),
        "final_report": project.state in FINAL_REPORT_STATES,
    }
    return [kind for kind in KIND_ORDER if offered[kind]]


def can_edit_document_texts(user: Any, project: Project) -> Verdict:
    """The fund administrator and the owner unit's handläggare write a document's texts; everyone
    else who sees the project reads them (the policy's `document.texts`)."""
    return check(user, "document.texts", project)
