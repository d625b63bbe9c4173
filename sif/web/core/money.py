"""Display of kronor in Swedish form: a thin wrapper over sif.calc.format, kept under its old names
because other modules call them. Amounts are stored as Decimal kronor; tkr exists only at the edge.
"""

from __future__ import annotations

from decimal import Decimal

from sif.calc import format as f

NBSP = f.NBSP
TKR = f.TKR


def group_thousands(value: Decimal, decimals: int = 0) -> str:
    return f.number(value, decimals)


def format_kr(value: Decimal | int | None, decimals: int = 0) -> str:
    return f.kr(value, decimals)


def format_tkr(value: Decimal | int | None, decimals: int | None = None) -> str:
    """Kronor shown as tkr without unit, as in the seeds' budget tables: 9 577 000 -> '9 577'."""
    return f.tkr(value, decimals)
