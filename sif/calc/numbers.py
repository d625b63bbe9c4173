"""Reading numbers from case files: plain numbers or simple arithmetic written as text.

A case file may write `"8000 * 0.13"` or `"1/9"` so that it reads like the source document;
only numbers, `+ - * /` and parentheses are allowed (no names, no calls). Every number is finite
and at most `MAX_MAGNITUDE` in size (NaN, infinity and 1e308 are refused with a code naming the
input), so that no product of inputs can overflow to infinity in the model.
"""

from __future__ import annotations

import ast
import math
import operator
from collections.abc import Callable
from decimal import Decimal

from sif.calc.errors import SifError

MAX_MAGNITUDE = 1e15  # kronor, counts and years alike: a thousand times Sweden's GDP
MAX_TEXT = 200  # characters of arithmetic text

_BINARY: dict[type[ast.operator], Callable[[float, float], float]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}


def number(value: object, field: str) -> float:
    """A finite float from an int, float, Decimal or an arithmetic string; `invalid_number`,
    `number_not_finite` or `number_too_large` otherwise."""
    if isinstance(value, bool):
        raise SifError("invalid_number", field=field, value=value)
    if isinstance(value, int | float | Decimal):
        try:
            return _checked(float(value), field, value)
        except OverflowError:
            raise SifError("number_too_large", field=field, value=value, limit=_limit()) from None
    if isinstance(value, str):
        if len(value) > MAX_TEXT:
            raise SifError("invalid_number", field=field, value=value[:40] + "…")
        try:
            tree = ast.parse(value.replace("\u00a0", "").replace("_", ""), mode="eval")
            result = _eval(tree.body)
        except (SyntaxError, ValueError, ZeroDivisionError, RecursionError, MemoryError):
            raise SifError("invalid_number", field=field, value=value) from None
        except OverflowError:
            raise SifError("number_too_large", field=field, value=value, limit=_limit()) from None
        return _checked(result, field, value)
    raise SifError("invalid_number", field=field, value=value)


def whole_number(value: object, field: str) -> int:
    """An int (a year, a duration); `invalid_number` for fractions and text."""
    result = number(value, field)
    if result != int(result):
        raise SifError("invalid_number", field=field, value=value)
    return int(result)


def _checked(result: float, field: str, value: object) -> float:
    if not math.isfinite(result):
        raise SifError("number_not_finite", field=field, value=value)
    if abs(result) > MAX_MAGNITUDE:
        raise SifError("number_too_large", field=field, value=value, limit=_limit())
    return result


def _limit() -> str:
    return "1 000 000 000 000 000"


def _eval(node: ast.expr) -> float:
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
        if isinstance(node.value, bool):
            raise ValueError("bool")
        return float(node.value)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        inner = _eval(node.operand)
        return -inner if isinstance(node.op, ast.USub) else inner
    if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
        return _BINARY[type(node.op)](_eval(node.left), _eval(node.right))
    raise ValueError("not arithmetic")
