"""Format-neutral document content: a `Document` of `Section`s holding paragraphs, lists, tables
and figures, built by pure functions from plain data. The PDF, DOCX and XLSX renderers
(sif/reports/pdf.py, docx.py, xlsx.py) read the same content, so the three formats say the same.

No Django here: sif/web/documents/content.py gathers the data from the models and calls these
builders. Money is Decimal kronor in; tkr and kr text are made by sif.web.core.money (a pure module).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from sif.calc import format as fmt
from sif.reports.figures import ChartCall
from sif.web.core.money import TKR, format_kr, format_tkr

MISSING = "Uppgift saknas"
EXAMPLE = "Exempeldata"

CellKind = Literal["text", "tkr", "kr", "count", "percent", "score"]
Align = Literal["left", "right"]


@dataclass(frozen=True)
class Cell:
    """One table cell: the text every format shows and, for numbers, the value an XLSX cell holds
    (tkr cells hold tkr, percent cells a share 0–1). A suppressed cell shows nothing."""

    text: str
    value: Decimal | float | int | None = None
    kind: CellKind = "text"
    suppressed: bool = False
    note: str = ""

    @property
    def is_number(self) -> bool:
        return self.kind != "text"


@dataclass
class Paragraph:
    text: str
    style: Literal["", "note", "lead", "example", "warning"] = (
        ""  # warning: a plausibility flag, red
    )


@dataclass
class BulletList:
    items: list[str]
    numbered: bool = False


@dataclass
class Subheading:
    text: str


@dataclass
class Table:
    title: str
    header: list[str]
    rows: list[list[Cell]]
    align: list[Align] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)
    total_rows: int = 0  # the last n rows are totals (bold)
    sheet: str = ""  # XLSX sheet name; the title when empty
    widths: list[int] = field(
        default_factory=list
    )  # relative column widths (percent); automatic when empty
    sheet_only: bool = False  # only in the XLSX: a detail a printed document leaves out

    def alignment(self, column: int) -> Align:
        if column < len(self.align):
            return self.align[column]
        return (
            "right" if any(column < len(r) and r[column].is_number for r in self.rows) else "left"
        )


@dataclass
class Figure:
    """A chart: drawn on demand from `chart` (sif/reports/figures.py) by the formats that show
    it, or an SVG drawn earlier (`svg`)."""

    title: str
    svg: str = ""
    caption: str = ""
    chart: ChartCall | None = None

    def svg_text(self) -> str:
        return self.svg or (self.chart.svg() if self.chart is not None else "")

    def png(self) -> bytes | None:
        """The chart as PNG when it can be drawn as one (None for a foreign SVG)."""
        if self.chart is not None:
            return self.chart.png()
        from sif.reports.charts import png_for

        return png_for(self.svg)


@dataclass(frozen=True)
class Signature:
    name: str
    title: str = ""


@dataclass
class Signatures:
    """The signing officials of a committee paper (seed 001: under the proposed decision)."""

    people: list[Signature]


Block = Paragraph | BulletList | Subheading | Table | Figure | Signatures


@dataclass(frozen=True)
class Letterhead:
    """Seed 001's head: the municipality, förvaltning and avdelning on the left; handläggare,
    telefon, the addressee (Till), date and dnr on the right."""

    municipality: str
    administration: str = ""
    department: str = ""
    officer: str = ""
    phone: str = ""
    recipient: str = ""
    date: str = ""
    registration_number: str = ""

    def left(self) -> list[str]:
        return [x for x in (self.municipality, self.administration, self.department) if x]

    def right(self) -> list[tuple[str, str]]:
        pairs = [
            ("Handläggare", self.officer),
            ("Telefon", self.phone),
            ("Till", self.recipient),
            ("Datum", self.date),
            ("Dnr", self.registration_number),
        ]
        return [(k, v) for k, v in pairs if v]


@dataclass
class Section:
    heading: str
    blocks: list[Block] = field(default_factory=list)
    level: int = 1


@dataclass
class Document:
    kind: str
    title: str
    municipality: str
    subtitle: str = ""
    meta: list[tuple[str, str]] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    published: bool = False
    threshold: int = 5
    filename: str = "dokument"
    letterhead: Letterhead | None = None
    lead: str = ""  # the line under the title (seed 001: "Slutrapportering av fyraårigt projekt …")
    marker: str = (
        ""  # one marked line for a demo or partly invented document; never inside a section
    )

    def tables(self) -> list[Table]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, Table)]

    def figures(self) -> list[Figure]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, Figure)]

    def headings(self) -> list[str]:
        return [s.heading for s in self.sections]


# ---------------------------------------------------------------- cells


def text_cell(text: object) -> Cell:
    return Cell("" if text is None else str(text))


def tkr_cell(kronor: Decimal | None) -> Cell:
    """Kronor shown as tkr ("9 577"); the XLSX value is tkr."""
    if kronor is None:
        return Cell("–", None, "tkr")
    return Cell(format_tkr(kronor), Decimal(kronor) / TKR, "tkr")


def kr_cell(kronor: Decimal | None) -> Cell:
    if kronor is None:
        return Cell("–", None, "kr")
    return Cell(format_kr(kronor), Decimal(kronor), "kr")


def count_cell(value: Decimal | int | float | None) -> Cell:
    if value is None:
        return Cell("–", None, "count")
    number = Decimal(str(value))
    whole = number == number.to_integral_value()
    return Cell(fmt.number(number, 1, trim=True), int(number) if whole else number, "count")


def percent_cell(share: Decimal | float | None, qualifier: str = "") -> Cell:
    """A share 0–1 as "88 %" (one decimal when it has one); `qualifier` e.g. "drygt", "ca"."""
    if share is None:
        return Cell("–", None, "percent")
    text = percent_text(share)
    return Cell(f"{qualifier} {text}".strip(), Decimal(str(share)), "percent")


def score_cell(value: Decimal | float | None) -> Cell:
    if value is None:
        return Cell("–", None, "score")
    number = Decimal(str(value))
    return Cell(fmt.number(number, 2, trim=True), number, "score")


def suppressed_cell(kind: CellKind, threshold: int) -> Cell:
    return Cell("", None, kind, suppressed=True, note=f"Dold: färre än {threshold} observationer.")


def percent_text(share: Decimal | float) -> str:
    """0.88 -> "88 %", 0.375 -> "37,5 %" (one decimal when it has one)."""
    return fmt.percent(share, 1, trim=True)


# ---------------------------------------------------------------- blocks


_BULLET = re.compile(r"^\s*[-•–]\s+")
_NUMBERED = re.compile(r"^\s*\d+[.)]\s+")


def text_blocks(text: str | None) -> list[Block]:
    """Free text as paragraphs (blank lines separate them); runs of "- " or "1. " lines as lists."""
    blocks: list[Block] = []
    for part in _rejoined(re.split(r"\n\s*\n", (text or "").strip())):
        lines = [line.strip() for line in part.splitlines() if line.strip()]
        if not lines:
            continue
        if all(_BULLET.match(line) for line in lines):
            blocks.append(BulletList([_BULLET.sub("", line) for line in lines]))
        elif len(lines) > 1 and all(_NUMBERED.match(line) for line in lines):
            blocks.append(BulletList([_NUMBERED.sub("", line) for line in lines], numbered=True))
        else:
            blocks.append(Paragraph(" ".join(lines)))
    return blocks


_SENTENCE_END = re.compile(r"[.!?:;…)\]”\"]\s*$")


def _rejoined(parts: list[str]) -> list[str]:
    """Paragraphs with one that a page break of an imported document cut in two joined again: a
    paragraph that ends without a sentence's end, followed by one that starts in lower case."""
    joined: list[str] = []
    for part in parts:
        if (
            joined
            and part[:1].islower()
            and not _SENTENCE_END.search(joined[-1])
            and not _BULLET.match(joined[-1].splitlines()[-1])
        ):
            joined[-1] = f"{joined[-1].rstrip()} {part.lstrip()}"
        else:
            joined.append(part)
    return joined


