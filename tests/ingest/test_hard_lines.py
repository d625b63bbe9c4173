"""The hard lines of issue 13, each read right or listed as unread: every amount once, with its
kind and its line; no money word, verb or cut-off word taken for a count; registration numbers
whole."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sif.ingest import Draft, ingest_bytes


def draft_of(text: str) -> Draft:
    result = ingest_bytes(text.encode("utf-8"), "rader.txt")
    assert result.draft is not None
    return result.draft


def amounts(draft: Draft) -> list[tuple[int, Decimal, str]]:
    return [(a.line_no, a.value.value_kr, a.value.kind) for a in draft.amounts]


def counts(draft: Draft) -> list[str]:
    return [f.value.text for f in draft.figures]


def test_one_million_kronor_is_an_amount_not_a_count_of_one_miljon() -> None:
    draft = draft_of("Ramen utökas med 1 miljon kronor för 2016.")
    assert amounts(draft) == [(1, Decimal(1_000_000), "fund_capital")]
    assert counts(draft) == []


def test_a_number_after_att_sats_and_before_a_verb_is_no_count() -> None:
    draft = draft_of("Enligt att-sats 4 beaktas detta.")
    assert counts(draft) == [] and amounts(draft) == []


def test_an_amount_broken_over_a_line_break_is_read_once_on_its_number_line() -> None:
    draft = draft_of("Fonden om 400\nmiljoner kronor inrättades.")
    [amount] = draft.amounts
    assert (amount.line_no, amount.value.value_kr, amount.value.kind) == (
        1,
        Decimal(400_000_000),
        "fund_capital",
    )
    assert amount.value.text == "400 miljoner kronor"
    assert amount.source_text == "400" and amount.value.continued_line == 2
    assert counts(draft) == []


def test_dot_grouped_thousands_are_one_amount() -> None:
    draft = draft_of("Sammanlagt 12.345 tkr.")
    assert amounts(draft) == [(1, Decimal(12_345_000), "budget_line")]


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("Dnr 2016-123-1.2.3.", "2016-123-1.2.3"),
        ("Dnr KS 2015-728-1.5.1", "KS 2015-728-1.5.1"),
        ("Dnr 2016-123-1.2.3a", None),
    ],
)
def test_a_registration_number_is_read_whole_or_not_at_all(line: str, value: str | None) -> None:
    draft = draft_of(f"Beslut\n{line}\n")
    found = draft.registration_number
    assert (found.value if found else None) == value
    if found:
        assert found.line_no == 2


def test_a_labelled_sought_amount_is_reported_once() -> None:
    draft = draft_of("Sökt belopp: 800 000 kr")
    assert amounts(draft) == [(1, Decimal(800_000), "sought")]


def test_a_cut_off_word_is_not_counted() -> None:
    draft = draft_of("Protokoll 4 februa")
    assert counts(draft) == []


@pytest.mark.parametrize(
    ("line", "value", "kind"),
    [
        ("Vi söker en miljon kronor.", Decimal(1_000_000), "sought"),
        ("Projektet beviljades 1,5 mnkr.", Decimal(1_500_000), "granted"),
        ("Personalkostnaden är tre miljoner kronor.", Decimal(3_000_000), "budget_line"),
        ("Kommunen har 400 anställda och hyran är 5 000 kr.", Decimal(5_000), "other"),
    ],
)
def test_worded_and_abbreviated_amounts_have_their_value_and_kind(
    line: str, value: Decimal, kind: str
) -> None:
    assert amounts(draft_of(line)) == [(1, value, kind)]


def test_a_million_without_a_currency_is_listed_as_unread_on_its_line() -> None:
    draft = draft_of("Inledning\nFonden tillförs en miljon.")
    assert amounts(draft) == []
    [notice] = [n for n in draft.unread if n.code == "amount_unclear"]
    assert notice.line_no == 2
    assert notice.message().startswith("Rad 2: 'en miljon' kan vara ett belopp")
