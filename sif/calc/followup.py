"""Follow-up arithmetic: aggregation across units and periods, small-count suppression, spread.

Pure: no Django, no database. Counts and shares are exact (`int` and `Decimal`); ratings
(spindelmätning) are estimates and use floats. Every aggregate is a function of the *multiset* of
unit values, never of their order: sums and pooled ratios are computed once, divisions last.

| what | how it aggregates |
|---|---|
| count | sum of the units' counts |
| share | pooled: sum of numerators / sum of denominators (not the mean of the units' shares) |
| score | weighted mean: sum(value × weight) / sum(weight), weight = number measured |
"""

from __future__ import annotations

import statistics
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Generic, TypeVar

from sif.calc.errors import SifError

K = TypeVar("K", bound=Hashable)
Number = int | Decimal

DEFAULT_SUPPRESSION_THRESHOLD = 5
# No unit counts ten million of anything in one period; the database's integers end at 2^31 − 1.
COUNT_CEILING = 10_000_000
# What a measurement value may be at most, in absolute terms (DecimalField(max_digits=15, decimal_places=4)).
VALUE_CEILING = Decimal("99999999999")
# A count above this per unit and period is possible but so unlikely that it must be confirmed
# (a slip of the keyboard: 99 999 999 home visits in a tertial). Per indicator it can be changed.
DEFAULT_PLAUSIBLE_COUNT = 100_000


def _grouped(n: int) -> str:
    """12345678 -> "12 345 678" (non-breaking spaces), for messages."""
    return f"{n:,}".replace(",", "\xa0")


def check_count(n: Number, field: str = "") -> None:
    """A count is whole, at least 0 and at most `COUNT_CEILING`."""
    if n != int(n):
        raise SifError("not_a_whole_number", column=field, value=str(n))
    if n < 0:
        raise SifError("negative_count", field=field, numerator=n, denominator="")
    if n > COUNT_CEILING:
        raise SifError(
            "count_too_large", field=field, value=_grouped(int(n)), limit=_grouped(COUNT_CEILING)
        )


def check_plausible(n: Number, ceiling: Number | None, field: str = "") -> None:
    """`implausible_value` when n exceeds the ceiling: the caller asks the user to confirm."""
    if ceiling is not None and n > ceiling:
        raise SifError(
            "implausible_value", field=field, value=_grouped(int(n)), ceiling=_grouped(int(ceiling))
        )


ACTIVITY_PARTS = ("with_mother", "with_father", "single_mother", "single_father", "women", "men")


def check_activity(
    total: int,
    parts: Mapping[str, int | None],
    *,
    activity: str = "",
    labels: Mapping[str, str] | None = None,
) -> None:
    """The identities of an activity count (parts not given are None and not checked):

    - total and every part are counts (`check_count`);
    - each part ≤ total;
    - endast mamma ≤ med mamma and endast pappa ≤ med pappa (one attended alone, so they attended);
    - endast mamma + endast pappa ≤ total (a conversation has at most one single attendee);
    - kvinnor + män ≤ total (also for unique parents: a person is counted once).
    The form, the XLSX upload, the service and the gender analysis all call this one function.
    """
    names = dict(labels or {})

    def label(key: str) -> str:
        return names.get(key, key)

    check_count(total, label("total"))
    given = {k: v for k, v in parts.items() if v is not None}
    for key, value in given.items():
        check_count(value, label(key))
        if value > total:
            raise SifError(
                "part_exceeds_total", activity=activity, part=label(key), value=value, total=total
            )
    for single, present in (("single_mother", "with_mother"), ("single_father", "with_father")):
        if single in given and present in given and given[single] > given[present]:
            raise SifError(
                "single_exceeds_present",
                activity=activity,
                part=label(single),
                value=given[single],
                present=label(present),
                present_value=given[present],
            )
    for a, b in (("single_mother", "single_father"), ("women", "men")):
        if a in given and b in given and given[a] + given[b] > total:
            both = f"{label(a)} + {label(b)}".lower()
            raise SifError(
                "part_exceeds_total",
                activity=activity,
                part=both[:1].upper() + both[1:],
                value=given[a] + given[b],
                total=total,
            )


def check_share(numerator: Number, denominator: Number, field: str = "") -> None:
    """A share's numerator and denominator are non-negative and the numerator is at most the denominator."""
    if numerator < 0 or denominator < 0:
        raise SifError("negative_count", field=field, numerator=numerator, denominator=denominator)
    if numerator > denominator:
        raise SifError(
            "numerator_exceeds_denominator",
            field=field,
            numerator=numerator,
            denominator=denominator,
        )


