"""What one file may cost: unpacked size, parts, pages, characters and seconds.

A Word file is a zip archive: its central directory says, before anything is unpacked, how
many parts it has and how large each becomes (Python's zipfile never unpacks more than the
declared size, so the directory is a safe bound). The time budget is cooperative: the readers
and recognisers call `check_time()` between pieces of work, each of which is linear in its
input, so a file ends within its budget plus one piece.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from sif.calc.errors import SifError
from sif.ingest.model import Line, Notice


@dataclass(frozen=True)
class Limits:
    """The budget of one file; the defaults fit every real fund document we have seen."""

    max_seconds: float = 60.0
    max_chars: int = 25_000_000  # characters of text in a text file (a 20 MB file fits)
    max_parts: int = 2_000  # members of a .docx archive
    max_unpacked_bytes: int = 200 * 1024 * 1024  # the whole .docx unpacked
    max_text_part_bytes: int = 40 * 1024 * 1024  # one XML part (body, header, footer ...)
    max_pages: int = 1_000  # pages of a PDF
    recognised_chars: int = 500_000  # text read for a draft (~250 pages); the rest is unread


DEFAULT_LIMITS = Limits()
_DEADLINE: ContextVar[tuple[float, str] | None] = ContextVar("ingest_deadline", default=None)


@contextmanager
def time_budget(limits: Limits, filename: str) -> Iterator[None]:
    """Within this block `check_time()` raises `import_too_slow` once the budget is spent."""
    token = _DEADLINE.set((time.monotonic() + limits.max_seconds, filename))
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def check_time() -> None:
    deadline = _DEADLINE.get()
    if deadline is not None and time.monotonic() > deadline[0]:
        raise SifError("import_too_slow", filename=deadline[1])


def check_text_size(chars: int, filename: str, limits: Limits) -> None:
    if chars > limits.max_chars:
        raise SifError(
            "import_text_too_long",
            filename=filename,
            chars=_millions(chars),
            max_chars=_millions(limits.max_chars),
        )


def recognised_part(lines: list[Line], limits: Limits) -> tuple[list[Line], list[Notice]]:
    """The lines within `limits.recognised_chars`; the lines after them are listed as unread
    (a 19 MB text is not a fund document, and reading all of it would take minutes)."""
    total = 0
    for index, line in enumerate(lines):
        total += len(line.text) + 1
        if total > limits.recognised_chars:
            first = line.number
            notice = Notice("text_not_recognised", 0, {"first": str(first)})
            return lines[:index], [notice]
    return lines, []


def mb_text(size: int) -> str:
    """Bytes as Swedish megabytes with one decimal: 1 073 741 824 -> "1024,0"."""
    return f"{size / (1024 * 1024):.1f}".replace(".", ",")


def _millions(chars: int) -> str:
    return f"{chars / 1_000_000:.1f}".replace(".", ",")
