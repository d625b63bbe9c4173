"""A Stockholm project granted and a Malmö project, on top of the shared personas (tests/web/conftest.py)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from sif.web.ledger import services
from sif.web.ledger.models import LedgerEntry
from sif.web.projects.models import Decision, DecisionKind, Project, ProjectState
from tests.web.builders import make_project
from tests.web.conftest import World


@pytest.fixture
def project(world: World) -> Project:
    return make_project(world.fund, world.unit_a, ProjectState.GRANTED, title="Team Samagera")


@pytest.fixture
def decision(project: Project) -> Decision:
    return Decision.objects.create(
        project=project,
        kind=DecisionKind.GRANT,
        granted=True,
        body="Socialnämnden",
        decided_on=date(2014, 9, 1),
        paragraph="§ 12",
        granted_amount=Decimal("3800000"),
    )


@pytest.fixture
def funded(world: World, project: Project) -> Project:
    """50 000 000 kr allocated, 3 800 000 committed, 3 000 000 paid out, 1 000 000 repaid."""
    services.ledger_allocate(
        actor=world.admin,
        fund=world.fund,
        amount="50 000 000",
        booked_on=date(2012, 4, 12),
        reference="KF 2012-04-12",
    )
    services.ledger_commit(
        actor=world.admin, project=project, amount="3800000", booked_on=date(2014, 9, 1)
    )
    services.ledger_disburse(
        actor=world.admin, project=project, amount="3000000", booked_on=date(2015, 1, 15)
    )
    services.ledger_repay(
        actor=world.admin, project=project, amount="1000000", booked_on=date(2016, 12, 1)
    )
    return project


def entry_of(kind: str) -> LedgerEntry:
    return LedgerEntry.objects.filter(kind=kind).order_by("id").first()  # type: ignore[return-value]


def admin_client(client: Any, user: Any) -> Any:
    client.force_login(user)
    return client
