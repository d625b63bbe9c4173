"""Reading a figure or a reference from a cell as the reporter wrote it.

A number may come typed in the form ("1 234,5"), or from a spreadsheet cell as int, float or
text; one reader for all of them, so the form, the upload and the spindelmätning refuse the same
input with the same message.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from sif.calc import format as fmt
from sif.calc.errors import SifError
from sif.calc.followup import VALUE_CEILING, check_count


def is_blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def parse_decimal(raw: Any, column: str) -> Decimal | None:
    """A Decimal from a cell: numbers as they are, text in Swedish form ("1 234,5"); None if blank."""
    if is_blank(raw):
        return None
    if isinstance(raw, bool):
        raise SifError("not_a_number", column=column, value=raw)
    if isinstance(raw, int | Decimal):
        return Decimal(raw)
    if isinstance(raw, float):
        return Decimal(repr(raw))
    text = str(raw).strip().replace("\xa0", "").replace(" ", "").replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise SifError("not_a_number", column=column, value=str(raw)) from None
    if not number.is_finite():
        raise SifError("not_a_number", column=column, value=str(raw))
    if abs(number) > VALUE_CEILING:  # 1e308, 1e400: no figure SIF stores is this large
        raise SifError(
            "value_too_large",
            column=column,
            value=str(raw),
            limit=f"{VALUE_CEILING:,}".replace(",", "\xa0"),
        )
    return number


def parse_count(raw: Any, column: str) -> int | None:
    """A whole count ≥ 0 (`check_count`); "1,5" and -5 are refused with the column's name."""
    number = parse_decimal(raw, column)
    if number is None:
        return None
    if number != number.to_integral_value():
        raise SifError("not_a_whole_number", column=column, value=str(raw))
    check_count(int(number), column)
    return int(number)


def sv_number(number: Decimal) -> str:
    """10.00 -> '10', 5.50 -> '5,5' (for messages)."""
    return fmt.number(number, 4, trim=True)


def cell_reference(raw: Any) -> str:
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    return str(raw).strip() if raw is not None else ""
