"""Repayment to the fund: the rules funds have used, as schedules of planned vs actual per year.

Rules (reference/methods.md):
- `FixedPlan`: the granted amount in `years` equal instalments from `start_year` (Malmö's 4–10
  year plans); each instalment rounded down to whole öre, the last one takes the remainder.
- `ShareOfGains`: each year `share` × the realised gains that land in the municipality's own
  budgets (actors `kommun*`), until the granted amount is repaid.
- `BudgetFrameReduction`: the gaining committee's budget frame is cut by the savings (Norrköping
  from 2012): each year's repayment equals that year's municipal savings, until repaid.
A waiver (`waived_from`, Malmö's Hela familjen 2016) stops repayment and writes the rest off in
that year; `write_off_rest` writes off what is left after the last year. The cumulative repayment,
planned or actual, never exceeds the granted amount. Amounts are Decimal kronor, rounded to öre.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from sif.calc.errors import SifError

ORE = Decimal("0.01")
ZERO = Decimal(0)


@dataclass(frozen=True)
class FixedPlan:
    years: int
    start_year: int


@dataclass(frozen=True)
class ShareOfGains:
    share: Decimal
    start_year: int
    end_year: int


@dataclass(frozen=True)
class BudgetFrameReduction:
    start_year: int
    end_year: int


RepaymentRule = FixedPlan | ShareOfGains | BudgetFrameReduction


@dataclass(frozen=True)
class RepaymentYear:
    year: int
    planned: Decimal
    actual: Decimal | None
    remaining: Decimal
    written_off: Decimal = ZERO


def schedule(
    rule: RepaymentRule,
    granted: Decimal,
    *,
    expected_gains: Mapping[int, Decimal] | None = None,
    realised_gains: Mapping[int, Decimal] | None = None,
    payments: Mapping[int, Decimal] | None = None,
    waived_from: int | None = None,
    write_off_rest: bool = False,
) -> list[RepaymentYear]:
    """Planned and actual repayment per year of the rule's years.

    planned: the rule applied to `expected_gains` (municipal gains per year; FixedPlan needs none).
    actual: recorded `payments` where given (years after the last recorded one are None), else the
    rule applied to `realised_gains` for the years they cover, else None.
    remaining = granted − Σ actual (or Σ planned where no actual is known) − written off.
    """
    _check(rule, granted)
    years = _years(rule)
    planned = _apply(rule, granted, years, expected_gains or {})
    actual = _actuals(rule, granted, years, payments, realised_gains)
    rows: list[RepaymentYear] = []
    repaid = ZERO
    for year in years:
        if waived_from is not None and year >= waived_from:
            written = granted - repaid  # the rest is written off once, in the first waived year
            repaid += written
            rows.append(RepaymentYear(year, ZERO, ZERO, granted - repaid, written))
            continue
        paid = actual.get(year) if actual is not None else None
        repaid += min(paid if paid is not None else planned[year], granted - repaid)
        written = granted - repaid if write_off_rest and year == years[-1] else ZERO
        repaid += written
        rows.append(RepaymentYear(year, planned[year], paid, granted - repaid, written))
    return rows


def _check(rule: RepaymentRule, granted: Decimal) -> None:
    if granted < 0:
        raise SifError("negative_amount", field="granted", value=granted)
    if isinstance(rule, FixedPlan) and rule.years <= 0:
        raise SifError("repayment_years_not_positive", field="years", value=rule.years)
    if isinstance(rule, ShareOfGains) and not 0 <= rule.share <= 1:
        raise SifError("share_out_of_range", field="share", value=rule.share)
    if not isinstance(rule, FixedPlan) and rule.end_year < rule.start_year:
        raise SifError(
            "range_low_above_high", field="years", low=rule.start_year, high=rule.end_year
        )


def _years(rule: RepaymentRule) -> list[int]:
    if isinstance(rule, FixedPlan):
        return list(range(rule.start_year, rule.start_year + rule.years))
    return list(range(rule.start_year, rule.end_year + 1))


def _apply(
    rule: RepaymentRule, granted: Decimal, years: list[int], gains: Mapping[int, Decimal]
) -> dict[int, Decimal]:
    """The rule's repayment per year, capped so that the sum never exceeds `granted`."""
    if isinstance(rule, FixedPlan):
        instalment = (granted / rule.years).quantize(ORE, rounding=ROUND_DOWN)
        plan = {year: instalment for year in years}
        plan[years[-1]] = granted - instalment * (rule.years - 1)
        return plan
    share = rule.share if isinstance(rule, ShareOfGains) else Decimal(1)
    plan, total = {}, ZERO
    for year in years:
        due = (share * max(gains.get(year, ZERO), ZERO)).quantize(ORE, rounding=ROUND_DOWN)
        plan[year] = min(due, granted - total)
        total += plan[year]
    return plan


def _actuals(
    rule: RepaymentRule,
    granted: Decimal,
    years: list[int],
    payments: Mapping[int, Decimal] | None,
    realised: Mapping[int, Decimal] | None,
) -> dict[int, Decimal | None] | None:
    if payments is not None:
        last = max(payments, default=years[0] - 1)
        recorded: dict[int, Decimal | None] = {
            y: payments.get(y, ZERO) if y <= last else None for y in years
        }
        total = sum((p for p in recorded.values() if p is not None), ZERO)
        if total > granted:
            raise SifError(
                "repayment_exceeds_granted", field="payments", value=total, granted=granted
            )
        if any(p is not None and p < 0 for p in recorded.values()):
            raise SifError("negative_amount", field="payments", value=min(payments.values()))
        return recorded
    if realised is None or isinstance(rule, FixedPlan):
        return None
    computed = _apply(rule, granted, years, realised)
    return {y: computed[y] if y in realised else None for y in years}
