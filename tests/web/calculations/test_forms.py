"""The edit form: costs default from the budget, outcomes from a formset, the "avancerat"
textarea takes the case-file format; bad input gets a Swedish message at the field and saves nothing."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from sif.web.audit.models import Event
from sif.web.calculations.forms import parse_input, show_input
from sif.web.calculations.models import Calculation
from sif.web.projects.models import Project
from tests.web.calculations.conftest import case, store


def form_data(**changes: str) -> dict[str, str]:
    """The pilot's case (seed 002) as the structured form posts it, one outcome."""
    data = {
        "meta-purpose": "expected",
        "meta-label": "Ansökan",
        "meta-note": "",
        "s-name": "Pilot",
        "s-source": "Ansökan (seed 002)",
        "s-start_year": "2020",
        "s-horizon": "10",
        "s-discount_rate": "3,5",
        "s-price_base_year": "2019",
        "s-cost_price_year": "2019",
        "s-price_adjustment": "on",
        "s-target_group": "",
        "s-costs": "2020: 9 577 000\n2021: 9 811 000\n2022: 3 152 000",
        "s-assumptions": "Allt i 2019 års priser.",
        "o-TOTAL_FORMS": "1",
        "o-INITIAL_FORMS": "0",
        "o-MIN_NUM_FORMS": "0",
        "o-MAX_NUM_FORMS": "1000",
        "o-0-label": "Minskade placeringskostnader",
        "o-0-unit": "(andel)",
        "o-0-successes": "0,05",
        "o-0-deadweight": "0",
        "o-0-attribution": "1",
        "o-0-drop_off": "0",
        "o-0-first_year": "2020",
        "o-0-actor_1": "kommun.socialtjanst",
        "o-0-unit_cost_1": "placements_hasselby_vallingby",
    }
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("9 577 000", 9577000),
        ("0,035", 0.035),
        ("3000–4000", {"low": 3000, "high": 4000}),
        ("8000 * 0,13", "8000*0.13"),
        ("16 - 2", "16-2"),
        ("", None),
    ],
)
def test_form_text_becomes_case_file_values(text: str, value: Any) -> None:
    assert parse_input(text) == value


def test_case_file_values_show_as_form_text() -> None:
    assert show_input(9_577_000) == "9 577 000"
    assert show_input({"low": 3000, "high": 4000}) == "3 000–4 000"
    assert show_input({"dist": "pert", "low": 1, "mode": 2, "high": 3}) is None


def test_a_new_calculation_starts_from_the_budget_and_the_funds_settings(
    client: Client, world: Any, pilot: Project
) -> None:
    client.force_login(world.applicant_a)
    html = client.get(reverse("calculations:edit", args=[pilot.pk])).content.decode()
    assert "2020: 9 577 000\n2021: 9 811 000\n2022: 3 152 000" in html
    assert 'name="s-discount_rate" value="3,5"' in html
    assert f'name="s-price_base_year" value="{pilot.fund.price_base_year}"' in html


def test_the_structured_form_saves_the_pilots_case_with_the_same_figures(
    client: Client, world: Any, pilot: Project
) -> None:
    client.force_login(world.applicant_a)
    response = client.post(reverse("calculations:edit", args=[pilot.pk]), form_data())
    assert response.status_code == 302
    saved = Calculation.objects.get(project=pilot)
    assert saved.scenario["costs"] == [9577000, 9811000, 3152000]
    assert saved.scenario["discount_rate"] == 0.035
    html = client.get(response.url).content.decode()
    assert "10\xa0624\xa0479\xa0kr" in html and "Kalkylen sparades som version 1." in html


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("o-0-deadweight", "1,5", "Andelen utfall 1: dödvikt måste ligga mellan 0 och 1"),
        ("o-0-successes", "-3", "Antalet utfall 1: lyckade utfall får inte vara negativt."),
        ("s-horizon", "0", "Kalkylperioden måste vara minst ett år, men är 0."),
        ("o-0-actor_1", "landsting", "Okänd aktör i utfall 1, värde 1: aktör"),
        ("o-0-amount_1", "4000–3000", "I utfall 1, värde 1: belopp är det lägsta värdet"),
        (
            "s-costs",
            "år 2020 9 577 000",
            "Raden ”år 2020 9 577 000” under kostnader ska skrivas som år: belopp",
        ),
    ],
)
def test_bad_input_is_shown_at_its_field_and_nothing_is_saved(
    client: Client, world: Any, pilot: Project, field: str, value: str, message: str
) -> None:
    client.force_login(world.admin)
    response = client.post(
        reverse("calculations:edit", args=[pilot.pk]), form_data(**{field: value})
    )
    assert response.status_code == 200
    name = field.rpartition("-")[2]
    if field.startswith("o-"):
        errors = response.context["formset"].forms[0].errors[name]
    else:
        errors = response.context["settings_form"].errors[name]
    assert any(e.startswith(message) for e in errors), errors
    assert not Calculation.objects.exists()
    assert not Event.objects.filter(action="calculation_save").exists()


