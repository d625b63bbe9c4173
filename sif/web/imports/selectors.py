"""Reads for the import screens: projects that an imported draft may duplicate."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q

from sif.web.projects.models import Project


@dataclass(frozen=True)
class SimilarProject:
    project: Project
    same: tuple[str, ...]  # codes: title, registration_number, owner_unit, sought_amount


def similar_projects_list(
    *,
    municipality_id: int,
    title: str,
    registration_number: str,
    owner_unit_id: int | None,
    sought_amount: Decimal | None,
) -> list[SimilarProject]:
    """Projects of the municipality with the same name or registration number, or with the
    same sought amount from the same unit: importing the same document twice shows them."""
    title, number = " ".join(title.split()), registration_number.strip()
    query = Q()
    if title:
        query |= Q(title__iexact=title)
    if number:
        query |= Q(registration_number__iexact=number)
    if sought_amount is not None and owner_unit_id is not None:
        query |= Q(sought_amount=sought_amount, owner_unit_id=owner_unit_id)
    if not query:
        return []
    found = Project.objects.filter(query, municipality_id=municipality_id).order_by("pk")[:10]
    return [SimilarProject(p, _same(p, title, number, owner_unit_id, sought_amount)) for p in found]


def _same(
    project: Project,
    title: str,
    number: str,
    owner_unit_id: int | None,
    sought_amount: Decimal | None,
) -> tuple[str, ...]:
    checks = (
        ("title", bool(title) and project.title.casefold() == title.casefold()),
        (
            "registration_number",
            bool(number) and project.registration_number.casefold() == number.casefold(),
        ),
        ("owner_unit", owner_unit_id is not None and project.owner_unit_id == owner_unit_id),
        (
            "sought_amount",
            sought_amount is not None and project.sought_amount == sought_amount,
        ),
    )
    return tuple(code for code, same in checks if same)