def text_or_missing(text: str | None) -> list[Block]:
    return text_blocks(text) or [missing()]


def missing() -> Paragraph:
    return Paragraph(MISSING, "note")


def section(heading: str, blocks: Iterable[Block], *, level: int = 1) -> Section:
    """A section; one with nothing in it says "Uppgift saknas" rather than standing empty."""
    found = list(blocks)
    return Section(heading, found or [missing()], level)


def key_value_table(title: str, pairs: Sequence[tuple[str, str]], *, sheet: str = "") -> Table:
    return Table(
        title,
        ["Uppgift", "Värde"],
        [[text_cell(k), text_cell(v or MISSING)] for k, v in pairs],
        ["left", "left"],
        sheet=sheet,
    )


# ---------------------------------------------------------------- budget


@dataclass(frozen=True)
class BudgetLine:
    label: str
    marker: str
    amounts: list[Decimal]
    total: Decimal


def budget_table(
    years: Sequence[int],
    lines: Sequence[BudgetLine],
    year_totals: Sequence[Decimal],
    grand_total: Decimal,
    footnotes: Sequence[tuple[str, str]],
    *,
    title: str = "Budget (tkr)",
) -> Table:
    """Years × cost categories in tkr with row totals, a total row and the footnotes (seed 002)."""
    header = ["Kostnadsslag", *[f"År {y}" for y in years], "Totalt"]
    rows = [
        [
            text_cell(f"{line.label}{line.marker}"),
            *[tkr_cell(a) for a in line.amounts],
            tkr_cell(line.total),
        ]
        for line in lines
    ]
    rows.append([text_cell("Totalt"), *[tkr_cell(t) for t in year_totals], tkr_cell(grand_total)])
    notes = [f"{marker} {text}" for marker, text in footnotes]
    return Table(
        title,
        header,
        rows,
        ["left", *["right"] * (len(years) + 1)],
        notes,
        total_rows=1,
        sheet="Budget",
    )


