"""Price index: SCB's KPI annual averages (1980 = 100), shipped in data/kpi.csv with their source.

An amount in one year's prices is moved to another year's prices by the ratio of the indices:
`amount × KPI(to_year) / KPI(from_year)` (Decimal, not rounded: round at the edge that shows it).
A year without an official annual average (2024 onwards when this was written) is an error,
`kpi_year_missing`, that names the year.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from functools import cache
from importlib import resources

from sif.calc.errors import SifError

KPI_SOURCE = (
    "SCB, Konsumentprisindex (KPI), fastställda tal, årsmedeltal (1980 = 100), "
    "https://www.scb.se/hitta-statistik/statistik-efter-amne/priser-och-konsumtion/"
    "konsumentprisindex/konsumentprisindex-kpi/pong/tabell-och-diagram/konsumentprisindex-kpi/"
    "kpi-faststallda-tal-1980100/"
)


@cache
def kpi_table() -> dict[int, Decimal]:
    """Year -> KPI annual average, from the shipped CSV."""
    text = resources.files("sif.calc").joinpath("data/kpi.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(text.splitlines())
    return {int(row["year"]): Decimal(row["kpi_annual_average_1980_100"]) for row in rows}


def kpi(year: int) -> Decimal:
    """KPI annual average for `year` (1980 = 100); `kpi_year_missing` if there is none."""
    try:
        return kpi_table()[year]
    except KeyError:
        raise SifError("kpi_year_missing", year=year) from None


def price_factor(from_year: int, to_year: int) -> Decimal:
    """KPI(to_year) / KPI(from_year): multiply an amount in `from_year` prices by this."""
    if from_year == to_year:
        return Decimal(1)
    return kpi(to_year) / kpi(from_year)


def to_price_level(amount: Decimal, from_year: int, to_year: int) -> Decimal:
    """`amount` in `from_year` prices expressed in `to_year` prices: amount × KPI(to) / KPI(from)."""
    return amount * price_factor(from_year, to_year)
