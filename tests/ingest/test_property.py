"""Random and mutated input never crashes the import, and no number in a draft is absent from its
source: every amount, budget cell and figure is written on the line it points at."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sif.demo import seed_text
from sif.ingest import IngestResult, ingest_bytes
from sif.ingest.numbers import NUMBER_RE, parse_amount, parse_number

HARD_LINES = [
    "Ramen utökas med 1 miljon kronor för 2016.",
    "Enligt att-sats 4 beaktas detta.",
    "Fonden om 400",
    "miljoner kronor inrättades.",
    "Sammanlagt 12.345 tkr.",
    "Dnr 2016-123-1.2.3.",
    "Sökt belopp: 800 000 kr",
    "Protokoll 4 februa",
    "Fonden tillförs en miljon.",
    "Projektet beviljades 1,5 mnkr.",
    "Vi söker en miljon kronor.",
]
SEED_LINES = [
    line for key in ("000", "001", "002", "003", "004") for line in seed_text(key).splitlines()
]


def assert_every_number_is_in_its_source(result: IngestResult) -> None:
    if result.draft is None:
        assert result.error is not None and result.error.code
        return
    lines = {line.number: line.text for line in result.lines}
    draft = result.draft
    for amount in draft.amounts:
        assert amount.source_text in lines[amount.line_no]
        if amount.value.continued_line is not None:  # "Fonden om 400" / "miljoner kronor"
            assert amount.value.continued_line == amount.line_no + 1
            assert amount.value.text.startswith(amount.source_text)
            rest = amount.value.text[len(amount.source_text) :].strip()
            assert lines[amount.value.continued_line].strip().startswith(rest)
        parsed = parse_amount(amount.value.text, default_unit="kr")
        assert (
            parsed == amount.value.value_kr
            or amount.value.max_kr is not None
            or amount.value.role == "budget_part"
        )
    for figure in draft.figures:
        assert figure.value.text in lines[figure.line_no]
        written = NUMBER_RE.match(figure.value.text)
        assert written is not None and parse_number(written.group(0)) == figure.value.value
    if draft.budget is not None:
        for row in draft.budget.rows:
            for cell in row.cells:
                assert cell.text in lines[row.line]
    for extracted in (draft.period, draft.date, draft.registration_number):
        if extracted is not None:
            assert extracted.source_text in lines[extracted.line_no]


mutated_seed = st.lists(st.sampled_from(SEED_LINES), min_size=1, max_size=40).flatmap(
    lambda picked: st.lists(
        st.sampled_from(
            [
                "",
                "\t",
                " 1 400",
                "Totalt\t9 577\t1",
                "År 2020\tÅr 2021",
                "Synpunkter: x",
                "tkr",
                *HARD_LINES,
            ]
        ),
        max_size=6,
    ).map(lambda extra: "\n".join(picked + extra))
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_seed)
def test_mutated_seed_text_gives_a_draft_whose_numbers_are_all_in_the_source(text: str) -> None:
    result = ingest_bytes(text.encode("utf-8"), "blandat.txt")
    assert_every_number_is_in_its_source(result)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=3000), st.sampled_from(["x.txt", "x.docx", "x.pdf", "x"]))
def test_random_bytes_never_crash_the_import(data: bytes, filename: str) -> None:
    assert_every_number_is_in_its_source(ingest_bytes(data, filename))


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=2000))
def test_random_text_never_crashes_and_invents_no_number(text: str) -> None:
    assert_every_number_is_in_its_source(ingest_bytes(text.encode("utf-8"), "x.txt"))
