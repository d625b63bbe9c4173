"""Swedish numbers, money and quantities: the one place that formats and parses them.

Built on Babel's CLDR data for Swedish (grouping with a no-break space, comma as the decimal sign,
"−" for minus), so pages, forms, charts, PDF/DOCX/XLSX, the CLI and messages all print a figure
the same way. Rounding happens here, at the edge, half up (as a reader rounds), never in storage.

Quantity kinds say what a figure is, so it is formatted from its kind and never guessed:
kronor, count, share (stored as a fraction 0–1, shown as a percentage), percentage points (a
difference of two shares, stored as a fraction), score, rate, year and date.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

from babel.numbers import format_decimal

from sif.calc.errors import SifError

LOCALE = "sv_SE"
NBSP = "\xa0"
MINUS = "\u2212"
TKR = Decimal(1000)

KRONOR = "kronor"
COUNT = "count"
SHARE = "share"
PERCENTAGE_POINTS = "percentage_points"
SCORE = "score"
RATE = "rate"
YEAR = "year"
DATE = "date"
KINDS = (KRONOR, COUNT, SHARE, PERCENTAGE_POINTS, SCORE, RATE, YEAR, DATE)

Number = Decimal | float | int


def _decimal(value: Number) -> Decimal:
    if isinstance(value, float) and not math.isfinite(value):
        raise SifError("invalid_number", field="", value=value)
    return value if isinstance(value, Decimal) else Decimal(str(value))


def number(
    value: Number | None, decimals: int = 0, *, trim: bool = False, signed: bool = False
) -> str:
    """22540 -> "22 540"; 1234.5, decimals=2 -> "1 234,50"; trim=True drops trailing zeros
    ("45,5" not "45,5000"); signed=True writes "+" before a positive figure. Minus is "−"."""
    if value is None:
        return ""
    with localcontext() as ctx:  # enough digits for any finite figure an error message may name
        ctx.prec = 400
        rounded = _decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
        if rounded == 0:
            rounded = abs(rounded)
        fraction = "#" * decimals if trim else "0" * decimals
        pattern = "#,##0" + (f".{fraction}" if decimals else "")
        text = format_decimal(rounded, format=pattern, locale=LOCALE, decimal_quantization=False)
    text = text.replace("-", MINUS)
    return f"+{text}" if signed and rounded > 0 else text


def kr(value: Number | None, decimals: int = 0) -> str:
    """2460000 -> "2 460 000 kr"."""
    return "" if value is None else f"{number(value, decimals)}{NBSP}kr"


def tkr(value: Number | None, decimals: int | None = None) -> str:
    """Kronor shown as tkr without unit, as the seeds' budget tables do: 9577000 -> "9 577";
    1234500 -> "1 234,5" (never rounded to "1 235": without `decimals`, the kronor are kept)."""
    if value is None:
        return ""
    if decimals is None:
        return number(_decimal(value) / TKR, 3, trim=True)
    return number(_decimal(value) / TKR, decimals)


def mkr(value: Number | None, decimals: int = 1) -> str:
    """Kronor in millions: 3790000 -> "3,8 mnkr"."""
    return "" if value is None else f"{number(_decimal(value) / 1_000_000, decimals)}{NBSP}mnkr"


def percent(share: Number | None, decimals: int = 1, *, trim: bool = False) -> str:
    """A share stored as a fraction: 0.0337 -> "3,4 %"; trim=True: 0.035, 2 -> "3,5 %"."""
    return "" if share is None else f"{number(_decimal(share) * 100, decimals, trim=trim)}{NBSP}%"


def percentage_points(difference: Number | None, decimals: int = 1) -> str:
    """A difference of two shares stored as a fraction: 0.293 -> "+29,3 procentenheter"."""
    if difference is None:
        return ""
    return f"{number(_decimal(difference) * 100, decimals, signed=True)} procentenheter"


def p_value(p: Number | None) -> str:
    """Fisher's p to four decimals, and "< 0,0001" rather than "0,0000"."""
    if p is None:
        return ""
    return f"<{NBSP}0,0001" if _decimal(p) < Decimal("0.0001") else number(p, 4)


