"""The web's adapter to the policy (sif/policy): builds an Actor from the user's memberships and a
Target from a project or fund, and asks `can(action, actor, target)`. Nothing here decides: every
rule (who, in which state, which unit) lives in sif/policy; this module only reads the database
and keeps the answers' inputs memoised per request.

`check(user, action, obj)` is the one entry; the `can_*` functions are named shortcuts the pages,
the API and the tests use. A refusal carries the policy's reason code, mapped to Swedish in
sif/web/messages_sv.py; `project_not_found`/`fund_not_found` are answered 404, others 403.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet

from sif.policy import NOTHING, Actor, Target, Verdict, can, refuse
from sif.policy import Membership as Grant
from sif.policy.actions import fund_scope_of
from sif.policy.lifecycle import transition_for
from sif.policy.model import ANONYMOUS
from sif.policy.relations import admin_scope, project_scope
from sif.web.accounts.models import Membership, OrgUnit

if TYPE_CHECKING:
    from sif.web.projects.models import Fund, Project

__all__ = [
    "Verdict",
    "check",
    "actor_for",
    "fund_or_404",
    "funds_for",
    "project_target",
    "visible_projects",
]


def user_memberships(user: Any) -> list[Membership]:
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_sif_memberships", None)
    if cached is None:
        cached = list(Membership.objects.filter(user=user).select_related("unit", "municipality"))
        user._sif_memberships = cached
    return cached


def unit_subtree_ids(unit: OrgUnit) -> set[int]:
    """The unit and every unit below it (one query per level of the tree)."""
    ids = {unit.pk}
    frontier = [unit.pk]
    while frontier:
        children = list(
            OrgUnit.objects.filter(parent_id__in=frontier).order_by().values_list("pk", flat=True)
        )
        frontier = [c for c in children if c not in ids]
        ids.update(frontier)
    return ids


def actor_for(user: Any) -> Actor:
    """The policy's view of the user, memoised on the user object: a page asks many questions and
    the user object lives for one request, so memberships and unit subtrees are read once."""
    if not getattr(user, "is_authenticated", False):
        return ANONYMOUS
    cached: Actor | None = getattr(user, "_sif_actor", None)
    if cached is None:
        grants = tuple(
            Grant(
                m.role,
                m.municipality_id,
                None if m.unit is None else frozenset(unit_subtree_ids(m.unit)),
            )
            for m in user_memberships(user)
        )
        cached = Actor(
            user_id=user.pk,
            is_superuser=bool(getattr(user, "is_superuser", False))
            and bool(getattr(user, "is_active", True)),
            memberships=grants,
        )
        user._sif_actor = cached
    return cached


def project_unit_ids(project: Project) -> frozenset[int]:
    """The participating units; from the project's prefetched `project_units` when the caller
    prefetched them (the project page does), else one query, kept on the project object for the
    rest of the request (services that change the units drop it)."""
    prefetched = getattr(project, "_prefetched_objects_cache", {})
    if "project_units" in prefetched:
        return frozenset(pu.unit_id for pu in prefetched["project_units"])
    if "units" in prefetched:
        return frozenset(u.pk for u in prefetched["units"])
    cached: frozenset[int] | None = getattr(project, "_sif_unit_ids", None)
    if cached is None:
        cached = frozenset(project.units.values_list("pk", flat=True))
        project._sif_unit_ids = cached  # type: ignore[attr-defined]
    return cached


def project_target(project: Project, unit: OrgUnit | None = None) -> Target:
    return Target(
        municipality_id=project.municipality_id,
        owner_unit_id=project.owner_unit_id,
        participating_unit_ids=project_unit_ids(project),
        state=project.state,
        unit_id=unit.pk if unit is not None else None,
    )


def fund_target(fund: Fund, unit: OrgUnit | None = None) -> Target:
    return Target(
        municipality_id=fund.municipality_id, unit_id=unit.pk if unit is not None else None
    )


def check(user: Any, action: str, obj: Any = None, *, unit: OrgUnit | None = None) -> Verdict:
    """Ask the policy about `action` on a Project, a Fund, a Municipality id or nothing."""
    from sif.web.projects.models import Fund, Project

    if isinstance(obj, Project):
        target = project_target(obj, unit)
    elif isinstance(obj, Fund):
        target = fund_target(obj, unit)
    elif isinstance(obj, int):
        target = Target(municipality_id=obj, unit_id=unit.pk if unit is not None else None)
    else:
        target = NOTHING
    return can(action, actor_for(user), target)


def visible_projects(user: Any) -> QuerySet[Project]:
    """Every project the user may see (the policy's scope as a filter; empty for outsiders)."""
    from sif.web.projects.models import Project

    q = Q(pk__in=[])
    for municipality_id, unit_ids in project_scope(actor_for(user)):
        base = Q(municipality_id=municipality_id)
        q |= (
            base
            if unit_ids is None
            else base & (Q(owner_unit_id__in=unit_ids) | Q(units__id__in=unit_ids))
        )
    return Project.objects.filter(q).distinct()


def funds_for(user: Any, action: str) -> QuerySet[Fund]:
    """Every fund on which the user may do `action` (a fund action of sif/policy), in one query:
    the policy's scope of that action as a filter (sif/policy/actions.fund_scope_of)."""
    from sif.web.projects.models import Fund

    return Fund.objects.select_related("municipality").filter(
        municipality_id__in=fund_scope_of(action, actor_for(user))
    )


def fund_or_404(user: Any, action: str, pk: int) -> Fund:
    """The fund for a page that needs `action` on it: a fund that does not exist, or that the
    policy hides (another municipality's: `fund_not_found`), is answered 404; one the user knows
    but may not act on is refused with the policy's reason (403)."""
    from django.core.exceptions import PermissionDenied
    from django.http import Http404

    from sif.messages import message_for
    from sif.web.projects.models import Fund

    fund = Fund.objects.select_related("municipality").filter(pk=pk).first()
    verdict = check(user, action, fund) if fund is not None else refuse("fund_not_found")
    if not verdict:
        if verdict.reason == "fund_not_found":
            raise Http404(message_for("fund_not_found"))
        raise PermissionDenied(message_for(verdict.reason or "permission_denied"))
    assert fund is not None
    return fund


def admin_municipality_ids(user: Any) -> set[int] | None:
    """Municipalities whose data the user administers in the admin; None means all (superuser)."""
    scope = admin_scope(actor_for(user))
    return None if scope is None else set(scope)


# ---------------------------------------------------------------- named shortcuts


def can_view_project(user: Any, project: Project) -> Verdict:
    return check(user, "project.view", project)


def can_edit_project(user: Any, project: Project) -> Verdict:
    return check(user, "project.edit", project)


def can_edit_budget(user: Any, project: Project) -> Verdict:
    return check(user, "project.budget", project)


def can_submit_application(user: Any, project: Project) -> Verdict:
    return check(user, "project.application", project)


def can_review(user: Any, project: Project) -> Verdict:
    return check(user, "project.review", project)


def can_decide(user: Any, project: Project) -> Verdict:
    return check(user, "project.decide", project)


def can_record_closing(user: Any, project: Project) -> Verdict:
    return check(user, "project.close", project)


def can_add_document(user: Any, project: Project) -> Verdict:
    return check(user, "project.add_document", project)


def can_report_for_unit(user: Any, project: Project, unit: OrgUnit) -> Verdict:
    return check(user, "followup.report_unit", project, unit=unit)


def can_import_project(user: Any, fund: Fund) -> Verdict:
    return check(user, "project.import", fund)


def can_view_admin(user: Any) -> Verdict:
    return check(user, "admin.site")


def can_create_project(user: Any, fund: Fund, owner_unit: OrgUnit) -> Verdict:
    if owner_unit.municipality_id != fund.municipality_id:
        return refuse("unit_outside_municipality")
    return check(user, "project.create", fund, unit=owner_unit)


def can_transition(user: Any, project: Project, to_state: str) -> Verdict:
    """Whether the user may move the project from its current state to `to_state` directly."""
    rule = transition_for(project.state, to_state)
    if rule is None or rule.via_decision:
        seen = can_view_project(user, project)
        if not seen:
            return seen
        return refuse("transition_not_allowed" if rule is None else "transition_requires_decision")
    return check(user, rule.action, project)
