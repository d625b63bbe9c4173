"""The portfolio's chart: the fund's balance at each year's end, booked years in one colour and
projected years in another; same style and caching as sif/reports/charts.py."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from sif.reports import charts
from sif.reports.charts import PALETTE, plt


def _mkr(value: float) -> str:
    return f"{value / 1e6:,.1f}".replace(",", "\u00a0").replace(".", ",")


@charts._cached
def balance_svg(
    title: str, years: Sequence[str], balance: Sequence[float], projected: Sequence[bool]
) -> str:
    fig, ax = plt.subplots(figsize=(6.5, 2.8))
    x = np.arange(len(years))
    colours = [PALETTE[1] if p else PALETTE[0] for p in projected]
    ax.bar(x, [b / 1e6 for b in balance], color=colours)
    ax.axhline(0, color="#333333", linewidth=0.8)
    ax.set_xticks(x, list(years), rotation=45 if len(years) > 10 else 0)
    ax.set_ylabel("MSEK")
    ax.yaxis.set_major_formatter(lambda v, _pos: _mkr(v * 1e6))
    ax.set_title(f"{title} (blå: bokfört, orange: prognos)")
    return charts._svg(fig, title)
