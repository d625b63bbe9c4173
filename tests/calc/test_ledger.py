"""The ledger's derived figures: a table of entries, corrections, the rules and their properties."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from sif.calc.errors import SifError
from sif.calc.ledger import (
    ALLOCATION,
    COMMITMENT,
    CORRECTION,
    DISBURSEMENT,
    OF_COMMITMENT,
    OF_OUTSTANDING,
    REPAYMENT,
    WAIVER,
    WRITE_OFF,
    Entry,
    available,
    balance,
    by_year,
    check_ledger,
    check_parameters,
    commitment_remaining,
    committed,
    outstanding,
    planned_vs_actual,
    rule_from_parameters,
    totals,
)
from sif.calc.repayment import FixedPlan

D = Decimal


def e(
    key: int,
    kind: str,
    amount: str,
    year: int = 2014,
    project: str | None = "A",
    reverses: int | None = None,
    of: str = "",
) -> Entry:
    return Entry(
        key=key,
        kind=kind,
        amount=D(amount),
        year=year,
        project=project,
        reverses=reverses,
        write_off_of=of,
    )


# A fund of 50 000 000 kr; project A granted 3 800 000, 3 000 000 paid out and 1 000 000 repaid;
# project B granted 2 000 000, 500 000 paid, the rest of its grant released, its debt waived.
TABLE = [
    e(1, ALLOCATION, "50000000", 2012, project=None),
    e(2, COMMITMENT, "3800000", 2014),
    e(3, DISBURSEMENT, "3000000", 2015),
    e(4, REPAYMENT, "600000", 2016),
    e(5, REPAYMENT, "400000", 2017),
    e(6, COMMITMENT, "2000000", 2013, project="B"),
    e(7, DISBURSEMENT, "500000", 2013, project="B"),
    e(8, WRITE_OFF, "1500000", 2015, project="B", of=OF_COMMITMENT),
    e(9, WAIVER, "500000", 2016, project="B"),
    e(10, DISBURSEMENT, "100000", 2015),
    e(11, CORRECTION, "100000", 2015, reverses=10),
]


@pytest.mark.parametrize(
    ("figure", "expected"),
    [
        ("allocated", "50000000"),
        ("committed_total", "5800000"),
        ("disbursed", "3500000"),
        ("repaid", "1000000"),
        ("released", "1500000"),
        ("written_off", "0"),
        ("waived", "500000"),
        ("balance", "47500000"),  # 50 000 000 − 3 500 000 + 1 000 000
        ("committed", "800000"),  # 5 800 000 − 3 500 000 − 1 500 000
        ("available", "46700000"),  # 47 500 000 − 800 000
        ("outstanding", "2000000"),  # 3 500 000 − 1 000 000 − 500 000
    ],
)
def test_the_fund_figures_of_a_table_of_entries(figure: str, expected: str) -> None:
    assert getattr(totals(TABLE), figure) == D(expected)


def test_the_shortcuts_agree_with_the_totals() -> None:
    assert (balance(TABLE), committed(TABLE), available(TABLE)) == (
        D("47500000"),
        D("800000"),
        D("46700000"),
    )


@pytest.mark.parametrize(
    ("project", "outstanding_kr", "remaining_kr"), [("A", "2000000", "800000"), ("B", "0", "0")]
)
def test_each_projects_outstanding_and_remaining_commitment(
    project: str, outstanding_kr: str, remaining_kr: str
) -> None:
    assert outstanding(TABLE, project) == D(outstanding_kr)
    assert commitment_remaining(TABLE, project) == D(remaining_kr)


def test_repayments_per_year_skip_corrected_entries() -> None:
    assert by_year(TABLE, REPAYMENT, "A") == {2016: D("600000"), 2017: D("400000")}
    assert by_year(TABLE, DISBURSEMENT, "A") == {2015: D("3000000")}


def test_a_valid_ledger_passes_the_check() -> None:
    check_ledger(TABLE)


@pytest.mark.parametrize(
    ("extra", "code"),
    [
        (e(20, DISBURSEMENT, "800000.01", 2016), "disbursement_exceeds_commitment"),
        (e(20, WRITE_OFF, "800000.01", 2016, of=OF_COMMITMENT), "disbursement_exceeds_commitment"),
        (e(20, REPAYMENT, "2000000.01", 2018), "repayment_exceeds_outstanding"),
        (e(20, WAIVER, "0.01", 2018, project="B"), "repayment_exceeds_outstanding"),
        (e(20, WRITE_OFF, "2000000.01", 2018, of=OF_OUTSTANDING), "repayment_exceeds_outstanding"),
        (e(20, CORRECTION, "100000", 2016, reverses=11), "ledger_correction_of_correction"),
        (e(20, CORRECTION, "100000", 2016, reverses=10), "ledger_already_corrected"),
        (e(20, CORRECTION, "3800000", 2016, reverses=2), "disbursement_exceeds_commitment"),
        (e(20, ALLOCATION, "0", 2016, project=None), "ledger_amount_not_positive"),
        (e(20, ALLOCATION, "5", 2016), "ledger_allocation_with_project"),
        (e(20, REPAYMENT, "5", 2016, project=None), "ledger_project_required"),
        (e(20, WRITE_OFF, "5", 2016), "ledger_write_off_of_unknown"),
    ],
)
def test_a_ledger_that_breaks_a_rule_is_refused_with_a_code(extra: Entry, code: str) -> None:
    with pytest.raises(SifError) as caught:
        check_ledger([*TABLE, extra])
    assert caught.value.code == code


def test_a_fixed_four_year_plan_against_the_repayments_booked() -> None:
    rows = planned_vs_actual(FixedPlan(years=4, start_year=2016), TABLE, "A")
    assert [(r.year, r.planned, r.actual, r.remaining) for r in rows] == [
        (2016, D("750000.00"), D("600000"), D("2400000")),
        (2017, D("750000.00"), D("400000"), D("2000000")),
        (2018, D("750000.00"), None, D("1250000.00")),
        (2019, D("750000.00"), None, D("500000.00")),
    ]


def test_a_waiver_stops_the_plan_in_its_year() -> None:
    entries = [
        e(1, COMMITMENT, "400000"),
        e(2, DISBURSEMENT, "400000"),
        e(3, REPAYMENT, "100000", 2015),
        e(4, WAIVER, "300000", 2016),
    ]
    rows = planned_vs_actual(FixedPlan(years=4, start_year=2015), entries, "A")
    assert [(r.year, r.written_off, r.remaining) for r in rows] == [
        (2015, D(0), D("300000")),
        (2016, D("300000"), D(0)),
        (2017, D(0), D(0)),
        (2018, D(0), D(0)),
    ]


@pytest.mark.parametrize(
    ("rule", "params", "expected"),
    [
        ("fixed_plan", {"years": "4", "start_year": 2016}, {"years": 4, "start_year": 2016}),
        (
            "share_of_gains",
            {"years": 5, "start_year": 2020, "share": "0,5", "cap": "1 000 000"},
            {"years": 5, "start_year": 2020, "share": "0.5", "cap": "1000000"},
        ),
        ("by_agreement", {}, {}),
    ],
)
def test_agreement_parameters_are_normalised(
    rule: str, params: dict[str, object], expected: dict[str, object]
) -> None:
    assert check_parameters(rule, params) == expected


@pytest.mark.parametrize(
    ("rule", "params", "code"),
    [
        ("fixed_plan", {"start_year": 2016}, "agreement_parameter_required"),
        ("fixed_plan", {"years": 0, "start_year": 2016}, "agreement_parameter_invalid"),
        (
            "share_of_gains",
            {"years": 3, "start_year": 2016, "share": "1.5"},
            "agreement_parameter_invalid",
        ),
        ("by_agreement", {"years": 3}, "agreement_parameter_unknown"),
    ],
)
def test_bad_agreement_parameters_are_refused(
    rule: str, params: dict[str, object], code: str
) -> None:
    with pytest.raises(SifError) as caught:
        check_parameters(rule, params)
    assert caught.value.code == code


def test_rules_without_a_schedule_have_no_rule_object() -> None:
    assert rule_from_parameters("by_agreement", {}) is None
    assert rule_from_parameters("fixed_plan", {"years": 4, "start_year": 2016}) == FixedPlan(
        4, 2016
    )


# ---------------------------------------------------------------- properties

amounts = st.decimals(min_value=D("0.01"), max_value=D("10000000"), places=2)


@st.composite
def valid_ledgers(draw: st.DrawFn) -> list[Entry]:
    """A valid ledger built entry by entry, each amount within what the rules allow at that point."""
    entries: list[Entry] = [e(0, ALLOCATION, str(draw(amounts)), project=None)]
    for key in range(1, draw(st.integers(0, 25)) + 1):
        project = draw(st.sampled_from(["A", "B"]))
        kind = draw(
            st.sampled_from([COMMITMENT, DISBURSEMENT, REPAYMENT, WAIVER, WRITE_OFF, CORRECTION])
        )
        t = totals(x for x in entries if x.project == project)
        of = draw(st.sampled_from([OF_COMMITMENT, OF_OUTSTANDING])) if kind == WRITE_OFF else ""
        if kind == CORRECTION:
            reversed_keys = {x.reverses for x in entries}
            targets = [x for x in entries if x.kind != CORRECTION and x.key not in reversed_keys]
            if not targets:
                continue
            target = draw(st.sampled_from(targets))
            candidate = Entry(key, CORRECTION, target.amount, 2020, target.project, target.key)
        else:
            limit = (
                t.committed
                if kind == DISBURSEMENT or of == OF_COMMITMENT
                else t.outstanding
                if kind != COMMITMENT
                else D("10000000")
            )
            if limit < D("0.01"):
                continue
            amount = draw(st.decimals(min_value=D("0.01"), max_value=limit, places=2))
            candidate = Entry(key, kind, amount, draw(st.integers(2012, 2025)), project, None, of)
        try:
            check_ledger([*entries, candidate])
        except SifError:
            continue
        entries.append(candidate)
    return entries


@given(valid_ledgers(), st.randoms())
def test_the_figures_do_not_depend_on_the_order_of_the_entries(
    entries: list[Entry], random: object
) -> None:
    shuffled = list(entries)
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    assert totals(shuffled) == totals(entries)
    check_ledger(shuffled)


@given(valid_ledgers())
def test_outstanding_and_committed_are_never_negative_and_repayment_never_exceeds_disbursed(
    entries: list[Entry],
) -> None:
    for project in ("A", "B"):
        t = totals(x for x in entries if x.project == project)
        assert outstanding(entries, project) >= 0
        assert commitment_remaining(entries, project) >= 0
        assert t.repaid <= t.disbursed


@given(valid_ledgers(), st.data())
def test_a_correction_cancels_its_entry_exactly(entries: list[Entry], data: st.DataObject) -> None:
    reversed_keys = {x.reverses for x in entries}
    targets = [x for x in entries if x.kind != CORRECTION and x.key not in reversed_keys]
    assume(targets)
    target = data.draw(st.sampled_from(targets))
    corrected = [*entries, Entry("c", CORRECTION, target.amount, 2030, target.project, target.key)]
    without = [x for x in entries if x.key != target.key]
    assert totals(corrected) == totals(without)


@given(valid_ledgers(), amounts)
def test_a_repayment_above_outstanding_is_refused(entries: list[Entry], extra: Decimal) -> None:
    over = outstanding(entries, "A") + extra
    with pytest.raises(SifError) as caught:
        check_ledger([*entries, Entry("r", REPAYMENT, over, 2030, "A")])
    assert caught.value.code == "repayment_exceeds_outstanding"