def test_the_advanced_textarea_accepts_the_toml_case_file(
    client: Client, world: Any, pilot: Project
) -> None:
    client.force_login(world.admin)
    from tests.web.calculations.conftest import EXAMPLES

    text = (EXAMPLES / "ppss.toml").read_text(encoding="utf-8")
    response = client.post(
        reverse("calculations:advanced", args=[pilot.pk]),
        {"meta-purpose": "decision", "text": text},
    )
    assert response.status_code == 302
    saved = Calculation.objects.get(project=pilot)
    assert saved.purpose == "decision" and saved.scenario["target_group"] == "8000 * 0.13"


def test_the_advanced_textarea_is_prefilled_with_the_current_version_as_json(
    client: Client, world: Any, pilot: Project
) -> None:
    store(pilot, case("hela_familjen"))
    client.force_login(world.admin)
    form = client.get(reverse("calculations:advanced", args=[pilot.pk])).context["form"]
    assert json.loads(form.initial["text"])["effect"]["intervention_successes"] == 16


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name = 'x'\nhorizon = ", "Kalkylen i textfältet kunde inte läsas som TOML eller JSON"),
        (
            '{"start_year": 2020, "horizon": 5, "outcomes": [{"successes": 1.2, "deadweight": 2, "values": []}]}',
            "Andelen utfall 1: dödvikt måste ligga mellan 0 och 1",
        ),
        ('{"start_year": 2020}', "Uppgiften kalkylperiod saknas."),
    ],
)
def test_bad_advanced_text_gets_a_swedish_message_and_nothing_is_saved(
    client: Client, world: Any, pilot: Project, text: str, message: str
) -> None:
    client.force_login(world.admin)
    response = client.post(
        reverse("calculations:advanced", args=[pilot.pk]),
        {"meta-purpose": "expected", "text": text},
    )
    assert response.status_code == 200
    assert any(e.startswith(message) for e in response.context["form"].errors["text"])
    assert not Calculation.objects.exists()


def stored_before_issue_14(name: str) -> dict[str, Any]:
    """A case file as versions were stored before actors, value types and ranges: fixed figures."""
    data = case(name)
    data.pop("cost_payer", None)
    data["costs"] = [2_000_000]
    outcome = data["outcomes"][0]
    outcome["successes"] = "16 - 2"
    for value in outcome["values"]:
        for key in ("value_type", "transfer", "counterpart"):
            value.pop(key, None)
    return data


def test_a_calculation_with_value_types_is_edited_as_a_case_file_so_nothing_is_dropped(
    client: Client, world: Any, pilot: Project
) -> None:
    store(pilot, case("hela_familjen"))
    client.force_login(world.admin)
    response = client.get(reverse("calculations:edit", args=[pilot.pk]))
    assert response.status_code == 302 and response.url == reverse(
        "calculations:advanced", args=[pilot.pk]
    )


def test_a_new_version_starts_from_the_latest_and_keeps_its_effect_table(
    client: Client, world: Any, pilot: Project
) -> None:
    store(pilot, stored_before_issue_14("hela_familjen"))
    client.force_login(world.admin)
    response = client.get(reverse("calculations:edit", args=[pilot.pk]))
    formset = response.context["formset"]
    assert formset.forms[0].initial["successes"] == "16 - 2"
    post = form_data(
        **{
            "s-start_year": "2014",
            "s-horizon": "5",
            "s-price_base_year": "2014",
            "s-cost_price_year": "2014",
            "s-costs": "2014: 2 000 000",
            "s-target_group": "",
            "o-0-successes": "16 - 2",
            "o-0-target_group": "50",
            "o-0-first_year": "",
            "o-0-unit_cost_1": "social_assistance_household_2012",
            "o-0-actor_1": "kommun.ekonomiskt_bistand",
        }
    )
    assert client.post(reverse("calculations:edit", args=[pilot.pk]), post).status_code == 302
    latest = Calculation.objects.filter(project=pilot).order_by("-version").first()
    assert (
        latest is not None
        and latest.version == 2
        and latest.scenario["effect"]["comparison_successes"] == 2
    )
