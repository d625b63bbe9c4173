"""Rules that make a decision hold up: amounts against the sought amount and the fund's money,
and dates in the order the process runs. Pure; the web services pass the facts from the database.

Dates with a coarser precision than a day (a decision known only as "2019" or "december 2019") are
compared by the latest day they may mean, so an imprecise date is never refused for being early.

The margin: a grant decision may precede the project's start by at most
GRANT_BEFORE_START_MARGIN_DAYS (two years: funds decide in the autumn for work starting the next
year or the one after; Stockholm's pilot was granted 2019-12-17 for a start in 2020). A decision
dated further back is a typing error (the year) far more often than a real decision.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sif.calc.budget import format_kr
from sif.calc.errors import SifError

GRANT_BEFORE_START_MARGIN_DAYS = 730


def latest_day(day: date, precision: str) -> date:
    """The last day an imprecise date may mean: the end of its month or year."""
    if precision == "year":
        return date(day.year, 12, 31)
    if precision == "month":
        return date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])
    return day


@dataclass(frozen=True)
class GrantFacts:
    granted: bool
    granted_amount: Decimal | None
    sought_amount: Decimal | None
    available: Decimal | None
    decided_on: date | None
    date_precision: str = "day"
    submitted_on: date | None = None
    project_start: date | None = None
    above_sought_reason: str = ""
    above_available_confirmed: bool = False


def exceeds_available(facts: GrantFacts) -> bool:
    """Whether the grant is more than the fund has available (the decision is then marked so)."""
    return bool(
        facts.granted
        and facts.granted_amount is not None
        and facts.available is not None
        and facts.granted_amount > facts.available
    )


def check_grant(facts: GrantFacts) -> None:
    """Raise SifError when a grant decision does not hold up; return when it may be recorded."""
    amount = facts.granted_amount
    if facts.granted and amount is not None and facts.sought_amount is not None:
        if amount > facts.sought_amount and not facts.above_sought_reason.strip():
            raise SifError(
                "decision_above_sought",
                granted=format_kr(amount),
                sought=format_kr(facts.sought_amount),
            )
    if exceeds_available(facts) and not facts.above_available_confirmed:
        raise SifError(
            "decision_above_available",
            granted=format_kr(amount or Decimal(0)),
            available=format_kr(facts.available or Decimal(0)),
        )
    if facts.decided_on is None:
        return
    latest = latest_day(facts.decided_on, facts.date_precision)
    if facts.submitted_on is not None and latest < facts.submitted_on:
        raise SifError(
            "decision_before_submission",
            decided_on=facts.decided_on.isoformat(),
            submitted_on=facts.submitted_on.isoformat(),
        )
    if facts.project_start is not None and latest < facts.project_start - timedelta(
        days=GRANT_BEFORE_START_MARGIN_DAYS
    ):
        raise SifError(
            "decision_long_before_start",
            decided_on=facts.decided_on.isoformat(),
            start=facts.project_start.isoformat(),
            years=GRANT_BEFORE_START_MARGIN_DAYS // 365,
        )


def check_closing(
    decided_on: date | None,
    precision: str,
    *,
    grant_decided_on: date | None,
    project_start: date | None,
) -> None:
    """A closing decision comes after the grant decision and after the project started."""
    if decided_on is None:
        return
    latest = latest_day(decided_on, precision)
    if grant_decided_on is not None and latest < grant_decided_on:
        raise SifError(
            "closing_before_grant",
            decided_on=decided_on.isoformat(),
            granted_on=grant_decided_on.isoformat(),
        )
    if project_start is not None and latest < project_start:
        raise SifError(
            "closing_before_start",
            decided_on=decided_on.isoformat(),
            start=project_start.isoformat(),
        )