def year(value: int | None) -> str:
    """A year is never grouped: 2019 -> "2019"."""
    return "" if value is None else str(int(value))


def count(value: Number | None, noun: tuple[str, str] | None = None) -> str:
    """A whole count; with (singular, plural) the noun agrees: 1 -> "1 enhet", 7 -> "7 enheter"."""
    if value is None:
        return ""
    text = number(value, 0)
    if noun is None:
        return text
    return f"{text} {noun[0] if _decimal(value) == 1 else noun[1]}"


def quantity(value: Number | dt.date | None, kind: str, decimals: int | None = None) -> str:
    """A figure formatted from its kind (see the module docstring)."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if kind == KRONOR:
        return kr(value, decimals or 0)
    if kind == SHARE:
        return percent(value, 1 if decimals is None else decimals)
    if kind == PERCENTAGE_POINTS:
        return percentage_points(value, 1 if decimals is None else decimals)
    if kind == YEAR:
        return year(int(value))
    if kind == COUNT:
        return number(value, decimals or 0, trim=decimals is not None)
    return number(value, 2 if decimals is None else decimals, trim=True)


_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]")
_PLAIN = re.compile(r"^[+-]?\d+([.,]\d+)?$")


def parse_number(text: str, field: str = "") -> Decimal:
    """ "1 234,50", "1\xa0234,5", "−12", "1234.5" -> Decimal. Spaces of any kind group thousands;
    comma (or one point) is the decimal sign. Anything else raises `not_a_number` naming `field`."""
    cleaned = _SPACES.sub("", str(text)).replace(MINUS, "-").replace("\u2013", "-")
    if not _PLAIN.match(cleaned):
        raise SifError("invalid_number", field=field, value=text)
    try:
        return Decimal(cleaned.replace(",", "."))
    except InvalidOperation:
        raise SifError("invalid_number", field=field, value=text) from None


def parse_kr(text: str, field: str = "", decimals: int = 2) -> Decimal:
    """Kronor typed by a user; more decimals than `decimals` is refused, not rounded away."""
    value = parse_number(text, field)
    if value != value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP):
        raise SifError("too_many_decimals", field=field, value=text, decimals=decimals)
    return value


def parse_tkr(text: str, field: str = "") -> Decimal:
    """Thousands of kronor typed by a user -> kronor: "1 234,5" -> 1234500 (never silently 1 235 000)."""
    return parse_kr(text, field, decimals=3) * TKR


def parse_in_kind(text: str, kind: str, field: str = "") -> Decimal:
    """A figure typed in a form, stored in its kind's one unit: a share is typed as a percentage
    ("40", "40 %", "37,5") and stored as the fraction 0.40; a percentage above 100 is refused."""
    cleaned = str(text).strip().removesuffix("%").strip()
    value = parse_number(cleaned, field)
    if kind == SHARE:
        if not 0 <= value <= 100:
            raise SifError("share_percent_out_of_range", field=field, value=text)
        return value / 100
    return value


def input_in_kind(value: Number | None, kind: str) -> str:
    """The stored figure as a user types it back: a share 0.4 -> "40", 1234.5 -> "1234,5"."""
    if value is None:
        return ""
    shown = _decimal(value) * 100 if kind == SHARE else _decimal(value)
    return f"{shown.normalize():f}".replace(".", ",")


def check_in_kind(value: Number | None, kind: str, field: str) -> None:
    """A share is a fraction 0–1 wherever it is stored (baseline, target, measurement)."""
    if value is not None and kind == SHARE and not 0 <= _decimal(value) <= 1:
        raise SifError("share_out_of_range", field=field, value=value)
