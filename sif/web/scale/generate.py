"""A synthetic dataset at national scale, for measuring speed (`sif generate-scale-data`).

Seeded and reproducible: the same sizes and seed give the same rows. Everything it makes is marked
synthetic where a user sees it: municipality names start with "Syntetisk", every project and ledger
entry says so. Rows go in through bulk inserts in the order the constraints need (periods end after
they start, one measurement per indicator, period, unit and group, ledger entries checked by the
ledger's own rules before they are written: see `fund_ledger`).

The defaults make the size of the dataset issue 16 was measured on (1 022 081 measurements,
1 367 661 events, 13 400 ledger entries; the big fund 331 projects and 767 entries): 290
municipalities, 4 995 projects, 1 012 320 measurements, 1 361 971 events and 13 321 ledger entries;
the first municipality (`syntetisk-001`, the big fund) has 331 projects and 745 ledger entries, its
first project 40 units × 25 indicators × 12 tertials. Each project follows a story fixed by its state (the
weights below): applications only have events; a granted project has its grant decision and
commitment; a running one was granted in 2022 and is paid out yearly since 2023; a closed one was
granted in 2018, paid out 2019–2022 and has repaid a tenth a year for 0–4 years since. Every project
that has reached follow-up (running or closed) has measurements for all its indicators, units and
tertials. The big fund is weighted towards applications so that its ledger has the issue's size.
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
from sif.web.projects.models import (
    Decision,
    DecisionKind,
    Fund,
    Indicator,
    IndicatorUnit,
    Project,
    ProjectUnit,
)
from sif.web.scale.fund_ledger import FundLedger

SYNTHETIC_NOTE = (
    "Syntetiska data för skalmätning (sif generate-scale-data); inga verkliga uppgifter."
)
# How often each state is drawn (other states need records the generator does not make: a
# rejection decision, a final report). The big fund has more applications (see the docstring).
WEIGHTS = {
    ps.PROPOSAL: 3,
    ps.APPLICATION_STEP1: 2,
    ps.IN_REVIEW: 2,
    ps.WITHDRAWN: 2,
    ps.GRANTED: 2,
    ps.RUNNING: 4,
    ps.CLOSED: 4,
}
BIG_FUND_WEIGHTS = {**WEIGHTS, ps.PROPOSAL: 4, ps.APPLICATION_STEP1: 3, ps.IN_REVIEW: 3}
# The policy's groups, so the synthetic data never disagree with the process: a grant decision for
# every state after a grant, measurements once the indicators are locked by running work.
GRANTED = frozenset(ps.AFTER_GRANT)
FOLLOWED_UP = ps.INDICATOR_LOCKED_STATES & GRANTED


@dataclass(frozen=True)
class Story:
    """When a project in a state was decided, runs, and in which years it was paid out."""

    start: date
    end: date
    decided_on: date | None = None
    disbursed_in: tuple[int, ...] = ()
    repays_from: int | None = None  # closed projects repay a tenth a year from this year, 0–4 times


APPLICATION = Story(date(2027, 1, 1), date(2030, 12, 31))
STORIES = {
    ps.GRANTED: Story(date(2027, 1, 1), date(2030, 12, 31), date(2026, 6, 1)),
    ps.RUNNING: Story(
        date(2023, 1, 1), date(2026, 12, 31), date(2022, 12, 1), (2023, 2024, 2025, 2026)
    ),
    ps.CLOSED: Story(
        date(2019, 1, 1), date(2022, 12, 31), date(2018, 12, 1), (2019, 2020, 2021, 2022), 2023
    ),
}
T = TypeVar("T", bound=models.Model)


class Deck:
    """States dealt from shuffled decks holding each state as often as its weight: random order,
    but over the run the proportions are the weights' (a plain weighted draw left the big fund's
    ledger 8 % short of the issue's size by chance)."""

    def __init__(self, weights: dict[str, int], rng: random.Random) -> None:
        self.cards = [state for state, weight in weights.items() for _ in range(weight)]
        self.rng, self.left = rng, list[str]()

    def deal(self) -> str:
        if not self.left:
            self.left = self.rng.sample(self.cards, len(self.cards))
        return self.left.pop()


