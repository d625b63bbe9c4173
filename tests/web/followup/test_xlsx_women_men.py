"""Women and men in the XLSX template and upload: the same columns and checks as the activity form.
Round trip through the pages: generate the template, fill it with openpyxl, upload, preview, confirm."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from sif.web.followup import measurement_store
from sif.web.followup.models import ActivityCount, Measurement
from sif.web.followup.xlsx import (
    A_HEADERS,
    ACTIVITY_SHEET,
    MEASUREMENT_SHEET,
    parse_workbook,
    template_workbook,
)


def _fill_activities(
    template: bytes,
    values: dict[str, dict[str, object]],
    count_value: object = None,
    count_indicator: str = "",
) -> bytes:
    """Fill the Aktiviteter sheet by activity code and column header, like a reporter would."""
    wb = load_workbook(io.BytesIO(template))
    wa = wb[ACTIVITY_SHEET]
    header = [c.value for c in wa[1]]
    for row in wa.iter_rows(min_row=2):
        for column, value in values.get(row[header.index("Aktivitetskod")].value, {}).items():
            row[header.index(column)].value = value
    if count_value is not None:
        ws = wb[MEASUREMENT_SHEET]
        m_header = [c.value for c in ws[1]]
        for row in ws.iter_rows(min_row=2):
            if row[m_header.index("Indikator")].value == count_indicator:
                row[m_header.index("Värde")].value = count_value
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _template(client, stis) -> bytes:
    response = client.get(reverse("followup:template", args=[stis.project.pk, stis.period.pk]))
    assert response.status_code == 200
    return response.content


def _upload(client, stis, data: bytes):
    return client.post(
        reverse("followup:upload", args=[stis.project.pk, stis.period.pk]),
        {"file": SimpleUploadedFile("farsta.xlsx", data)},
    )


def test_the_template_has_women_and_men_columns_prefilled_with_stored_figures(stis) -> None:
    farsta = stis.districts["Farsta"]
    measurement_store.activity_save(
        actor=stis.farsta,
        period=stis.period,
        unit=farsta,
        activity=stis.conversations,
        total=65,
        women=44,
        men=21,
    )
    wb = load_workbook(io.BytesIO(template_workbook(stis.project, stis.period, [farsta])))
    wa = wb[ACTIVITY_SHEET]
    header = [c.value for c in wa[1]]
    assert header == A_HEADERS and header[-2:] == ["Kvinnor", "Män"]
    row = next(wa.iter_rows(min_row=2, values_only=True))
    assert (
        row[header.index("Totalt")],
        row[header.index("Kvinnor")],
        row[header.index("Män")],
    ) == (65, 44, 21)
    assert wa.cell(row=2, column=header.index("Män") + 1).fill.fgColor.rgb.endswith(
        "FFF8DC"
    )  # a yellow input cell


def test_a_farsta_reporter_uploads_women_and_men_previews_and_confirms(client, stis) -> None:
    client.force_login(stis.farsta)
    data = _fill_activities(
        _template(client, stis),
        {"conversations": {"Totalt": 65, "Med mamma": 46, "Kvinnor": 44, "Män": "21"}},
    )
    assert parse_workbook(data, "farsta.xlsx").activities[0].women == 44
    preview = _upload(client, stis, data)
    text = preview.content.decode()
    assert preview.status_code == 200 and "Spara allt" in text
    assert "Kvinnor: 44" in text and "Män: 21" in text and "Med mamma: 46" in text
    assert not ActivityCount.objects.exists()  # the preview writes nothing
    confirm = client.post(
        reverse("followup:upload_confirm", args=[stis.project.pk, stis.period.pk])
    )
    assert confirm.status_code == 302
    count = ActivityCount.objects.get(unit=stis.districts["Farsta"])
    assert (count.total, count.with_mother, count.women, count.men) == (65, 46, 44, 21)
    client.force_login(stis.leader)
    assert (
        "<td>44</td><td>21</td>"
        in client.get(reverse("followup:overview", args=[stis.project.pk])).content.decode()
    )


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        (
            {"Totalt": 50, "Kvinnor": 60, "Män": 10},
            "Samtal: Kvinnor (60) är större än totalt (50).",
        ),
        ({"Totalt": 50, "Kvinnor": 20, "Män": 51}, "Samtal: Män (51) är större än totalt (50)."),
        ({"Totalt": 50, "Kvinnor": "sextio"}, "Kvinnor: ”sextio” är inte ett tal."),
        ({"Totalt": 50, "Män": "ca 20"}, "Män: ”ca 20” är inte ett tal."),
        ({"Totalt": 50, "Män": 4.5}, "Män: ”4.5” måste vara ett heltal (antal)."),
        ({"Totalt": 50, "Kvinnor": -1}, "Antalet Kvinnor får inte vara negativt."),
        ({"Kvinnor": 10, "Män": 5}, "Samtal: ange totalt när kvinnor är ifyllt."),
    ],
)
def test_bad_women_or_men_cells_are_refused_with_row_and_reason_and_nothing_is_stored(
    client, stis, cells, message
) -> None:
    client.force_login(stis.farsta)
    data = _fill_activities(
        _template(client, stis),
        {"conversations": cells},
        count_value=640,
        count_indicator=stis.count.name,
    )
    preview = _upload(client, stis, data)
    assert preview.status_code == 422
    text = preview.content.decode()
    assert f"<tr><td>Aktiviteter</td><td>2</td><td>{message}" in text
    assert "Spara allt" not in text
    confirm = client.post(
        reverse("followup:upload_confirm", args=[stis.project.pk, stis.period.pk])
    )
    assert confirm.status_code == 302
    assert (
        not ActivityCount.objects.exists() and not Measurement.objects.exists()
    )  # the good row is not stored either
