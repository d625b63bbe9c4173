"""Every permission is one function answering yes or no with a reason.

Views, the API and the admin all ask these functions; none of them decides access on its own.
A refusal carries an ASCII reason code, mapped to Swedish in sif/web/messages_sv.py.

Scope rules:
- fondförvaltare, granskare and läsare see every project of their municipality;
- sökande/projektledare and rapportörer see the projects whose owner unit or participating units lie
  within their own unit (or the whole municipality when the membership has no unit);
- nobody sees anything of another municipality: such a project is answered as not found.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet

from sif.web.accounts.models import Membership, OrgUnit, Role

if TYPE_CHECKING:
    from sif.web.projects.models import Project

MUNICIPALITY_WIDE_ROLES = {Role.FUND_ADMIN, Role.REVIEWER, Role.READER}


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    reason: str = ""

    def __bool__(self) -> bool:
        return self.allowed


ALLOWED = Verdict(True)


def refuse(reason: str) -> Verdict:
    return Verdict(False, reason)


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


def _user_subtree_ids(user: Any, unit: OrgUnit) -> frozenset[int]:
    """`unit_subtree_ids` memoised on the user object, like `user_memberships`: a page asks many
    permission functions, each of which needs the subtrees of the user's membership units; the
    user object lives for one request, so the tree is read once per unit and request."""
    cache: dict[int, frozenset[int]] | None = getattr(user, "_sif_subtrees", None)
    if cache is None:
        cache = {}
        user._sif_subtrees = cache
    if unit.pk not in cache:
        cache[unit.pk] = frozenset(unit_subtree_ids(unit))
    return cache[unit.pk]


def project_unit_ids(project: Project) -> set[int]:
    """The owner unit and the participating units; from the project's prefetched `project_units`
    when the caller prefetched them (the project page does), else one query."""
    prefetched = getattr(project, "_prefetched_objects_cache", {})
    if "project_units" in prefetched:
        participating = {pu.unit_id for pu in prefetched["project_units"]}
    elif "units" in prefetched:
        participating = {u.pk for u in prefetched["units"]}
    else:
        participating = set(project.units.values_list("pk", flat=True))
    return {project.owner_unit_id, *participating}


def _membership_project_filter(user: Any, m: Membership) -> Q:
    base = Q(municipality_id=m.municipality_id)
    if m.role in MUNICIPALITY_WIDE_ROLES or m.unit_id is None:
        return base
    subtree = _user_subtree_ids(user, m.unit) if m.unit else frozenset()
    return base & (Q(owner_unit_id__in=subtree) | Q(units__id__in=subtree))


def visible_projects(user: Any) -> QuerySet[Project]:
    """Every project the user may see (an empty queryset for outsiders)."""
    from sif.web.projects.models import Project

    q = Q(pk__in=[])
    for m in user_memberships(user):
        q |= _membership_project_filter(user, m)
    return Project.objects.filter(q).distinct()


def roles_for_project(user: Any, project: Project) -> set[str]:
    """The roles the user holds with respect to this project (empty when it is not visible to them)."""
    roles: set[str] = set()
    unit_ids: set[int] | None = None
    for m in user_memberships(user):
        if m.municipality_id != project.municipality_id:
            continue
        if m.role in MUNICIPALITY_WIDE_ROLES or m.unit_id is None:
            roles.add(m.role)
            continue
        if unit_ids is None:
            unit_ids = project_unit_ids(project)
        if unit_ids & _user_subtree_ids(user, m.unit):  # type: ignore[arg-type]
            roles.add(m.role)
    return roles


def can_view_project(user: Any, project: Project) -> Verdict:
    return ALLOWED if roles_for_project(user, project) else refuse("project_not_found")


def reporter_unit_ids(user: Any, project: Project) -> set[int]:
    """The participating units of this project for which the user is a reporter (own unit only)."""
    ids: set[int] = set()
    participating = project_unit_ids(project)
    for m in user_memberships(user):
        if (
            m.role != Role.REPORTER
            or m.municipality_id != project.municipality_id
            or m.unit is None
        ):
            continue
        ids |= participating & _user_subtree_ids(user, m.unit)
    return ids


def can_report_for_unit(user: Any, project: Project, unit: OrgUnit) -> Verdict:
    """A reporter enters figures only for its own unit; a fund administrator may correct any unit's."""
    if not can_view_project(user, project):
        return refuse("project_not_found")
    if Role.FUND_ADMIN in roles_for_project(user, project):
        return ALLOWED
    if unit.pk in reporter_unit_ids(user, project):
        return ALLOWED
    return refuse("not_reporter_for_unit")


# ---------------------------------------------------------------- actions on projects
#
# One function per action. Each answers a Verdict whose reason is an error code of
# sif/web/messages_sv.py; services raise SifError(verdict.reason) on refusal.


def is_fund_admin(user: Any, municipality_id: int) -> bool:
    return any(
        m.role == Role.FUND_ADMIN and m.municipality_id == municipality_id
        for m in user_memberships(user)
    )


def applicant_covers_unit(user: Any, unit: OrgUnit) -> bool:
    """True when the user is an applicant of this unit (or of a unit above it, or municipality-wide)."""
    for m in user_memberships(user):
        if m.role != Role.APPLICANT or m.municipality_id != unit.municipality_id:
            continue
        if m.unit_id is None or unit.pk in _user_subtree_ids(user, m.unit):  # type: ignore[arg-type]
            return True
    return False


