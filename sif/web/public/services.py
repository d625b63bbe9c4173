"""Publishing: the fund administrator chooses what the public page shows. Every change is logged."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from sif.calc.errors import SifError
from sif.policy.states import PUBLISHABLE_STATES
from sif.web.audit.services import event_record, project_event_record
from sif.web.projects.models import Fund, Project
from sif.web.public.models import FundPublication, ProjectPublication
from sif.web.public.rules import can_publish


def fund_publish(*, user: Any, fund: Fund, published: bool) -> FundPublication:
    if not can_publish(user, fund):
        raise SifError("publication_not_allowed")
    with transaction.atomic():
        publication, _ = FundPublication.objects.select_for_update().get_or_create(fund=fund)
        before = publication.published
        publication.published = published
        publication.changed_by = user
        publication.save()
        if before != published:
            event_record(
                actor=user,
                action="fund_publish" if published else "fund_unpublish",
                obj=publication,
                municipality_id=fund.municipality_id,
                before={"published": before},
                after={"published": published},
            )
    return publication


def project_publish(
    *, user: Any, project: Project, published: bool, include_followup: bool = True
) -> ProjectPublication:
    """Publish a project on its fund's public page; only a project the fund has decided on."""
    if not can_publish(user, project.fund):
        raise SifError("publication_not_allowed")
    if published and project.state not in PUBLISHABLE_STATES:
        raise SifError("publication_needs_decision")
    with transaction.atomic():
        publication, _ = ProjectPublication.objects.select_for_update().get_or_create(
            project=project
        )
        before = {
            "published": publication.published,
            "include_followup": publication.include_followup,
        }
        publication.published = published
        publication.include_followup = include_followup
        publication.changed_by = user
        publication.save()
        after = {"published": published, "include_followup": include_followup}
        if before != after:
            project_event_record(
                user,
                "project_publish" if published else "project_unpublish",
                publication,
                project,
                before=before,
                after=after,
            )
    return publication
