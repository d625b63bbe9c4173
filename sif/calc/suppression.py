"""Small-count suppression as one rule, for every output that leaves the fund's own team.

A figure is hidden when
- a count it shows or is computed from is under the fund's threshold (n < threshold, 0 included:
  "none" is also a small count), or
- it is a total or a derived figure (a share, a difference, a gender split) computed from a hidden
  cell: a period total built on a suppressed unit, "33,3 % (1/3)", "1 av 1", or
- it would let a hidden cell be worked out (total − the visible parts): `complementary`.

Who may see small counts is decided here too (`may_see_small_counts`), by role code, until the
policy module (sif/policy) takes the question over: the lead can point this one function at it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sif.calc.followup import BELOW_THRESHOLD, COMPLEMENTARY, Suppression, suppress

DERIVED = "derived"
TEAM_ROLES = frozenset({"fund_admin", "applicant", "reporter", "reviewer"})

__all__ = [
    "BELOW_THRESHOLD",
    "COMPLEMENTARY",
    "DERIVED",
    "Suppression",
    "hidden_reason",
    "may_see_small_counts",
    "split_hidden",
    "suppress",
]


def may_see_small_counts(roles: Iterable[str]) -> bool:
    """Those who work with the figures (fund administrator, applicant/project leader, reporter,
    reviewer) see them all; readers, the public, exports and the API get suppressed figures."""
    return bool(TEAM_ROLES & set(roles))


def hidden_reason(
    counts: Iterable[int | None], threshold: int, *, from_hidden: bool = False
) -> str:
    """Why a figure built from `counts` must be hidden ("" when it may be shown): any count under
    the threshold (`below_threshold`), or built from a hidden cell (`derived`)."""
    if any(n is not None and n < threshold for n in counts):
        return BELOW_THRESHOLD
    return DERIVED if from_hidden else ""


@dataclass(frozen=True)
class Split:
    """A total and its parts (women and men; with mother, with father) after suppression."""

    total: int | None
    parts: dict[str, int | None]
    hidden: dict[str, str]


def split_hidden(total: int | None, parts: Mapping[str, int | None], threshold: int) -> Split:
    """A total with parts that add up to at most the total: each count under the threshold is
    hidden; a hidden total hides its parts; with exactly one part hidden and the total shown, a
    second part is hidden too, else the hidden one is total − the others."""
    hidden: dict[str, str] = {}
    if total is not None and total < threshold:
        return Split(
            None, dict.fromkeys(parts), {"total": BELOW_THRESHOLD, **dict.fromkeys(parts, DERIVED)}
        )
    shown = dict(parts)
    for key, n in parts.items():
        if n is not None and n < threshold:
            hidden[key] = BELOW_THRESHOLD
            shown[key] = None
    visible = [k for k, n in shown.items() if n is not None]
    if len(hidden) == 1 and visible and total is not None:
        smallest = min(visible, key=lambda k: (shown[k] or 0, k))
        hidden[smallest] = COMPLEMENTARY
        shown[smallest] = None
    return Split(total, shown, hidden)
