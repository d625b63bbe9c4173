"""Uncertain inputs: fixed, uniform, triangular and PERT distributions.

Every numeric input of a scenario is one of these. The deterministic model uses `point(d)`, the
distribution's mean (fixed: the value; uniform: (low + high) / 2; triangular: (low + mode + high) / 3;
PERT: (low + 4·mode + high) / 6), so the Monte Carlo mean of a linear result equals the point
result. `sample` draws numpy float64 arrays; a fixed input stays a Python float (broadcast).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from sif.calc.errors import SifError
from sif.calc.numbers import number

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Fixed:
    value: float


@dataclass(frozen=True)
class Uniform:
    low: float
    high: float


@dataclass(frozen=True)
class Triangular:
    low: float
    mode: float
    high: float


@dataclass(frozen=True)
class Pert:
    """Beta-PERT on [low, high] with the given mode; shape λ = 4 (the classic PERT)."""

    low: float
    mode: float
    high: float


Distribution = Fixed | Uniform | Triangular | Pert
KINDS = ("fixed", "uniform", "triangular", "pert")


def point(d: Distribution) -> float:
    """The value the deterministic model uses: the distribution's mean."""
    if isinstance(d, Fixed):
        return d.value
    if isinstance(d, Uniform):
        return (d.low + d.high) / 2
    if isinstance(d, Triangular):
        return (d.low + d.mode + d.high) / 3
    return (d.low + 4 * d.mode + d.high) / 6


def bounds(d: Distribution) -> tuple[float, float]:
    """(low, high) of the distribution's support; (value, value) when fixed."""
    if isinstance(d, Fixed):
        return d.value, d.value
    return d.low, d.high


def is_uncertain(d: Distribution) -> bool:
    low, high = bounds(d)
    return low != high


def sample(d: Distribution, rng: np.random.Generator, n: int) -> float | FloatArray:
    """`n` draws as float64; a fixed (or zero-width) input returns its value as a float."""
    if not is_uncertain(d):
        return point(d)
    if isinstance(d, Uniform):
        return rng.uniform(d.low, d.high, n)
    if isinstance(d, Triangular):
        return rng.triangular(d.low, d.mode, d.high, n)
    assert isinstance(d, Pert)
    width = d.high - d.low
    alpha = 1 + 4 * (d.mode - d.low) / width
    beta = 1 + 4 * (d.high - d.mode) / width
    return d.low + width * rng.beta(alpha, beta, n)


def distribution_from_value(value: object, field: str) -> Distribution:
    """Read a case-file value: a number (or arithmetic text) is fixed; a table is a distribution.

    Tables: `{low, high}` or `{dist = "uniform", low, high}`; `{dist = "triangular"|"pert", low,
    mode, high}`; `{dist = "fixed", value}`. low > high raises `range_low_above_high`, a mode
    outside [low, high] `mode_outside_range`.
    """
    if not isinstance(value, Mapping):
        return Fixed(number(value, field))
    kind = value.get("dist", "uniform" if "mode" not in value else "triangular")
    if kind not in KINDS:
        raise SifError("unknown_distribution", field=field, value=kind)
    allowed = {"dist", "value"} if kind == "fixed" else {"dist", "low", "high", "mode"}
    for key in value:
        if key not in allowed:
            raise SifError("unknown_field", field=f"{field}.{key}")
    if kind == "fixed":
        return Fixed(number(_required(value, "value", field), f"{field}.value"))
    low = number(_required(value, "low", field), f"{field}.low")
    high = number(_required(value, "high", field), f"{field}.high")
    if low > high:
        raise SifError("range_low_above_high", field=field, low=low, high=high)
    if kind == "uniform":
        return Uniform(low, high)
    mode = number(_required(value, "mode", field), f"{field}.mode")
    if not low <= mode <= high:
        raise SifError("mode_outside_range", field=field, low=low, mode=mode, high=high)
    return Triangular(low, mode, high) if kind == "triangular" else Pert(low, mode, high)


def distribution_to_value(d: Distribution) -> float | dict[str, object]:
    """The inverse of `distribution_from_value` (JSON-safe)."""
    if isinstance(d, Fixed):
        return d.value
    if isinstance(d, Uniform):
        return {"dist": "uniform", "low": d.low, "high": d.high}
    kind = "triangular" if isinstance(d, Triangular) else "pert"
    return {"dist": kind, "low": d.low, "mode": d.mode, "high": d.high}


def _required(table: Mapping[str, object], key: str, field: str) -> object:
    if key not in table:
        raise SifError("missing_field", field=f"{field}.{key}")
    return table[key]
