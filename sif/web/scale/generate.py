"""A synthetic dataset at national scale, for measuring speed (`sif generate-scale-data`).

Seeded and reproducible: the same sizes and seed give the same rows. Everything it makes is marked
synthetic where a user sees it: municipality names start with "Syntetisk", every project says so
in its note. Rows go in through bulk inserts in the order the constraints need (periods end after
they start, one measurement per indicator, period, unit and group, ledger entries positive and
tied to a project unless they are allocations, commitments never exceeded by disbursements).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, TypeVar

from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.utils import timezone

from sif.policy import states as ps
from sif.web.accounts.models import Membership, Municipality, OrgUnit, Role, UnitKind
from sif.web.audit.models import Event
from sif.web.followup.models import Group, Measurement, PeriodKind, ReportingPeriod
from sif.web.ledger.models import EntryKind, LedgerEntry
from sif.web.projects.models import (
    Decision,
    DecisionKind,
    Fund,
    Indicator,
    IndicatorUnit,
    Project,
    ProjectState,
    ProjectUnit,
)

SYNTHETIC_NOTE = (
    "Syntetiska data för skalmätning (sif generate-scale-data); inga verkliga uppgifter."
)
# The states a synthetic project is drawn from, and those whose projects carry a grant: the
# policy's groups, so the synthetic data never disagree with the process.
STATES = [
    st
    for st in ps.ALL_STATES
    if st not in (ps.APPLICATION_STEP2, ps.WITHDRAWN, ps.FINAL_REPORT_SUBMITTED, ps.REJECTED)
]
DECIDED = ps.PUBLISHABLE_STATES - {ps.REJECTED, ps.FINAL_REPORT_SUBMITTED}
T = TypeVar("T", bound=models.Model)


@dataclass(frozen=True)
class Sizes:
    """How much to make. The defaults are the national dataset of issue 16 (290 municipalities,
    about 5 000 projects and a million measurements); tests pass small sizes."""

    municipalities: int = 290
    projects_per_municipality: int = 16
    big_municipality_projects: int = 331
    units_per_municipality: int = 8
    units_per_project: int = 3
    indicators_per_project: int = 6
    periods_per_project: int = 12
    events_per_project: int = 270
    big_project_units: int = 40
    big_project_indicators: int = 25
    big_project_periods: int = 12
    batch_size: int = 5000


@dataclass
class Counts:
    municipalities: int = 0
    projects: int = 0
    measurements: int = 0
    events: int = 0
    ledger_entries: int = 0


def _bulk(model: type[T], rows: list[T], batch: int) -> list[T]:
    return model.objects.bulk_create(rows, batch_size=batch)


def _tertials(count: int) -> Iterator[tuple[str, date, date]]:
    year, part = 2019, 0
    for _ in range(count):
        start = date(year, 1 + 4 * part, 1)
        end = (date(year, 5 + 4 * part, 1) if part < 2 else date(year + 1, 1, 1)) - timedelta(
            days=1
        )
        yield f"T{part + 1} {year}", start, end
        part = (part + 1) % 3
        year += 1 if part == 0 else 0


class Generator:
    def __init__(
        self, sizes: Sizes, seed: int, progress: Callable[[str, int], None] | None = None
    ) -> None:
        self.sizes, self.rng, self.progress = (
            sizes,
            random.Random(seed),
            progress or (lambda _label, _n: None),
        )
        self.counts = Counts()

    def run(self) -> Counts:
        for index in range(self.sizes.municipalities):
            with transaction.atomic():
                self._municipality(index)
            self.progress("kommuner", 1)
        return self.counts

    def _municipality(self, index: int) -> None:
        s = self.sizes
        municipality = Municipality.objects.create(
            code=f"syntetisk-{index + 1:03d}", name=f"Syntetisk kommun {index + 1:03d}"
        )
        self.counts.municipalities += 1
        board = OrgUnit.objects.create(
            municipality=municipality, kind=UnitKind.BOARD, name="Socialnämnden"
        )
        units = _bulk(
            OrgUnit,
            [
                OrgUnit(
                    municipality=municipality,
                    parent=board,
                    kind=UnitKind.DISTRICT_ADMINISTRATION,
                    name=f"Stadsdel {u + 1:02d}",
                )
                for u in range(
                    max(s.units_per_municipality, s.big_project_units if index == 0 else 0)
                )
            ],
            s.batch_size,
        )
        fund = Fund.objects.create(
            municipality=municipality,
            name=f"Syntetisk kommun {index + 1:03d}s sociala investeringsfond",
        )
        self.keeper = get_user_model().objects.create_user(
            username=f"syntetisk-{index + 1:03d}", first_name="Syntetisk fondförvaltare"
        )
        self.keeper.set_unusable_password()
        self.keeper.save(update_fields=["password"])
        Membership.objects.create(user=self.keeper, municipality=municipality, role=Role.FUND_ADMIN)
        allocation = LedgerEntry.objects.create(
            fund=fund,
            kind=EntryKind.ALLOCATION,
            amount=Decimal(self.rng.randrange(20, 200) * 1_000_000),
            booked_on=date(2018, 1, 15),
            text=SYNTHETIC_NOTE,
            created_by=self.keeper,
        )
        self.counts.ledger_entries += 1
        count = s.big_municipality_projects if index == 0 else s.projects_per_municipality
        budget_left = allocation.amount
        for p in range(count):
            big = index == 0 and p == 0
            budget_left = self._project(municipality, fund, units, p, big, budget_left)

    def _project(
        self,
        municipality: Municipality,
        fund: Fund,
        units: list[OrgUnit],
        number: int,
        big: bool,
        budget_left: Decimal,
    ) -> Decimal:
        s, rng = self.sizes, self.rng
        state = ProjectState.RUNNING if big else rng.choice(STATES)
        participating = (
            units[: s.big_project_units]
            if big
            else rng.sample(units, min(s.units_per_project, len(units)))
        )
        sought = Decimal(rng.randrange(5, 60) * 100_000)
        project = Project.objects.create(
            fund=fund,
            municipality=municipality,
            owner_unit=participating[0],
            state=state,
            title=f"Syntetiskt projekt {number + 1:03d}",
            summary=SYNTHETIC_NOTE,
            example_note=SYNTHETIC_NOTE,
            sought_amount=sought,
            start_date=date(2019, 1, 1),
            end_date=date(2022, 12, 31),
        )
        self.counts.projects += 1
        _bulk(
            ProjectUnit, [ProjectUnit(project=project, unit=u) for u in participating], s.batch_size
        )
        self._events(project, municipality, s.events_per_project)
        if state in DECIDED and sought <= budget_left:
            Decision.objects.create(
                project=project,
                kind=DecisionKind.GRANT,
                granted=True,
                body="Socialnämnden",
                decided_on=date(2018, 12, 1),
                paragraph=f"§ {number + 1}",
                granted_amount=sought,
                decided_by=self.keeper,
            )
            commitment = LedgerEntry.objects.create(
                fund=fund,
                project=project,
                kind=EntryKind.COMMITMENT,
                amount=sought,
                booked_on=date(2018, 12, 2),
                text=SYNTHETIC_NOTE,
                created_by=self.keeper,
            )
            LedgerEntry.objects.create(
                fund=fund,
                project=project,
                kind=EntryKind.DISBURSEMENT,
                amount=(commitment.amount / 2).quantize(Decimal("0.01")),
                booked_on=date(2019, 2, 1),
                text=SYNTHETIC_NOTE,
                created_by=self.keeper,
            )
            self.counts.ledger_entries += 2
            budget_left -= sought
        if state in (ProjectState.RUNNING, ProjectState.CLOSED):
            self._followup(
                project,
                participating,
                s.big_project_indicators if big else s.indicators_per_project,
                s.big_project_periods if big else s.periods_per_project,
            )
        return budget_left

    def _followup(
        self, project: Project, units: list[OrgUnit], indicators: int, periods: int
    ) -> None:
        s, rng = self.sizes, self.rng
        kinds = [IndicatorUnit.COUNT, IndicatorUnit.SHARE, IndicatorUnit.SCORE]
        made = _bulk(
            Indicator,
            [
                Indicator(
                    project=project,
                    name=f"Syntetisk indikator {i + 1}",
                    unit=kinds[i % 3],
                    position=i,
                )
                for i in range(indicators)
            ],
            s.batch_size,
        )
        today = timezone.localdate()
        made_periods = _bulk(
            ReportingPeriod,
            [
                ReportingPeriod(
                    project=project,
                    kind=PeriodKind.TERTIAL,
                    label=label,
                    start=start,
                    end=end,
                    opens_at=end,
                    closes_at=end + timedelta(days=30),
                )
                for label, start, end in _tertials(periods)
            ],
            s.batch_size,
        )
        rows: list[Measurement] = []
        for indicator in made:
            for period in made_periods:
                if period.start > today:
                    continue
                for unit in units:
                    rows.append(self._measurement(indicator, period, unit, rng))
                    if len(rows) >= s.batch_size:
                        self.counts.measurements += len(_bulk(Measurement, rows, s.batch_size))
                        rows = []
        self.counts.measurements += len(_bulk(Measurement, rows, s.batch_size))

    @staticmethod
    def _measurement(
        indicator: Indicator, period: ReportingPeriod, unit: OrgUnit, rng: random.Random
    ) -> Measurement:
        if indicator.unit == IndicatorUnit.SHARE:
            denominator = rng.randrange(10, 200)
            return Measurement(
                indicator=indicator,
                period=period,
                unit=unit,
                group=Group.INTERVENTION,
                numerator=rng.randrange(0, denominator + 1),
                denominator=denominator,
            )
        if indicator.unit == IndicatorUnit.SCORE:
            return Measurement(
                indicator=indicator,
                period=period,
                unit=unit,
                group=Group.INTERVENTION,
                value=Decimal(rng.randrange(10, 50)) / 10,
                denominator=rng.randrange(5, 60),
            )
        return Measurement(
            indicator=indicator,
            period=period,
            unit=unit,
            group=Group.INTERVENTION,
            value=Decimal(rng.randrange(0, 400)),
        )

    def _events(self, project: Project, municipality: Municipality, count: int) -> None:
        rows = [
            Event(
                actor=self.keeper,
                municipality=municipality,
                project=project,
                action="project_update",
                object_type="projects.project",
                object_id=str(project.pk),
                after={"syntetisk": i},
            )
            for i in range(count)
        ]
        self.counts.events += len(_bulk(Event, rows, self.sizes.batch_size))


def generate(
    sizes: Sizes, seed: int = 2026, progress: Callable[[str, int], None] | None = None
) -> Counts:
    """Make the dataset (one transaction per municipality, so an interrupted run keeps whole ones)."""
    return Generator(sizes, seed, progress).run()


def describe(counts: Any) -> str:
    return (
        f"{counts.municipalities} kommuner, {counts.projects} projekt, {counts.measurements} mätvärden, "
        f"{counts.events} händelser, {counts.ledger_entries} bokföringsposter (syntetiska)"
    )
