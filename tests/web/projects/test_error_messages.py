"""Every error code raised under sif/web (and by sif/calc/budget.py) has a Swedish message."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import sif
from sif.messages import all_messages

ROOT = Path(sif.__file__).parent
CODE = re.compile(r"""(?:SifError\(\s*|refuse\(\s*)["']([a-z0-9_]+)["']""")


def raised_codes() -> set[str]:
    files = [*ROOT.joinpath("web").rglob("*.py"), ROOT / "calc" / "budget.py"]
    return {code for path in files for code in CODE.findall(path.read_text(encoding="utf-8"))}


def test_the_scan_finds_the_codes_of_the_services() -> None:
    assert {
        "transition_not_allowed",
        "sought_amount_differs_from_budget",
        "project_not_found",
    } <= raised_codes()


@pytest.mark.parametrize("code", sorted(raised_codes()))
def test_the_code_has_a_swedish_message(code: str) -> None:
    assert code in all_messages()


@pytest.mark.parametrize("suffix", ["invalid", "negative"])
def test_the_derived_money_codes_have_messages(suffix: str) -> None:
    assert f"decision_amount_{suffix}" in all_messages()
