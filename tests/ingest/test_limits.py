"""Every file ends in a draft or a Swedish error within its budget: Word zip bombs are refused
from the archive's directory before anything is unpacked, saying what was too large; long
texts are read up to a bound and the rest is listed as unread; the clock stops a slow file."""

from __future__ import annotations

import io
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sif.ingest import ingest_bytes
from sif.ingest.figures import find_figures
from sif.ingest.limits import Limits
from sif.ingest.messages_sv import MESSAGES
from sif.ingest.model import Line

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def word_file(body: bytes, *, extra_parts: int = 0, picture: int = 0) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        head = f'<w:document xmlns:w="{W_NS}"><w:body>'.encode()
        archive.writestr("word/document.xml", head + body + b"</w:body></w:document>")
        for index in range(extra_parts):
            archive.writestr(f"customXml/item{index}.xml", "<a/>")
        if picture:
            archive.writestr("word/media/image1.png", b"\x00" * picture)
    return buffer.getvalue()


def paragraph(text: str) -> bytes:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>".encode()


def test_a_word_body_that_unpacks_beyond_the_limit_is_refused_before_it_is_unpacked() -> None:
    bomb = word_file(b"<w:p><w:r><w:t>" + b"A" * (41 * 1024 * 1024) + b"</w:t></w:r></w:p>")
    assert len(bomb) < 100_000  # 41 MB of text squeezed into a small file
    result = ingest_bytes(bomb, "bomb.docx")
    assert not result.ok and result.error is not None
    assert result.error.code == "docx_part_too_large"
    assert (
        "dokumentets huvudtext packas upp till 41,0 MB, men högst 40,0 MB" in result.error.message
    )
    assert "skadad" not in result.error.message


def test_a_word_file_of_too_many_parts_is_refused_with_the_count() -> None:
    limits = Limits(max_parts=20)
    result = ingest_bytes(
        word_file(paragraph("Kort."), extra_parts=30), "delar.docx", limits=limits
    )
    assert result.error is not None and result.error.code == "docx_too_many_parts"
    assert "består av 32 delar, men högst 20 kan läsas" in result.error.message


def test_a_word_file_whose_parts_together_are_too_large_is_refused() -> None:
    limits = Limits(max_unpacked_bytes=2 * 1024 * 1024)
    data = word_file(paragraph("Kort."), picture=3 * 1024 * 1024)
    result = ingest_bytes(data, "bilder.docx", limits=limits)
    assert result.error is not None and result.error.code == "docx_part_too_large"
    assert "en bild packas upp till 3,0 MB" in result.error.message


def test_a_text_longer_than_the_recognised_part_lists_the_rest_as_unread() -> None:
    text = "\n".join(f"Rad {n} om 12 familjer." for n in range(1, 2001))
    result = ingest_bytes(text.encode(), "lang.txt", limits=Limits(recognised_chars=1000))
    assert result.ok and result.draft is not None
    assert result.lines[-1].number < 60
    notice = next(n for n in result.draft.unread if n.code == "text_not_recognised")
    assert (
        f"Texten från rad {result.lines[-1].number + 1} och framåt lästes inte" in notice.message()
    )


def test_a_word_file_longer_than_the_recognised_part_lists_the_rest_as_unread() -> None:
    body = b"".join(paragraph(f"Stycke {n} om 12 familjer.") for n in range(1, 500))
    result = ingest_bytes(word_file(body), "lang.docx", limits=Limits(recognised_chars=500))
    assert result.ok and result.draft is not None
    assert len(result.lines) < 30
    assert any(n.code == "text_not_recognised" for n in result.draft.unread)


def test_an_import_that_runs_out_of_time_ends_in_a_swedish_message() -> None:
    text = "Socialnämnden beviljade 2 460 000 kr.\n" * 200
    result = ingest_bytes(text.encode(), "seg.txt", limits=Limits(max_seconds=-1))
    assert result.error is not None and result.error.code == "import_too_slow"
    assert result.error.message.startswith("Inläsningen av seg.txt tog för lång tid")


def test_a_long_line_gives_the_same_figures_as_the_same_text_in_short_lines() -> None:
    unit = "Vi mötte 12 familjer och 40 barn. "
    long_line = [Line(1, unit * 2000)]
    short_lines = [Line(n, unit) for n in range(1, 2001)]
    assert len(find_figures(long_line)) == len(find_figures(short_lines)) == 4000


def test_pictures_in_a_word_file_are_listed_as_unread() -> None:
    result = ingest_bytes(word_file(paragraph("Kort text."), picture=10), "bild.docx")
    assert result.draft is not None
    assert [n.code for n in result.draft.unread if n.code.startswith("docx")] == [
        "docx_pictures_unread"
    ]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [
                "Fonden om 400",
                "miljoner kronor inrättades.",
                "Sammanlagt 12.345 tkr.",
                "Dnr 2016-123-1.2.3.",
                "1" * 300,
                "kr " * 100,
                "Protokoll 4 februa",
                "\t".join(["2016"] * 50),
            ]
        ),
        max_size=60,
    ),
    st.sampled_from([0.0, 0.5]),
)
def test_any_text_ends_in_a_draft_or_a_swedish_error_within_the_budget(
    parts: list[str], seconds: float
) -> None:
    text = "".join(parts) if seconds else "\n".join(parts)
    result = ingest_bytes(text.encode() or b"x", "x.txt", limits=Limits(max_seconds=seconds))
    if result.ok:
        assert result.draft is not None
    else:
        assert result.error is not None and result.error.code in MESSAGES
        assert result.error.message