def budget_summary(
    years: Sequence[int], year_totals: Sequence[Decimal], grand_total: Decimal
) -> list[Block]:
    """Seed 002's "Förtydliga den totala summan per år" and "Total kostnad" lines."""
    if not years:
        return []
    return [
        BulletList(
            [f"År {y}: {format_tkr(t)} tkr" for y, t in zip(years, year_totals, strict=True)]
        ),
        Paragraph(f"Total kostnad: {format_tkr(grand_total)} tkr"),
    ]


# ---------------------------------------------------------------- contacts and indicators


@dataclass(frozen=True)
class ContactLine:
    name: str
    title: str = ""
    email: str = ""
    phone: str = ""


def contacts_table(contacts: Sequence[ContactLine]) -> Table:
    rows = [
        [text_cell(c.name), text_cell(c.title), text_cell(c.email), text_cell(c.phone)]
        for c in contacts
    ]
    return Table(
        "Kontaktpersoner",
        ["Namn", "Titel", "E-post", "Telefon"],
        rows,
        ["left"] * 4,
        sheet="Kontaktpersoner",
        widths=[20, 27, 37, 16],
    )


@dataclass(frozen=True)
class IndicatorLine:
    group: str
    name: str
    method: str
    baseline: str = ""
    target: str = ""
    comparison: str = ""


def indicators_table(indicators: Sequence[IndicatorLine]) -> Table:
    """Seed 002's "Utfall (effekt)": indicator and measurement method, grouped by whom it concerns."""
    rows = [
        [
            text_cell(i.group),
            text_cell(i.name),
            text_cell(i.method),
            text_cell(i.baseline or "–"),
            text_cell(i.target or "–"),
            text_cell(i.comparison or "–"),
        ]
        for i in indicators
    ]
    return Table(
        "Indikatorer",
        ["Avser", "Indikator", "Mätmetod", "Baslinje", "Mål", "Jämförelsegrupp"],
        rows,
        ["left"] * 6,
        sheet="Indikatorer",
    )


# ---------------------------------------------------------------- layout

PAGE_WIDTH_CHARS = (
    110  # characters of 8.8 pt sans-serif across the A4 text width (170 mm), cell padding included
)
CELL_PADDING_CHARS = 2
DIGIT_WIDTH = 1.2  # a number's characters against the average character
LETTER_WIDTH = 1.1  # a word's letters against the average character (spaces and narrow letters)
WIDE_COLUMN_CHARS = 40  # a column's share grows with its text up to this many characters per line


# a longer word without digits may be hyphenated (Swedish rules); 20 keeps "Socialförvaltningen"
# and "stadsdelsförvaltning" whole, as a reader expects a unit's name
HYPHENATED_WORD_CHARS = 20


def word_width(word: str) -> int:
    """The width a word needs on one line: a number or a date in full (it never breaks); a long
    word at most HYPHENATED_WORD_CHARS, since the PDF hyphenates it by Swedish rules."""
    return len(word) if any(ch.isdigit() for ch in word) else min(len(word), HYPHENATED_WORD_CHARS)


def column_widths(table: Table) -> list[int]:
    """Relative widths (percent) sized to the content, so that no word and no number is broken
    over lines: every column gets at least its longest word (a number, with its non-breaking
    spaces, is one word; a header word counts a little wider since it is bold), and the rest of
    the width is shared by how much text a column holds. The widths a table gives win."""
    n = len(table.header)
    if table.widths and len(table.widths) == n:
        return list(table.widths)
    longest_word = [0] * n
    longest_text = [0] * n
    for i, head in enumerate(table.header):
        longest_word[i] = max((round(len(w) * 1.1) for w in head.split()), default=0)
        longest_text[i] = 0  # a header wraps between its words; only its longest word counts
    for row in table.rows:
        for i, cell in enumerate(row[:n]):
            words = cell.text.split(" ") if not cell.is_number else [cell.text]
            widest = max(word_width(w) for w in words)
            if cell.is_number:  # digits are wider than the average letter (0,56 em against ~0,5)
                widest = math.ceil(widest * DIGIT_WIDTH)
            else:  # a word of lower-case letters runs ~0,55 em: "pågående" was hyphenated at 10 %
                widest = math.ceil(widest * LETTER_WIDTH)
            longest_word[i] = max(longest_word[i], widest)
            longest_text[i] = max(longest_text[i], len(cell.text))
    minimum = [w + CELL_PADDING_CHARS for w in longest_word]
    wanted = [
        max(m, min(t, WIDE_COLUMN_CHARS) + CELL_PADDING_CHARS)
        for m, t in zip(minimum, longest_text, strict=True)
    ]
    spare = max(PAGE_WIDTH_CHARS - sum(minimum), 0)
    growth = [w - m for w, m in zip(wanted, minimum, strict=True)]
    total_growth = sum(growth) or 1
    chars = [
        m + spare * g / total_growth if sum(wanted) > PAGE_WIDTH_CHARS else w
        for m, g, w in zip(minimum, growth, wanted, strict=True)
    ]
    total = sum(chars) or 1
    return [max(1, round(100 * c / total)) for c in chars]
