"""The calculation page shows each actor's own business case, the gains per value type, the
adjustments applied, the municipality's Monte Carlo figures and the payback year's distribution
(issue 14, point 7), as the fund administrator reads them."""

from __future__ import annotations

import re
from typing import Any

from django.test import Client

from sif.web.projects.models import Project
from tests.web.calculations.conftest import case, store
from tests.web.calculations.test_pages import page as html_of
from tests.web.calculations.test_pages import row as keyed


def actor_row(html: str, actor: str) -> list[str]:
    match = re.search(rf'<tr data-actor="{re.escape(actor)}"[^>]*>(.*?)</tr>', html, re.S)
    assert match, actor
    return [
        re.sub(r"<[^>]+>|&ensp;", "", cell).strip()
        for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", match.group(1), re.S)
    ]


def test_ppss_shows_the_municipality_paying_and_society_gaining(
    client: Client, world: Any, pilot: Project
) -> None:
    store(pilot, case("ppss"))
    html = html_of(client, world.admin, pilot)
    assert "Vem betalar och vem vinner" in html
    assert actor_row(html, "kommun") == [
        "Kommunen",
        "57\xa0000\xa0000\xa0kr",
        "0\xa0kr",
        "−57\xa0000\xa0000\xa0kr",
        "0,00",
        "ingen inom kalkylperioden",
    ]
    assert actor_row(html, "samhalle")[:4] == [
        "Samhället (ej uppdelat på aktörer)",
        "0\xa0kr",
        "66\xa0666\xa0667\xa0kr",
        "66\xa0666\xa0667\xa0kr",
    ]
    assert keyed(html, "type.economic") == "66\xa0666\xa0667\xa0kr"
    assert keyed(html, "npv_municipal") == "−57\xa0000\xa0000\xa0kr"


def test_hela_familjen_shows_the_transfer_separately_and_the_municipal_break_even(
    client: Client, world: Any, pilot: Project
) -> None:
    store(pilot, case("hela_familjen"))
    html = html_of(client, world.admin, pilot)
    saved = keyed(html, "transfers")
    assert keyed(html, "type.fiscal_cashable") == saved
    assert keyed(html, "type.transfer") == "−" + saved
    assert keyed(html, "break_even_successes_municipal") == "9,1 familjer"
    assert actor_row(html, "individ")[2] == "−" + saved
    # the table adds up: society's row is the sum over all actors, the transfer cancelling out
    assert actor_row(html, "total")[:4] == [
        "Totalt, alla aktörer (samhällets kalkyl)",
        "2\xa0000\xa0000\xa0kr",
        "0\xa0kr",
        "−2\xa0000\xa0000\xa0kr",
    ]
    assert keyed(html, "type.total") == "0\xa0kr"
    assert keyed(html, "fiscal_return") == "1,53"  # GMCA's financial return: budget value per krona


def test_a_public_sector_row_a_discrete_input_and_an_items_own_optimism_bias_are_shown(
    client: Client, world: Any, pilot: Project
) -> None:
    """The region gains too, so the page adds SØM's public-sector row; the Green Book's discrete
    scenarios and a cost item's own optimism bias appear in words, not as internal keys."""
    data = case("hela_familjen")
    data["cost_items"] = [
        {"payer": "kommun", "label": "Lokaler", "amounts": [100_000], "optimism_bias": 0.24}
    ]
    data["outcomes"][0]["values"].append(
        {
            "actor": "region",
            "amount": {"dist": "discrete", "values": [0, 10_000], "probabilities": [0.5, 0.5]},
            "price_year": 2014,
            "source": "test",
        }
    )
    store(pilot, data)
    html = html_of(client, world.admin, pilot)
    assert actor_row(html, "offentlig")[0] == "Offentlig sektor totalt (kommun, region och stat)"
    assert "Optimismjustering av kostnadsposten Lokaler" in html
    assert "10\xa0000 (sannolikhet 0,5) (diskret fördelning)" in html


def test_the_monte_carlo_section_gives_the_municipalitys_chance_and_the_payback_years(
    client: Client, world: Any, pilot: Project
) -> None:
    store(pilot, case("hasselby_pilot"))
    html = html_of(client, world.admin, pilot, "?draws=4000&seed=1")
    assert keyed(html, "p_municipal_npv_positive") == keyed(html, "p_npv_positive")
    assert keyed(html, "payback_year_p50") == "2026"
    shares = [
        float(keyed(html, f"payback.{y}").replace(",", ".").rstrip(" \xa0%"))
        for y in range(2023, 2030)
    ]
    never = float(keyed(html, "payback.never").replace(",", ".").rstrip(" \xa0%"))
    assert abs(sum(shares) + never - 100) < 0.5
    assert "Känslighet för kommunens egen kalkyl" in html
