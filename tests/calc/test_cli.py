"""`sif calc`: the three example cases, JSON keys, Swedish errors, and no Django."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sif.calc.cli import main
from tests.calc.builders import EXAMPLES, ROOT

SIF = str(Path(sys.executable).parent / "sif")
KEYS = {
    "pv_costs",
    "pv_gains",
    "pv_gains_by_actor",
    "npv",
    "benefit_cost_ratio",
    "payback_year",
    "break_even_successes",
    "break_even_share",
}


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:  # type: ignore[type-arg]
    assert main([*args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_ppss_json_prints_break_even_successes_of_about_88_9(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = run_json(capsys, str(EXAMPLES / "ppss.toml"))
    assert KEYS <= data.keys()
    assert data["break_even_successes"] == pytest.approx(88.9, abs=0.05)


def test_monte_carlo_adds_the_probability_and_npv_percentiles(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = run_json(
        capsys, str(EXAMPLES / "hasselby_pilot.toml"), "--monte-carlo", "2000", "--seed", "1"
    )
    assert {"p_npv_positive", "p5", "p50", "p95"} <= data["monte_carlo"].keys()


@pytest.mark.parametrize("name", ["ppss", "hasselby_pilot", "hela_familjen"])
def test_each_example_prints_a_swedish_table(capsys: pytest.CaptureFixture[str], name: str) -> None:
    assert main([str(EXAMPLES / f"{name}.toml")]) == 0
    out = capsys.readouterr().out
    assert "Nettonuvärde" in out and "Nuvärde av kostnaderna" in out


def test_hela_familjen_output_says_its_group_sizes_are_assumptions(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main([str(EXAMPLES / "hela_familjen.toml")]) == 0
    out = capsys.readouterr().out
    assert "Antaganden" in out and "50 familjer" in out and "Fishers exakta test" in out
    data = run_json(capsys, str(EXAMPLES / "hela_familjen.toml"))
    assert data["effect"]["difference"] == pytest.approx(0.28)
    assert data["effect"]["extra_successes"] == pytest.approx(14)


def test_a_bad_case_file_prints_a_swedish_error_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        (EXAMPLES / "ppss.toml")
        .read_text(encoding="utf-8")
        .replace("deadweight = 0", "deadweight = 1.2"),
        encoding="utf-8",
    )
    assert main([str(bad)]) == 2
    err = capsys.readouterr().err
    assert "Andelen utfall 1: dödvikt måste ligga mellan 0 och 1, men är 1,2." in err
    assert "Traceback" not in err


def test_a_json_case_file_is_read_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from sif.calc.casefile import load_case, scenario_to_dict

    path = tmp_path / "hasselby.json"
    path.write_text(
        json.dumps(scenario_to_dict(load_case(EXAMPLES / "hasselby_pilot.toml").scenario))
    )
    assert run_json(capsys, str(path))["payback_year_undiscounted"] == 2025


def test_sif_calc_and_the_policy_never_load_django() -> None:
    code = (
        "import sys, sif.calc, sif.calc.cli, sif.policy, sif.policy.decisions, sif.policy.lifecycle\n"
        "from sif.cli import main\n"
        f"rc = main(['calc', {str(EXAMPLES / 'ppss.toml')!r}, '--json', '--monte-carlo', '100'])\n"
        "assert rc == 0, rc\n"
        "assert not any(m == 'django' or m.startswith('django.') for m in sys.modules), 'django loaded'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_the_installed_command_prints_break_even_for_ppss() -> None:
    done = subprocess.run(
        [SIF, "calc", str(EXAMPLES / "ppss.toml"), "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["break_even_successes"] == pytest.approx(88.9, abs=0.05)
    assert done.stderr == ""  # no progress bar when stderr is not a terminal


def test_the_json_has_each_actors_business_case_and_the_gains_per_value_type(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = run_json(capsys, str(EXAMPLES / "ppss.toml"), "--monte-carlo", "2000", "--tornado")
    cases = {c["actor"]: c for c in data["business_cases"]}
    assert cases["kommun"]["npv"] == pytest.approx(-57e6) and cases["samhalle"][
        "pv_gains"
    ] == pytest.approx(6e9 / 9 / 10)
    assert data["pv_gains_by_type"] == {"economic": pytest.approx(6e9 / 9 / 10)}
    assert data["npv_municipal"] == pytest.approx(-57e6)
    assert data["monte_carlo"]["p_municipal_npv_positive"] == 0.0
    assert "tornado_municipal" in data and data["monte_carlo"]["payback_year_shares"]


def test_the_pilots_json_gives_the_cases_per_actor_and_type_with_the_adjustments_applied(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = run_json(capsys, str(EXAMPLES / "hasselby_pilot.toml"))
    kommun = next(c for c in data["business_cases"] if c["actor"] == "kommun")
    assert kommun["pv_gains_by_type"] == {"fiscal_cashable": pytest.approx(data["pv_gains"])}
    assert kommun["costs_by_year"][:3] == [9_577_000, 9_811_000, 3_152_000]
    assert data["fiscal_return"] == pytest.approx(data["benefit_cost_ratio"])
    assert data["public_case"]["npv"] == pytest.approx(data["npv_municipal"])
    outcome = data["adjustments"]["outcomes"][0]
    assert (
        outcome["deadweight"] == 0 and outcome["attribution"] == 1 and outcome["duration"] is None
    )
    assert data["adjustments"]["optimism_bias_costs"] == 0
