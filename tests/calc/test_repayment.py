from decimal import Decimal

import pytest

from sif.calc.errors import SifError
from sif.calc.repayment import BudgetFrameReduction, FixedPlan, ShareOfGains, schedule


def test_a_fixed_plan_repays_in_equal_instalments_with_the_remainder_last() -> None:
    rows = schedule(FixedPlan(years=3, start_year=2016), Decimal("1000000"))
    assert [r.planned for r in rows] == [
        Decimal("333333.33"),
        Decimal("333333.33"),
        Decimal("333333.34"),
    ]
    assert [r.year for r in rows] == [2016, 2017, 2018]
    assert rows[-1].remaining == 0


def test_a_share_of_municipal_gains_is_capped_at_the_granted_amount() -> None:
    gains = {2021: Decimal(1_000_000), 2022: Decimal(2_000_000), 2023: Decimal(2_000_000)}
    rows = schedule(
        ShareOfGains(Decimal("0.5"), 2021, 2023), Decimal(1_800_000), expected_gains=gains
    )
    assert [r.planned for r in rows] == [Decimal(500_000), Decimal(1_000_000), Decimal(300_000)]


def test_a_budget_frame_reduction_equals_the_savings() -> None:
    gains = {2013: Decimal(400_000), 2014: Decimal(700_000)}
    rows = schedule(BudgetFrameReduction(2013, 2015), Decimal(2_000_000), expected_gains=gains)
    assert [r.planned for r in rows] == [Decimal(400_000), Decimal(700_000), Decimal(0)]
    assert rows[-1].remaining == Decimal(900_000)


def test_planned_and_actual_are_shown_side_by_side() -> None:
    rows = schedule(
        ShareOfGains(Decimal("0.5"), 2021, 2023),
        Decimal(3_000_000),
        expected_gains={y: Decimal(2_000_000) for y in (2021, 2022, 2023)},
        realised_gains={2021: Decimal(800_000), 2022: Decimal(1_200_000)},
    )
    assert [(r.planned, r.actual) for r in rows] == [
        (Decimal(1_000_000), Decimal(400_000)),
        (Decimal(1_000_000), Decimal(600_000)),
        (Decimal(1_000_000), None),
    ]


def test_a_waiver_writes_off_the_rest_in_its_year() -> None:
    # Malmö waived the Hela familjen repayment in 2016 when the saving budget moved.
    rows = schedule(
        FixedPlan(4, 2015), Decimal(400_000), payments={2015: Decimal(100_000)}, waived_from=2016
    )
    assert [(r.year, r.actual, r.written_off, r.remaining) for r in rows] == [
        (2015, Decimal(100_000), 0, Decimal(300_000)),
        (2016, 0, Decimal(300_000), 0),
        (2017, 0, 0, 0),
        (2018, 0, 0, 0),
    ]


def test_the_rest_can_be_written_off_after_the_last_year() -> None:
    rows = schedule(
        BudgetFrameReduction(2020, 2021),
        Decimal(500),
        expected_gains={2020: Decimal(100)},
        write_off_rest=True,
    )
    assert (rows[-1].written_off, rows[-1].remaining) == (Decimal(400), 0)


def test_recorded_payments_above_the_granted_amount_are_refused() -> None:
    with pytest.raises(SifError) as info:
        schedule(FixedPlan(2, 2020), Decimal(100), payments={2020: Decimal(80), 2021: Decimal(80)})
    assert info.value.code == "repayment_exceeds_granted"
