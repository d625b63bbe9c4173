from __future__ import annotations

from decimal import Decimal

from django import template

from sif.web.core.money import format_kr, format_tkr

register = template.Library()


@register.filter
def kr(value: Decimal | int | None) -> str:
    return format_kr(value)


@register.filter
def tkr(value: Decimal | int | None) -> str:
    return format_tkr(value)
