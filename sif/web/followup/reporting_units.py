"""The units a project's follow-up is reported for, in the order every page shows them.

One order for the pages, the API, the XLSX template and the selectors, so a unit is found in the
same place everywhere.
"""

from __future__ import annotations

from sif.web.accounts.models import OrgUnit
from sif.web.projects.models import Project


def units_in_order(project: Project) -> list[OrgUnit]:
    """The participating units by name (the owner unit first when it does not take part itself)."""
    units = sorted(project.units.all(), key=lambda u: u.name)
    return units if project.owner_unit in units else [project.owner_unit, *units]
