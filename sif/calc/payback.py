"""The payback year of every Monte Carlo draw: the first year in which cumulative discounted
gains reach cumulative discounted costs (sif/calc/engine.py computes the figures it walks)."""

from __future__ import annotations

import numpy as np

from sif.calc.distributions import FloatArray
from sif.calc.engine import Figures, Value


def payback_index(figures: Figures, horizon: int) -> FloatArray:
    """Per draw, the first t at which cumulative discounted gains ≥ cumulative discounted costs
    (1e-9 kr tolerance), −1 if never within the horizon. A loop over years of in-place
    whole-array operations (fresh temporaries of 50 000 floats cost page faults): d_t =
    d_(t−1) / (1 + r) with the rate of the band t falls in (lo < t); each outcome's
    (1 − drop_off)^k is a running product; the first year is (last t + 1 − years counted since)."""
    shape = np.broadcast(*(np.asarray(v) for v in _draw_values(figures))).shape
    net = np.zeros(shape)
    d = np.ones(shape)
    flow = np.empty(shape)
    reached = np.zeros(shape, dtype=bool)
    hit = np.empty(shape, dtype=bool)
    count = np.zeros(shape)  # years at or after the first year reached
    tmp = np.empty(shape)
    keep = [1.0 - np.asarray(o.drop_off, dtype=np.float64) for o in figures.outcomes]
    remaining = [np.ones(shape) for _ in figures.outcomes]
    yearly = [
        np.asarray(o.successes * o.effective_share * o.value_per_year) for o in figures.outcomes
    ]
    last = 0
    for t in range(horizon):
        last = t
        if t:
            rate = next(b[1] for b in reversed(figures.bands) if b[0] < t)
            np.divide(d, 1.0 + np.asarray(rate), out=d)
        flow.fill(0.0)
        if t < len(figures.costs):
            np.subtract(flow, figures.costs[t], out=flow)
        for i, o in enumerate(figures.outcomes):
            start, end = o.window
            if start <= t < end:
                k = t - start
                ramp = o.ramp_up[k] if k < len(o.ramp_up) else 1.0
                if ramp:
                    np.multiply(yearly[i], remaining[i], out=tmp)
                    if ramp != 1.0:
                        tmp *= ramp
                    flow += tmp
                np.multiply(remaining[i], keep[i], out=remaining[i])
        np.multiply(flow, d, out=flow)
        net += flow
        np.greater_equal(net, -1e-9, out=hit)
        reached |= hit
        np.add(count, reached, out=count)
        if reached.all():
            break
    return np.where(count == 0, -1.0, last + 1 - count)


def _draw_values(figures: Figures) -> list[Value]:
    """Every value whose shape is the number of draws (a float in the point model)."""
    values: list[Value] = [figures.pv_costs, *figures.costs]
    for b in figures.bands:
        values.append(b[1])
    for o in figures.outcomes:
        values += [o.successes, o.effective_share, o.value_per_year, o.drop_off]
    return values
