"""Finding 5 of the probe: a count of −5, `1e308`, `1e400` and `1,5` reached the database or a 500,
and "endast mamma" above "med mamma" was stored by `activity_save` and then broke the gender
analysis. Every boundary (form, XLSX, service, analysis) now asks the same `check_*` rules."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from sif.calc.errors import SifError
from sif.web.followup import measurement_store
from sif.web.followup.models import ActivityCount, Group, Measurement
from sif.web.followup.xlsx import ACTIVITY_SHEET, MEASUREMENT_SHEET, template_workbook

pytestmark = pytest.mark.django_db


def _report_url(stis: Any) -> str:
    return reverse(
        "followup:report", args=[stis.project.pk, stis.period.pk, stis.districts["Farsta"].pk]
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("-5", "Antalet Värde får inte vara negativt."),
        ("1,5", "måste vara ett heltal"),
        ("1e308", "är för stort"),
        ("1e400", "är för stort"),
        (
            "99999999999999",
            "är för stort",
        ),  # the probe's 99 999 999 999 999 home visits in a tertial
        (
            "50000000",
            "50\xa0000\xa0000 är orimligt stort. Ett antal per enhet och period kan vara högst 10\xa0000\xa0000.",
        ),
    ],
)
def test_a_bad_count_in_the_form_is_refused_in_swedish_and_nothing_is_stored(
    client: Any, stis: Any, value: str, message: str
) -> None:
    client.force_login(stis.farsta)
    response = client.post(
        _report_url(stis), {f"m-{stis.count.pk}-{Group.INTERVENTION}-value": value}
    )
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not Measurement.objects.exists()
    assert client.get(reverse("followup:overview", args=[stis.project.pk])).status_code == 200


ENDAST_ABOVE_MED = {
    "total": 20,
    "with_mother": 5,
    "with_father": 10,
    "single_mother": 8,
    "single_father": 0,
}


def test_endast_mamma_above_med_mamma_is_refused_by_the_service(stis: Any) -> None:
    with pytest.raises(SifError) as caught:
        measurement_store.activity_save(
            actor=stis.farsta,
            period=stis.period,
            unit=stis.districts["Farsta"],
            activity=stis.conversations,
            **ENDAST_ABOVE_MED,
        )
    assert caught.value.code == "single_exceeds_present"
    assert not ActivityCount.objects.exists()


def test_women_and_men_above_the_total_are_refused_in_the_form(client: Any, stis: Any) -> None:
    client.force_login(stis.farsta)
    a = stis.conversations.pk
    response = client.post(
        _report_url(stis), {f"a-{a}-total": "10", f"a-{a}-women": "7", f"a-{a}-men": "4"}
    )
    assert response.status_code == 422
    assert "Kvinnor + män (11) är större än totalt (10)" in response.content.decode()
    assert not ActivityCount.objects.exists()


def test_an_inconsistent_row_stored_before_the_rule_leaves_the_follow_up_page_working(
    client: Any, stis: Any
) -> None:
    ActivityCount.objects.create(
        project=stis.project,
        period=stis.period,
        unit=stis.districts["Farsta"],
        activity=stis.conversations,
        **ENDAST_ABOVE_MED,
    )
    client.force_login(stis.admin)
    assert client.get(reverse("followup:overview", args=[stis.project.pk])).status_code == 200


def _upload(
    client: Any, stis: Any, measurements: dict[str, Any], activities: dict[str, Any]
) -> Any:
    wb = load_workbook(
        io.BytesIO(template_workbook(stis.project, stis.period, [stis.districts["Farsta"]]))
    )
    for sheet, values in ((MEASUREMENT_SHEET, measurements), (ACTIVITY_SHEET, activities)):
        ws = wb[sheet]
        header = [c.value for c in ws[1]]
        for column, value in values.items():
            ws.cell(row=2, column=header.index(column) + 1, value=value)
    out = io.BytesIO()
    wb.save(out)
    url = reverse("followup:upload", args=[stis.project.pk, stis.period.pk])
    return client.post(url, {"file": SimpleUploadedFile("ifylld.xlsx", out.getvalue())})


def test_a_negative_count_in_the_xlsx_is_refused_in_the_preview(client: Any, stis: Any) -> None:
    stis.share.delete()  # the first measurement row is then the count
    client.force_login(stis.farsta)
    response = _upload(
        client, stis, {"Värde": -5}, {"Totalt": 10, "Endast mamma": 4, "Med mamma": 2}
    )
    body = response.content.decode()
    assert response.status_code == 422
    assert (
        "Antalet Värde får inte vara negativt." in body
        and "Endast mamma (4) är fler än Med mamma (2)" in body
    )
    assert not Measurement.objects.exists() and not ActivityCount.objects.exists()


def test_an_implausibly_large_count_is_stored_only_when_confirmed(client: Any, stis: Any) -> None:
    client.force_login(stis.farsta)
    field = f"m-{stis.count.pk}-{Group.INTERVENTION}-value"
    first = client.post(_report_url(stis), {field: "150000"})
    assert first.status_code == 422
    assert "150\xa0000 är ovanligt stort (mer än 100\xa0000)" in first.content.decode()
    assert not Measurement.objects.exists()
    assert (
        client.post(_report_url(stis), {field: "150000", "confirm_implausible": "1"}).status_code
        == 302
    )
    assert Measurement.objects.get().value == 150000


def test_the_plausibility_ceiling_is_set_per_indicator(stis: Any) -> None:
    stis.count.plausible_max = 500
    stis.count.save()
    farsta = stis.districts["Farsta"]
    with pytest.raises(SifError) as caught:
        measurement_store.measurement_save(
            actor=stis.farsta, indicator=stis.count, period=stis.period, unit=farsta, value=640
        )
    assert caught.value.code == "implausible_value"
    assert (
        measurement_store.measurement_save(
            actor=stis.farsta,
            indicator=stis.count,
            period=stis.period,
            unit=farsta,
            value=640,
            confirmed=True,
        ).value
        == 640
    )
