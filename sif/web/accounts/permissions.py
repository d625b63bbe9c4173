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
    """The unit and every unit below it."""
    ids = {unit.pk}
    frontier = [unit.pk]
    while frontier:
        children = list(OrgUnit.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
        frontier = [c for c in children if c not in ids]
        ids.update(frontier)
    return ids


def _membership_project_filter(m: Membership) -> Q:
    base = Q(municipality_id=m.municipality_id)
    if m.role in MUNICIPALITY_WIDE_ROLES or m.unit_id is None:
        return base
    subtree = unit_subtree_ids(m.unit) if m.unit else set()
    return base & (Q(owner_unit_id__in=subtree) | Q(units__id__in=subtree))


def visible_projects(user: Any) -> QuerySet[Project]:
    """Every project the user may see (an empty queryset for outsiders)."""
    from sif.web.projects.models import Project

    q = Q(pk__in=[])
    for m in user_memberships(user):
        q |= _membership_project_filter(m)
    return Project.objects.filter(q).distinct()


def roles_for_project(user: Any, project: Project) -> set[str]:
    """The roles the user holds with respect to this project (empty when it is not visible to them)."""
    roles: set[str] = set()
    project_unit_ids: set[int] | None = None
    for m in user_memberships(user):
        if m.municipality_id != project.municipality_id:
            continue
        if m.role in MUNICIPALITY_WIDE_ROLES or m.unit_id is None:
            roles.add(m.role)
            continue
        if project_unit_ids is None:
            project_unit_ids = {project.owner_unit_id, *project.units.values_list("pk", flat=True)}
        if project_unit_ids & unit_subtree_ids(m.unit):  # type: ignore[arg-type]
            roles.add(m.role)
    return roles


def can_view_project(user: Any, project: Project) -> Verdict:
    return ALLOWED if roles_for_project(user, project) else refuse("project_not_found")


def reporter_unit_ids(user: Any, project: Project) -> set[int]:
    """The participating units of this project for which the user is a reporter (own unit only)."""
    ids: set[int] = set()
    participating = set(project.units.values_list("pk", flat=True)) | {project.owner_unit_id}
    for m in user_memberships(user):
        if m.role != Role.REPORTER or m.municipality_id != project.municipality_id or m.unit is None:
            continue
        ids |= participating & unit_subtree_ids(m.unit)
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
