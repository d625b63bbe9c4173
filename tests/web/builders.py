"""Builders for web tests: plain functions that write straight to the database (no services, no
permission checks), so that a test states only what matters to it. Other test packages import
these; keep the names and signatures stable.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.auth import get_user_model

from sif.web.accounts.models import Membership, Municipality, OrgUnit, UnitKind
from sif.web.projects.models import Fund, Project, ProjectState, ProjectUnit

MUNICIPALITY_NAMES = {
    "sthlm": "Stockholms stad",
    "malmo": "Malmö stad",
    "eskilstuna": "Eskilstuna kommun",
}
DEFAULT_CRITERIA = [
    {"code": "target_group", "label": "Målgrupp och behov"},
    {"code": "research", "label": "Forskningsförankring"},
    {"code": "follow_up", "label": "Uppföljning och utvärdering"},
]


def make_municipality(code: str = "sthlm", name: str = "") -> Municipality:
    municipality, _ = Municipality.objects.get_or_create(
        code=code, defaults={"name": name or MUNICIPALITY_NAMES.get(code, code.title())}
    )
    return municipality


def make_unit(
    municipality: Municipality,
    name: str,
    kind: str = UnitKind.DISTRICT_ADMINISTRATION,
    parent: OrgUnit | None = None,
) -> OrgUnit:
    unit, _ = OrgUnit.objects.get_or_create(
        municipality=municipality, parent=parent, name=name, defaults={"kind": kind}
    )
    return unit


def make_user(
    username: str,
    role: str | None,
    municipality: Municipality | None,
    unit: OrgUnit | None = None,
    **fields: Any,
) -> Any:
    """A user with one membership (none when role or municipality is None)."""
    user = get_user_model().objects.create_user(username=username, password="x-test-only", **fields)
    if role and municipality is not None:
        Membership.objects.create(user=user, municipality=municipality, unit=unit, role=role)
    return user


def make_fund(municipality: Municipality, name: str = "", **fields: Any) -> Fund:
    fields.setdefault("review_criteria", DEFAULT_CRITERIA)
    return Fund.objects.create(
        municipality=municipality,
        name=name or f"{municipality.name}s sociala investeringsfond",
        **fields,
    )


def make_project(
    fund: Fund, owner_unit: OrgUnit, state: str = ProjectState.PROPOSAL, **fields: Any
) -> Project:
    """A project straight in the given state. `units=[...]` adds participating units."""
    units = fields.pop("units", ())
    fields.setdefault("title", "Pilot för en innovativ och hållbar socialtjänst för barn och unga")
    fields.setdefault("start_date", date(2020, 1, 1))
    fields.setdefault("end_date", date(2022, 12, 31))
    project = Project.objects.create(
        fund=fund, municipality=fund.municipality, owner_unit=owner_unit, state=state, **fields
    )
    for unit in units:
        ProjectUnit.objects.create(project=project, unit=unit)
    return project


def allocate(fund: Fund, amount: int, booked_on: date = date(2019, 1, 1)) -> None:
    """Money allocated to the fund in its ledger, so a grant up to `amount` needs no confirmation."""
    from sif.web.ledger.models import LedgerEntry

    LedgerEntry.objects.create(
        fund=fund, kind="allocation", amount=amount, booked_on=booked_on, text="Avsättning"
    )


def make_project_with_application(fund: Fund, owner_unit: OrgUnit, **fields: Any) -> Project:
    """A project in review with its step-2 application on file: it offers the application and
    the committee paper (sif/web/documents/offer.py)."""
    from sif.web.projects.models import Application, ApplicationForm

    fields.setdefault("state", ProjectState.IN_REVIEW)
    project = make_project(fund, owner_unit, **fields)
    form, _ = ApplicationForm.objects.get_or_create(
        code="application_test",
        version=1,
        defaults={"title": "Ansökan", "schema": {"title": "Ansökan", "sections": []}},
    )
    Application.objects.create(project=project, form=form, step=2, answers={})
    return project
