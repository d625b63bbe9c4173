"""One home per rule: no module outside sif/policy defines a group of project states or compares a
role. A source scan (AST) over sif/, so a new copy of a rule fails here before it can disagree.

sif/ingest is left out of the role scan: `role` there is the role of an amount in a document
("sought", "total"), not a user's role."""

from __future__ import annotations

import ast
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SIF = ROOT / "sif"
STATE_NAMES = {"ProjectState", "S"}
ROLE_NAMES = {"Role"}


def _modules(*skip: str) -> list[Path]:
    return [
        p
        for p in sorted(SIF.rglob("*.py"))
        if not any(p.is_relative_to(SIF / s) for s in ("policy", *skip))
        and "migrations" not in p.parts
    ]


def _members(node: ast.AST, owners: set[str]) -> int:
    return sum(
        1
        for n in ast.walk(node)
        if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id in owners
    )


def _state_groups(tree: ast.AST) -> list[int]:
    """Lines of assignments whose value is a set, tuple, list or frozenset of two or more states."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            value = node.value
            if (
                isinstance(value, ast.Call)
                and isinstance(value.func, ast.Name)
                and value.func.id in {"frozenset", "set", "tuple", "list"}
                and value.args
            ):
                value = value.args[0]
            if (
                isinstance(value, ast.Set | ast.Tuple | ast.List)
                and _members(value, STATE_NAMES) >= 2
            ):
                found.append(node.lineno)
    return found


def _role_checks(tree: ast.AST) -> list[int]:
    """Lines comparing something's `.role`, or comparing against a Role member."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Compare):
            continue
        sides = [node.left, *node.comparators]
        if any(isinstance(s, ast.Attribute) and s.attr == "role" for s in sides) or any(
            _members(s, ROLE_NAMES) for s in sides
        ):
            found.append(node.lineno)
    return found


def test_no_module_outside_the_policy_defines_a_group_of_states() -> None:
    offenders = {
        str(p.relative_to(ROOT)): lines
        for p in _modules()
        if (lines := _state_groups(ast.parse(p.read_text())))
    }
    assert offenders == {}


def test_no_module_outside_the_policy_checks_a_role() -> None:
    offenders = {
        str(p.relative_to(ROOT)): lines
        for p in _modules("ingest")
        if (lines := _role_checks(ast.parse(p.read_text())))
    }
    assert offenders == {}


def test_the_stop_hooks_grep_finds_nothing_outside_the_policy_and_the_readers_amount_roles() -> (
    None
):
    done = subprocess.run(
        [
            "grep",
            "-rlE",
            "--include=*.py",
            r"FINAL_STATES|_STATES *= *[({\[]|\.role *(==|in) ",
            "sif",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    files = sorted(
        f for f in done.stdout.split() if not f.startswith(("sif/policy/", "sif/ingest/"))
    )
    assert files == []


def test_the_scan_catches_the_copies_it_is_meant_to_catch() -> None:
    sample = "LOCKED = {\n    ProjectState.RUNNING,\n    ProjectState.CLOSED,\n}\nok = m.role == 'reader'\nx = Role.READER in roles\n"
    tree = ast.parse(sample)
    assert (_state_groups(tree), _role_checks(tree)) == ([1], [5, 6])
    assert re.search(r"\.role *(==|in) ", sample)
