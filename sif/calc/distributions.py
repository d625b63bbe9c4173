"""Uncertain inputs: fixed, uniform, triangular, PERT and discrete distributions.

Every numeric input of a scenario is one of these. The deterministic model uses `point(d)`, the
distribution's mean (fixed: the value; uniform: (low + high) / 2; triangular: (low + mode + high) / 3;
PERT: (low + 4·mode + high) / 6; discrete: Σ pᵢ·vᵢ, the expected value of HM Treasury's Green Book
2003, Box 13), so the Monte Carlo mean of a linear result equals the point result. `sample` draws
numpy float64 arrays; a fixed input stays a Python float (broadcast).
"""

from __future__ import annotations

import math
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


@dataclass(frozen=True)
class Discrete:
    """A few possible values, each with its probability (the probabilities sum to 1).

    The Green Book's expected value (HM Treasury 2003, 5.66 and Box 13): "multiplying the
    likelihood of the risk occurring by the size of the outcome ... and summing the results".
    """

    values: tuple[float, ...]
    probabilities: tuple[float, ...]


Distribution = Fixed | Uniform | Triangular | Pert | Discrete
KINDS = ("fixed", "uniform", "triangular", "pert", "discrete")
MAX_DISCRETE_VALUES = 50
PROBABILITY_TOLERANCE = 1e-9


def point(d: Distribution) -> float:
    """The value the deterministic model uses: the distribution's mean."""
    if isinstance(d, Fixed):
        return d.value
    if isinstance(d, Uniform):
        return (d.low + d.high) / 2
    if isinstance(d, Triangular):
        return (d.low + d.mode + d.high) / 3
    if isinstance(d, Discrete):
        return math.fsum(p * v for p, v in zip(d.probabilities, d.values, strict=True))
    return (d.low + 4 * d.mode + d.high) / 6


def bounds(d: Distribution) -> tuple[float, float]:
    """(low, high) of the distribution's support; (value, value) when fixed."""
    if isinstance(d, Fixed):
        return d.value, d.value
    if isinstance(d, Discrete):
        possible = [v for v, p in zip(d.values, d.probabilities, strict=True) if p > 0]
        return min(possible), max(possible)
    return d.low, d.high


def is_uncertain(d: Distribution) -> bool:
    low, high = bounds(d)
    return low != high


def sample(d: Distribution, rng: np.random.Generator, n: int) -> float | FloatArray:
    """`n` draws as float64; a fixed (or zero-width) input returns its value as a float.

    Uniform and triangular draws are numpy's own formulas applied to `rng.random(n)` in place
    (the same numbers as `rng.uniform` / `rng.triangular`, without their per-element dispatch);
    PERT draws are Beta(α, β) by Cheng's rejection algorithm BB (see `beta`).
    """
    if not is_uncertain(d):
        return point(d)
    if isinstance(d, Uniform):
        draws = rng.random(n)
        draws *= d.high - d.low
        draws += d.low
        return draws
    if isinstance(d, Triangular):
        return _triangular(d, rng.random(n))
    if isinstance(d, Discrete):
        return _discrete(d, rng.random(n))
    assert isinstance(d, Pert)
    width = d.high - d.low
    draws = beta(rng, 1 + 4 * (d.mode - d.low) / width, 1 + 4 * (d.high - d.mode) / width, n)
    draws *= width
    draws += d.low
    return draws


def _triangular(d: Triangular, u: FloatArray) -> FloatArray:
    """Inverse CDF, written as numpy's `random_triangular` writes it (so the same draws)."""
    base = d.high - d.low
    below = u <= (d.mode - d.low) / base
    left = u * ((d.mode - d.low) * base)
    np.sqrt(left, out=left)
    left += d.low
    right = np.subtract(1.0, u, out=u)
    right *= (d.high - d.mode) * base
    np.sqrt(right, out=right)
    np.subtract(d.high, right, out=right)
    np.copyto(right, left, where=below)
    return right


def _discrete(d: Discrete, u: FloatArray) -> FloatArray:
    """Inverse CDF: value i where P(V ≤ vᵢ₋₁) ≤ u < P(V ≤ vᵢ) (cumulative probabilities)."""
    cumulative = np.cumsum(np.asarray(d.probabilities, dtype=np.float64))
    index = np.searchsorted(cumulative, u, side="right")
    np.minimum(index, len(d.values) - 1, out=index)
    return np.asarray(d.values, dtype=np.float64)[index]


_LOG4 = math.log(4.0)
_QUICK = 1.0 + math.log(5.0)


