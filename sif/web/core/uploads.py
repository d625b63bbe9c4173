"""Limits on an uploaded XLSX, checked before any parser reads it.

The probe sent a 460 KB zip bomb (252 s, 3,9 GB of server memory) and a 200 000-row file (32 s) to
the follow-up upload, which parsed them before asking who sent them. Now the caller checks
permission and period first, then `check_xlsx_upload` looks at the size and the zip's central
directory (member count and declared unpacked sizes: reading it unpacks nothing), and the parser
stops at `max_rows`. Limits can be changed in Django settings; the defaults fit any real template
(seven districts × fifty indicators × two groups is 700 rows).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from django.conf import settings

from sif.calc.errors import SifError


@dataclass(frozen=True)
class UploadLimits:
    max_bytes: int
    max_unpacked_bytes: int
    max_members: int
    max_rows: int


def upload_limits() -> UploadLimits:
    return UploadLimits(
        max_bytes=getattr(
            settings,
            "SIF_UPLOAD_MAX_BYTES",
            getattr(settings, "UPLOAD_LIMIT_BYTES", 20 * 1024 * 1024),
        ),
        max_unpacked_bytes=getattr(settings, "SIF_UPLOAD_MAX_UNPACKED_BYTES", 50 * 1024 * 1024),
        max_members=getattr(settings, "SIF_UPLOAD_MAX_MEMBERS", 100),
        max_rows=getattr(settings, "SIF_UPLOAD_MAX_ROWS", 5_000),
    )


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f}".replace(".", ",").removesuffix(",0")


def check_upload_size(size: int | None, filename: str) -> None:
    limits = upload_limits()
    if size is not None and size > limits.max_bytes:
        raise SifError(
            "upload_too_large", filename=filename, size=_mb(size), limit=_mb(limits.max_bytes)
        )


def check_xlsx_archive(data: bytes, filename: str) -> None:
    """A zip (every XLSX is one) whose central directory declares a sane count and unpacked size."""
    limits = upload_limits()
    check_upload_size(len(data), filename)
    if not data.startswith(b"PK"):
        raise SifError("not_xlsx", filename=filename)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise SifError("not_xlsx", filename=filename) from None
    if len(members) > limits.max_members:
        raise SifError(
            "upload_unpacks_too_large", filename=filename, limit=_mb(limits.max_unpacked_bytes)
        )
    unpacked = sum(m.file_size for m in members)
    if unpacked > limits.max_unpacked_bytes:
        raise SifError(
            "upload_unpacks_too_large", filename=filename, limit=_mb(limits.max_unpacked_bytes)
        )
