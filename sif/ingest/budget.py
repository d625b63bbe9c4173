"""The budget table: years as columns, cost categories as rows, typed totals and footnotes.

Rows come as tab-separated cells (a text export, a Word table row, a PDF line split at column
gaps). Cells are kronor: a table in tkr ("(Tkr)" in the header or just above) is multiplied by
1 000. Totals are derived; a typed total that differs is a warning, never a correction.
"""

from __future__ import annotations

import re
from decimal import Decimal

from sif.ingest.model import Budget, BudgetCell, BudgetRow, Footnote, Line, Notice
from sif.ingest.numbers import parse_number
from sif.ingest.text import clean, strip_tags

YEAR_CELL_RE = re.compile(r"(?:år\s*)?((?:19|20)\d\d)", re.IGNORECASE)
TOTAL_RE = re.compile(r"^(?:totalt|total|summa|totalsumma|summa totalt)\b", re.IGNORECASE)
MARKERS_RE = re.compile(r"^(?P<label>.*?)(?P<markers>\*+|\s\d\))?$")
UNIT_RE = re.compile(r"\b(tkr|tusentals kronor|mnkr|mkr|msek|kr|kronor)\b", re.IGNORECASE)
UNIT_NAMES = {"tusentals kronor": "tkr", "kronor": "kr", "mkr": "mnkr", "msek": "mnkr"}
FACTORS = {"kr": 1, "tkr": 1_000, "mnkr": 1_000_000}


def cells_of(line: Line) -> list[str]:
    cells = [cell.strip() for cell in line.text.split("\t")]
    while cells and not cells[-1]:
        cells.pop()
    return cells


def find_budget(lines: list[Line]) -> tuple[Budget | None, list[Notice], list[Notice]]:
    """The first budget table in `lines` with its warnings and unread cells."""
    rows = [line for line in lines if line.text.strip()]
    for index, line in enumerate(rows):
        columns = _year_columns(cells_of(line))
        if columns is not None:
            return _read_table(rows, index, columns)
    return None, [], []


def _year_columns(cells: list[str]) -> dict[int, int | None] | None:
    """Cell position -> year (None for the total column) if this is a header of years."""
    columns: dict[int, int | None] = {}
    shift = 1 if cells and YEAR_CELL_RE.fullmatch(clean(cells[0])) else 0  # empty corner cell lost
    for position, cell in enumerate(cells):
        year = YEAR_CELL_RE.fullmatch(clean(cell))
        if year and position + shift > 0:
            columns[position + shift] = int(year.group(1))
        elif position + shift > 0 and TOTAL_RE.match(clean(cell)):
            columns[position + shift] = None
    years = [y for y in columns.values() if y is not None]
    return columns if len(years) >= 2 else None


def _read_table(
    rows: list[Line], header: int, columns: dict[int, int | None]
) -> tuple[Budget, list[Notice], list[Notice]]:
    unit = _unit(rows, header)
    factor = Decimal(FACTORS[unit])
    body: list[BudgetRow] = []
    footnotes: list[Footnote] = []
    unread: list[Notice] = []
    typed_columns: dict[int, Decimal] = {}
    typed_grand: Decimal | None = None
    total_line: int | None = None
    for line in rows[header + 1 :]:
        cells = cells_of(line)
        label = strip_tags(cells[0]) if cells else ""
        if label.startswith("*") and all(not c for c in cells[1:]):
            marker = re.match(r"\*+", label)
            footnotes.append(
                Footnote(
                    marker.group(0) if marker else "*", label.lstrip("* ").strip(), line.number
                )
            )
            continue
        if len(cells) < 2 or footnotes:
            break
        values, total = _values(cells, columns, factor, line, unread)
        if TOTAL_RE.match(label):
            typed_columns = {c.year: c.value_kr for c in values}
            typed_grand, total_line = total, line.number
            continue
        parts = MARKERS_RE.match(label)
        name, markers = (
            (parts.group("label").strip(), (parts.group("markers") or "").strip())
            if parts
            else (label, "")
        )
        body.append(BudgetRow(name, markers, line.number, tuple(values), total))
    budget = Budget(
        unit,
        tuple(y for y in columns.values() if y is not None),
        tuple(body),
        typed_columns,
        typed_grand,
        tuple(footnotes),
        rows[header].number,
        total_line,
    )
    return budget, check_budget(budget), unread


def _values(
    cells: list[str],
    columns: dict[int, int | None],
    factor: Decimal,
    line: Line,
    unread: list[Notice],
) -> tuple[list[BudgetCell], Decimal | None]:
    values: list[BudgetCell] = []
    total: Decimal | None = None
    for position, year in columns.items():
        raw = cells[position] if position < len(cells) else ""
        if not raw:
            continue
        number = parse_number(raw)
        if number is None:
            unread.append(Notice("budget_cell_unread", line.number, {"text": raw}))
            continue
        if year is None:
            total = number * factor
        else:
            values.append(BudgetCell(year, number * factor, raw))
    return values, total


def _unit(rows: list[Line], header: int) -> str:
    for line in [rows[header], *reversed(rows[max(0, header - 3) : header])]:
        match = UNIT_RE.search(line.text)
        if match:
            word = match.group(1).lower()
            return UNIT_NAMES.get(word, word)
    return "kr"


def check_budget(budget: Budget) -> list[Notice]:
    """A warning for every typed total that differs from the sum of its parts."""
    warnings: list[Notice] = []
    for row in budget.rows:
        if row.typed_total_kr is not None and row.typed_total_kr != row.total_kr:
            warnings.append(
                _mismatch(
                    "budget_row_total_mismatch",
                    row.line,
                    row.typed_total_kr,
                    row.total_kr,
                    label=row.label,
                )
            )
    for year, typed in budget.typed_column_totals_kr.items():
        computed = budget.column_total_kr(year)
        if typed != computed:
            warnings.append(
                _mismatch(
                    "budget_column_total_mismatch",
                    budget.total_line or budget.line,
                    typed,
                    computed,
                    year=str(year),
                )
            )
    if (
        budget.typed_grand_total_kr is not None
        and budget.typed_grand_total_kr != budget.grand_total_kr
    ):
        warnings.append(
            _mismatch(
                "budget_grand_total_mismatch",
                budget.total_line or budget.line,
                budget.typed_grand_total_kr,
                budget.grand_total_kr,
            )
        )
    return warnings


def _mismatch(code: str, line: int, typed: Decimal, computed: Decimal, **params: str) -> Notice:
    return Notice(code, line, {**params, "typed": kr_text(typed), "computed": kr_text(computed)})


def kr_text(value: Decimal) -> str:
    """22540000 -> "22 540 000 kr" (no-break spaces), for messages."""
    whole = f"{value:,.2f}".rstrip("0").rstrip(".").replace(",", "\u00a0").replace(".", ",")
    return f"{whole}\u00a0kr"
