"""PDF: the text layer, read with pdfium (pypdfium2), laid out again as lines.

Characters close together on one baseline make a word (a piece); pieces on one baseline make a
visual line; a wide gap between pieces is a table column (joined with a tab, as a text export
does). Visual lines closer than 1.4 x the font size continue the same paragraph or table row (a
wrapped cell continues its own column), so that each line of the result is a paragraph, a
heading or a table row, as in the Word original.
"""

from __future__ import annotations

import ctypes
import math
import threading
from dataclasses import dataclass, field
from typing import Any

from sif.calc.errors import SifError
from sif.ingest.limits import DEFAULT_LIMITS, Limits, check_time
from sif.ingest.model import Line, Notice

ROW_PITCH = 1.4
COLUMN_GAP = 1.0
WORD_GAP = 3.0  # points between two characters of one word (pdfplumber's x_tolerance)
LINE_HYPHENS = ("\x02", "\ufffe")  # pdfium's marks for a hyphen that ends a line
_PDFIUM = threading.Lock()  # pdfium is not thread-safe; one document at a time per process


@dataclass
class Piece:
    x: float
    y: float
    size: float
    text: str
    x1: float


@dataclass
class VisualLine:
    y: float
    size: float
    cells: list[list[float | str]] = field(default_factory=list)  # [x0, estimated end, text]


def read_pdf(
    data: bytes, filename: str, limits: Limits = DEFAULT_LIMITS
) -> tuple[list[Line], list[Notice]]:
    with _PDFIUM:
        pages = _page_pieces(data, filename, limits)
    lines: list[Line] = []
    unread: list[Notice] = []
    for page_no, pieces in enumerate(pages, start=1):
        if not pieces:
            unread.append(Notice("pdf_page_no_text", 0, {"page": str(page_no)}))
            continue
        check_time()
        _add_page(lines, _paragraphs(_visual_lines(pieces)), page_no)
    if not lines:
        raise SifError("pdf_no_text", filename=filename)
    return lines, unread


def _page_pieces(data: bytes, filename: str, limits: Limits) -> list[list[Piece]]:
    import pypdfium2 as pdfium

    document = _open(data, filename)
    try:
        if len(document) > limits.max_pages:
            raise SifError(
                "pdf_too_many_pages",
                filename=filename,
                pages=str(len(document)),
                max_pages=str(limits.max_pages),
            )
        result = []
        for index in range(len(document)):
            check_time()
            page = document[index]
            textpage = page.get_textpage()
            try:
                result.append(_pieces(textpage))
            finally:
                textpage.close()
                page.close()
        return result
    except pdfium.PdfiumError as error:
        raise SifError("pdf_broken", filename=filename) from error
    finally:
        document.close()


def _open(data: bytes, filename: str) -> Any:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        code = getattr(error, "err_code", None)
        locked = code in (raw.FPDF_ERR_PASSWORD, raw.FPDF_ERR_SECURITY)
        raise SifError("pdf_encrypted" if locked else "pdf_broken", filename=filename) from error
    if len(document) == 0:
        document.close()
        raise SifError("pdf_broken", filename=filename)
    return document


def _add_page(lines: list[Line], texts: list[str], page_no: int) -> None:
    for index, text in enumerate(texts):
        if index == 0 and lines and _continues(lines[-1].text, text):
            lines[-1] = Line(lines[-1].number, f"{lines[-1].text} {text}", lines[-1].page)
            continue
        lines.append(Line(len(lines) + 1, text, page_no))


def _continues(previous: str, text: str) -> bool:
    """A paragraph broken by a page break: no sentence end before, lower case after."""
    return "\t" not in previous + text and previous[-1:] not in ".:!?" and text[:1].islower()


def _pieces(textpage: Any) -> list[Piece]:
    """Words from the characters' boxes: a new word starts after white space (pdfium's generated
    spaces and line breaks included), after a gap wider than WORD_GAP, or on another line. A
    word's y is its first character's baseline, so accented capitals and other fonts on the
    same line still line up."""
    import pypdfium2.raw as raw

    count = textpage.count_chars()
    text = textpage.get_text_range(0, count) if count else ""
    if len(text) != count:  # pdfium left out or added characters: read them one by one
        text = "".join(chr(raw.FPDFText_GetUnicode(textpage.raw, i)) for i in range(count))
    handle = textpage.raw
    box = raw.FS_RECTF()
    box_ref = ctypes.byref(box)
    loose_box = raw.FPDFText_GetLooseCharBox
    pieces: list[Piece] = []
    current: Piece | None = None
    bottom = 0.0
    for index, char in enumerate(text):
        if char.isspace() or char == "\x00":
            current = None
            continue
        loose_box(handle, index, box_ref)
        char = "-" if char in LINE_HYPHENS else char
        if (
            current is not None
            and abs(box.bottom - bottom) <= WORD_GAP
            and current.x - WORD_GAP <= box.left <= current.x1 + WORD_GAP
        ):
            current.text += char
            current.x1 = max(current.x1, box.right)
            continue
        current = Piece(box.left, _baseline(handle, index), _size(handle, index), char, box.right)
        bottom = box.bottom
        pieces.append(current)
    return pieces


