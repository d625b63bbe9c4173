"""Import one file: check its size, read it into lines, recognise a draft. Nothing is saved."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sif.calc.errors import SifError
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
            name, "file_too_large", filename=path.name, size_mb=_mb(size), max_mb=_mb(max_bytes)
        )
    try:
        data = path.read_bytes()
    except OSError:
        return _failed(name, "file_missing", filename=path.name)
    return replace(ingest_bytes(data, path.name, max_bytes=max_bytes), file=name)


def ingest_bytes(data: bytes, filename: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> IngestResult:
    """The same as `ingest_file` for bytes already in memory (an upload)."""
    if len(data) > max_bytes:
        return _failed(
            filename,
            "file_too_large",
            filename=filename,
            size_mb=_mb(len(data)),
            max_mb=_mb(max_bytes),
        )
    try:
        kind, lines, unread = read_document(data, filename)
    except SifError as error:
        params = {key: str(value) for key, value in error.params.items()}
        return IngestResult(filename, False, IngestError(error.code, params))
    except RecursionError:
        return _failed(filename, "not_a_document", filename=filename)
    draft = recognise(lines)
    if unread:
        draft = replace(draft, unread=(*unread, *draft.unread))
    return IngestResult(filename, True, None, draft, lines, kind)


def _failed(name: str, code: str, **params: str) -> IngestResult:
    return IngestResult(name, False, IngestError(code, params))


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",")
