"""A share is stored one way everywhere (a fraction 0–1): baseline, target, measurements and the chart."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from sif.calc import format as fmt
from sif.calc.errors import SifError
from sif.reports import charts
from sif.web.followup import measurement_store
from sif.web.projects.models import ProjectState


def test_a_share_baseline_typed_as_40_is_stored_as_040_and_shown_as_40_percent_on_the_table_and_the_chart(
    client, stis, monkeypatch
) -> None:
    drawn: list[dict] = []
    original = charts.line_over_periods

    def spy(*args, **kwargs):
        drawn.append(kwargs)
        return original(*args, **kwargs)

    monkeypatch.setattr(charts, "line_over_periods", spy)
    stis.project.state = ProjectState.APPLICATION_STEP2
    stis.project.save(update_fields=["state"])
    client.force_login(stis.admin)
    url = reverse("followup:indicator", args=[stis.project.pk, stis.share.pk])
    form = {
        "name": stis.share.name,
        "unit": "share",
        "direction": "higher",
        "method": "manual",
        "frequency": "tertial",
        "baseline_value": "40",
        "target_value": "55,5 %",
    }
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    stis.share.refresh_from_db()
    assert (stis.share.baseline_value, stis.share.target_value) == (
        Decimal("0.4"),
        Decimal("0.555"),
    )
    edit = client.get(url).content.decode()
    assert 'name="baseline_value" value="40"' in edit and 'name="target_value" value="55,5"' in edit
    stis.project.state = ProjectState.RUNNING
    stis.project.save(update_fields=["state"])
    for unit in stis.districts.values():
        measurement_store.measurement_save(
            actor=stis.admin,
            indicator=stis.share,
            period=stis.period,
            unit=unit,
            numerator=10,
            denominator=50,
        )
    page = (
        client.get(reverse("followup:overview", args=[stis.project.pk]))
        .content.decode()
        .replace("\xa0", " ")
    )
    assert "40,0 %" in page and "55,5 %" in page
    share_chart = next(d for d in drawn if d.get("percent"))
    # the chart's baseline and target are in the same unit as its series: the axis no longer runs to 4 000 %
    assert share_chart["references"] == {"Baslinje": 0.4, "Mål": 0.555}


def test_a_share_above_100_percent_is_refused_with_a_swedish_message(client, stis) -> None:
    stis.project.state = ProjectState.APPLICATION_STEP2
    stis.project.save(update_fields=["state"])
    client.force_login(stis.admin)
    url = reverse("followup:indicator", args=[stis.project.pk, stis.share.pk])
    form = {
        "name": stis.share.name,
        "unit": "share",
        "direction": "higher",
        "method": "manual",
        "frequency": "tertial",
        "baseline_value": "140",
    }
    page = client.post(url, form).content.decode()
    assert (
        "en andel skrivs i procent mellan 0 och 100" in page
        and "baseline_value" not in page.split('name="baseline_value"')[0][-3000:]
    )
    stis.share.refresh_from_db()
    assert stis.share.baseline_value is None


@pytest.mark.parametrize(
    ("value", "kind", "shown"),
    [
        (Decimal("0.4"), "share", "40,0 %"),
        (Decimal("0.0337"), "share", "3,4 %"),
        (Decimal("0.293"), "percentage_points", "+29,3 procentenheter"),
        (Decimal("45.5000"), "score", "45,5"),
        (Decimal("1040.0"), "count", "1 040"),
        (21998653, "kronor", "21 998 653 kr"),
        (2019, "year", "2019"),
    ],
)
def test_each_kind_has_one_way_to_be_shown(value, kind, shown) -> None:
    assert fmt.quantity(value, kind).replace("\xa0", " ") == shown


def test_a_share_typed_above_100_is_refused() -> None:
    with pytest.raises(SifError) as error:
        fmt.parse_in_kind("140", "share", "Baslinje")
    assert error.value.code == "share_percent_out_of_range"
