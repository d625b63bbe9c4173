"""Hostile and oversized files for `bench_ingest.py`, written to disk in streamed chunks so that
building them costs little memory: Word zip bombs, a Word file of many parts, a Word body just
under the part limit, one very long line and a 19 MB text."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

MB = 1024 * 1024
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
HEAD = f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"><w:body>'.encode()
TAIL = b"</w:body></w:document>"
TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"/>'
)
SENTENCE = (
    "Socialnämnden beviljade 2 460 000 kr till projektet för 2016, och under perioden "
    "2016-2018 gjordes 4500 hembesök hos 120 familjer; 13 % av barnen. Dnr SN 2016/123. "
)


def _docx(path: Path, chunks: Callable[[], object], extra_parts: int = 0) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", TYPES)
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(HEAD)
            for chunk in chunks():  # type: ignore[attr-defined]
                part.write(chunk)
            part.write(TAIL)
        for index in range(extra_parts):
            archive.writestr(f"customXml/item{index}.xml", "<a/>")
    return path


def bomb_paragraphs(folder: Path, size_mb: int = 1024) -> Path:
    """A Word body of short paragraphs that unpacks to `size_mb` MB."""
    paragraph = b"<w:p><w:r><w:t>Rad i ett uppbl\xc3\xa5st dokument.</w:t></w:r></w:p>"
    block = paragraph * (MB // len(paragraph))
    return _docx(folder / f"bomb-{size_mb}mb.docx", lambda: (block for _ in range(size_mb)))


def bomb_one_run(folder: Path, size_mb: int = 1024) -> Path:
    """One text run of `size_mb` MB."""

    def chunks() -> object:
        yield b"<w:p><w:r><w:t>"
        block = b"A" * MB
        for _ in range(size_mb):
            yield block
        yield b"</w:t></w:r></w:p>"

    return _docx(folder / f"run-{size_mb}mb.docx", chunks)


def many_parts(folder: Path, parts: int = 5000) -> Path:
    body = b"<w:p><w:r><w:t>Kort dokument.</w:t></w:r></w:p>"
    return _docx(folder / f"parts-{parts}.docx", lambda: iter([body]), extra_parts=parts)


def near_limit(folder: Path, size_mb: int = 39) -> Path:
    """A Word body of ordinary sentences just under the part limit (40 MB)."""
    paragraph = f"<w:p><w:r><w:t>{SENTENCE}</w:t></w:r></w:p>".encode()
    block = paragraph * (MB // len(paragraph))
    return _docx(folder / f"body-{size_mb}mb.docx", lambda: (block for _ in range(size_mb)))


def long_line(folder: Path, size_kb: int) -> Path:
    path = folder / f"line-{size_kb}kb.txt"
    text = (SENTENCE * (size_kb * 1024 // len(SENTENCE) + 1))[: size_kb * 1024]
    path.write_text(text, encoding="utf-8")
    return path


def big_text(folder: Path, size_mb: int = 19) -> Path:
    path = folder / f"text-{size_mb}mb.txt"
    paragraph = (SENTENCE + "\n") * 3 + "\n"
    with path.open("w", encoding="utf-8") as handle:
        written = 0
        while written < size_mb * MB:
            handle.write(paragraph * 100)
            written += len(paragraph.encode()) * 100
    return path
