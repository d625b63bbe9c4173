"""Swedish messages for every error code the pure core and the services raise.

Each area keeps its own table, code -> Swedish message with named placeholders, in a module
named `messages_sv` (sif/calc/messages_sv.py, sif/ingest/messages_sv.py, sif/web/messages_sv.py).
The web layer, the API and the CLI all call `message_for`; a test checks that every code raised
anywhere in `sif/` has a message. Free of Django so that `sif calc` and `sif import` can use it.
"""

from __future__ import annotations

import importlib
from decimal import Decimal
from functools import cache
from typing import Any

from sif.calc.errors import SifError

AREAS = ("sif.calc.messages_sv", "sif.ingest.messages_sv", "sif.web.messages_sv")
FALLBACK = "Ett okänt fel inträffade (felkod {code})."


@cache
def all_messages() -> dict[str, str]:
    table: dict[str, str] = {}
    for name in AREAS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        for code, text in module.MESSAGES.items():
            if code in table and table[code] != text:
                raise RuntimeError(f"error code {code!r} has two different messages")
            table[code] = text
    return table


def message_for(code: str, /, **params: Any) -> str:
    template = all_messages().get(code)
    if template is None:
        return FALLBACK.format(code=code)
    try:
        text = template.format(**readable(params))
        return text[:1].upper() + text[1:]
    except (KeyError, IndexError, ValueError):
        return template


def readable(params: dict[str, Any]) -> dict[str, Any]:
    """Parameters as a user reads them: field paths in Swedish words ("outcomes[0].effect" ->
    "utfall 1: effekt"), numbers in Swedish form ("0,5", not "0.5"), nothing as "tomt" (not "None")."""
    from sif.calc import format as fmt
    from sif.calc.field_labels import field_label

    shown: dict[str, Any] = {}
    for key, value in params.items():
        if (
            key in ("field", "path", "parameter", "label", "column")
            and isinstance(value, str)
            and not value.endswith((".toml", ".json"))
        ):
            shown[key] = field_label(value)
        elif value is None:
            shown[key] = _Shown("tomt")
        elif isinstance(value, bool):
            shown[key] = _Shown("ja" if value else "nej")
        elif isinstance(value, float | Decimal) and _finite(value):
            shown[key] = _Shown(fmt.number(value, 6, trim=True))
        else:
            shown[key] = value
    return shown


def _finite(value: float | Decimal) -> bool:
    return (
        value.is_finite()
        if isinstance(value, Decimal)
        else value == value and abs(value) != float("inf")
    )


class _Shown(str):
    """A value already in words: `{value!r}` prints it as it is, without quotes."""

    def __repr__(self) -> str:
        return str(self)


def message_for_error(error: SifError) -> str:
    return message_for(error.code, **error.params)
