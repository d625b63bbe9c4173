"""The rules that make a decision hold up, over plain values (sif/policy/decisions.py)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from sif.calc.errors import SifError
from sif.policy.decisions import (
    GrantFacts,
    check_closing,
    check_grant,
    exceeds_available,
    latest_day,
)

SOUGHT = Decimal(22_540_000)


def facts(**changes: object) -> GrantFacts:
    base = {
        "granted": True,
        "granted_amount": SOUGHT,
        "sought_amount": SOUGHT,
        "available": Decimal(50_000_000),
        "decided_on": date(2019, 12, 17),
        "project_start": date(2020, 1, 1),
    }
    return GrantFacts(**(base | changes))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"granted_amount": Decimal(30_000_000)}, "decision_above_sought"),
        ({"available": Decimal(0)}, "decision_above_available"),
        ({"submitted_on": date(2019, 12, 18)}, "decision_before_submission"),
        ({"decided_on": date(2017, 12, 31)}, "decision_long_before_start"),
    ],
)
def test_a_grant_that_does_not_hold_up_is_refused_with_its_code(
    changes: dict[str, object], code: str
) -> None:
    with pytest.raises(SifError) as refused:
        check_grant(facts(**changes))
    assert refused.value.code == code


def test_a_reason_or_a_confirmation_lets_the_grant_through() -> None:
    check_grant(
        facts(granted_amount=Decimal(30_000_000), above_sought_reason="Två stadsdelar till.")
    )
    assert exceeds_available(facts(available=Decimal(0)))
    check_grant(facts(available=Decimal(0), above_available_confirmed=True))


def test_a_rejection_needs_neither_money_nor_a_reason() -> None:
    check_grant(facts(granted=False, granted_amount=None, available=Decimal(0)))


def test_a_grant_two_years_before_the_start_is_within_the_margin() -> None:
    check_grant(facts(decided_on=date(2018, 1, 2)))


def test_an_imprecise_date_is_compared_by_the_last_day_it_may_mean() -> None:
    assert latest_day(date(2019, 2, 1), "month") == date(2019, 2, 28)
    assert latest_day(date(2019, 1, 1), "year") == date(2019, 12, 31)
    check_grant(
        facts(decided_on=date(2019, 1, 1), date_precision="year", submitted_on=date(2019, 6, 1))
    )


def test_a_closing_decision_comes_after_the_grant_and_the_start() -> None:
    with pytest.raises(SifError, match="closing_before_grant"):
        check_closing(
            date(2019, 1, 1),
            "day",
            grant_decided_on=date(2019, 12, 17),
            project_start=date(2020, 1, 1),
        )
    with pytest.raises(SifError, match="closing_before_start"):
        check_closing(
            date(2019, 12, 31), "day", grant_decided_on=None, project_start=date(2020, 1, 1)
        )
    check_closing(
        date(2023, 3, 1), "day", grant_decided_on=date(2019, 12, 17), project_start=date(2020, 1, 1)
    )