def _baseline(handle: Any, index: int) -> float:
    import pypdfium2.raw as raw

    x, y = ctypes.c_double(), ctypes.c_double()
    raw.FPDFText_GetCharOrigin(handle, index, ctypes.byref(x), ctypes.byref(y))
    return float(y.value)


def _size(handle: Any, index: int) -> float:
    """The font size on the page: the font's size scaled by the text matrix (WeasyPrint, for
    one, writes 13.33-unit text under a 0.75 matrix)."""
    import pypdfium2.raw as raw

    size = float(raw.FPDFText_GetFontSize(handle, index))
    matrix = raw.FS_MATRIX()
    if raw.FPDFText_GetMatrix(handle, index, ctypes.byref(matrix)):
        scale = math.hypot(matrix.c, matrix.d)
        if scale > 0:
            size *= scale
    return size if size > 0 else 10.0


def _visual_lines(pieces: list[Piece]) -> list[VisualLine]:
    lines: list[VisualLine] = []
    for piece in sorted(pieces, key=lambda p: (-round(p.y, 1), p.x)):
        current = lines[-1] if lines else None
        if current is None or abs(current.y - piece.y) > 0.3 * piece.size:
            current = VisualLine(piece.y, piece.size)
            lines.append(current)
        _place(current, piece)
    return lines


def _place(line: VisualLine, piece: Piece) -> None:
    end = piece.x1
    if line.cells:
        last = line.cells[-1]
        if piece.x - float(last[1]) <= COLUMN_GAP * piece.size:
            last[2] = f"{last[2]}{'' if str(last[2]).endswith(' ') else ' '}{piece.text.strip()}"
            last[1] = max(float(last[1]), end)
            return
    line.cells.append([piece.x, end, piece.text.strip()])


SHORT_LINE = 0.6  # a one-cell line ending before 60 % of the text width ends its paragraph


def _paragraphs(lines: list[VisualLine]) -> list[str]:
    """Visual lines joined into paragraphs and table rows. A short line of one cell (a
    letterhead's "Eskilstuna kommun" over "Socialförvaltningen") ends its paragraph when the
    next line follows closely but begins with a capital or a digit: a wrapped paragraph line
    fills the width, or its continuation begins in lower case."""
    result: list[list[list[float | str]]] = []
    previous: VisualLine | None = None
    left = min((float(line.cells[0][0]) for line in lines if line.cells), default=0.0)
    right = max((_end(line) for line in lines), default=0.0)
    short = left + SHORT_LINE * (right - left)
    for line in lines:
        continues = previous is not None and (previous.y - line.y) < ROW_PITCH * line.size
        if continues and previous is not None and len(previous.cells) == len(line.cells) == 1:
            starts_anew = str(line.cells[0][2])[:1].isupper() or str(line.cells[0][2])[:1].isdigit()
            continues = _end(previous) >= short or not starts_anew
        if continues and result:
            _continue(result[-1], line)
        else:
            result.append([list(cell) for cell in line.cells])
        previous = line
    return ["\t".join(str(cell[2]) for cell in cells) for cells in result]


def _end(line: VisualLine) -> float:
    return max((float(cell[1]) for cell in line.cells), default=0.0)


def _continue(cells: list[list[float | str]], line: VisualLine) -> None:
    for cell in line.cells:
        target = min(cells, key=lambda c: abs(float(c[0]) - float(cell[0])))
        if abs(float(target[0]) - float(cell[0])) > 3 * line.size and len(cells) > 1:
            cells.append(list(cell))
            cells.sort(key=lambda c: float(c[0]))
            continue
        target[2] = _join(str(target[2]), str(cell[2]))


def _join(first: str, second: str) -> str:
    if first.endswith("-") and second[:1].isupper():
        return first + second
    return f"{first} {second}"
