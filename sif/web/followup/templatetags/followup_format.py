"""Swedish display of follow-up figures: percentages, percentage points, p-values, kronor."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template

from sif.web.core.money import format_kr, group_thousands

register = template.Library()


def _sv(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}".replace(".", ",").replace("-", "−")


@register.filter
def percent(value: Any, decimals: int = 0) -> str:
    """0.884 -> '88 %'."""
    if value is None or value == "":
        return "–"
    return f"{_sv(float(value) * 100, decimals)}\xa0%"


@register.filter
def percent_points(value: Any) -> str:
    """0.28 -> '28,0 procentenheter'."""
    if value is None:
        return "–"
    return f"{_sv(float(value) * 100, 1)} procentenheter"


@register.filter
def pvalue(value: Any) -> str:
    if value is None:
        return "–"
    v = float(value)
    return "< 0,001" if v < 0.001 else _sv(v, 3)


@register.filter
def kr_float(value: Any) -> str:
    return "–" if value is None else format_kr(Decimal(str(round(float(value)))))


@register.filter
def kr_number(value: Any) -> str:
    """A count with Swedish thousands grouping: 4500 -> '4 500'."""
    return "–" if value is None else group_thousands(Decimal(value))


@register.filter
def effect_value(value: Any, unit: str) -> str:
    """A group's figure on the difference-in-differences card: shares as percent, else a number."""
    if value is None:
        return "–"
    if unit == "share":
        return percent(value, 1)
    return _sv(float(value), 2).removesuffix(",00")


@register.filter
def effect_change(value: Any, unit: str) -> str:
    """A change: shares in percentage points, else in the indicator's unit, with its sign."""
    if value is None:
        return "–"
    if unit == "share":
        return percent_points(value)
    text = _sv(float(value), 2).removesuffix(",00")
    return text if text.startswith("−") or float(value) == 0 else f"+{text}"
