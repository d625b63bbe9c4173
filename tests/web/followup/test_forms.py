"""The forms the follow-up was missing: spider ratings per unit and occasion, the project's activity
types, women/men in the activity form and the indicator's responsible unit. Each refuses bad input
with a Swedish message and saves nothing."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sif.web.audit.models import Event
from sif.web.followup import measurement_store
from sif.web.followup.models import (
    ActivityCount,
    ActivityType,
    Measurement,
    SpiderInstrument,
    SpiderRating,
)
from sif.web.projects.models import Indicator, ProjectState


@pytest.fixture
def instrument(stis) -> SpiderInstrument:
    return SpiderInstrument.objects.create(
        project=stis.project, name="Samverkan", dimensions=["Mål", "Roller", "Ledning"], occasions=6
    )


def _spider_url(stis, instrument, district: str) -> str:
    return reverse(
        "followup:spider", args=[stis.project.pk, instrument.pk, stis.districts[district].pk]
    )


def test_a_reporter_rates_her_own_district_at_an_occasion(client, stis, instrument) -> None:
    client.force_login(stis.farsta)
    assert client.get(_spider_url(stis, instrument, "Farsta") + "?tillfalle=2").status_code == 200
    response = client.post(
        _spider_url(stis, instrument, "Farsta"),
        {"occasion": "2", "d-0": "5,5", "d-1": "7", "d-2": "", "occasion_date": "2019-03-14"},
    )
    assert response.status_code == 302
    saved = {
        (r.occasion, r.dimension): str(r.value)
        for r in SpiderRating.objects.filter(unit=stis.districts["Farsta"])
    }
    assert saved == {(2, 0): "5.50", (2, 1): "7.00"}


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"d-0": "5", "d-1": "11", "d-2": "4"}, "Skattningen 11 ligger utanför skalan 1–10."),
        ({"d-0": "5", "d-1": "sju", "d-2": "4"}, "Roller: ”sju” är inte ett tal."),
        (
            {"d-0": "", "d-1": "", "d-2": ""},
            "Ange minst en skattning för Farsta stadsdelsförvaltning, mättillfälle 1.",
        ),
    ],
)
def test_a_bad_rating_is_refused_in_swedish_and_nothing_is_saved(
    client, stis, instrument, values, message
) -> None:
    client.force_login(stis.farsta)
    response = client.post(_spider_url(stis, instrument, "Farsta"), {"occasion": "1", **values})
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not SpiderRating.objects.exists()


def test_a_reporter_cannot_rate_another_district_or_an_unknown_occasion(
    client, stis, instrument
) -> None:
    client.force_login(stis.farsta)
    assert (
        client.post(
            _spider_url(stis, instrument, "Skarpnäck"), {"occasion": "1", "d-0": "5"}
        ).status_code
        == 403
    )
    assert client.get(_spider_url(stis, instrument, "Farsta") + "?tillfalle=7").status_code == 404
    assert not SpiderRating.objects.exists()


def test_the_project_leader_adds_and_renames_an_activity_type(client, stis) -> None:
    client.force_login(stis.leader)
    url = reverse("followup:activity_types", args=[stis.project.pk])
    assert (
        client.post(
            url,
            {"code": "hembesok", "label": "Hembesök", "position": "2", "has_parent_split": "on"},
        ).status_code
        == 302
    )
    visits = ActivityType.objects.get(project=stis.project, code="hembesok")
    assert (visits.label, visits.position, visits.has_parent_split) == ("Hembesök", 2, True)
    edit = reverse("followup:activity_type", args=[stis.project.pk, visits.pk])
    assert (
        client.post(
            edit, {"code": "hembesok", "label": "Hembesök i programmen", "position": "2"}
        ).status_code
        == 302
    )
    visits.refresh_from_db()
    assert (visits.label, visits.has_parent_split) == ("Hembesök i programmen", False)
    assert Event.objects.filter(action="activity_type_saved").count() == 2


@pytest.mark.parametrize(
    ("who", "data", "message"),
    [
        (
            "leader",
            {"code": "Hem besök", "label": "Hembesök"},
            "Koden ”Hem besök” får bara innehålla a–z",
        ),
        ("leader", {"code": "hembesok", "label": "  "}, "Skriv aktivitetens benämning."),
        (
            "leader",
            {"code": "conversations", "label": "Samtal igen"},
            "Det finns redan en aktivitet med koden conversations i projektet.",
        ),
        (
            "leader",
            {"code": "hembesok", "label": "Hembesök", "position": "två"},
            "Ordning: ”två” är inte ett tal.",
        ),
        (
            "farsta",
            {"code": "hembesok", "label": "Hembesök"},
            "Bara projektledaren eller fondförvaltaren kan ändra projektets uppföljning.",
        ),
    ],
)
def test_a_bad_activity_type_is_refused_in_swedish_and_nothing_is_saved(
    client, stis, who, data, message
) -> None:
    client.force_login(getattr(stis, who))
    response = client.post(reverse("followup:activity_types", args=[stis.project.pk]), data)
    assert response.status_code == 422
    assert message in response.content.decode()
    assert list(
        ActivityType.objects.filter(project=stis.project).values_list("code", flat=True)
    ) == ["conversations"]


def test_an_activity_code_in_use_cannot_change(client, stis) -> None:
    measurement_store.activity_save(
        actor=stis.admin,
        period=stis.period,
        unit=stis.districts["Farsta"],
        activity=stis.conversations,
        total=10,
    )
    client.force_login(stis.admin)
    response = client.post(
        reverse("followup:activity_type", args=[stis.project.pk, stis.conversations.pk]),
        {"code": "samtal", "label": "Samtal"},
    )
    assert (
        response.status_code == 422
        and "kan inte ändras eftersom enheter redan har rapporterat" in response.content.decode()
    )
    stis.conversations.refresh_from_db()
    assert stis.conversations.code == "conversations"


def _report_url(stis) -> str:
    return reverse(
        "followup:report", args=[stis.project.pk, stis.period.pk, stis.districts["Farsta"].pk]
    )


def test_the_activity_form_takes_women_and_men(client, stis) -> None:
    client.force_login(stis.farsta)
    a = stis.conversations.pk
    assert f'name="a-{a}-women"' in client.get(_report_url(stis)).content.decode()
    response = client.post(
        _report_url(stis), {f"a-{a}-total": "65", f"a-{a}-women": "44", f"a-{a}-men": "21"}
    )
    assert response.status_code == 302
    count = ActivityCount.objects.get()
    assert (count.total, count.women, count.men) == (65, 44, 21)
    client.force_login(stis.leader)
    page = client.get(reverse("followup:overview", args=[stis.project.pk])).content.decode()
    assert "<td>44</td><td>21</td>" in page


@pytest.mark.parametrize(
    ("women", "men", "message"),
    [
        ("60", "10", "Samtal: Kvinnor (60) är större än totalt (50)."),
        ("40", "4,5", "Män: ”4,5” måste vara ett heltal (antal)."),
        ("-1", "", "Kvinnor"),
    ],
)
def test_bad_women_or_men_figures_are_refused_and_nothing_is_saved(
    client, stis, women, men, message
) -> None:
    client.force_login(stis.farsta)
    a = stis.conversations.pk
    data = {
        f"a-{a}-total": "50",
        f"a-{a}-women": women,
        f"a-{a}-men": men,
        f"m-{stis.count.pk}-intervention-value": "12",
    }
    response = client.post(_report_url(stis), data)
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not ActivityCount.objects.exists() and not Measurement.objects.exists()


def test_the_indicator_editor_sets_the_responsible_unit(client, stis) -> None:
    stis.project.state = ProjectState.GRANTED
    stis.project.save(update_fields=["state"])
    client.force_login(stis.leader)
    url = reverse("followup:indicator", args=[stis.project.pk, stis.count.pk])
    assert "Ansvarig enhet" in client.get(url).content.decode()
    farsta = stis.districts["Farsta"]
    assert (
        client.post(
            url, {"name": "Antal hembesök", "unit": "count", "responsible_unit": str(farsta.pk)}
        ).status_code
        == 302
    )
    assert Indicator.objects.get(pk=stis.count.pk).responsible_unit == farsta
    response = client.post(
        url, {"name": "Antal hembesök ändrat", "unit": "count", "responsible_unit": "999999"}
    )
    assert response.status_code == 422 and "Okänd enhet 999999" in response.content.decode()
    unchanged = Indicator.objects.get(pk=stis.count.pk)
    assert (unchanged.name, unchanged.responsible_unit) == ("Antal hembesök", farsta)
