"""Reading numbers from case files: plain numbers or simple arithmetic written as text.

A case file may write `"8000 * 0.13"` or `"1/9"` so that it reads like the source document;
only numbers, `+ - * /` and parentheses are allowed (no names, no calls).
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable
from decimal import Decimal

from sif.calc.errors import SifError

_BINARY: dict[type[ast.operator], Callable[[float, float], float]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}


def number(value: object, field: str) -> float:
    """A float from an int, float, Decimal or an arithmetic string; `invalid_number` otherwise."""
    if isinstance(value, bool):
        raise SifError("invalid_number", field=field, value=value)
    if isinstance(value, int | float | Decimal):
        return float(value)
    if isinstance(value, str):
        try:
            tree = ast.parse(value.replace("\u00a0", "").replace("_", ""), mode="eval")
            return _eval(tree.body)
        except (SyntaxError, ValueError, ZeroDivisionError):
            raise SifError("invalid_number", field=field, value=value) from None
    raise SifError("invalid_number", field=field, value=value)


def whole_number(value: object, field: str) -> int:
    """An int (a year, a duration); `invalid_number` for fractions and text."""
    result = number(value, field)
    if result != int(result):
        raise SifError("invalid_number", field=field, value=value)
    return int(result)


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