def beta(rng: np.random.Generator, a0: float, b0: float, n: int) -> FloatArray:
    """`n` Beta(a0, b0) draws for min(a0, b0) ≥ 1 < max(a0, b0) (every PERT shape: a0 + b0 = 6).

    R. C. H. Cheng (1978), "Generating beta variates with nonintegral shape parameters",
    Comm. ACM 21(4), algorithm BB, vectorised: candidates W/(b + W) from a log-logistic envelope
    (λ = √((2ab − α)/(α − 2)), which equals algorithm BA's λ, so the envelope also holds at
    min = 1), accepted where s + 1 + ln 5 ≥ 5z, s > ln z or the exact test
    r + α ln(α/(b + W)) ≥ ln z holds (the first two are the paper's squeezes, implied by the
    third; all three are evaluated on whole arrays, which is cheaper here than indexing the
    rest). Rejected candidates (about one in ten) are drawn again, in order.
    Same seed, same draws; about three times faster than `Generator.beta` (two gamma draws each).
    """
    a, b = min(a0, b0), max(a0, b0)
    alpha = a + b
    scale = math.sqrt((alpha - 2.0) / (2.0 * a * b - alpha))  # Cheng's β = 1/λ
    gamma = a + 1.0 / scale
    out = np.empty(n, dtype=np.float64)
    filled = 0
    while filled < n:  # in-place arithmetic: fresh 100 000-element temporaries cost page faults
        want = n - filled
        u1, u2 = rng.random((2, want + want // 8 + 16))
        with np.errstate(divide="ignore", over="ignore", invalid="ignore"):
            r = np.subtract(1.0, u1)
            np.divide(u1, r, out=r)
            np.log(r, out=r)
            r *= scale  # r holds V here
            w = np.exp(r)
            w *= a
            r *= gamma
            r -= _LOG4
            s = np.subtract(r, w)
            s += a
            z = np.multiply(u1, u1, out=u1)
            z *= u2
            t = np.log(z, out=u2)
            z *= 5.0
            z -= _QUICK
            ok = s >= z
            ok |= s > t
            np.add(w, b, out=s)
            np.divide(alpha, s, out=s)
            np.log(s, out=s)
            s *= alpha
            s += r
            ok |= s >= t
        accepted = w[ok][:want]
        part = out[filled : filled + accepted.size]
        np.add(accepted, b, out=part)
        np.divide(accepted if a == a0 else b, part, out=part)
        filled += accepted.size
    return out


def distribution_from_value(value: object, field: str) -> Distribution:
    """Read a case-file value: a number (or arithmetic text) is fixed; a table is a distribution.

    Tables: `{low, high}` or `{dist = "uniform", low, high}`; `{dist = "triangular"|"pert", low,
    mode, high}`; `{dist = "fixed", value}`; `{dist = "discrete", values = [...], probabilities =
    [...]}`. low > high raises `range_low_above_high`, a mode outside [low, high]
    `mode_outside_range`; discrete probabilities must each lie in 0–1 and sum to 1.
    """
    if not isinstance(value, Mapping):
        return Fixed(number(value, field))
    kind = value.get("dist", "uniform" if "mode" not in value else "triangular")
    if kind not in KINDS:
        raise SifError("unknown_distribution", field=field, value=kind)
    allowed = (
        {"dist", "value"}
        if kind == "fixed"
        else {"dist", "values", "probabilities"}
        if kind == "discrete"
        else {"dist", "low", "high", "mode"}
    )
    for key in value:
        if key not in allowed:
            raise SifError("unknown_field", field=f"{field}.{key}")
    if kind == "fixed":
        return Fixed(number(_required(value, "value", field), f"{field}.value"))
    if kind == "discrete":
        return _discrete_from(value, field)
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


def _discrete_from(table: Mapping[str, object], field: str) -> Discrete:
    values = _number_list(_required(table, "values", field), f"{field}.values")
    probabilities = _number_list(_required(table, "probabilities", field), f"{field}.probabilities")
    if len(values) != len(probabilities):
        raise SifError(
            "discrete_lengths_differ",
            field=field,
            values=len(values),
            probabilities=len(probabilities),
        )
    for i, p in enumerate(probabilities):
        if not 0.0 <= p <= 1.0:
            raise SifError("share_out_of_range", field=f"{field}.probabilities[{i}]", value=p)
    total = math.fsum(probabilities)
    if abs(total - 1.0) > PROBABILITY_TOLERANCE:
        raise SifError("probabilities_not_one", field=field, total=total)
    return Discrete(tuple(values), tuple(probabilities))


def _number_list(items: object, field: str) -> list[float]:
    if not isinstance(items, list | tuple) or not items:
        raise SifError("invalid_list", field=field, value=items)
    if len(items) > MAX_DISCRETE_VALUES:
        raise SifError("too_many_items", field=field, count=len(items), limit=MAX_DISCRETE_VALUES)
    return [number(v, f"{field}[{i}]") for i, v in enumerate(items)]


def distribution_to_value(d: Distribution) -> float | dict[str, object]:
    """The inverse of `distribution_from_value` (JSON-safe)."""
    if isinstance(d, Fixed):
        return d.value
    if isinstance(d, Discrete):
        return {
            "dist": "discrete",
            "values": list(d.values),
            "probabilities": list(d.probabilities),
        }
    if isinstance(d, Uniform):
        return {"dist": "uniform", "low": d.low, "high": d.high}
    kind = "triangular" if isinstance(d, Triangular) else "pert"
    return {"dist": kind, "low": d.low, "mode": d.mode, "high": d.high}


def _required(table: Mapping[str, object], key: str, field: str) -> object:
    if key not in table:
        raise SifError("missing_field", field=f"{field}.{key}")
    return table[key]
