"""Finding 6 of the probe: correcting an allocation answered 500 (IntegrityError
`ledger_project_unless_allocation`), so a mistyped allocation could never be reversed."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from sif.calc import ledger as rules
from sif.web.ledger import services
from sif.web.ledger.models import LedgerEntry
from sif.web.ledger.selectors import fund_entries, rule_entries

pytestmark = pytest.mark.django_db


def test_an_allocation_is_corrected_by_a_reversing_entry_without_a_project(world: Any) -> None:
    wrong = services.ledger_allocate(
        actor=world.admin, fund=world.fund, amount="5 000 000", booked_on=date(2020, 1, 10)
    )
    services.ledger_allocate(
        actor=world.admin, fund=world.fund, amount="500 000", booked_on=date(2020, 1, 11)
    )
    correction = services.ledger_correct(
        actor=world.admin, entry=wrong, reason="Fel belopp: 500 000 kr"
    )
    assert (correction.kind, correction.project_id, correction.reverses_id, correction.amount) == (
        "correction",
        None,
        wrong.pk,
        Decimal("5000000"),
    )
    assert rules.balance(rule_entries(fund_entries(world.fund))) == Decimal("500000")


def test_the_correction_page_books_it_and_redirects(client: Any, world: Any) -> None:
    wrong = services.ledger_allocate(
        actor=world.admin, fund=world.fund, amount="5 000 000", booked_on=date(2020, 1, 10)
    )
    client.force_login(world.admin)
    response = client.post(
        reverse("ledger:correct", args=[world.fund.pk, wrong.pk]),
        {"reason": "Dubbelbokad", "booked_on": "2020-02-01"},
    )
    assert response.status_code == 302
    assert LedgerEntry.objects.filter(kind="correction", reverses=wrong).count() == 1
