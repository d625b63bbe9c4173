"""The suppression rule (sif.calc.suppression) applied to what the follow-up selectors read, for
every output that leaves the fund's own team: pages for readers, published documents, exports.

Hidden figures keep their place with `hidden` set to the reason, so each output can say
"dold (färre än 5)" instead of leaving a gap that looks like a missing report.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sif.calc.suppression import BELOW_THRESHOLD, DERIVED, hidden_reason, split_hidden, suppress

if TYPE_CHECKING:
    from sif.web.followup.selectors import ActivityRow, Aggregate, GenderBlock, UnitCell


def aggregate_counts(figure: Aggregate) -> tuple[int | None, ...]:
    """The counts a figure is built from: a share's numerator and denominator, a count's value,
    a score's number of respondents."""
    if figure.kind == "share":
        return (figure.numerator, figure.denominator)
    if figure.kind == "count":
        return (int(figure.value) if figure.value is not None else None,)
    return (figure.denominator,)


def hide_aggregate(figure: Aggregate | None, threshold: int, *, from_hidden: bool = False) -> None:
    """Hide a period total when one of its counts is small or a unit cell under it is hidden."""
    if figure is None:
        return
    reason = hidden_reason(aggregate_counts(figure), threshold, from_hidden=from_hidden)
    if reason:
        figure.hidden = reason
        figure.value = figure.numerator = figure.denominator = None


def hide_unit_cells(cells: list[UnitCell], threshold: int) -> bool:
    """Per-unit cells under the threshold, and one more when the total would reveal it; True when
    any cell was hidden (so the total built on them is hidden too)."""
    counted: dict[int, int] = {}
    for c in cells:
        if c.figure is None:
            continue
        counts = [n for n in aggregate_counts(c.figure) if n is not None]
        if counts:
            counted[c.unit.pk] = min(counts)
    result = suppress(counted, threshold, total_published=True)
    for c in cells:
        if c.unit.pk in result.hidden:
            c.hidden_reason = result.hidden[c.unit.pk]
            c.figure = None
    return bool(result.hidden)


def hide_activity(row: ActivityRow, threshold: int) -> None:
    """An activity total and its women/men split ("1 av 1" included) by the same rule."""
    parts = {"women": row.women, "men": row.men}
    split = split_hidden(row.total, {k: v for k, v in parts.items() if v is not None}, threshold)
    row.hidden = {k: v for k, v in split.hidden.items()}
    row.total = split.total
    row.women = split.parts.get("women") if row.women is not None else None
    row.men = split.parts.get("men") if row.men is not None else None


def hide_gender(block: GenderBlock, threshold: int) -> None:
    """A gender analysis from counts: hidden whole when any of its counts is small, since each
    share is derived from two of them."""
    a = block.counted
    if a is None:
        return
    counts: list[Any] = [a.total, a.with_mother, a.with_father, a.single_mother, a.single_father]
    if hidden_reason(counts, threshold):
        block.counted = None
        block.hidden = BELOW_THRESHOLD


__all__ = ["DERIVED", "hide_activity", "hide_aggregate", "hide_gender", "hide_unit_cells"]
