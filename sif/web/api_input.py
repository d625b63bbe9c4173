"""What the API accepts, as types with bounds, and the Swedish text for a field that breaks them.

The probe found 500s where a number reached the database out of range: `year=0` (no such date),
ids above 2^63 (SQLite's and PostgreSQL's integers end there), `1e30` kronor (the money columns
hold 15 digits). The schemas now refuse them before any query, and `field_message` says why in
Swedish instead of pydantic's English.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from django.http import HttpRequest
from django.utils.datastructures import MultiValueDict
from ninja.errors import ValidationError as NinjaValidationError
from ninja.parser import Parser
from pydantic import Field

FIRST_YEAR, LAST_YEAR = 1900, 2200  # the years a project, budget or decision can concern
ID_MAX = 2**63 - 1  # the largest primary key either database can hold

Amount = Annotated[Decimal, Field(ge=0, max_digits=15, decimal_places=2, allow_inf_nan=False)]
Year = Annotated[int, Field(ge=FIRST_YEAR, le=LAST_YEAR)]
Score = Annotated[int, Field(ge=-1000, le=1000)]


def id_in_range(pk: int) -> bool:
    return 1 <= pk <= ID_MAX


_MESSAGES = {
    "missing": "Uppgiften saknas.",
    "int_parsing": "Ska vara ett heltal.",
    "int_from_float": "Ska vara ett heltal.",
    "int_type": "Ska vara ett heltal.",
    "decimal_parsing": "Ska vara ett tal, t.ex. 1250000 eller 1250000.50.",
    "decimal_type": "Ska vara ett tal, t.ex. 1250000 eller 1250000.50.",
    "finite_number": "Ska vara ett ändligt tal.",
    "decimal_max_digits": "Talet är för stort: högst {max_digits} siffror.",
    "decimal_max_places": "Högst {decimal_places} decimaler.",
    "decimal_whole_digits": "Talet är för stort: högst {whole_digits} siffror före decimaltecknet.",
    "greater_than_equal": "Måste vara minst {ge}.",
    "greater_than": "Måste vara större än {gt}.",
    "less_than_equal": "Får vara högst {le}.",
    "less_than": "Måste vara mindre än {lt}.",
    "bool_parsing": "Ska vara true eller false.",
    "bool_type": "Ska vara true eller false.",
    "string_type": "Ska vara en text.",
    "string_too_long": "Texten är för lång: högst {max_length} tecken.",
    "date_parsing": "Ska vara ett datum (ÅÅÅÅ-MM-DD).",
    "date_from_datetime_parsing": "Ska vara ett datum (ÅÅÅÅ-MM-DD).",
    "date_type": "Ska vara ett datum (ÅÅÅÅ-MM-DD).",
    "dict_type": "Ska vara ett objekt med namngivna uppgifter.",
    "model_type": "Ska vara ett objekt med namngivna uppgifter.",
    "list_type": "Ska vara en lista.",
    "json_invalid": "Innehållet är inte giltig JSON.",
    "string_nul": "Texten innehåller ett otillåtet styrtecken (NUL, 0x00).",
}


def field_message(error: dict[str, Any]) -> str:
    """Swedish for one pydantic error: its type, with the limit it names."""
    template = _MESSAGES.get(str(error.get("type", "")), "Ogiltigt värde.")
    try:
        return template.format(**{k: str(v) for k, v in (error.get("ctx") or {}).items()})
    except (KeyError, IndexError):
        return "Ogiltigt värde."


NUL = "\x00"


def _nul_locations(value: Any, where: tuple[Any, ...]) -> list[tuple[Any, ...]]:
    """Where a text (or a key) in parsed input holds a NUL character."""
    if isinstance(value, str):
        return [where] if NUL in value else []
    if isinstance(value, dict):
        found = [(*where, k) for k in value if isinstance(k, str) and NUL in k]
        for key, item in value.items():
            found += _nul_locations(item, (*where, key))
        return found
    if isinstance(value, list):
        return [loc for i, item in enumerate(value) for loc in _nul_locations(item, (*where, i))]
    return []


def _refuse_nul(data: Any, part: str) -> None:
    found = _nul_locations(data, (part,))
    if found:
        raise NinjaValidationError(
            [{"type": "string_nul", "loc": loc, "msg": _MESSAGES["string_nul"]} for loc in found]
        )


class InputParser(Parser):
    """ninja's JSON and query parser, refusing a NUL character in any text before a query runs.

    PostgreSQL's text columns cannot hold NUL (SQLite's can): the API fuzzer sent a period label
    with one and PostgreSQL answered the lookup with an error, a 500. Django's form fields refuse
    NUL for the pages; this is the same rule for every API operation, in one place."""

    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        data = super().parse_body(request)
        _refuse_nul(data, "body")
        return data

    def parse_querydict(
        self, data: MultiValueDict[str, Any], list_fields: list[str], request: HttpRequest
    ) -> dict[str, Any]:
        result = super().parse_querydict(data, list_fields, request)
        _refuse_nul(result, "query")
        return result
