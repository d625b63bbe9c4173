"""What must agree in a draft: the sought sum and its parts, the sought or total sum and the
budget, a year's typed total and the budget's column. Each disagreement is a warning."""

from __future__ import annotations

from decimal import Decimal

from sif.ingest.budget import kr_text
from sif.ingest.model import Draft, Notice


def cross_checks(draft: Draft) -> list[Notice]:
    return [*_parts(draft), *_budget_totals(draft)]


def _parts(draft: Draft) -> list[Notice]:
    sought = [a for a in draft.amounts if a.value.role == "sought"]
    parts = [a for a in draft.amounts if a.value.role == "budget_part"]
    if not sought or not parts:
        return []
    total = sum((p.value.value_kr for p in parts), Decimal(0))
    first = sought[0]
    if first.value.value_kr == total:
        return []
    return [
        Notice(
            "sought_differs_from_parts",
            first.line_no,
            {"sought": kr_text(first.value.value_kr), "parts": kr_text(total)},
        )
    ]


def _budget_totals(draft: Draft) -> list[Notice]:
    budget = draft.budget
    if budget is None or not budget.rows:
        return []
    warnings: list[Notice] = []
    for extracted in draft.amounts:
        amount = extracted.value
        if amount.role == "year_total" and amount.year in budget.years:
            computed = budget.column_total_kr(amount.year)
            if computed != amount.value_kr:
                warnings.append(
                    Notice(
                        "year_total_differs_from_budget",
                        extracted.line_no,
                        {
                            "year": str(amount.year),
                            "typed": kr_text(amount.value_kr),
                            "computed": kr_text(computed),
                        },
                    )
                )
        if amount.role in {"total", "sought"} and amount.value_kr != budget.grand_total_kr:
            warnings.append(
                Notice(
                    "total_differs_from_budget",
                    extracted.line_no,
                    {"typed": kr_text(amount.value_kr), "computed": kr_text(budget.grand_total_kr)},
                )
            )
    return warnings
