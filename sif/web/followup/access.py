"""The project a follow-up request is about: one the user may see, else 404 (never 403, so a
project's existence is not revealed to those who may not see it)."""

from __future__ import annotations

from django.http import Http404, HttpRequest

from sif.messages import message_for
from sif.web.accounts.permissions import visible_projects
from sif.web.projects.models import Project


def visible_project(request: HttpRequest, pk: int) -> Project:
    project = (
        visible_projects(request.user).select_related("fund", "owner_unit").filter(pk=pk).first()
    )
    if project is None:
        raise Http404(message_for("project_not_found"))
    return project