def aggregate_counts(counts: Iterable[Number | None]) -> Number | None:
    """The sum of the units' counts; units that did not report (None) are left out.

    None when no unit reported, so that "nothing reported" is never shown as 0.
    """
    reported = [c for c in counts if c is not None]
    if not reported:
        return None
    for c in reported:
        if c < 0:
            raise SifError("negative_count", field="", numerator=c, denominator="")
    total = sum((Decimal(c) for c in reported), start=Decimal(0))
    return int(total) if all(isinstance(c, int) for c in reported) else total


@dataclass(frozen=True)
class PooledShare:
    """Numerator and denominator summed over units; `rate` = numerator / denominator (None if 0/0)."""

    numerator: Number
    denominator: Number
    units: int

    @property
    def rate(self) -> Decimal | None:
        if self.denominator == 0:
            return None
        return Decimal(self.numerator) / Decimal(self.denominator)


def aggregate_shares(parts: Iterable[tuple[Number, Number]]) -> PooledShare | None:
    """Pool shares across units: Σ numerator / Σ denominator. Each part is checked first."""
    numerators: list[Number] = []
    denominators: list[Number] = []
    for numerator, denominator in parts:
        check_share(numerator, denominator)
        numerators.append(numerator)
        denominators.append(denominator)
    if not numerators:
        return None
    return PooledShare(
        numerator=sum(numerators, start=0),
        denominator=sum(denominators, start=0),
        units=len(numerators),
    )


def weighted_mean(values: Iterable[tuple[Number, Number]]) -> Decimal | None:
    """Σ(value × weight) / Σ(weight) for (value, weight) pairs; weights are the numbers measured.

    None when there are no pairs or every weight is 0; a negative weight is refused.
    """
    total = Decimal(0)
    weights = Decimal(0)
    for value, weight in values:
        if weight < 0:
            raise SifError("negative_weight", weight=weight)
        total += Decimal(value) * Decimal(weight)
        weights += Decimal(weight)
    if weights == 0:
        return None
    return total / weights


# --- small-count suppression -------------------------------------------------------------------

BELOW_THRESHOLD = "below_threshold"
COMPLEMENTARY = "complementary"


@dataclass(frozen=True)
class Suppression(Generic[K]):
    """Which cells may be shown and which are hidden, with the reason code for each hidden cell.

    Reasons: `below_threshold` (n < threshold) and `complementary` (hidden so that a hidden cell
    cannot be worked out from the published total).
    """

    visible: dict[K, Number]
    hidden: dict[K, str]
    threshold: int

    def value(self, key: K) -> Number | None:
        return self.visible.get(key)


def suppress(
    cells: Mapping[K, Number],
    threshold: int = DEFAULT_SUPPRESSION_THRESHOLD,
    *,
    total_published: bool = False,
) -> Suppression[K]:
    """Hide every cell whose count n satisfies n < threshold (0 included: "none" is also a small count).

    When the table also publishes its total, a single hidden cell could be recovered as
    total − Σ visible; then the smallest visible cell is hidden as well (`complementary`).
    Ties are broken by the key's text so that the result does not depend on the order of `cells`.
    """
    if threshold < 1:
        raise SifError("invalid_threshold", threshold=threshold)
    hidden: dict[K, str] = {}
    visible: dict[K, Number] = {}
    for key, n in cells.items():
        if n < 0:
            raise SifError("negative_count", field=str(key), numerator=n, denominator="")
        if n < threshold:
            hidden[key] = BELOW_THRESHOLD
        else:
            visible[key] = n
    if total_published and len(hidden) == 1 and visible:
        smallest = min(visible, key=lambda k: (visible[k], str(k)))
        del visible[smallest]
        hidden[smallest] = COMPLEMENTARY
    return Suppression(visible=visible, hidden=hidden, threshold=threshold)


# --- gender analysis ---------------------------------------------------------------------------


