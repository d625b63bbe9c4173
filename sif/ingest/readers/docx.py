"""Word (.docx): every part that carries the document's text, one line per paragraph or table row.

Read straight from the archive's XML (the archive was checked against the limits first):
- page headers first (a letterhead often holds the municipality, dnr and date), then the body,
  then footers, footnotes and endnotes; a header or footer repeated on every section is read once;
- paragraphs, with content controls (w:sdt) read as their content;
- table rows with cells joined by tabs (as a text export does), a nested table's rows as lines of
  their own after the row that holds it;
- text boxes as paragraphs of their own after the paragraph they are anchored in (the VML copy
  Word writes for old readers, mc:Fallback, is skipped so nothing is read twice).
Comments and pictures are not read; the draft lists them as unread.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator

from sif.calc.errors import SifError
from sif.ingest.limits import DEFAULT_LIMITS, Limits, check_time
from sif.ingest.model import Line, Notice

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
HEADER_RE = re.compile(r"word/header\d*\.xml$")
FOOTER_RE = re.compile(r"word/footer\d*\.xml$")
NOTES = ("word/footnotes.xml", "word/endnotes.xml")
PICTURE_RE = re.compile(r"word/media/")
CHECK_EVERY = 2_000  # blocks between two looks at the clock
CONTAINERS = tuple(
    f"{W}{name}" for name in ("body", "sdt", "sdtContent", "customXml", "footnote", "endnote")
)


def read_docx(
    data: bytes, filename: str, limits: Limits = DEFAULT_LIMITS
) -> tuple[list[Line], list[Notice]]:
    """Lines up to `limits.recognised_chars`; the text after them is listed as unread."""
    budget = [limits.recognised_chars]
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            texts: list[str] = []
            for name in sorted(n for n in names if HEADER_RE.match(n)):
                _add_unique(texts, _part_lines(archive, name, filename, budget))
            texts.extend(_part_lines(archive, "word/document.xml", filename, budget))
            for name in sorted(n for n in names if FOOTER_RE.match(n)):
                _add_unique(texts, _part_lines(archive, name, filename, budget))
            for name in NOTES:
                if name in names:
                    texts.extend(_part_lines(archive, name, filename, budget))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError) as error:
        raise SifError("docx_broken", filename=filename) from error
    lines = [Line(number, text.rstrip()) for number, text in enumerate(texts, start=1)]
    unread = _unread(names)
    if budget[0] < 0:
        unread.append(Notice("text_not_recognised", 0, {"first": str(len(lines) + 1)}))
    return lines, unread


def _add_unique(texts: list[str], part: list[str]) -> None:
    """A header or footer's lines, unless the same lines were already read from another one."""
    if part and not _contains(texts, part):
        texts.extend(part)


def _contains(texts: list[str], part: list[str]) -> bool:
    width = len(part)
    return any(texts[i : i + width] == part for i in range(len(texts) - width + 1))


def _unread(names: list[str]) -> list[Notice]:
    notices = []
    pictures = sum(1 for name in names if PICTURE_RE.match(name))
    if pictures:
        notices.append(Notice("docx_pictures_unread", 0, {"count": str(pictures)}))
    if "word/comments.xml" in names:
        notices.append(Notice("docx_comments_unread", 0))
    return notices


def _part_lines(archive: zipfile.ZipFile, name: str, filename: str, budget: list[int]) -> list[str]:
    """The part's lines while `budget[0]` characters remain; below zero the rest is skipped."""
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=True, remove_comments=True
    )
    try:
        root = etree.fromstring(archive.read(name), parser)
    except etree.XMLSyntaxError as error:
        raise SifError("docx_broken", filename=filename) from error
    texts: list[str] = []
    for count, line in enumerate(_blocks(root)):
        if budget[0] < 0:
            break
        if count % CHECK_EVERY == 0:
            check_time()
        budget[0] -= len(line) + 1
        if budget[0] >= 0:
            texts.extend(line.split("\n"))
    return texts


def _blocks(container: object) -> Iterator[str]:
    """The lines of a body, header, cell or text box, in document order."""
    for child in container:  # type: ignore[attr-defined]
        tag = child.tag
        if tag == f"{W}p":
            yield from _paragraph(child)
        elif tag == f"{W}tbl":
            yield from _table(child)
        elif tag in CONTAINERS:
            yield from _blocks(child)


def _paragraph(paragraph: object) -> Iterator[str]:
    parts: list[str] = []
    boxes: list[object] = []
    _runs(paragraph, parts, boxes)
    text = "".join(parts)
    if text.strip() or not boxes:
        yield text
    for box in boxes:
        yield from _blocks(box)


def _runs(element: object, parts: list[str], boxes: list[object]) -> None:
    """The text of a paragraph's runs (also inside content controls, fields and hyperlinks);
    text boxes are collected to be read as lines of their own."""
    for child in element:  # type: ignore[attr-defined]
        tag = child.tag
        if tag == f"{W}t":
            parts.append(child.text or "")
        elif tag == f"{W}tab":
            parts.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            parts.append("\n")
        elif tag == f"{W}txbxContent":
            boxes.append(child)
        elif tag in (MC_FALLBACK, f"{W}delText", f"{W}instrText", f"{W}pPr", f"{W}rPr"):
            continue
        elif isinstance(tag, str):
            _runs(child, parts, boxes)


def _table(table: object) -> Iterator[str]:
    for row in _children(table, f"{W}tr"):
        cells: list[str] = []
        nested: list[str] = []
        for cell in _children(row, f"{W}tc"):
            texts: list[str] = []
            for block in _children(cell, None):
                if block.tag == f"{W}tbl":  # type: ignore[attr-defined]
                    nested.extend(_table(block))
                else:
                    texts.extend(_blocks([block]))
            cells.append(" ".join(" ".join(texts).split()))
        yield "\t".join(cells)
        yield from nested


def _children(element: object, tag: str | None) -> Iterator[object]:
    """Direct children with `tag` (all when None), looking through content controls."""
    for child in element:  # type: ignore[attr-defined]
        if child.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml"):
            yield from _children(child, tag)
        elif tag is None or child.tag == tag:
            yield child
