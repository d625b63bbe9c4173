"""STIS as a test world: Socialförvaltningen runs the project, the seven ytterstad districts report.

| persona | who |
|---|---|
| admin | fondförvaltare, Stockholm |
| leader | projektledare (sökande) at Socialförvaltningen |
| farsta | rapportör of Farsta (one district) |
| skarpnack | rapportör of Skarpnäck (another district) |
| reader | läsare, Stockholm |
| outsider | fondförvaltare of Malmö |
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from sif.web.accounts.models import OrgUnit, Role, UnitKind
from sif.web.followup.models import ActivityType, PeriodKind, ReportingPeriod
from sif.web.projects.models import Indicator, IndicatorUnit, Project, ProjectState
from tests.web.builders import make_fund, make_municipality, make_project, make_unit, make_user

DISTRICTS = (
    "Enskede-Årsta-Vantör",
    "Farsta",
    "Hässelby-Vällingby",
    "Rinkeby-Kista",
    "Skarpnäck",
    "Skärholmen",
    "Spånga-Tensta",
)


@dataclass
class Stis:
    project: Project
    owner: OrgUnit
    districts: dict[str, OrgUnit]
    period: ReportingPeriod
    closed_period: ReportingPeriod
    share: Indicator
    count: Indicator
    score: Indicator
    conversations: ActivityType
    admin: Any
    leader: Any
    farsta: Any
    skarpnack: Any
    reader: Any
    outsider: Any


def _period(
    project: Project, label: str, start: dt.date, end: dt.date, opens: dt.date, closes: dt.date
) -> ReportingPeriod:
    return ReportingPeriod.objects.create(
        project=project,
        kind=PeriodKind.TERTIAL,
        label=label,
        start=start,
        end=end,
        opens_at=opens,
        closes_at=closes,
    )


@pytest.fixture
def stis(db: Any) -> Stis:
    sthlm = make_municipality("sthlm")
    malmo = make_municipality("malmo")
    owner = make_unit(sthlm, "Socialförvaltningen", kind=UnitKind.ADMINISTRATION)
    districts = {name: make_unit(sthlm, f"{name} stadsdelsförvaltning") for name in DISTRICTS}
    fund = make_fund(sthlm, "Stockholms stads sociala investeringsfond")
    project = make_project(
        fund,
        owner,
        state=ProjectState.RUNNING,
        title="Stärkt tidigt stöd i samverkan",
        units=list(districts.values()),
    )
    today = timezone.localdate()
    period = _period(
        project,
        "T1 2020",
        dt.date(2020, 1, 1),
        dt.date(2020, 4, 30),
        today - dt.timedelta(days=10),
        today + dt.timedelta(days=20),
    )
    closed = _period(
        project,
        "T3 2019",
        dt.date(2019, 9, 1),
        dt.date(2019, 12, 31),
        today - dt.timedelta(days=60),
        today - dt.timedelta(days=1),
    )
    share = Indicator.objects.create(
        project=project,
        name="Andel samtal där en pappa deltog",
        unit=IndicatorUnit.SHARE,
        comparison_group="Ordinarie verksamhet",
        position=1,
    )
    count = Indicator.objects.create(
        project=project, name="Antal hembesök", unit=IndicatorUnit.COUNT, position=2
    )
    score = Indicator.objects.create(
        project=project,
        name="Upplevt stöd (skattning 1–5)",
        unit=IndicatorUnit.SCORE,
        position=3,
        baseline_value=Decimal("3.0"),
        target_value=Decimal("4.0"),
    )
    conversations = ActivityType.objects.create(
        project=project, code="conversations", label="Samtal", has_parent_split=True
    )
    return Stis(
        project=project,
        owner=owner,
        districts=districts,
        period=period,
        closed_period=closed,
        share=share,
        count=count,
        score=score,
        conversations=conversations,
        admin=make_user("admin", Role.FUND_ADMIN, sthlm),
        leader=make_user("leader", Role.APPLICANT, sthlm, owner),
        farsta=make_user("farsta", Role.REPORTER, sthlm, districts["Farsta"]),
        skarpnack=make_user("skarpnack", Role.REPORTER, sthlm, districts["Skarpnäck"]),
        reader=make_user("reader", Role.READER, sthlm),
        outsider=make_user("outsider", Role.FUND_ADMIN, malmo),
    )


@pytest.fixture(autouse=True)
def _media_in_tmp(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