@dataclass(frozen=True)
class GenderAnalysis:
    """The jämställdhetsanalys of a set of conversations (or visits).

    - share_with_mother / share_with_father: conversations where a mother / father took part,
      of all conversations (they overlap when both came, so they need not add up to 1);
    - single_share_mother / single_share_father: of the conversations with one attendee only,
      the share where that attendee was a mother / father (these add up to 1).
    """

    total: int
    with_mother: int
    with_father: int
    single_mother: int
    single_father: int

    @property
    def share_with_mother(self) -> Decimal | None:
        return _ratio(self.with_mother, self.total)

    @property
    def share_with_father(self) -> Decimal | None:
        return _ratio(self.with_father, self.total)

    @property
    def single_total(self) -> int:
        return self.single_mother + self.single_father

    @property
    def single_share_mother(self) -> Decimal | None:
        return _ratio(self.single_mother, self.single_total)

    @property
    def single_share_father(self) -> Decimal | None:
        return _ratio(self.single_father, self.single_total)


def _ratio(numerator: int, denominator: int) -> Decimal | None:
    return None if denominator == 0 else Decimal(numerator) / Decimal(denominator)


def gender_analysis(
    rows: Iterable[tuple[int, int, int, int, int]],
) -> GenderAnalysis:
    """Sum (total, with_mother, with_father, single_mother, single_father) over units and check them.

    Each part is at most the total, and mother-only plus father-only attendees at most the total.
    """
    sums = [0, 0, 0, 0, 0]
    for row in rows:
        total, with_mother, with_father, single_mother, single_father = row
        parts = {
            "with_mother": with_mother,
            "with_father": with_father,
            "single_mother": single_mother,
            "single_father": single_father,
        }
        check_activity(total, parts)
        for i, value in enumerate(row):
            sums[i] += value
    return GenderAnalysis(*sums)


def gender_split(counts: Mapping[str, int]) -> dict[str, Decimal | None]:
    """Each gender's share of the sum of a generic split (e.g. {"women": 30, "men": 12})."""
    for key, n in counts.items():
        if n < 0:
            raise SifError("negative_count", field=key, numerator=n, denominator="")
    total = sum(counts.values())
    return {key: _ratio(n, total) for key, n in counts.items()}


# --- spread between units (spindelmätning) -----------------------------------------------------


@dataclass(frozen=True)
class Spread:
    """Mean, sample standard deviation (n − 1; None for one unit) and range across units."""

    mean: float
    sd: float | None
    low: float
    high: float
    units: int

    @property
    def range(self) -> float:
        return self.high - self.low


@dataclass(frozen=True)
class OccasionSpread:
    occasion: int
    dimensions: list[Spread | None] = field(default_factory=list)
    overall: Spread | None = None
    mean_dimension_sd: float | None = None


def _spread(values: Sequence[float]) -> Spread | None:
    if not values:
        return None
    ordered = sorted(values)  # order-independent floating-point sums
    mean = statistics.fmean(ordered)
    sd = statistics.stdev(ordered) if len(ordered) > 1 else None
    return Spread(mean=mean, sd=sd, low=ordered[0], high=ordered[-1], units=len(ordered))


def spread_between_units(
    ratings: Mapping[str, Mapping[int, Sequence[float | None]]],
    dimensions: int,
) -> list[OccasionSpread]:
    """Per occasion, how far apart the units' ratings are.

    `ratings[unit][occasion]` is that unit's K ratings (None where a dimension was not rated).
    Per dimension: mean, SD and range across the units that rated it. Overall: the same statistics
    over each unit's mean across its rated dimensions, plus the mean of the dimensions' SDs. A
    shrinking SD over the occasions is what seed 001 calls "became more alike".
    """
    if dimensions < 1:
        raise SifError("invalid_dimensions", dimensions=dimensions)
    occasions = sorted({o for per_unit in ratings.values() for o in per_unit})
    result: list[OccasionSpread] = []
    for occasion in occasions:
        per_dimension: list[list[float]] = [[] for _ in range(dimensions)]
        unit_means: list[float] = []
        for unit, per_unit in ratings.items():
            row = per_unit.get(occasion)
            if row is None:
                continue
            if len(row) != dimensions:
                raise SifError(
                    "wrong_dimension_count",
                    unit=unit,
                    occasion=occasion,
                    expected=dimensions,
                    got=len(row),
                )
            rated = [float(v) for v in row if v is not None]
            for k, v in enumerate(row):
                if v is not None:
                    per_dimension[k].append(float(v))
            if rated:
                unit_means.append(statistics.fmean(sorted(rated)))
        spreads = [_spread(values) for values in per_dimension]
        sds = sorted(s.sd for s in spreads if s is not None and s.sd is not None)
        result.append(
            OccasionSpread(
                occasion=occasion,
                dimensions=spreads,
                overall=_spread(unit_means),
                mean_dimension_sd=statistics.fmean(sds) if sds else None,
            )
        )
    return result
