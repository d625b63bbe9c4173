"""The calculation page shows the figures sif.calc computes from the stored inputs, explains each
one, and never lets a user save what they may not."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from sif.calc.casefile import load_case
from sif.calc.model import evaluate
from sif.calc.render import kr, number, percent
from sif.web.calculations.models import Calculation
from sif.web.projects.models import Project
from tests.web.calculations.conftest import EXAMPLES, case, store


def page(client: Client, user: Any, project: Project, query: str = "") -> str:
    client.force_login(user)
    response = client.get(reverse("calculations:detail", args=[project.pk]) + query)
    assert response.status_code == 200
    return response.content.decode()


def row(html: str, key: str) -> str:
    match = re.search(
        rf'<tr data-key="{re.escape(key)}"><th scope="row">[^<]*</th><td class="num">([^<]*)</td>',
        html,
    )
    assert match, key
    return match.group(1)


def test_the_pilots_page_shows_the_figures_the_model_computes(
    client: Client, world: Any, pilot: Project
) -> None:
    store(pilot, case("hasselby_pilot"))
    result = evaluate(load_case(EXAMPLES / "hasselby_pilot.toml").scenario)
    html = page(client, world.reader, pilot)
    assert row(html, "pv_costs") == kr(result.pv_costs) == "21\xa0998\xa0653\xa0kr"
    assert row(html, "pv_gains") == kr(result.pv_gains) == "32\xa0623\xa0132\xa0kr"
    assert row(html, "pv_gains.kommun.socialtjanst") == kr(
        result.pv_gains_by_actor["kommun.socialtjanst"]
    )
    assert row(html, "npv") == kr(result.npv) == "10\xa0624\xa0479\xa0kr"
    assert row(html, "benefit_cost_ratio") == number(result.benefit_cost_ratio or 0, 2) == "1,48"
    assert row(html, "payback_year") == "2026 (år 7)"
    assert row(html, "payback_year_undiscounted") == "2025 (år 6)"
    # an outcome counted as a share of the placement costs: a percent, not "0,0337" (a count)
    assert row(html, "break_even_successes") == "3,37\xa0% (andel av placeringskostnaderna)"


def test_the_ppss_page_shows_the_break_even_of_88_9_pupils(
    client: Client, world: Any, pilot: Project
) -> None:
    store(pilot, case("ppss"))
    result = evaluate(load_case(EXAMPLES / "ppss.toml").scenario)
    html = page(client, world.admin, pilot)
    assert row(html, "break_even_successes") == "88,9 elever"
    assert row(html, "break_even_share") == percent(result.break_even_share or 0, 2) == "8,55\xa0%"
    assert row(html, "payback_year") == "2016 (år 1)"


def test_a_payback_outside_the_horizon_reads_none_within_the_period(
    client: Client, world: Any, pilot: Project
) -> None:
    data = case("hasselby_pilot")
    data["horizon"] = 3
    store(pilot, data)
    assert row(page(client, world.admin, pilot), "payback_year") == "ingen inom kalkylperioden"


def test_every_explanation_line_is_listed_with_formula_inputs_value_and_source(
    client: Client, world: Any, pilot: Project
) -> None:
    store(pilot, case("hasselby_pilot"))
    result = evaluate(load_case(EXAMPLES / "hasselby_pilot.toml").scenario)
    html = page(client, world.admin, pilot)
    section = html[html.index("Så har det räknats") : html.index('id="h-years"')]
    assert section.count('<th scope="row">') == len(result.explanation)
    for line in result.explanation:
        assert line.label in section
    assert (
        "PV(K) = Σ_betalare Σ_t K_t × KPI(basår) / KPI(prisår) × (1 + optimismjustering) / (1 + r)^t"
        in section
    )
    assert 'href="/kalkyl/enhetskostnader/#uc-placements_hasselby_vallingby"' in section


def test_the_assumptions_of_the_case_are_marked_as_assumptions(
    client: Client, world: Any, pilot: Project
) -> None:
    store(pilot, case("hela_familjen"))
    html = page(client, world.admin, pilot)
    for assumption in case("hela_familjen")["assumptions"]:
        assert f'<span class="example-data">Antagande</span> {assumption}' in html


def test_the_yearly_table_shows_costs_gains_and_the_cumulative_discounted_net(
    client: Client, world: Any, pilot: Project
) -> None:
    store(pilot, case("hasselby_pilot"))
    html = page(client, world.admin, pilot)
    table = html[
        html.index('<table class="years">') : html.index(
            "</table>", html.index('<table class="years">')
        )
    ]
    assert table.count('<tr><th scope="row">20') == 10
    assert (
        '<th scope="row">2020</th><td class="num">9\xa0577\xa0000\xa0kr</td><td class="num">3\xa0790\xa0000\xa0kr</td>'
        in table
    )
    # cumulative discounted net turns positive in the payback year 2026, not before
    assert 'negative">' in table.split("2025</th>")[1].split("</tr>")[0]
    assert 'negative">' not in table.split("2026</th>")[1].split("</tr>")[0]


def test_monte_carlo_runs_on_request_seeded_and_reproducible(
    client: Client, world: Any, pilot: Project
) -> None:
    data = case("hasselby_pilot")
    data["outcomes"][0]["successes"] = {"low": 0.02, "high": 0.08}
    store(pilot, data)
    assert "p_npv_positive" not in page(client, world.admin, pilot)
    first = page(client, world.admin, pilot, "?draws=10000&seed=7")
    again = page(client, world.admin, pilot, "?draws=10000&seed=7")
    other = page(client, world.admin, pilot, "?draws=10000&seed=8")
    assert row(first, "seed") == "7" and row(first, "draws") == "10\xa0000"
    assert row(first, "p_npv_positive") == row(again, "p_npv_positive")
    assert row(first, "npv_p5") == row(again, "npv_p5") != row(other, "npv_p5")
    assert 'aria-label="Nettonuvärde i 10\xa0000 dragningar (frö 7)"' in first
    # the tornado bar of the uncertain input: NPV at 2 % and at 8 % of the placement costs
    assert "Lyckade utfall – Minskade placeringskostnader för barn och unga" in first
    assert first.count("<svg") == 3  # tornado, histogram, and "Kalkylen i korthet" (who gains)


def test_too_many_draws_get_a_swedish_message_and_no_run(
    client: Client, world: Any, pilot: Project
) -> None:
    store(pilot, case("hasselby_pilot"))
    html = page(client, world.admin, pilot, "?draws=5000000&seed=1")
    assert "Högst 200\xa0000 dragningar kan köras på sidan" in html
    assert "p_npv_positive" not in html


def test_earlier_versions_are_listed_and_each_can_be_viewed(
    client: Client, world: Any, pilot: Project
) -> None:
    first = store(pilot, case("hasselby_pilot"))
    short = case("hasselby_pilot")
    short["horizon"] = 5
    store(pilot, short)
    html = page(client, world.admin, pilot)
    assert "2020–2024" in html and "tidigare version" not in html
    assert reverse("calculations:version", args=[pilot.pk, first.version]) in html
    client.force_login(world.admin)
    old = client.get(
        reverse("calculations:version", args=[pilot.pk, first.version])
    ).content.decode()
    assert "2020–2029" in old and "tidigare version" in old
    assert client.get(reverse("calculations:version", args=[pilot.pk, 99])).status_code == 404


def test_a_project_without_a_calculation_says_so(
    client: Client, world: Any, pilot: Project
) -> None:
    assert "Projektet har ingen socioekonomisk kalkyl ännu." in page(
        client, world.applicant_a, pilot
    )


@pytest.mark.parametrize(
    "name", ["calculations:detail", "calculations:edit", "calculations:advanced"]
)
def test_another_municipalitys_user_gets_404(
    client: Client, world: Any, pilot: Project, name: str
) -> None:
    store(pilot, case("hasselby_pilot"))
    client.force_login(world.outsider)
    assert client.get(reverse(name, args=[pilot.pk])).status_code == 404


def test_a_reader_sees_the_calculation_but_cannot_save(
    client: Client, world: Any, pilot: Project
) -> None:
    store(pilot, case("hasselby_pilot"))
    html = page(client, world.reader, pilot)
    assert reverse("calculations:edit", args=[pilot.pk]) not in html
    for name in ("calculations:edit", "calculations:advanced"):
        assert client.get(reverse(name, args=[pilot.pk])).status_code == 403
        response = client.post(
            reverse(name, args=[pilot.pk]), {"meta-purpose": "expected", "text": "{}"}
        )
        assert response.status_code == 403
    assert Calculation.objects.count() == 1


def test_the_project_page_links_to_the_calculation(
    client: Client, world: Any, pilot: Project
) -> None:
    client.force_login(world.reader)
    html = client.get(reverse("projects:detail", args=[pilot.pk])).content.decode()
    assert reverse("calculations:detail", args=[pilot.pk]) in html


def test_the_page_makes_a_bounded_number_of_queries(
    client: Client, world: Any, pilot: Project, django_assert_max_num_queries: Any
) -> None:
    for _ in range(5):
        store(pilot, case("hasselby_pilot"), user=world.admin)
    client.force_login(world.admin)
    url = reverse("calculations:detail", args=[pilot.pk])
    client.get(url)
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200


def test_the_unit_cost_catalogue_shows_source_and_price_year(client: Client, world: Any) -> None:
    client.force_login(world.reader)
    html = client.get(reverse("calculations:catalogue")).content.decode()
    assert 'id="uc-hvb_placement_child_stockholm"' in html
    assert "3\xa0000–4\xa0000 kr per dygn" in html
    assert (
        "Förslag projekt sociala investeringsfonden (Stockholm, 2016), avsnitt 3 PPSS (seed 000)"
        in html
    )


def test_the_kpi_source_is_linked_where_prices_are_converted(
    client: Client, world: Any, pilot: Project
) -> None:
    store(pilot, case("hela_familjen"))  # 2012 unit cost in 2014 prices
    html = page(client, world.admin, pilot)
    section = html[html.index("Så har det räknats") : html.index('id="h-years"')]
    assert '<a href="https://www.scb.se/hitta-statistik/' in section
