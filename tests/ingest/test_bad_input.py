"""Bad files give a clear Swedish message for that file; the batch goes on; nothing is saved."""

from __future__ import annotations

import io
import random
import re
import zipfile
from pathlib import Path

import pytest

from sif.ingest import ingest_bytes, ingest_file
from sif.ingest.cli import main
from sif.ingest.messages_sv import MESSAGES

SOURCE = Path(__file__).resolve().parents[2] / "sif" / "ingest"


def _encrypted_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.encrypt("hemligt")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _scrambled_text() -> bytes:
    """Readable ASCII with every fifth byte a high byte no common encoding makes sense of."""
    base = bytearray(b"Detta ar en text om budget och projekt for barn och unga. " * 4)
    pick = random.Random(1)
    for index in range(0, len(base), 5):
        base[index] = pick.choice([0xA4, 0xB6, 0xC3, 0x9A, 0x8E, 0xD0, 0xF8, 0xBE, 0x83, 0xAB])
    return bytes(base)


def _zip_without_word() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hej")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "filename", "code"),
    [
        (b"", "tom.txt", "file_empty"),
        (b"   \n\n", "tom.txt", "file_empty"),
        (bytes(range(256)) * 8, "bild.txt", "not_a_document"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00\x10" * 200, "bild.png", "not_a_document"),
        (b"PK\x03\x04 not really a zip", "trasig.docx", "docx_broken"),
        (_zip_without_word(), "fel.docx", "docx_broken"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "skyddad.docx", "docx_encrypted"),
        (b"%PDF-1.7\n garbage without objects", "trasig.pdf", "pdf_broken"),
        (b"this is not a pdf", "fel.pdf", "pdf_broken"),
        (_encrypted_pdf(), "skyddad.pdf", "pdf_encrypted"),
        (_scrambled_text(), "okand.txt", "encoding_unknown"),
    ],
)
def test_a_bad_file_gives_its_error_code_and_a_swedish_message_naming_it(
    data: bytes, filename: str, code: str
) -> None:
    result = ingest_bytes(data, filename)
    assert not result.ok and result.draft is None
    assert result.error is not None and result.error.code == code
    assert filename in result.error.message
    assert "{" not in result.error.message


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "stor.txt"
    path.write_bytes(b"a" * 2048)
    result = ingest_file(path, max_bytes=1024)
    assert result.error is not None and result.error.code == "file_too_large"
    assert "stor.txt" in result.error.message


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1"]
)
def test_a_text_file_in_any_common_encoding_reads_the_same(
    encoding: str, seed_texts: dict[str, str]
) -> None:
    text = seed_texts["004"].replace("\u2013", "-")
    result = ingest_bytes(text.encode(encoding), "004.txt")
    assert result.ok and result.draft is not None
    assert result.draft.title is not None
    assert result.draft.title.value == "Utökad samverkan kring barnfamiljer i Hässelby-Vällingby"


def test_the_batch_goes_on_past_a_bad_file_and_exits_non_zero(
    tmp_path: Path, seed_paths: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "tom.txt"
    empty.write_bytes(b"")
    code = main([str(empty), str(seed_paths["004"])])
    out = capsys.readouterr().out
    assert code == 1
    assert "Filen tom.txt är tom" in out
    assert "1 av 2 filer lästa" in out


def test_every_code_raised_or_reported_in_sif_ingest_has_a_swedish_message() -> None:
    source = "\n".join(p.read_text(encoding="utf-8") for p in SOURCE.rglob("*.py"))
    codes = set(
        re.findall(r'(?:SifError|Notice|_failed|_mismatch)\((?:\s*name,)?\s*"([a-z_]+)"', source)
    )
    codes |= set(re.findall(r'code = "([a-z_]+)" if', source))
    codes |= set(re.findall(r'"(docx_broken)" if', source))
    assert {"file_empty", "pdf_encrypted", "budget_row_total_mismatch", "file_too_large"} <= codes
    assert codes - MESSAGES.keys() == set()
