"""Strict case files and CLI (issue 9 point 6, issue 12 point 4): every bad input is a Swedish
message with exit code 2, never a traceback; every number is finite; work is bounded."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sif.calc.cli import main
from sif.calc.errors import SifError
from sif.calc.model import evaluate, scenario_from_dict
from sif.messages import all_messages
from tests.calc.builders import EXAMPLES, case_dict


def error_of(data: dict[str, Any]) -> SifError:
    with pytest.raises(SifError) as info:
        scenario_from_dict(data)
    return info.value


def run_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, *args: str, suffix: str = ".toml"
) -> tuple[int, str, str]:
    path = tmp_path / f"case{suffix}"
    path.write_text(text, encoding="utf-8")
    code = main([str(path), *args])
    out, err = capsys.readouterr()
    return code, out, err


PPSS = (EXAMPLES / "ppss.toml").read_text(encoding="utf-8")


def test_the_text_false_is_not_read_as_true() -> None:
    error = error_of(case_dict(price_adjustment="false"))
    assert (error.code, error.params["field"]) == ("invalid_boolean", "price_adjustment")


@pytest.mark.parametrize(
    "bad", [math.nan, math.inf, -math.inf, "1e308 * 10", "1e200 * 1e200 - 1e200 * 1e200"]
)
def test_nan_and_infinity_are_refused_wherever_a_number_is_read(bad: object) -> None:
    error = error_of(case_dict(costs=[bad]))
    assert error.code in {"number_not_finite", "number_too_large"}
    assert error.params["field"] == "costs[0]"


def test_a_json_case_file_with_bare_infinity_exits_2_without_json_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = case_dict()
    text = json.dumps(data).replace("600000", "Infinity")
    code, out, err = run_cli(tmp_path, capsys, text, "--json", suffix=".json")
    assert code == 2 and out == ""
    assert "Kostnad 1 måste vara ett ändligt tal" in err


def test_a_toml_nan_cost_exits_2_instead_of_printing_nan_kr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_cli(
        tmp_path, capsys, re.sub(r"costs = \[.*?\]\n", "costs = [nan]\n", PPSS, count=1)
    )
    assert code == 2 and "nan kr" not in out
    assert err.startswith("Fel: Kostnad 1 måste vara ett ändligt tal")


@pytest.mark.parametrize(
    ("old", "new", "code_text"),
    [
        ("horizon = 1\n", "horizon = inf\n", "Kalkylperiod måste vara ett ändligt tal"),
        ("horizon = 1\n", "horizon = 1000000\n", "Kalkylperioden får vara högst 125 år"),
        (r"re:costs = \[.*?\]\n", "costs = 5\n", "Kostnader per år ska vara en lista"),
        (
            "price_adjustment = false",
            'price_adjustment = "false"',
            "Prisomräkning ska vara true eller false",
        ),
        (
            "discount_rate = 0.035",
            "discount_rate = -0.99",
            "Kalkylräntan måste ligga mellan 0 och 0,5",
        ),
        (
            "start_year = 2016",
            "start_year = 99999",
            "Året i startår (99999) måste ligga mellan 1900 och 2200",
        ),
        (r"re:assumptions = \[.*?\]\n", 'assumptions = "text"\n', "Antaganden ska vara en lista"),
        (r're:name = "PPSS[^\n]*', "name = 5", "Namn ska vara en text"),
    ],
)
def test_each_reported_bad_input_is_a_swedish_message_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], old: str, new: str, code_text: str
) -> None:
    pattern = old.removeprefix("re:")
    text = (
        re.sub(pattern, new, PPSS, count=1, flags=re.S)
        if pattern != old
        else PPSS.replace(old, new, 1)
    )
    assert text != PPSS
    code, out, err = run_cli(tmp_path, capsys, text)
    assert code == 2 and out == ""
    assert code_text in err, err
    assert "Traceback" not in err


def test_a_confidence_in_words_is_a_swedish_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        (EXAMPLES / "hela_familjen.toml")
        .read_text(encoding="utf-8")
        .replace("confidence = 0.95", 'confidence = "hög"')
    )
    code, _, err = run_cli(tmp_path, capsys, text)
    assert code == 2 and "Effekt: konfidensnivå ska vara ett tal, men är 'hög'." in err


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ("--monte-carlo", "100", "--seed", "-1"),
            "Slumpfröet (--seed) måste vara ett heltal mellan 0 och 4294967295, men är -1.",
        ),
        (
            ("--monte-carlo", "0"),
            "Antalet dragningar (--monte-carlo) måste vara minst 1, men är 0.",
        ),
        (
            ("--monte-carlo", "5000000"),
            "Antalet dragningar (--monte-carlo) får vara högst 1000000, men är 5000000.",
        ),
        (("--monte-carlo", "tio"), "--monte-carlo ska vara ett tal, men är 'tio'."),
        (("--okänd",), "Argumenten kunde inte tolkas"),
    ],
)
def test_bad_command_line_arguments_are_swedish_errors(
    capsys: pytest.CaptureFixture[str], args: tuple[str, ...], expected: str
) -> None:
    assert main([str(EXAMPLES / "ppss.toml"), *args]) == 2
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err and "usage" not in err


def test_the_monte_carlo_table_shows_a_break_even_share_below_one_with_four_decimals(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert (
        main([str(EXAMPLES / "hasselby_pilot.toml"), "--monte-carlo", "2000", "--seed", "1"]) == 0
    )
    line = next(
        x for x in capsys.readouterr().out.splitlines() if "Lyckade utfall för att bära sig" in x
    )
    assert " 0,0 " not in line + " " and "0,03" in line


def test_the_group_size_note_is_printed_only_when_the_effect_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (EXAMPLES / "hela_familjen.toml").read_text(encoding="utf-8")
    assert main([str(EXAMPLES / "hela_familjen.toml")]) == 0
    assert "Obs: Gruppstorlekarna är antaganden" in capsys.readouterr().out
    code, out, _ = run_cli(tmp_path, capsys, text.replace("group_sizes_assumed = true\n", ""))
    assert code == 0 and "Antaganden" in out and "Obs: Gruppstorlekarna" not in out


def test_assumptions_written_as_text_are_not_split_into_characters() -> None:
    error = error_of(case_dict(assumptions="text"))
    assert (error.code, error.params["field"]) == ("invalid_list", "assumptions")
    error = error_of(case_dict(assumptions=["ok", 5]))
    assert (error.code, error.params["field"]) == ("invalid_text", "assumptions[1]")


def test_a_tiny_fisher_p_value_prints_as_below_one_in_ten_thousand(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (EXAMPLES / "hela_familjen.toml").read_text(encoding="utf-8")
    text = text.replace("intervention_successes = 16", "intervention_successes = 45")
    code, out, _ = run_cli(tmp_path, capsys, text)
    assert code == 0 and "p <\xa00,0001" in out and "p = 0,0000" not in out


def test_too_many_outcomes_are_refused() -> None:
    data = case_dict()
    data["outcomes"] = data["outcomes"] * 51
    error = error_of(data)
    assert (error.code, error.params["limit"]) == ("too_many_items", 50)


# ---------------------------------------------------------------- property: error or finite result

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(["1/0", "8000 * 0.13", "1e308*10", "((((1", "-5", "0.5", "2020", "inf", "nan"]),
)
VALUES = st.one_of(
    SCALARS,
    st.lists(SCALARS, max_size=3),
    st.dictionaries(st.sampled_from(["low", "high", "mode", "dist", "value"]), SCALARS, max_size=3),
)
TOP = [
    "start_year",
    "horizon",
    "costs",
    "discount_rate",
    "price_base_year",
    "cost_price_year",
    "price_adjustment",
    "target_group",
    "assumptions",
    "name",
    "outcomes",
    "cost_per_participant",
]
OUTCOME = [
    "successes",
    "effect",
    "target_group",
    "deadweight",
    "attribution",
    "drop_off",
    "duration",
    "first_year",
    "label",
    "values",
]
VALUE = [
    "actor",
    "amount",
    "price_year",
    "source",
    "quantity",
    "share",
    "divide_by",
    "unit_cost",
    "value_type",
    "transfer",
    "counterpart",
]


def finite_or_swedish_error(data: dict[str, Any]) -> None:
    try:
        result = evaluate(scenario_from_dict(data))
    except SifError as error:
        assert error.code in all_messages(), error.code
        return
    for name in ("pv_costs", "pv_gains", "npv"):
        assert math.isfinite(getattr(result, name)), name


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(where=st.sampled_from(["top", "outcome", "value"]), key=st.data(), value=VALUES)
def test_any_value_anywhere_gives_a_swedish_error_or_a_finite_result(
    where: str, key: st.DataObject, value: object
) -> None:
    data = case_dict()
    if where == "top":
        data[key.draw(st.sampled_from(TOP))] = value
    elif where == "outcome":
        data["outcomes"][0][key.draw(st.sampled_from(OUTCOME))] = value
    else:
        data["outcomes"][0]["values"][0][key.draw(st.sampled_from(VALUE))] = value
    finite_or_swedish_error(data)


@settings(max_examples=60, deadline=None)
@given(
    value=VALUES,
    key=st.sampled_from(["costs", "horizon", "discount_rate", "price_adjustment", "assumptions"]),
)
def test_the_cli_exits_0_or_2_and_never_prints_a_traceback(
    tmp_path_factory: pytest.TempPathFactory, value: object, key: str
) -> None:
    import contextlib
    import io

    data = case_dict()
    data[key] = value
    path = tmp_path_factory.mktemp("c") / "case.json"
    path.write_text(json.dumps(data), encoding="utf-8")  # json writes NaN and Infinity bare
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(path), "--json"])
    assert code in (0, 2)
    if code == 0:
        json.loads(out.getvalue(), parse_constant=lambda c: pytest.fail(f"bare {c} in JSON"))
    else:
        assert err.getvalue().startswith("Fel: ") and "Traceback" not in err.getvalue()
