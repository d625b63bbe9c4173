"""The calculation in plain Swedish, from the seed cases' results: per krona, the break-even
against what the calculation assumes, the payback year, the most uncertain input, who gains."""

from __future__ import annotations

import tomllib
from pathlib import Path

from sif.calc.model import evaluate
from sif.calc.uncertainty import tornado
from sif.reports.plain import millions, plain_calculation, share_outcome_text
from sif.web.calculations.services import check_case_data

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "calc"


def plain_for(name: str, change: dict[str, object] | None = None) -> str:
    data = tomllib.loads((EXAMPLES / f"{name}.toml").read_text(encoding="utf-8"))
    if change:
        data["outcomes"][0].update(change)
    scenario = check_case_data(data)
    return plain_calculation(
        scenario, evaluate(scenario), tornado(scenario), lambda path: f"indata {path}"
    ).text


def test_the_pilot_reads_per_krona_with_its_break_even_as_a_share_not_0_0337() -> None:
    text = plain_for("hasselby_pilot")
    assert text.startswith("För varje investerad krona beräknas 1,48 kronor komma tillbaka")
    assert (
        "Investeringen bär sig om utfallet blir 3,4\xa0% (andel av placeringskostnaderna) – kalkylen antar 5,0\xa0%."
        in text
    )
    assert "Investeringen har betalat sig 2026, år 7 av 10." in text
    assert "0,0337" not in text
    assert "kommunen, socialtjänsten 32,6\xa0miljoner kronor (100\xa0%)" in text


def test_an_uncertain_input_is_named_as_the_most_uncertain() -> None:
    text = plain_for("hasselby_pilot", {"successes": {"low": 0.02, "high": 0.08}})
    assert (
        "Mest osäkert är indata outcomes[0].successes: inom dess osäkerhetsintervall ligger nettot mellan minus"
        in text
    )


def test_amounts_read_in_millions_and_a_share_outcome_in_percent() -> None:
    assert millions(21_998_653) == "22,0\xa0miljoner kronor"
    assert millions(840_400) == "840\xa0000\xa0kronor"
    assert (
        share_outcome_text(0.0337, "(andel av placeringskostnaderna)")
        == "3,4\xa0% (andel av placeringskostnaderna)"
    )
    assert share_outcome_text(12.0, "familjer") == ""
