"""Value types, the Green Book's declining discount-rate schedule and optimism bias: the
documented, sourced parameters of the model (docs/calculations.md, "Värdetyper och justeringar").

Value types follow the GMCA (New Economy) CBA model, HM Treasury supplementary Green Book guidance
(2014): fiscal cashable (a budget can actually be cut), fiscal non-cashable (capacity freed, no
budget released), economic (earnings, production) and social (health, well-being). A transfer
(e.g. försörjningsstöd no longer paid) is a gain for the payer and an equal loss for the
recipient: both are booked, so the social total nets it out while the payer's business case keeps it.
"""

from __future__ import annotations

from sif.calc.actors import is_public, top_level

FISCAL_CASHABLE = "fiscal_cashable"
FISCAL_NON_CASHABLE = "fiscal_non_cashable"
ECONOMIC = "economic"
SOCIAL = "social"
TRANSFER = "transfer"  # the recipient's side of a transfer (negative); never typed in a case file
VALUE_TYPES = (FISCAL_CASHABLE, FISCAL_NON_CASHABLE, ECONOMIC, SOCIAL)
FISCAL = (FISCAL_CASHABLE, FISCAL_NON_CASHABLE)

FIXED = "fixed"
GREEN_BOOK = "green_book"
SCHEDULES = (FIXED, GREEN_BOOK)
# HM Treasury, The Green Book (2003, 2018, 2022), Annex 6 / A6 "Discounting": the social time
# preference rate 3.5 % for years 0–30, 3.0 % for 31–75, 2.5 % for 76–125 (reference/methods.md).
# (first year t of the band, real rate); D_t = D_lo × (1 + r)^−(t − lo) within a band.
GREEN_BOOK_BANDS: tuple[tuple[int, float], ...] = ((0, 0.035), (30, 0.030), (75, 0.025))
GREEN_BOOK_SOURCE = "HM Treasury, The Green Book, bilagan om diskontering: 3,5 % år 0–30, 3,0 % år 31–75, 2,5 % år 76–125"

# HM Treasury, Supplementary Green Book Guidance: Optimism Bias, from Mott MacDonald (2002), Review
# of Large Public Procurement in the UK, Table 2 (sif/calc/optimism_bias.py has the whole table):
# upper bound for standard buildings, capital expenditure 24 %; for outsourcing, operating
# expenditure 41 %. (A secondary source, the PPP Online model guidance 2.4.2, calls both "standard
# building" figures; Table 2 gives the 41 % to outsourcing OPEX.) SIF's default is 0 (no
# adjustment), so an old calculation keeps its figures; these are the values to start from.
OPTIMISM_BIAS_CAPEX_UPPER = 0.24
OPTIMISM_BIAS_OPEX_UPPER = 0.41
OPTIMISM_BIAS_SOURCE = (
    "HM Treasury, Supplementary Green Book Guidance: Optimism Bias (Mott MacDonald 2002, tabell 2), "
    "övre gränser: standardbyggnader, investering 24 %; outsourcing, drift 41 %"
)
MAX_OPTIMISM_BIAS_COSTS = 2.0  # the guidance's largest upper bound (equipment/development, 200 %)


def default_value_type(actor: str) -> str:
    """Public actors' gains are fiscal (non-cashable unless the case file says a budget is cut);
    the individual's and society's are economic."""
    return FISCAL_NON_CASHABLE if is_public(actor) else ECONOMIC


def allowed_value_type(actor: str, value_type: str) -> bool:
    """Fiscal value lands in a public budget: kommun, region or stat, not individ or samhalle."""
    return value_type in VALUE_TYPES and (value_type not in FISCAL or is_public(actor))


def transfer_allowed(actor: str, counterpart: str) -> bool:
    """A transfer moves money from a public payer to another actor (usually individ)."""
    return is_public(actor) and top_level(counterpart) != top_level(actor)
