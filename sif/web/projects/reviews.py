"""A reviewer's synpunkter on a project under review, scored on the fund's criteria.

Separate from the decisions because a review advises and changes no state.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from sif.calc.errors import SifError
from sif.web.accounts import permissions as perms
from sif.web.audit.services import project_event_record
from sif.web.projects.models import Project, Recommendation, Review
from sif.web.projects.service_support import (
    full_clean_or_refuse,
    lock_project,
    require,
)


@transaction.atomic
def review_add(
    *,
    actor: Any,
    project: Project,
    comments: str,
    scores: dict[str, int] | None = None,
    recommendation: str = Recommendation.NONE,
    reviewer_name: str = "",
) -> Review:
    """A reviewer's synpunkter with 1–5 points per criterion of the fund's criteria list."""
    lock_project(project)
    require(perms.can_review(actor, project))
    if not comments.strip():
        raise SifError("review_comments_required")
    if recommendation not in Recommendation.values:
        raise SifError("review_recommendation_unknown", recommendation=recommendation)
    criteria = {c["code"] for c in project.fund.review_criteria or []}
    scores = dict(scores or {})
    for code, score in scores.items():
        if code not in criteria:
            raise SifError("review_criterion_unknown", criterion=code)
        if isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= 5:
            raise SifError("review_score_out_of_range", criterion=code, score=score)
    review = Review(
        project=project,
        reviewer=actor if getattr(actor, "is_authenticated", False) else None,
        reviewer_name=reviewer_name
        or (
            actor.get_full_name() or actor.get_username()
            if getattr(actor, "is_authenticated", False)
            else ""
        ),
        comments=comments.strip(),
        scores=scores,
        recommendation=recommendation,
    )
    full_clean_or_refuse(review, exclude=["reviewer"])
    review.save()
    project_event_record(
        actor,
        "review_add",
        review,
        project,
        after={"comments": review.comments, "scores": scores, "recommendation": recommendation},
    )
    return review
