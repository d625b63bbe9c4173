"""Charts of the socioeconomic calculation as SVG strings: tornado (one-at-a-time sensitivity) and
the Monte Carlo histogram of the net present value. Same style and SVG conventions as
sif/reports/charts.py (title inside the SVG, deterministic output)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from sif.calc import format as fmt
from sif.reports import charts
from sif.reports.charts import PALETTE, plt


def _mkr(value: float) -> str:
    return fmt.number(value / 1e6, 1)


def tornado_svg(
    title: str,
    labels: Sequence[str],
    npv_low: Sequence[float],
    npv_high: Sequence[float],
    npv_base: float,
) -> str:
    """One horizontal bar per input, from NPV at its low bound to NPV at its high bound (MSEK),
    widest first from the top; a vertical line at the base NPV."""
    height = max(1.6, 0.45 * len(labels) + 1.0)
    fig, ax = plt.subplots(figsize=(6.5, height))
    y = np.arange(len(labels))[::-1]
    for yi, low, high in zip(y, npv_low, npv_high, strict=True):
        ax.barh(yi, (low - npv_base) / 1e6, left=npv_base / 1e6, color=PALETTE[1], height=0.6)
        ax.barh(yi, (high - npv_base) / 1e6, left=npv_base / 1e6, color=PALETTE[0], height=0.6)
    ax.axvline(npv_base / 1e6, color="#333333", linewidth=1)
    ax.axvline(0, color="#999999", linewidth=0.8, linestyle="--")
    ax.set_yticks(y, [label if len(label) <= 60 else label[:57] + "…" for label in labels])
    ax.set_xlabel("Nettonuvärde, MSEK (orange: lägsta värdet, blå: högsta värdet)")
    ax.xaxis.set_major_formatter(lambda v, _pos: _mkr(v * 1e6))
    ax.set_title(title)
    return charts._svg(fig, title)


def npv_histogram_svg(title: str, npv: Sequence[float] | np.ndarray, bins: int = 40) -> str:
    """Histogram of the Monte Carlo draws of NPV (MSEK), with a dashed line at 0."""
    values = np.asarray(npv, dtype=np.float64) / 1e6
    fig, ax = plt.subplots(figsize=(6.5, 2.8))
    ax.hist(values, bins=bins, color=PALETTE[0])
    ax.axvline(0, color=PALETTE[5], linewidth=1, linestyle="--")
    ax.set_xlabel("Nettonuvärde, MSEK")
    ax.set_ylabel("Antal dragningar")
    charts.swedish_ticks(ax.yaxis)
    ax.xaxis.set_major_formatter(lambda v, _pos: _mkr(v * 1e6))
    ax.set_title(title)
    return charts._svg(fig, title)


@charts._cached
def cost_and_gains_svg(
    title: str, cost: float, actors: Sequence[str], gains: Sequence[float]
) -> str:
    """Who gains how much: the investment's present value against the gains per actor (MSEK)."""
    labels = ["Investeringen (kostnad)", *actors]
    values = [cost / 1e6, *[g / 1e6 for g in gains]]
    fig, ax = plt.subplots(figsize=(6.5, max(1.6, 0.45 * len(labels) + 1.0)))
    y = np.arange(len(labels))[::-1]
    ax.barh(y, values, color=[PALETTE[1], *[PALETTE[0]] * len(actors)], height=0.6)
    for yi, v in zip(y, values, strict=True):
        ax.text(v, yi, f" {_mkr(v * 1e6)}", va="center", fontsize=8)
    ax.set_yticks(y, [label if len(label) <= 45 else label[:42] + "…" for label in labels])
    ax.set_xlabel("Nuvärde, MSEK")
    ax.set_xlim(0, max(values) * 1.25 if values and max(values) > 0 else 1)
    ax.xaxis.set_major_formatter(lambda v, _pos: _mkr(v * 1e6))
    ax.set_title(title)
    return charts._svg(fig, title)
