"""Plain text in any common encoding: UTF-8 (with or without BOM), UTF-16 (with BOM, or
without it when every other byte is NUL), cp1252 / latin-1; another encoding only when
charset-normalizer is sure of it and the result reads as text."""

from __future__ import annotations

import codecs
import re

from sif.calc.errors import SifError
from sif.ingest.limits import DEFAULT_LIMITS, Limits, check_text_size
from sif.ingest.model import Line, Notice

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
CONTROL_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
WESTERN_EXTRA = set("åäöÅÄÖéÉèüÜæøÆØ–—’‘”“…•§½°´«»·€£¤×÷±")


def decode(data: bytes, filename: str) -> str:
    text = _decode(data, filename)
    if _control_share(text) > 0.02:
        raise SifError("not_a_document", filename=filename)
    return text


def _decode(data: bytes, filename: str) -> str:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, filename)
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _strict(data, utf16, filename)
    if b"\x00" in data:
        raise SifError("not_a_document", filename=filename)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _western_or_guess(data, filename)
    return text


def read_text(
    data: bytes, filename: str, limits: Limits = DEFAULT_LIMITS
) -> tuple[list[Line], list[Notice]]:
    """The text's lines up to `limits.recognised_chars`; the lines after them are listed as
    unread and never become `Line`s (a 19 MB text would otherwise take seconds to split)."""
    text = decode(data, filename).replace("\r\n", "\n").replace("\r", "\n")
    check_text_size(len(text), filename, limits)
    unread: list[Notice] = []
    if len(text) > limits.recognised_chars:
        cut = text.rfind("\n", 0, limits.recognised_chars) + 1
        first = text.count("\n", 0, cut) + 1
        unread.append(Notice("text_not_recognised", 0, {"first": str(first)}))
        text = text[: max(cut - 1, 0)]
    parts = text.split("\n")
    return [Line(number, line.rstrip()) for number, line in enumerate(parts, start=1)], unread


def _strict(data: bytes, encoding: str, filename: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise SifError("encoding_unknown", filename=filename) from error


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _western_or_guess(data: bytes, filename: str) -> str:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    if _reads_as_western(text):
        return text
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.chaos < 0.1 and _letter_share(str(best)) > 0.6:
        return str(best)
    if _control_share(text) > 0.02:
        raise SifError("not_a_document", filename=filename)
    raise SifError("encoding_unknown", filename=filename)


def _reads_as_western(text: str) -> bool:
    high = [c for c in text if ord(c) > 127]
    if not high:
        return True
    return sum(c in WESTERN_EXTRA for c in high) >= 0.9 * len(high)


def _letter_share(text: str) -> float:
    visible = [c for c in text if not c.isspace()]
    if not visible:
        return 0.0
    return sum(c.isalnum() or c in ".,;:-()!?%\"'/" for c in visible) / len(visible)


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    return len(CONTROL_RE.findall(text)) / len(text)
