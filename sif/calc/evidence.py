"""The evidence library: effect sizes per intervention and target group, with source, study
design and confidence (shipped in data/evidence.toml).

An entry measured in percentage points becomes an outcome's `effect` as a triangular
distribution low–mode–high, so Monte Carlo draws it; an entry measured as a standardised mean
difference cannot (`evidence_not_percentage_points`): converting it needs a base rate the entry
does not have, and SIF does not guess one.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from sif.calc.distributions import Distribution, Triangular
from sif.calc.errors import SifError
from sif.calc.numbers import number

MEASURES = ("percentage_points", "smd")
CONFIDENCE = ("hög", "medel", "låg")


@dataclass(frozen=True)
class Evidence:
    key: str
    intervention: str
    target_group: str
    outcome: str
    measure: str
    low: float
    mode: float
    high: float
    design: str
    confidence: str
    source: str
    source_url: str = ""
    note: str = ""

    @property
    def distribution(self) -> Distribution:
        return Triangular(self.low, self.mode, self.high)


def evidence_from_dict(entry: Mapping[str, object], field: str) -> Evidence:
    """Check one entry: a known measure and confidence, low ≤ mode ≤ high, a source."""
    if not str(entry.get("source") or "").strip():
        raise SifError("unit_cost_missing_source", field=field, key=str(entry.get("key", field)))
    measure, confidence = str(entry.get("measure")), str(entry.get("confidence"))
    if measure not in MEASURES or confidence not in CONFIDENCE:
        raise SifError("invalid_table", field=field)
    low, mode, high = (number(entry.get(k), f"{field}.{k}") for k in ("low", "mode", "high"))
    if not low <= mode <= high:
        raise SifError("mode_outside_range", field=field, low=low, mode=mode, high=high)
    text = {
        k: str(entry.get(k, ""))
        for k in (
            "key",
            "intervention",
            "target_group",
            "outcome",
            "design",
            "source",
            "source_url",
            "note",
        )
    }
    return Evidence(measure=measure, confidence=confidence, low=low, mode=mode, high=high, **text)


@cache
def _library() -> tuple[Evidence, ...]:
    path = resources.files("sif.calc").joinpath("data/evidence.toml")
    entries = tomllib.loads(path.read_text(encoding="utf-8"))["evidence"]
    return tuple(evidence_from_dict(e, f"evidence[{i}]") for i, e in enumerate(entries))


def load_library() -> list[Evidence]:
    return list(_library())


def evidence(key: str, field: str = "evidence") -> Evidence:
    """The library entry `key`; `unknown_evidence` naming `field` if there is none."""
    for entry in _library():
        if entry.key == key:
            return entry
    raise SifError("unknown_evidence", field=field, value=key)


def effect_from_evidence(key: str, field: str) -> Distribution:
    """The entry's effect as a distribution in percentage points (a share: 0.28 = 28 pp)."""
    entry = evidence(key, field)
    if entry.measure != "percentage_points":
        raise SifError("evidence_not_percentage_points", field=field, value=key)
    return entry.distribution
