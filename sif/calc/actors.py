"""Actors: who pays a cost and who gains when a cost is avoided.

Codes are ASCII: `kommun` (optionally `kommun.<nämnd/förvaltning>`, e.g. `kommun.socialtjanst`),
`region`, `stat` (optionally `stat.<myndighet>`, e.g. `stat.forsakringskassan`,
`stat.arbetsformedlingen`), `individ`, and `samhalle` for a society-wide value that the source
does not split by actor (Nilsson & Wadeskog's cost of exclusion for a whole cohort). The fund is
repaid from the gains that land on `kommun` and its sub-keys: the municipality's own business case.
"""

from __future__ import annotations

import re

from sif.calc.errors import SifError

TOP_LEVEL = ("kommun", "region", "stat", "individ", "samhalle")
WITH_SUB_KEYS = ("kommun", "stat")
PUBLIC = ("kommun", "region", "stat")
MUNICIPALITY = "kommun"
_PATTERN = re.compile(r"^(kommun|region|stat|individ|samhalle)(\.([a-z][a-z0-9_]*))?$")


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
    return top_level(code) == MUNICIPALITY


def is_public(code: str) -> bool:
    """kommun, region and stat: the actors whose gains are fiscal (budgets)."""
    return top_level(code) in PUBLIC


def actor_order(code: str) -> tuple[int, str]:
    """Sort key: kommun and its förvaltningar first, then region, stat, individ, samhälle."""
    return TOP_LEVEL.index(top_level(code)), code
