"""docs/calculations.md documents every case-file parameter and error code, and its worked example
is what the model computes."""

import re

import pytest

from sif.calc.casefile import (
    CASE_KEYS,
    COST_ITEM_KEYS,
    EFFECT_KEYS,
    OUTCOME_KEYS,
    SCENARIO_KEYS,
    VALUE_KEYS,
)
from sif.calc.model import evaluate
from tests.calc.builders import ROOT, example
from tests.calc.test_messages import raised_codes

DOC = (ROOT / "docs" / "calculations.md").read_text(encoding="utf-8")
OWN = {p.stem for p in (ROOT / "sif" / "calc").glob("*.py")} - {"followup", "budget", "privacy"}


@pytest.mark.parametrize(
    "name",
    sorted(
        set(SCENARIO_KEYS + CASE_KEYS + COST_ITEM_KEYS + OUTCOME_KEYS + VALUE_KEYS + EFFECT_KEYS)
    ),
)
def test_every_case_file_parameter_is_documented(name: str) -> None:
    assert f"| `{name}` |" in DOC


def test_every_error_code_is_documented() -> None:
    pattern = re.compile(r"SifError\(\s*\"([a-z_]+)\"")
    codes = {
        code
        for path in (ROOT / "sif" / "calc").glob("*.py")
        if path.stem in OWN
        for code in pattern.findall(path.read_text(encoding="utf-8"))
    }
    assert codes and codes <= raised_codes()
    assert [c for c in sorted(codes) if f"| `{c}` |" not in DOC] == []


def worked_example() -> dict[str, float]:
    block = DOC.split("<!-- worked-example:start -->")[1].split("<!-- worked-example:end -->")[0]
    rows = re.findall(r"^\| (\w+) \| ([\d\s\u00a0,]+) \|$", block, flags=re.M)
    return {
        key: float(value.replace(" ", "").replace("\u00a0", "").replace(",", "."))
        for key, value in rows
    }


def test_the_worked_example_is_what_the_model_computes() -> None:
    documented = worked_example()
    assert len(documented) == 7
    result = evaluate(example("hasselby_pilot"))
    for key, value in documented.items():
        decimals = len(str(value).split(".")[1]) if value != int(value) else 0
        assert round(getattr(result, key), decimals) == pytest.approx(value), key
