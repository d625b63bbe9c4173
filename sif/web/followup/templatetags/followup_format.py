"""Swedish display of follow-up figures: percentages, percentage points, p-values, kronor."""

from __future__ import annotations

from typing import Any

from django import template

from sif.calc import format as f

register = template.Library()


@register.filter
def percent(value: Any, decimals: int = 0) -> str:
    """0.884 -> '88 %'."""
    return "–" if value is None or value == "" else f.percent(value, int(decimals))


@register.filter
def percent_points(value: Any) -> str:
    """0.28 -> '+28,0 procentenheter'."""
    return "–" if value is None else f.percentage_points(value)


@register.filter
def pvalue(value: Any) -> str:
    return "–" if value is None else f.p_value(value)


@register.filter
def kr_float(value: Any) -> str:
    return "–" if value is None else f.kr(value)


@register.filter
def kr_number(value: Any) -> str:
    """A count with Swedish thousands grouping: 4500 -> '4 500'."""
    return "–" if value is None else f.number(value)


@register.filter
def effect_value(value: Any, unit: str) -> str:
    """A group's figure on the difference-in-differences card: shares as percent, else a number."""
    if value is None:
        return "–"
    return f.percent(value, 1) if unit == "share" else f.number(value, 2, trim=True)


@register.filter
def effect_change(value: Any, unit: str) -> str:
    """A change: shares in percentage points, else in the indicator's unit, with its sign."""
    if value is None:
        return "–"
    return (
        f.percentage_points(value)
        if unit == "share"
        else f.number(value, 2, trim=True, signed=True)
    )
