"""Reads of calculations. Other apps (follow-up effect cards, reports) call `calculation_current`."""

from __future__ import annotations

from sif.web.calculations.models import Calculation, Purpose
from sif.web.projects.models import Project


def calculation_current(project: Project, purpose: str = Purpose.EXPECTED) -> Calculation | None:
    """The latest version with this purpose, or None when the project has none."""
    return Calculation.objects.filter(project=project, purpose=purpose).order_by("-version").first()


def calculation_latest(project: Project) -> Calculation | None:
    """The latest version of any purpose (the starting point of a new version)."""
    return Calculation.objects.filter(project=project).order_by("-version").first()


def calculation_versions(project: Project) -> list[Calculation]:
    """Every version, newest first, with who saved it."""
    return list(
        Calculation.objects.filter(project=project)
        .select_related("created_by")
        .order_by("-version")
    )


def calculation_get(project: Project, version: int) -> Calculation | None:
    return (
        Calculation.objects.filter(project=project, version=version)
        .select_related("created_by")
        .first()
    )
