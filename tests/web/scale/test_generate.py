"""The scale dataset: seeded, marked synthetic, within every constraint, and refused a second time."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Sum

from sif.calc import ledger as rules
from sif.policy import states as ps
from sif.web.accounts.models import Municipality
from sif.web.audit.models import Event
from sif.web.followup.models import Measurement
from sif.web.ledger.models import LedgerEntry
from sif.web.projects.models import Project
from sif.web.scale.generate import SYNTHETIC_NOTE, Sizes, generate

pytestmark = pytest.mark.django_db

SMALL = Sizes(
    municipalities=2,
    projects_per_municipality=3,
    extra_projects=1,
    big_municipality_projects=5,
    units_per_municipality=4,
    units_per_project=2,
    indicators_per_project=3,
    periods_per_project=4,
    events_per_project=7,
    big_project_units=6,
    big_project_indicators=4,
    big_project_periods=5,
)


def snapshot() -> list[Any]:
    return [
        list(Project.objects.order_by("pk").values_list("title", "state", "sought_amount")),
        list(Measurement.objects.order_by("pk").values_list("value", "numerator", "denominator")),
        list(LedgerEntry.objects.order_by("pk").values_list("kind", "amount")),
    ]


def test_the_same_seed_gives_the_same_data() -> None:
    runs = []
    for _ in range(2):
        with transaction.atomic():
            generate(SMALL, seed=7)
            runs.append(snapshot())
            transaction.set_rollback(True)
    assert runs[0] == runs[1] and runs[0][1]


def test_the_counts_follow_the_sizes_and_everything_is_marked_synthetic() -> None:
    counts = generate(SMALL, seed=1)
    assert counts.municipalities == Municipality.objects.count() == 2
    assert counts.projects == Project.objects.count() == 5 + 3 + 1 == SMALL.projects
    assert counts.events == Event.objects.count() == 9 * 7 + counts.ledger_entries
    assert counts.measurements == Measurement.objects.count() > 0
    assert all(m.name.startswith("Syntetisk kommun") for m in Municipality.objects.all())
    assert not Project.objects.exclude(example_note__startswith="Syntetiska data").exists()
    big = Project.objects.order_by("pk").first()
    assert big.project_units.count() == 6 and big.indicators.count() == 4


def test_the_ledger_of_every_fund_keeps_its_rules() -> None:
    generate(SMALL, seed=3)
    for fund_id in LedgerEntry.objects.values_list("fund_id", flat=True).distinct():
        entries = [e.as_rule_entry() for e in LedgerEntry.objects.filter(fund_id=fund_id)]
        rules.check_ledger(entries)
        assert rules.totals(entries).available >= 0
    assert LedgerEntry.objects.aggregate(total=Sum("amount"))["total"] > Decimal(0)


def test_the_command_refuses_a_database_that_already_has_synthetic_data() -> None:
    args = [
        "--municipalities",
        "1",
        "--projects-per-municipality",
        "1",
        "--big-municipality-projects",
        "1",
        "--events-per-project",
        "1",
        "--big-project-units",
        "2",
        "--big-project-indicators",
        "1",
        "--big-project-periods",
        "1",
        "--quiet",
    ]
    out = StringIO()
    call_command("generate_scale_data", *args, stdout=out)
    assert "1 kommuner" in out.getvalue()
    with pytest.raises(CommandError, match="redan syntetiska data"):
        call_command("generate_scale_data", *args, stdout=StringIO())


def test_every_grant_is_booked_paid_out_and_followed_up_as_its_state_says() -> None:
    sizes = Sizes(
        municipalities=1,
        big_municipality_projects=30,
        units_per_municipality=3,
        units_per_project=2,
        indicators_per_project=2,
        periods_per_project=3,
        events_per_project=0,
        big_project_units=2,
        big_project_indicators=2,
        big_project_periods=3,
    )
    generate(sizes, seed=5)
    states = set()
    for project in Project.objects.all():
        states.add(project.state)
        kinds = Counter(project.ledger_entries.values_list("kind", flat=True))
        measured = Measurement.objects.filter(indicator__project=project).count()
        if project.state in ps.AFTER_GRANT:
            commitment = project.ledger_entries.get(kind=rules.COMMITMENT)
            assert commitment.decision.granted_amount == commitment.amount
        else:
            assert not kinds
        if project.state in (ps.RUNNING, ps.CLOSED):
            assert kinds[rules.DISBURSEMENT] == 4 and measured == 2 * 2 * 3
            paid = project.ledger_entries.filter(kind=rules.DISBURSEMENT).aggregate(s=Sum("amount"))
            assert paid["s"] == commitment.amount
        else:
            assert measured == 0 and not kinds[rules.DISBURSEMENT]
        if project.state != ps.CLOSED:
            assert not kinds[rules.REPAYMENT]
    assert {ps.GRANTED, ps.RUNNING, ps.CLOSED, ps.PROPOSAL} <= states
    assert LedgerEntry.objects.filter(kind=rules.REPAYMENT).exists()
    entries = list(LedgerEntry.objects.order_by("number"))
    assert [e.number for e in entries] == list(range(1, len(entries) + 1))
    assert [e.booked_on for e in entries] == sorted(e.booked_on for e in entries)
    assert Event.objects.filter(action__startswith="ledger_").count() == len(entries)
    assert all(SYNTHETIC_NOTE in e.text for e in entries)
