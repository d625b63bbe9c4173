from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django import template
from django.utils import formats
from django.utils.translation import gettext as _

from sif.calc import format as f
from sif.calc.labels_sv import actor_label
from sif.web.core.money import format_kr, format_tkr

register = template.Library()


@register.filter
def number(value: Decimal | float | int | None, decimals: int = 0) -> str:
    """Swedish grouping and decimal comma, trailing zeros dropped: 45.5000 -> '45,5'."""
    return "–" if value is None or value == "" else f.number(value, int(decimals), trim=True)


@register.filter
def quantity(value: Decimal | float | int | None, kind: str) -> str:
    """A figure formatted from its kind (kronor, count, share, percentage_points, score, year …)."""
    return "–" if value is None or value == "" else f.quantity(value, kind)


@register.filter
def in_kind(value: Decimal | float | int | None, kind: str) -> str:
    """A stored figure as a user types it back in a form: a share 0.4 -> '40'."""
    return "" if value is None or value == "" else f.input_in_kind(value, kind)


@register.filter
def year(value: int | None) -> str:
    """A year is never grouped: 'prisår 2019', not '2 019'."""
    return "" if value is None or value == "" else f.year(int(value))


@register.filter
def score_rows(review: Any) -> list[tuple[str, Any]]:
    """A review's scores by the fund's criterion labels ("Målgrupp och behov 5"), never the codes
    ("target_group 5"); a code the fund no longer lists is shown as "Kriterium (borttaget)"."""
    criteria = {
        c.get("code"): c.get("label")
        for c in (review.project.fund.review_criteria or [])
        if isinstance(c, dict)
    }
    return [
        (criteria.get(code) or _("Kriterium (borttaget)"), value)
        for code, value in (review.scores or {}).items()
    ]


@register.filter
def actor(code: str) -> str:
    """'kommun.socialtjanst' -> 'Kommunen, socialtjänsten'."""
    return actor_label(str(code))


@register.filter
def kr(value: Decimal | int | None) -> str:
    return format_kr(value)


@register.filter
def tkr(value: Decimal | int | None) -> str:
    return format_tkr(value)


@register.filter
def month_year(value: date | None) -> str:
    """'september 2014' in Swedish, 'September 2014' in English."""
    if value is None:
        return ""
    return formats.date_format(value, "F Y")


@register.filter
def date_precise(value: date | None, precision: str = "day") -> str:
    """A date shown only as precisely as it is known: day '2014-09-17', month 'september 2014', year '2014'."""
    if value is None:
        return ""
    if precision == "month":
        return month_year(value)
    if precision == "year":
        return str(value.year)
    return value.isoformat()


@register.filter
def period(start: date | None, end: date | None) -> str:
    """A project period '2013-09-01 – 2014-12-31' (an open end shows as a dash)."""
    if start is None and end is None:
        return ""
    left = start.isoformat() if start else "…"
    right = end.isoformat() if end else "…"
    return f"{left} \u2013 {right}"
