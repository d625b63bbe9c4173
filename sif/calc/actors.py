"""Actors: who bears a cost and so who gains when it is avoided.

Codes are ASCII: `kommun` (optionally `kommun.<nämnd/förvaltning>`, e.g. `kommun.socialtjanst`),
`region`, `stat` (optionally `stat.<myndighet>`, e.g. `stat.forsakringskassan`) and `individ`.
The fund is repaid from the gains that land on `kommun` and its sub-keys.
"""

from __future__ import annotations

import re

from sif.calc.errors import SifError

TOP_LEVEL = ("kommun", "region", "stat", "individ")
WITH_SUB_KEYS = ("kommun", "stat")
_PATTERN = re.compile(r"^(kommun|region|stat|individ)(\.([a-z][a-z0-9_]*))?$")


def check_actor(code: object, field: str) -> str:
    """Return `code` if it names a known actor, else raise `unknown_actor` naming `field`."""
    match = _PATTERN.match(code) if isinstance(code, str) else None
    if match is None or (match.group(2) and match.group(1) not in WITH_SUB_KEYS):
        raise SifError("unknown_actor", field=field, value=code)
    return str(code)


def top_level(code: str) -> str:
    """`kommun.socialtjanst` -> `kommun`."""
    return code.split(".", 1)[0]


def is_municipal(code: str) -> bool:
    """True for the gains that land in the municipality's own budgets (and so may repay the fund)."""
    return top_level(code) == "kommun"