@dataclass(frozen=True)
class Sizes:
    """How much to make. The defaults are the national dataset of issue 16 (see the module
    docstring); tests pass small sizes."""

    municipalities: int = 290
    projects_per_municipality: int = 16
    extra_projects: int = 40  # one more project in as many municipalities after the first
    big_municipality_projects: int = 331
    units_per_municipality: int = 8
    units_per_project: int = 4
    indicators_per_project: int = 10
    periods_per_project: int = 12
    events_per_project: int = 270
    big_project_units: int = 40
    big_project_indicators: int = 25
    big_project_periods: int = 12
    batch_size: int = 5000

    def projects_of(self, index: int) -> int:
        """The number of projects of the municipality with this index (0: the big one)."""
        if index == 0:
            return self.big_municipality_projects
        return self.projects_per_municipality + (1 if index <= self.extra_projects else 0)

    @property
    def projects(self) -> int:
        return sum(self.projects_of(i) for i in range(self.municipalities))


@dataclass
class Counts:
    municipalities: int = 0
    projects: int = 0
    measurements: int = 0
    events: int = 0
    ledger_entries: int = 0


def _bulk(model: type[T], rows: list[T], batch: int) -> list[T]:
    return model.objects.bulk_create(rows, batch_size=batch)


def _tertials(year: int, count: int) -> Iterator[tuple[str, date, date]]:
    part = 0
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
        self.today = timezone.localdate()
        self.measurements: list[Measurement] = []
        self.decks = {False: Deck(WEIGHTS, self.rng), True: Deck(BIG_FUND_WEIGHTS, self.rng)}
        self.events: list[Event] = []

    def run(self) -> Counts:
        for index in range(self.sizes.municipalities):
            with transaction.atomic():
                self._municipality(index)
                self._flush(everything=True)
        return self.counts

    def _flush(self, everything: bool = False) -> None:
        """Insert the queued measurements and events (a batch at a time, all at the end)."""
        batch = self.sizes.batch_size
        if self.measurements and (everything or len(self.measurements) >= batch):
            self.counts.measurements += len(_bulk(Measurement, self.measurements, batch))
            self.measurements = []
        if self.events and (everything or len(self.events) >= batch):
            self.counts.events += len(_bulk(Event, self.events, batch))
            self.events = []

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
        ledger = FundLedger(fund, self.keeper, SYNTHETIC_NOTE, self.rng)
        ledger.allocate(date(2018, 1, 15))
        grants: list[tuple[Project, Decision, Story]] = []
        for p in range(s.projects_of(index)):
            big = index == 0 and p == 0
            state = ps.RUNNING if big else self.decks[index == 0].deal()
            grant = self._project(municipality, fund, units, p, big, state)
            if grant is not None:
                grants.append(grant)
            self._flush()
            self.progress("projekt", 1)
        for project, decision, story in sorted(grants, key=lambda g: g[1].decided_on or g[2].start):
            repays = (
                list(range(story.repays_from, story.repays_from + self.rng.randint(0, 4)))
                if story.repays_from
                else []
            )
            ledger.grant(project, decision, list(story.disbursed_in), repays)
        entries, events = ledger.insert(s.batch_size)
        self.counts.ledger_entries += entries
        self.counts.events += events

    def _project(
        self,
        municipality: Municipality,
        fund: Fund,
        units: list[OrgUnit],
        number: int,
        big: bool,
        state: str,
    ) -> tuple[Project, Decision, Story] | None:
        """One project with its units, events and follow-up; its grant for the ledger, if any."""
        s, rng = self.sizes, self.rng
        story = STORIES.get(state, APPLICATION)
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
            start_date=story.start,
            end_date=story.end,
        )
        self.counts.projects += 1
        _bulk(
            ProjectUnit, [ProjectUnit(project=project, unit=u) for u in participating], s.batch_size
        )
        self._events(project, municipality, s.events_per_project)
        if state in FOLLOWED_UP:
            self._followup(
                project,
                participating,
                s.big_project_indicators if big else s.indicators_per_project,
                s.big_project_periods if big else s.periods_per_project,
                story.start.year,
            )
        if state not in GRANTED:
            return None
        decision = Decision.objects.create(
            project=project,
            kind=DecisionKind.GRANT,
            granted=True,
            body="Socialnämnden",
            decided_on=story.decided_on,
            paragraph=f"§ {number + 1}",
            granted_amount=sought,
            decided_by=self.keeper,
        )
        return project, decision, story

    def _followup(
        self, project: Project, units: list[OrgUnit], indicators: int, periods: int, year: int
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
                for label, start, end in _tertials(year, periods)
            ],
            s.batch_size,
        )
        for indicator in made:
            for period in made_periods:
                if period.start > self.today:
                    continue
                for unit in units:
                    self.measurements.append(self._measurement(indicator, period, unit, rng))

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
        self.events.extend(
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
        )


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
