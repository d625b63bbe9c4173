"""One world for the matrices over the API and the admin (issue 8, point 6), built once per module.

The personas of tests/policy/expectations.py, each a real user with a token, in two municipalities:
in Stockholm (OWN) the owner unit with a subunit, a participating and an unrelated unit; Malmö
(OTHER) has the same four units and the same nine personas, who must see nothing of Stockholm.
Stockholm has one project per state (owner unit OWNER, participating unit PART), each with what its
operations act on: a reporting period, an indicator, an activity type, a spider instrument, a
submitted status report of PART, a calculation and a step-2 application; the fund has an allocation.
Usernames and names are distinctive, so a page can be searched for any trace of Stockholm.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from sif.policy import states as s
from sif.web.accounts.models import Membership, Municipality, OrgUnit, UnitKind
from sif.web.calculations.models import Calculation
from sif.web.followup.models import (
    ActivityType,
    PeriodKind,
    ReportingPeriod,
    SpiderInstrument,
    StatusReport,
)
from sif.web.ledger.models import LedgerEntry
from sif.web.projects.models import Application, ApplicationForm, Fund, Indicator, Project
from sif.web.tokens.services import token_create
from tests.policy.expectations import OWNER, PART, PERSONAS, UNRELATED
from tests.web.builders import make_fund, make_municipality, make_project, make_unit

EXAMPLE_CASE = Path(__file__).resolve().parents[2] / "examples" / "calc" / "hasselby_pilot.toml"
# expectations.py's unit numbers -> the unit names in each municipality
UNIT_NAMES = {OWNER: "Ägarenheten", PART: "Deltagande enheten", UNRELATED: "Orelaterade enheten"}
OWNER_SUB_NAME = "Ägarenhetens avdelning"


@dataclass
class Side:
    """One municipality: its units by expectations.py's numbers, its fund, its personas' users."""

    municipality: Municipality
    units: dict[int, OrgUnit]
    fund: Fund
    users: dict[str, Any]
    tokens: dict[str, str] = field(default_factory=dict)


@dataclass
class MatrixWorld:
    own: Side
    other: Side
    operator: Any
    projects: dict[str, Project]  # state -> the Stockholm project in that state
    periods: dict[str, ReportingPeriod]
    reports: dict[str, StatusReport]
    indicators: dict[str, Indicator]
    activities: dict[str, ActivityType]
    instruments: dict[str, SpiderInstrument]
    entry: LedgerEntry


def _side(code: str, tag: str) -> Side:
    municipality = make_municipality(code)
    owner = make_unit(municipality, f"{UNIT_NAMES[OWNER]} {tag}")
    units = {
        OWNER: owner,
        PART: make_unit(municipality, f"{UNIT_NAMES[PART]} {tag}"),
        UNRELATED: make_unit(municipality, f"{UNIT_NAMES[UNRELATED]} {tag}"),
    }
    make_unit(municipality, f"{OWNER_SUB_NAME} {tag}", kind=UnitKind.DEPARTMENT, parent=owner)
    fund = make_fund(municipality, f"Matrisfonden {tag}")
    LedgerEntry.objects.create(
        fund=fund, kind="allocation", amount=50_000_000, booked_on=dt.date(2019, 1, 1)
    )
    users = {}
    for persona, (role, unit_ids) in PERSONAS.items():
        # A persona's unit is the first unit of its subtree in expectations.py (OWNER for the owner).
        unit = None if unit_ids is None else units[min(unit_ids & set(units))]
        user = get_user_model().objects.create(username=f"{tag}_{persona}")
        Membership.objects.create(user=user, municipality=municipality, unit=unit, role=role)
        users[persona] = user
    side = Side(municipality, units, fund, users)
    side.tokens = {p: token_create(user=u, name="matris", days=30).secret for p, u in users.items()}
    return side


def build(states: tuple[str, ...] = s.ALL_STATES) -> MatrixWorld:
    own, other = _side("sthlm", "stockholmsmatris"), _side("malmo", "malmomatris")
    operator = get_user_model().objects.create(
        username="plattformsoperatoren", is_superuser=True, is_staff=True
    )
    form = ApplicationForm.objects.create(
        code="matrix", version=1, title="Ansökan", schema={"title": "Ansökan", "sections": []}
    )
    scenario = tomllib.loads(EXAMPLE_CASE.read_text(encoding="utf-8"))
    today = timezone.localdate()
    world = MatrixWorld(own, other, operator, {}, {}, {}, {}, {}, {}, entry=None)  # type: ignore[arg-type]
    for state in states:
        project = make_project(
            own.fund,
            own.units[OWNER],
            state=state,
            title=f"Matrisprojekt stockholmsmatris {state}",
            units=[own.units[PART]],
            sought_amount=Decimal(1_000_000),
        )
        world.projects[state] = project
        world.periods[state] = period = ReportingPeriod.objects.create(
            project=project,
            kind=PeriodKind.TERTIAL,
            label="T1 2020",
            start=dt.date(2020, 1, 1),
            end=dt.date(2020, 4, 30),
            opens_at=today - dt.timedelta(days=10),
            closes_at=today + dt.timedelta(days=20),
        )
        world.reports[state] = StatusReport.objects.create(
            project=project,
            period=period,
            unit=own.units[PART],
            text="Arbetet går enligt plan.",
            state="submitted",
            submitted_at=timezone.now(),
        )
        world.indicators[state] = Indicator.objects.create(
            project=project, name="Antal hembesök", unit="count", position=1
        )
        world.activities[state] = ActivityType.objects.create(
            project=project, code="samtal", label="Samtal"
        )
        world.instruments[state] = SpiderInstrument.objects.create(
            project=project, name="Spindeln", dimensions=["Trygghet", "Skola"]
        )
        Calculation.objects.create(
            project=project, version=1, purpose="expected", scenario=scenario
        )
        Application.objects.create(project=project, form=form, step=2, answers={})
    world.entry = LedgerEntry.objects.filter(fund=own.fund).get()
    return world


@contextmanager
def module_world(
    django_db_blocker: Any, states: tuple[str, ...] = s.ALL_STATES
) -> Iterator[MatrixWorld]:
    """The world inside one transaction kept open for the module and rolled back at its end; each
    test's own transaction (pytest-django's `db`) nests inside it as a savepoint."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            yield build(states)
            transaction.set_rollback(True)


@contextmanager
def undone() -> Iterator[None]:
    """Whatever a request writes is rolled back, so every cell starts from the same world."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)
