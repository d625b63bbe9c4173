"""Swedish messages for every error code the pure core and the services raise.

Each area keeps its own table, code -> Swedish message with named placeholders, in a module
named `messages_sv` (sif/calc/messages_sv.py, sif/ingest/messages_sv.py, sif/web/messages_sv.py).
The web layer, the API and the CLI all call `message_for`; a test checks that every code raised
anywhere in `sif/` has a message. Free of Django so that `sif calc` and `sif import` can use it.
"""

from __future__ import annotations

import importlib
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
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def message_for_error(error: SifError) -> str:
    return message_for(error.code, **error.params)
