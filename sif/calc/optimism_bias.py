"""Optimism bias as the Green Book's supplementary guidance derives it: an upper bound per project
type, reduced by the share of its causes that the project has demonstrably managed.

Source: Mott MacDonald (2002), *Review of Large Public Procurement in the UK*, for HM Treasury: the
study behind the Supplementary Green Book Guidance on Optimism Bias (read at
https://ppponline.affinitext.com/public/book?id=1343, Table 2 at toc_id=444193, the worked
examples at toc_id=444265, 444266 and 444268). Formulas, as the worked examples apply them:

  managed contribution  M = Σᵢ cᵢ × fᵢ        cᵢ: the risk area's % contribution to the upper
                                              bound (Table 15/16), fᵢ: mitigation factor 0–1
  resultant bias        OB = (1 − M/100) × upper bound
  combined project      upper = Σⱼ sⱼ × upperⱼ  sⱼ: the part's share of capex (or of duration)
  adjusted estimate     estimate × (1 + OB)    (in a case file: `optimism_bias_costs` = OB)

The guidance gives no generic values for benefits (Green Book 2018, 5.45); SIF's
`optimism_bias_gains` is the organisation's own figure, default 0.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from sif.calc.errors import SifError

SOURCE = (
    "Mott MacDonald (2002), Review of Large Public Procurement in the UK, för HM Treasury "
    "(underlaget till Supplementary Green Book Guidance: Optimism Bias), tabell 2"
)
SOURCE_URL = "https://ppponline.affinitext.com/public/book?id=1343&toc_id=444193"
SHARE_TOLERANCE = 1e-9


@dataclass(frozen=True)
class Bounds:
    """Upper and lower optimism bias for one project type, as shares (0.51 = 51 %); None where
    the study has no figure (outsourcing has no works duration)."""

    project_type: str
    works_duration_upper: float | None
    works_duration_lower: float | None
    capex_upper: float
    capex_lower: float
    note: str = ""


# Table 2, "Optimism Bias Guidelines" (U, L for works duration, then for capital expenditure).
TABLE_2: tuple[Bounds, ...] = (
    Bounds("non_standard_buildings", 0.39, 0.02, 0.51, 0.04),
    Bounds("standard_buildings", 0.04, 0.01, 0.24, 0.02),
    Bounds("non_standard_civil_engineering", 0.25, 0.03, 0.66, 0.06),
    Bounds("standard_civil_engineering", 0.20, 0.01, 0.44, 0.03),
    Bounds("equipment_development", 0.54, 0.10, 2.00, 0.10),
    Bounds("outsourcing", None, None, 0.41, 0.0, "driftkostnader (OPEX), inte investering"),
)


def bounds_for(project_type: str) -> Bounds:
    for row in TABLE_2:
        if row.project_type == project_type:
            return row
    raise SifError("unknown_project_type", field="project_type", value=project_type)


def managed_contribution(contributions: Sequence[tuple[float, float]]) -> float:
    """M = Σ cᵢ × fᵢ, in percent of the upper bound: each (contribution in %, mitigation factor)."""
    total = 0.0
    for i, (contribution, factor) in enumerate(contributions):
        if not 0.0 <= contribution <= 100.0:
            raise SifError(
                "share_percent_out_of_range", field=f"contributions[{i}]", value=contribution
            )
        if not 0.0 <= factor <= 1.0:
            raise SifError("share_out_of_range", field=f"mitigation[{i}]", value=factor)
        total += contribution * factor
    if total > 100.0 + SHARE_TOLERANCE:
        raise SifError("share_percent_out_of_range", field="contributions", value=total)
    return total


def resultant_bias(upper: float, contributions: Sequence[tuple[float, float]]) -> float:
    """OB = (1 − M/100) × upper: what is left of the upper bound once the managed causes go."""
    return (1.0 - managed_contribution(contributions) / 100.0) * upper


def combined_upper_bound(parts: Sequence[tuple[float, float]]) -> float:
    """Σ share × upper bound over the parts of a combined project; the shares must sum to 1."""
    total = math.fsum(share for share, _ in parts)
    if abs(total - 1.0) > SHARE_TOLERANCE:
        raise SifError("shares_not_one", field="parts", total=total)
    return math.fsum(share * upper for share, upper in parts)
