"""Checking a Word file's zip archive from its central directory, before anything is unpacked:
how many parts it has, how large each part and the whole become. A zip bomb (3 MB that unpack
to 1 GB) is refused with a message that says which part was too large, not "skadad"."""

from __future__ import annotations

import zipfile

from sif.calc.errors import SifError
from sif.ingest.limits import Limits, mb_text

PART_NAMES = (  # the Swedish name of a part for the message; never the internal file name
    ("word/document.xml", "dokumentets huvudtext"),
    ("word/header", "ett sidhuvud"),
    ("word/footer", "en sidfot"),
    ("word/footnotes", "fotnoterna"),
    ("word/endnotes", "slutnoterna"),
    ("word/comments", "kommentarerna"),
    ("word/media/", "en bild"),
    ("word/embeddings/", "ett inbäddat objekt"),
    ("word/styles", "formatmallarna"),
)


def check_archive(archive: zipfile.ZipFile, filename: str, limits: Limits) -> None:
    """Raise a SifError naming what is too large; nothing is unpacked here."""
    members = archive.infolist()
    if len(members) > limits.max_parts:
        raise SifError(
            "docx_too_many_parts",
            filename=filename,
            count=str(len(members)),
            max_count=str(limits.max_parts),
        )
    total = 0
    for member in members:
        total += member.file_size
        is_text = member.filename.endswith((".xml", ".rels"))
        cap = limits.max_text_part_bytes if is_text else limits.max_unpacked_bytes
        if member.file_size > cap:
            raise SifError(
                "docx_part_too_large",
                filename=filename,
                part=part_name(member.filename),
                size_mb=mb_text(member.file_size),
                max_mb=mb_text(cap),
            )
    if total > limits.max_unpacked_bytes:
        raise SifError(
            "docx_unpacked_too_large",
            filename=filename,
            size_mb=mb_text(total),
            max_mb=mb_text(limits.max_unpacked_bytes),
        )


def part_name(member: str) -> str:
    for prefix, name in PART_NAMES:
        if member.startswith(prefix):
            return name
    return "en inbäddad del"
