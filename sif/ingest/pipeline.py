"""Import one file: check its size, read it into lines, recognise a draft. Nothing is saved."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sif.calc.errors import SifError
from sif.ingest.limits import (
    DEFAULT_LIMITS,
    Limits,
    check_time,
    mb_text,
    time_budget,
)
from sif.ingest.personal import without_identity_numbers
from sif.ingest.readers import read_document
from sif.ingest.recognise import recognise
from sif.ingest.result import IngestError, IngestResult

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def ingest_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> IngestResult:
    """Read `path` (txt, docx, pdf) into a draft; an unreadable file gives `ok=False` and an error."""
    name = str(path)
    try:
        size = path.stat().st_size
    except OSError:
        return _failed(name, "file_missing", filename=path.name)
    if size > max_bytes:
        return _failed(
            name,
            "file_too_large",
            filename=path.name,
            size_mb=mb_text(size),
            max_mb=mb_text(max_bytes),
        )
    try:
        data = path.read_bytes()
    except OSError:
        return _failed(name, "file_missing", filename=path.name)
    return replace(ingest_bytes(data, path.name, max_bytes=max_bytes), file=name)


def ingest_bytes(
    data: bytes,
    filename: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    limits: Limits = DEFAULT_LIMITS,
) -> IngestResult:
    """The same as `ingest_file` for bytes already in memory (an upload). Every file ends in a
    draft or a Swedish error within `limits` (size, parts, characters, seconds)."""
    if len(data) > max_bytes:
        return _failed(
            filename,
            "file_too_large",
            filename=filename,
            size_mb=mb_text(len(data)),
            max_mb=mb_text(max_bytes),
        )
    try:
        with time_budget(limits, filename):
            kind, lines, unread = read_document(data, filename, limits)
            lines, identity_numbers = without_identity_numbers(lines)
            check_time()
            draft = recognise(lines)
    except SifError as error:
        params = {key: str(value) for key, value in error.params.items()}
        return IngestResult(filename, False, IngestError(error.code, params))
    except RecursionError:
        return _failed(filename, "not_a_document", filename=filename)
    except MemoryError:
        return _failed(filename, "import_out_of_memory", filename=filename)
    if identity_numbers:
        draft = replace(draft, warnings=(*identity_numbers, *draft.warnings))
    if unread:
        draft = replace(draft, unread=(*unread, *draft.unread))
    return IngestResult(filename, True, None, draft, lines, kind)


def _failed(name: str, code: str, **params: str) -> IngestResult:
    return IngestResult(name, False, IngestError(code, params))