def project_roles(user: Any, project: Project) -> set[str]:
    """The roles that act on this project. An applicant acts only for the project's owner unit;
    an applicant of a participating unit may see the project but not change it."""
    roles = roles_for_project(user, project)
    if Role.APPLICANT in roles and not applicant_covers_unit(user, project.owner_unit):
        roles.discard(Role.APPLICANT)
    return roles


def _without_roles(user: Any, project: Project) -> Verdict:
    """A user who may see the project is told it lacks the right; anyone else that it does not exist."""
    return (
        refuse("permission_denied")
        if roles_for_project(user, project)
        else refuse("project_not_found")
    )


def _state_allows_edit(project: Project, roles: set[str]) -> Verdict:
    from sif.web.projects.lifecycle import APPLICATION_STATES, FINAL_STATES

    if project.state in FINAL_STATES:
        return refuse("project_locked")
    if Role.FUND_ADMIN in roles:
        return ALLOWED
    if Role.APPLICANT in roles and project.state in APPLICATION_STATES:
        return ALLOWED
    if Role.APPLICANT in roles:
        return refuse("project_not_editable_in_state")
    return refuse("permission_denied")


def can_create_project(user: Any, fund: Any, owner_unit: OrgUnit) -> Verdict:
    """A fund administrator of the fund's municipality, or an applicant of the owner unit."""
    if owner_unit.municipality_id != fund.municipality_id:
        return refuse("unit_outside_municipality")
    if is_fund_admin(user, fund.municipality_id) or applicant_covers_unit(user, owner_unit):
        return ALLOWED
    return refuse("permission_denied")


def can_edit_project(user: Any, project: Project) -> Verdict:
    """Texts, period, units and contacts: the owner unit's applicant while the application is being
    written; a fund administrator until the project is closed, rejected or withdrawn."""
    roles = project_roles(user, project)
    if not roles:
        return _without_roles(user, project)
    return _state_allows_edit(project, roles)


def can_edit_budget(user: Any, project: Project) -> Verdict:
    """The budget and the sought amount follow the same rule as the project texts."""
    return can_edit_project(user, project)


def can_submit_application(user: Any, project: Project) -> Verdict:
    from sif.web.projects.lifecycle import APPLICATION_STATES

    verdict = can_edit_project(user, project)
    if verdict and project.state not in APPLICATION_STATES:
        return refuse("project_not_editable_in_state")
    return verdict


def can_transition(user: Any, project: Project, to_state: str) -> Verdict:
    """Whether the user may move the project from its current state to `to_state` directly."""
    from sif.web.projects.lifecycle import transition_for

    roles = project_roles(user, project)
    if not roles:
        return _without_roles(user, project)
    rule = transition_for(project.state, to_state)
    if rule is None:
        return refuse("transition_not_allowed")
    if rule.via_decision:
        return refuse("transition_requires_decision")
    if not roles & rule.roles:
        return refuse("permission_denied")
    return ALLOWED


def can_review(user: Any, project: Project) -> Verdict:
    """Reviewers and fund administrators comment and score until the decision."""
    from sif.web.projects.lifecycle import REVIEW_STATES

    roles = project_roles(user, project)
    if not roles:
        return _without_roles(user, project)
    if not roles & {Role.REVIEWER, Role.FUND_ADMIN}:
        return refuse("permission_denied")
    if project.state not in REVIEW_STATES:
        return refuse("review_not_open")
    return ALLOWED


def can_decide(user: Any, project: Project) -> Verdict:
    """Only a fund administrator records a grant decision, and only for a project under review."""
    from sif.web.projects.models import ProjectState

    roles = project_roles(user, project)
    if not roles:
        return _without_roles(user, project)
    if Role.FUND_ADMIN not in roles:
        return refuse("permission_denied")
    if project.state != ProjectState.IN_REVIEW:
        return refuse("decision_not_in_review")
    return ALLOWED


def can_record_closing(user: Any, project: Project) -> Verdict:
    """The closing decision (final report accepted) is recorded by a fund administrator."""
    from sif.web.projects.models import ProjectState

    roles = project_roles(user, project)
    if not roles:
        return _without_roles(user, project)
    if Role.FUND_ADMIN not in roles:
        return refuse("permission_denied")
    if project.state != ProjectState.FINAL_REPORT_SUBMITTED:
        return refuse("closing_not_after_final_report")
    return ALLOWED


def can_import_project(user: Any, fund: Any) -> Verdict:
    """Registering a historical project from its documents is a fund administrator's task."""
    return ALLOWED if is_fund_admin(user, fund.municipality_id) else refuse("permission_denied")


def can_view_admin(user: Any) -> Verdict:
    """Django's admin: superusers, and fund administrators (scoped to their municipalities)."""
    if not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return refuse("permission_denied")
    if getattr(user, "is_superuser", False):
        return ALLOWED
    if any(m.role == Role.FUND_ADMIN for m in user_memberships(user)):
        return ALLOWED
    return refuse("permission_denied")


def admin_municipality_ids(user: Any) -> set[int] | None:
    """Municipalities whose data the user administers in the admin; None means all (superuser)."""
    if getattr(user, "is_superuser", False):
        return None
    return {m.municipality_id for m in user_memberships(user) if m.role == Role.FUND_ADMIN}


def can_add_document(user: Any, project: Project) -> Verdict:
    """Source documents: a fund administrator at any time, the applicant while it may edit."""
    roles = project_roles(user, project)
    if not roles:
        return _without_roles(user, project)
    if Role.FUND_ADMIN in roles:
        return ALLOWED
    return can_edit_project(user, project)
