"""Display of kronor in Swedish form: space (non-breaking) between thousands, comma as decimal sign.

Amounts are stored as Decimal kronor; tkr exists only here, at the edge.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

NBSP = "\xa0"
TKR = Decimal(1000)


def group_thousands(value: Decimal, decimals: int = 0) -> str:
    quantum = Decimal(1).scaleb(-decimals)
    rounded = value.quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "-" if rounded < 0 else ""
    text = f"{abs(rounded):,.{decimals}f}"
    integer, _, fraction = text.partition(".")
    integer = integer.replace(",", NBSP)
    return f"{sign}{integer},{fraction}" if fraction else f"{sign}{integer}"


def format_kr(value: Decimal | int | None, decimals: int = 0) -> str:
    if value is None:
        return ""
    return f"{group_thousands(Decimal(value), decimals)}{NBSP}kr"


def format_tkr(value: Decimal | int | None, decimals: int = 0) -> str:
    """Kronor shown as tkr without unit, as in the seeds' budget tables: 9 577 000 -> '9 577'."""
    if value is None:
        return ""
    return group_thousands(Decimal(value) / TKR, decimals)
