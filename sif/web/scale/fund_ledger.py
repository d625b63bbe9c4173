"""The ledger of one synthetic fund, planned in memory and inserted in one bulk insert.

A fund's entries follow the story of its projects the way a fund keeper books them through the
ledger services: the granted amount booked as a commitment referring to the grant decision, the
money paid out year by year, repayments once a project has closed, and a new allocation from the
council whenever the fund could not otherwise cover a grant. Grants are planned in the order of
their decisions and repayments are not counted on, so `available` is never negative on any day.
Before anything is written the whole ledger passes the same rules the services enforce
(`sif.calc.ledger.check_entry` and `check_ledger`: positive amounts, a project where the kind needs
one, disbursements within the commitment, repayments within what was paid out); numbers count per
fund in booking order, as the services give them, and every entry gets the event its service logs.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sif.calc import ledger as rules
from sif.web.audit.models import Event
from sif.web.ledger.models import LedgerEntry
from sif.web.projects.models import Decision, Fund, Project

# The service verb of each kind, as `sif.web.ledger.services` logs it (event action `ledger_<verb>`).
VERBS = {
    rules.ALLOCATION: "allocate",
    rules.COMMITMENT: "commit",
    rules.DISBURSEMENT: "disburse",
    rules.REPAYMENT: "repay",
}
CENT = Decimal("0.01")


@dataclass
class FundLedger:
    """The entries of one fund in the order they are planned; `insert` numbers them by date."""

    fund: Fund
    keeper: Any
    note: str
    rng: random.Random
    entries: list[LedgerEntry] = field(default_factory=list)
    available: Decimal = Decimal(0)

    def allocate(self, booked_on: date, at_least: Decimal = Decimal(0)) -> None:
        """An allocation of 20–200 million kronor (more when a grant needs more)."""
        amount = Decimal(self.rng.randrange(20, 200) * 1_000_000)
        while amount < at_least:
            amount += 10_000_000
        self._add(rules.ALLOCATION, amount, booked_on)
        self.available += amount

    def grant(
        self,
        project: Project,
        decision: Decision,
        disbursed_in: list[int],
        repaid_in: list[int],
    ) -> None:
        """The commitment of the decision's amount, one disbursement in February of each year of
        `disbursed_in` (the whole commitment over those years) and a tenth of it repaid in March of
        each year of `repaid_in`."""
        amount = decision.granted_amount
        assert amount is not None and decision.decided_on is not None
        if self.available < amount:
            self.allocate(decision.decided_on, at_least=amount - self.available)
        self._add(
            rules.COMMITMENT,
            amount,
            decision.decided_on,
            project,
            decision=decision,
            text="Beviljat belopp enligt beslut",
            reference=f"{decision.body} {decision.decided_on:%Y-%m-%d} {decision.paragraph}",
        )
        self.available -= amount
        paid = Decimal(0)
        for i, year in enumerate(disbursed_in):
            part = (
                amount - paid
                if i == len(disbursed_in) - 1
                else (amount / len(disbursed_in)).quantize(CENT)
            )
            self._add(rules.DISBURSEMENT, part, date(year, 2, 1), project)
            paid += part
        for year in repaid_in:
            share = (amount / 10).quantize(CENT)
            self._add(rules.REPAYMENT, share, date(year, 3, 1), project)

    def _add(
        self,
        kind: str,
        amount: Decimal,
        booked_on: date,
        project: Project | None = None,
        *,
        decision: Decision | None = None,
        text: str = "",
        reference: str = "",
    ) -> None:
        self.entries.append(
            LedgerEntry(
                fund=self.fund,
                project=project,
                kind=kind,
                amount=amount,
                booked_on=booked_on,
                text=f"{text} ({self.note})" if text else self.note,
                reference=reference,
                decision=decision,
                created_by=self.keeper,
            )
        )

    def check(self) -> None:
        """The rules the ledger services enforce, over the whole planned ledger."""
        planned = [
            rules.Entry(
                key=i,
                kind=e.kind,
                amount=e.amount,
                year=e.booked_on.year,
                project=e.project.pk if e.project else None,
            )
            for i, e in enumerate(self.entries)
        ]
        for entry in planned:
            rules.check_entry(entry)
        rules.check_ledger(planned)
        if rules.available(planned) < 0:
            raise AssertionError("a synthetic fund granted more than it holds")

    def insert(self, batch: int) -> tuple[int, int]:
        """Check, number in booking order, insert; then the service's event for each entry.
        Returns (entries, events)."""
        self.check()
        ordered = sorted(self.entries, key=lambda e: e.booked_on)  # stable: planned order per day
        for number, entry in enumerate(ordered, start=1):
            entry.number = number
        made = LedgerEntry.objects.bulk_create(ordered, batch_size=min(batch, 1000))
        events = [
            Event(
                actor=self.keeper,
                municipality_id=self.fund.municipality_id,
                project_id=e.project_id,
                action=f"ledger_{VERBS[e.kind]}",
                object_type=LedgerEntry._meta.label_lower,
                object_id=str(e.pk),
                after={
                    "kind": e.kind,
                    "amount": str(e.amount),
                    "booked_on": e.booked_on.isoformat(),
                    "reference": e.reference,
                    "text": e.text,
                    "reverses": None,
                    "write_off_of": "",
                    "decision": e.decision_id,
                },
            )
            for e in made
        ]
        Event.objects.bulk_create(events, batch_size=batch)
        return len(made), len(events)
