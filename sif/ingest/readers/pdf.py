"""PDF: the text layer, read with pdfplumber (pypdf checks encryption), laid out again as lines.

Text pieces on one baseline make a visual line; a wide gap between pieces is a table column
(joined with a tab, as a text export does). Visual lines closer than 1.4 x the font size
continue the same paragraph or table row (a wrapped cell continues its own column), so that
each line of the result is a paragraph, a heading or a table row, as in the Word original.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

from sif.calc.errors import SifError
from sif.ingest.model import Line, Notice

ROW_PITCH = 1.4
COLUMN_GAP = 1.0


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


def read_pdf(data: bytes, filename: str) -> tuple[list[Line], list[Notice]]:
    _open(data, filename)
    import pdfplumber

    lines: list[Line] = []
    unread: list[Notice] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as document:
            for page_no, page in enumerate(document.pages, start=1):
                pieces = _pieces(page)
                if not pieces:
                    unread.append(Notice("pdf_page_no_text", 0, {"page": str(page_no)}))
                    continue
                _add_page(lines, _paragraphs(_visual_lines(pieces)), page_no)
    except SifError:
        raise
    except Exception as error:  # pdfminer raises many kinds on damaged streams
        raise SifError("pdf_broken", filename=filename) from error
    if not lines:
        raise SifError("pdf_no_text", filename=filename)
    return lines, unread


def _add_page(lines: list[Line], texts: list[str], page_no: int) -> None:
    for index, text in enumerate(texts):
        if index == 0 and lines and _continues(lines[-1].text, text):
            lines[-1] = Line(lines[-1].number, f"{lines[-1].text} {text}", lines[-1].page)
            continue
        lines.append(Line(len(lines) + 1, text, page_no))


def _continues(previous: str, text: str) -> bool:
    """A paragraph broken by a page break: no sentence end before, lower case after."""
    return "\t" not in previous + text and previous[-1:] not in ".:!?" and text[:1].islower()


def _open(data: bytes, filename: str) -> Any:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise SifError("pdf_encrypted", filename=filename)
        len(reader.pages)
    except SifError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, AttributeError) as error:
        raise SifError("pdf_broken", filename=filename) from error
    except Exception as error:  # pypdf raises many kinds on damaged files
        if "encrypt" in str(error).lower() or "decrypt" in str(error).lower():
            raise SifError("pdf_encrypted", filename=filename) from error
        raise SifError("pdf_broken", filename=filename) from error
    return reader


def _pieces(page: Any) -> list[Piece]:
    words = page.extract_words(keep_blank_chars=False, extra_attrs=["size"])
    return [
        Piece(float(w["x0"]), -float(w["top"]), float(w["size"]), str(w["text"]), float(w["x1"]))
        for w in words
    ]


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


def _paragraphs(lines: list[VisualLine]) -> list[str]:
    result: list[list[list[float | str]]] = []
    previous: VisualLine | None = None
    for line in lines:
        continues = previous is not None and (previous.y - line.y) < ROW_PITCH * line.size
        if continues and result:
            _continue(result[-1], line)
        else:
            result.append([list(cell) for cell in line.cells])
        previous = line
    return ["\t".join(str(cell[2]) for cell in cells) for cells in result]


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
