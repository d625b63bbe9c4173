"""The unit-cost catalogue: what an avoided placement, day or case costs, with source and year.

Shipped as data in data/unit_costs.toml. Every entry has a price year (KPI converts it to the
fund's base year) and a source: an entry without either is refused (`unit_cost_missing_price_year`,
`unit_cost_missing_source`). `low` = `high` for a single figure; a range feeds Monte Carlo.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources

from sif.calc.actors import check_actor
from sif.calc.errors import SifError

UNITS = (
    "per_day",
    "per_school_day",
    "per_month",
    "per_year",
    "per_case",
    "per_hour",
    "per_person",
)
SOCIETY = "samhalle"  # a society-wide cost that the source does not split by actor


@dataclass(frozen=True)
class UnitCost:
    key: str
    name_sv: str
    unit: str
    low: Decimal
    high: Decimal
    price_year: int
    actor: str
    scope: str
    source: str
    source_url: str = ""
    note: str = ""
    # the name of the municipality whose own (unpublished) documents give the figure; "" = public
    municipality: str = ""

    @property
    def is_range(self) -> bool:
        return self.low != self.high

    @property
    def midpoint(self) -> Decimal:
        """(low + high) / 2, the point the deterministic model uses for a uniform range."""
        return (self.low + self.high) / 2


def unit_cost_from_dict(entry: Mapping[str, object], field: str) -> UnitCost:
    """Check one catalogue entry (or an inline unit cost) and build it."""
    key = str(entry.get("key", field))
    if entry.get("price_year") in (None, ""):
        raise SifError("unit_cost_missing_price_year", field=field, key=key)
    if not str(entry.get("source") or "").strip():
        raise SifError("unit_cost_missing_source", field=field, key=key)
    unit = str(entry.get("unit", ""))
    if unit not in UNITS:
        raise SifError("unknown_unit", field=f"{field}.unit", value=unit)
    low = Decimal(str(entry["low"]))
    high = Decimal(str(entry.get("high", entry["low"])))
    if low > high:
        raise SifError("range_low_above_high", field=field, low=low, high=high)
    if low < 0:
        raise SifError("negative_amount", field=f"{field}.low", value=low)
    actor = str(entry.get("actor", ""))
    if actor != SOCIETY:
        check_actor(actor, f"{field}.actor")
    return UnitCost(
        key=key,
        name_sv=str(entry.get("name_sv", key)),
        unit=unit,
        low=low,
        high=high,
        price_year=int(str(entry["price_year"])),
        actor=actor,
        scope=str(entry.get("scope", "")),
        source=str(entry["source"]),
        source_url=str(entry.get("source_url", "")),
        note=str(entry.get("note", "")),
        municipality=str(entry.get("municipality", "")),
    )


def load_catalogue(municipality: str | None = None) -> list[UnitCost]:
    """Every shipped unit cost, checked, in file order; with `municipality` (its name) only the public
    figures and that municipality's own: an application's figures are not another's to see."""
    return [
        uc for uc in _catalogue() if municipality is None or uc.municipality in ("", municipality)
    ]


@cache
def _catalogue() -> tuple[UnitCost, ...]:
    path = resources.files("sif.calc").joinpath("data/unit_costs.toml")
    entries = tomllib.loads(path.read_text(encoding="utf-8"))["unit_cost"]
    return tuple(unit_cost_from_dict(e, f"unit_cost[{i}]") for i, e in enumerate(entries))


def unit_cost(key: str, field: str = "unit_cost") -> UnitCost:
    """The catalogue entry `key`; `unknown_unit_cost` naming `field` if there is none."""
    for entry in _catalogue():
        if entry.key == key:
            return entry
    raise SifError("unknown_unit_cost", field=field, value=key)


def uplifted(entry: UnitCost, year: int) -> tuple[Decimal, Decimal]:
    """(low, high) in `year` prices: amount × KPI(year) / KPI(price year); `kpi_year_missing` if
    either year has no KPI annual average."""
    from sif.calc.price_index import to_price_level

    return (
        to_price_level(entry.low, entry.price_year, year),
        to_price_level(entry.high, entry.price_year, year),
    )
