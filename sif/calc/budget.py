"""A project's budget: years × cost categories in kronor, with totals that are derived, never typed.

Rules (each a `check_*` raising `SifError` with a code the web layer translates):
- an amount is a number of kronor ≥ 0 with at most öre precision (`budget_amount_invalid`,
  `budget_amount_negative`, `budget_amount_too_large`);
- every year lies within the project period (`budget_year_outside_period`);
- the period ends on or after its start (`end_before_start`);
- the sought amount equals the budget's grand total (`sought_amount_differs_from_budget`;
  seed 004: "ska stämma överens med beslutssatsen").

Totals are exact Decimal sums; nothing is rounded here (display rounds to kr or tkr).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from sif.calc.errors import SifError

ZERO = Decimal(0)
CENT = Decimal("0.01")
MAX_AMOUNT = Decimal(10) ** 13  # DecimalField(max_digits=15, decimal_places=2)
NBSP = "\xa0"


@dataclass(frozen=True)
class BudgetRowInput:
    """One cost category of a budget as entered: amounts in kronor per calendar year."""

    category: str
    label: str = ""
    footnote: str = ""
    amounts: Mapping[int, Decimal] = field(default_factory=dict)


def check_amount(value: object, *, year: int | None = None, label: str = "") -> Decimal:
    """A budget amount as Decimal kronor; refuses text that is not a number and negative amounts."""
    if isinstance(value, bool) or value is None:
        raise SifError("budget_amount_invalid", value=value, year=year, label=label)
    try:
        amount = Decimal(str(value).replace(NBSP, "").replace(" ", "").replace(",", "."))
    except InvalidOperation:
        raise SifError("budget_amount_invalid", value=value, year=year, label=label) from None
    if not amount.is_finite() or amount != amount.quantize(CENT):
        raise SifError("budget_amount_invalid", value=value, year=year, label=label)
    if abs(amount) >= MAX_AMOUNT:
        raise SifError("budget_amount_too_large", value=value, year=year, label=label)
    if amount < 0:
        raise SifError("budget_amount_negative", value=format_kr(amount), year=year, label=label)
    return amount


def check_period(start: date | None, end: date | None) -> None:
    """The period may be open at either end, but never end before it starts."""
    if start is not None and end is not None and end < start:
        raise SifError("end_before_start", start=start.isoformat(), end=end.isoformat())


def check_years_within_period(years: Iterable[int], start: date | None, end: date | None) -> None:
    """Every budget year must overlap the project period (both ends required)."""
    if start is None or end is None:
        raise SifError("budget_period_missing")
    for year in sorted(set(years)):
        if not start.year <= year <= end.year:
            raise SifError(
                "budget_year_outside_period",
                year=year,
                start=start.isoformat(),
                end=end.isoformat(),
            )


def check_rows(
    rows: Sequence[BudgetRowInput], start: date | None, end: date | None
) -> list[BudgetRowInput]:
    """Validated copies of the rows (amounts as Decimal), or the first broken rule as SifError."""
    seen: set[str] = set()
    clean: list[BudgetRowInput] = []
    for row in rows:
        if not row.category:
            raise SifError("budget_category_missing", label=row.label)
        if row.category in seen:
            raise SifError("budget_category_duplicate", category=row.category)
        seen.add(row.category)
        amounts = {
            int(y): check_amount(a, year=int(y), label=row.label) for y, a in row.amounts.items()
        }
        clean.append(BudgetRowInput(row.category, row.label, row.footnote, amounts))
    check_years_within_period([y for r in clean for y in r.amounts], start, end)
    return clean


def row_totals(rows: Sequence[BudgetRowInput]) -> list[Decimal]:
    """Sum over the years of each row, in row order."""
    return [sum((Decimal(a) for a in r.amounts.values()), ZERO) for r in rows]


def year_totals(rows: Sequence[BudgetRowInput]) -> dict[int, Decimal]:
    """Sum over the rows for each year, years ascending."""
    totals: dict[int, Decimal] = {}
    for row in rows:
        for year, amount in row.amounts.items():
            totals[year] = totals.get(year, ZERO) + Decimal(amount)
    return dict(sorted(totals.items()))


def grand_total(rows: Sequence[BudgetRowInput]) -> Decimal:
    """Sum of every cell: equals the sum of the row totals and of the year totals."""
    return sum(row_totals(rows), ZERO)


def check_sought_amount(sought: object, total: Decimal) -> Decimal:
    """The sought amount (kronor) must be a number ≥ 0 equal to the budget's grand total."""
    amount = check_amount(sought, label="sought_amount")
    if amount != total:
        raise SifError(
            "sought_amount_differs_from_budget", sought=format_kr(amount), total=format_kr(total)
        )
    return amount


def format_kr(value: Decimal) -> str:
    """Swedish kronor for messages: '22 540 000 kr' with non-breaking spaces, decimals only when needed."""
    from sif.calc import format as fmt

    return fmt.kr(value, 0 if value == value.to_integral_value() else 2)
