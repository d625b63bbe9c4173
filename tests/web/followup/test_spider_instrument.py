"""A new spindelmätning instrument: the project leader and the fund administrator create one from the
overview; a bad name, too few or too many dimensions, a duplicate label, a personnummer or a wrong
scale is refused in Swedish and nothing is saved."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from sif.calc.errors import SifError
from sif.web.audit.models import Event
from sif.web.followup import spider_measurement
from sif.web.followup.models import SpiderInstrument
from sif.web.projects.labels import action_label

DIMENSIONS = "Gemensamma mål\nTydliga roller\nLedningens stöd\nInformationsflöde\nUppföljning"


def _url(stis) -> str:
    return reverse("followup:spider_instrument_new", args=[stis.project.pk])


@pytest.mark.parametrize("who", ["leader", "admin"])
def test_the_project_leader_or_the_fund_admin_creates_an_instrument(client, stis, who) -> None:
    client.force_login(getattr(stis, who))
    overview = client.get(reverse("followup:overview", args=[stis.project.pk])).content.decode()
    assert f'href="{_url(stis)}"' in overview and "Ny spindelmätning" in overview
    page = client.get(_url(stis))
    assert (
        page.status_code == 200
        and "<title>Ny spindelmätning – Stärkt tidigt stöd i samverkan – SIF</title>"
        in page.content.decode()
    )
    response = client.post(
        _url(stis),
        {
            "name": " Samverkan ",
            "dimensions": DIMENSIONS + "\n\n",
            "occasions": "6",
            "scale_min": "1",
            "scale_max": "10",
        },
    )
    assert response.status_code == 302
    instrument = SpiderInstrument.objects.get(project=stis.project)
    assert (
        instrument.name,
        instrument.dimensions,
        instrument.occasions,
        instrument.scale_min,
        instrument.scale_max,
    ) == (
        "Samverkan",
        ["Gemensamma mål", "Tydliga roller", "Ledningens stöd", "Informationsflöde", "Uppföljning"],
        6,
        Decimal("1"),
        Decimal("10"),
    )
    event = Event.objects.get(action="spider_instrument_created")
    assert event.project_id == stis.project.pk
    assert action_label(event.action) == "Spindelmätning skapad"
    after = client.get(reverse("followup:overview", args=[stis.project.pk])).content.decode()
    assert "Samverkan" in after and "Spindelmätningen Samverkan är skapad." in after


def test_the_new_instrument_is_rated_by_a_district(client, stis) -> None:
    instrument = spider_measurement.spider_instrument_create(
        actor=stis.leader,
        project=stis.project,
        name="Samverkan",
        dimensions=["Mål", "Roller", "Ledning"],
        occasions=2,
        scale_min=1,
        scale_max=5,
    )
    client.force_login(stis.farsta)
    url = reverse(
        "followup:spider", args=[stis.project.pk, instrument.pk, stis.districts["Farsta"].pk]
    )
    assert (
        client.post(url, {"occasion": "2", "d-0": "4", "d-1": "5", "d-2": "3,5"}).status_code == 302
    )
    assert (
        "Skattningen 6 ligger utanför skalan 1–5."
        in client.post(url, {"occasion": "1", "d-0": "6"}).content.decode()
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": "  ", "dimensions": DIMENSIONS}, "Ange spindelmätningens namn."),
        (
            {"name": "Samverkan", "dimensions": "Mål\n\nRoller\n"},
            "En spindelmätning ska ha 3–20 dimensioner, en per rad, men har 2.",
        ),
        (
            {"name": "Samverkan", "dimensions": "\n".join(f"Mått {k}" for k in range(1, 22))},
            "En spindelmätning ska ha 3–20 dimensioner, en per rad, men har 21.",
        ),
        (
            {"name": "Samverkan", "dimensions": "Mål\nRoller\nmål "},
            "Dimensionen ”mål” på rad 3 finns redan på rad 1.",
        ),
        (
            {"name": "Samverkan", "dimensions": "Mål\nRoller\nBarnet 19121212-1212"},
            "Texten i dimension 3 innehåller ett personnummer",
        ),
        (
            {"name": "Familj 121212-1212", "dimensions": DIMENSIONS},
            "Texten i Namn innehåller ett personnummer",
        ),
        (
            {"name": "Samverkan", "dimensions": DIMENSIONS, "scale_min": "10", "scale_max": "1"},
            "Skalan 10–1 går inte",
        ),
        (
            {"name": "Samverkan", "dimensions": DIMENSIONS, "scale_min": "1", "scale_max": "tio"},
            "Skalans max: ”tio” är inte ett tal.",
        ),
        (
            {"name": "Samverkan", "dimensions": DIMENSIONS, "occasions": "0"},
            "Antalet mättillfällen ska vara 1–50, men är 0.",
        ),
        (
            {"name": "S" * 201, "dimensions": DIMENSIONS},
            "Namnet får vara högst 200 tecken långt, men är 201.",
        ),
    ],
)
def test_a_bad_instrument_is_refused_in_swedish_and_nothing_is_saved(
    client, stis, data, message
) -> None:
    client.force_login(stis.leader)
    response = client.post(_url(stis), data)
    assert response.status_code == 422
    text = response.content.decode()
    assert message in text and "Inget har sparats." in text
    assert "19121212-1212" not in text.split('role="alert"')[1].split("</p>")[0]
    assert not SpiderInstrument.objects.exists()
    assert not Event.objects.filter(action="spider_instrument_created").exists()


@pytest.mark.parametrize("who", ["farsta", "reader"])
def test_a_reporter_or_a_reader_may_not_create_an_instrument(client, stis, who) -> None:
    client.force_login(getattr(stis, who))
    assert (
        "Ny spindelmätning"
        not in client.get(reverse("followup:overview", args=[stis.project.pk])).content.decode()
    )
    assert client.get(_url(stis)).status_code == 403
    assert (
        client.post(_url(stis), {"name": "Samverkan", "dimensions": DIMENSIONS}).status_code == 403
    )
    with pytest.raises(SifError) as caught:
        spider_measurement.spider_instrument_create(
            actor=getattr(stis, who),
            project=stis.project,
            name="Samverkan",
            dimensions=DIMENSIONS.splitlines(),
        )
    assert caught.value.code == "not_followup_editor"
    assert not SpiderInstrument.objects.exists()


def test_an_outsider_does_not_find_the_form(client, stis) -> None:
    client.force_login(stis.outsider)
    assert client.get(_url(stis)).status_code == 404
    assert (
        client.post(_url(stis), {"name": "Samverkan", "dimensions": DIMENSIONS}).status_code == 404
    )
    assert not SpiderInstrument.objects.exists()
