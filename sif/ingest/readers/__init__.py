"""Bytes -> lines. The file's first bytes decide the reader (not only its name): %PDF is a PDF,
a zip with word/document.xml is a .docx, an OLE2 file is an old .doc or an encrypted .docx."""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePath

from sif.calc.errors import SifError
from sif.ingest.limits import DEFAULT_LIMITS, Limits, recognised_part
from sif.ingest.model import Line, Notice
from sif.ingest.readers.archive import check_archive
from sif.ingest.readers.docx import read_docx
from sif.ingest.readers.pdf import read_pdf
from sif.ingest.readers.text import read_text

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
BINARY_MAGIC = (
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"\x7fELF",
    b"MZ",
    b"\x1f\x8b",
    b"BM",
    b"II*\x00",
    b"MM\x00*",
)
TEXT_SUFFIXES = {"", ".txt", ".text", ".md", ".csv", ".tsv"}


def read_document(
    data: bytes, filename: str, limits: Limits = DEFAULT_LIMITS
) -> tuple[str, list[Line], list[Notice]]:
    """(format, lines, unread) for a file's bytes; raises SifError with a code when unreadable
    or larger than `limits` allow."""
    kind, lines, unread = _read(data, filename, limits)
    if kind == "pdf":  # text and Word files are cut while they are read
        lines, beyond = recognised_part(lines, limits)
        unread = [*unread, *beyond]
    return kind, lines, unread


def _read(data: bytes, filename: str, limits: Limits) -> tuple[str, list[Line], list[Notice]]:
    suffix = PurePath(filename).suffix.lower()
    if not data.strip():
        raise SifError("file_empty", filename=filename)
    if data.startswith(BINARY_MAGIC):
        raise SifError("not_a_document", filename=filename)
    if data.startswith(b"%PDF-") or (suffix == ".pdf" and b"%PDF-" in data[:1024]):
        lines, unread = read_pdf(data, filename, limits)
        return "pdf", lines, unread
    if suffix == ".pdf":
        raise SifError("pdf_broken", filename=filename)
    if data.startswith(b"PK\x03\x04"):
        if not _is_docx(data, filename, limits):
            raise SifError(
                "docx_broken" if suffix == ".docx" else "unsupported_type",
                filename=filename,
                suffix=suffix,
            )
        lines, unread = read_docx(data, filename, limits)
        return "docx", lines, unread
    if data.startswith(OLE2):
        code = "docx_encrypted" if suffix == ".docx" else "unsupported_type"
        raise SifError(code, filename=filename, suffix=suffix or "?")
    if suffix == ".docx":
        raise SifError("docx_broken", filename=filename)
    if suffix not in TEXT_SUFFIXES and suffix in {
        ".doc",
        ".xls",
        ".xlsx",
        ".ppt",
        ".pptx",
        ".odt",
        ".rtf",
    }:
        raise SifError("unsupported_type", filename=filename, suffix=suffix)
    lines, unread = read_text(data, filename, limits)
    return "txt", lines, unread


def _is_docx(data: bytes, filename: str, limits: Limits) -> bool:
    """A zip with a Word body whose parts are all within `limits` (checked before unpacking)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return False
    with archive:
        if "word/document.xml" not in archive.namelist():
            return False
        check_archive(archive, filename, limits)  # SifError: too large, said as such
    return True
