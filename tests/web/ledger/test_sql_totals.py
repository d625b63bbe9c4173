"""The figures the database sums (issue 16) equal sif/calc/ledger.py's sums over the single entries,
for the whole fund, per fund, per project and for every filter of the ledger page, corrections in
another year included."""

from __future__ import annotations

from datetime import date

import pytest

from sif.calc import ledger as rules
from sif.web.ledger import selectors, services
from sif.web.ledger.models import LedgerEntry
from sif.web.projects.models import Project
from tests.web.conftest import World
from tests.web.ledger.conftest import entry_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def corrected(world: World, funded: Project) -> Project:
    """The funded project plus a second disbursement corrected the next year and a write-off."""
    services.ledger_disburse(
        actor=world.admin, project=funded, amount="500000", booked_on=date(2016, 3, 1)
    )
    wrong = LedgerEntry.objects.filter(kind="disbursement").order_by("-id").first()
    services.ledger_correct(
        actor=world.admin, entry=wrong, reason="fel belopp", booked_on=date(2017, 1, 10)
    )
    services.ledger_write_off(
        actor=world.admin,
        project=funded,
        amount="100000",
        booked_on=date(2017, 6, 1),
        of="commitment",
    )
    return funded


def _in_python(entries: list[LedgerEntry]) -> rules.Totals:
    return rules.totals(e.as_rule_entry() for e in entries)


def test_the_funds_totals_from_the_database_equal_the_sums_of_its_entries(
    world: World, corrected: Project
) -> None:
    entries = selectors.fund_entries(world.fund)
    assert selectors.fund_totals(world.fund) == _in_python(entries)
    assert selectors.totals_by_fund([world.fund, world.malmo_fund]) == {
        world.fund.pk: _in_python(entries),
        world.malmo_fund.pk: rules.Totals(),
    }
    [row] = selectors.project_rows(world.fund, selectors.projects_with_entries(world.fund))
    assert row.totals == rules.by_project(e.as_rule_entry() for e in entries)[corrected.pk]


@pytest.mark.parametrize(
    "shown",
    [
        selectors.LedgerFilter(),
        selectors.LedgerFilter(kinds=("disbursement",)),
        selectors.LedgerFilter(kinds=("allocation", "repayment")),
        selectors.LedgerFilter(year=2016),
        selectors.LedgerFilter(year=2017),
        selectors.LedgerFilter(kinds=("disbursement",), year=2016),
    ],
)
def test_every_ledger_filter_lists_and_sums_what_the_rules_would(
    world: World, corrected: Project, shown: selectors.LedgerFilter
) -> None:
    everything = selectors.fund_entries(world.fund)
    expected = [
        e
        for e in everything
        if (not shown.kinds or selectors.figure_kind(e) in shown.kinds)
        and (shown.year is None or e.booked_on.year == shown.year)
    ]
    assert selectors.entries_shown(list(selectors.entries_filtered(world.fund, shown))) == expected
    assert selectors.shown_totals(world.fund, shown) == _in_python(expected)
    assert entry_of("correction") is not None
