"""The XLSX flow: a template for the reporter's own unit, parse -> preview -> confirm, all or nothing."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from sif.calc.errors import SifError
from sif.web.followup.models import ActivityCount, Measurement
from sif.web.followup.xlsx import (
    ACTIVITY_SHEET,
    MEASUREMENT_SHEET,
    measurements_import_confirm,
    measurements_import_preview,
    parse_workbook,
    template_workbook,
)


def fill(
    template: bytes,
    measurement_values: dict[tuple[str, str], dict[str, object]],
    activity_values: dict[str, list[object]] | None = None,
) -> bytes:
    """Fill the template like a reporter: by indicator name and group, columns by header."""
    wb = load_workbook(io.BytesIO(template))
    ws = wb[MEASUREMENT_SHEET]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        key = (row[header.index("Indikator")].value, row[header.index("Grupp")].value)
        for column, value in measurement_values.get(key, {}).items():
            row[header.index(column)].value = value
    if activity_values:
        wa = wb[ACTIVITY_SHEET]
        for row in wa.iter_rows(min_row=2):
            values = activity_values.get(row[2].value)
            if values:
                for i, value in enumerate(values):
                    row[4 + i].value = value
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_the_template_has_rows_only_for_the_reporters_own_unit(stis) -> None:
    farsta = stis.districts["Farsta"]
    data = template_workbook(stis.project, stis.period, [farsta])
    parsed = parse_workbook(data, "mall.xlsx")
    assert parsed.project_id == stis.project.pk and parsed.period_id == stis.period.pk
    wb = load_workbook(io.BytesIO(data))
    units = {row[4] for row in wb[MEASUREMENT_SHEET].iter_rows(min_row=2, values_only=True)}
    assert units == {farsta.name}
    # share indicator has a comparison group: two rows; count and score: one row each
    assert wb[MEASUREMENT_SHEET].max_row == 1 + 4


def test_a_filled_template_is_previewed_then_stored(stis) -> None:
    farsta = stis.districts["Farsta"]
    data = fill(
        template_workbook(stis.project, stis.period, [farsta]),
        {
            (stis.share.name, "insatsgrupp"): {"Täljare": 12, "Nämnare": 30},
            (stis.share.name, "jämförelsegrupp"): {"Täljare": "5", "Nämnare": "40"},
            (stis.count.name, "insatsgrupp"): {"Värde": 640},
        },
        {"conversations": [100, 92, 40, 44, 6]},
    )
    preview, parsed = measurements_import_preview(
        actor=stis.farsta,
        project=stis.project,
        period=stis.period,
        data=data,
        filename="farsta.xlsx",
    )
    assert preview.refused == []
    assert len(preview.measurements) == 3 and len(preview.activities) == 1
    assert not Measurement.objects.exists()  # the preview writes nothing
    measurements_import_confirm(
        actor=stis.farsta, project=stis.project, period=stis.period, parsed=parsed
    )
    assert Measurement.objects.filter(unit=farsta).count() == 3
    assert ActivityCount.objects.get(unit=farsta).with_father == 40


def test_an_upload_with_an_unknown_indicator_and_a_text_cell_lists_each_refused_row(stis) -> None:
    farsta = stis.districts["Farsta"]
    data = fill(
        template_workbook(stis.project, stis.period, [farsta]),
        {
            (stis.count.name, "insatsgrupp"): {"Värde": "ca 600"},
            (stis.share.name, "insatsgrupp"): {"Täljare": 3, "Nämnare": 4},
        },
    )
    wb = load_workbook(io.BytesIO(data))
    ws = wb[MEASUREMENT_SHEET]
    ws.append(
        [
            999999,
            "Påhittad indikator",
            "antal",
            farsta.pk,
            farsta.name,
            "insatsgrupp",
            5,
            None,
            None,
        ]
    )
    ws.append(
        [
            stis.count.pk,
            stis.count.name,
            "antal",
            999999,
            "Okänd enhet",
            "insatsgrupp",
            5,
            None,
            None,
        ]
    )
    out = io.BytesIO()
    wb.save(out)
    preview, parsed = measurements_import_preview(
        actor=stis.farsta,
        project=stis.project,
        period=stis.period,
        data=out.getvalue(),
        filename="farsta.xlsx",
    )
    refused = {(r.row, r.code) for r in preview.refused}
    count_row = next(r.row for r in preview.refused if r.code == "not_a_number")
    assert refused == {
        (count_row, "not_a_number"),
        (6, "unknown_indicator"),
        (7, "unknown_org_unit"),
    }
    with pytest.raises(SifError) as caught:
        measurements_import_confirm(
            actor=stis.farsta, project=stis.project, period=stis.period, parsed=parsed
        )
    assert caught.value.code == "import_has_refused_rows"
    assert not Measurement.objects.exists()


@pytest.mark.parametrize(
    "content",
    [b"Indikator;Varde\nAntal hembesok;640\n", b"PK\x03\x04 not really a zip", b"%PDF-1.7"],
)
def test_a_file_that_is_not_xlsx_is_refused(stis, content) -> None:
    with pytest.raises(SifError) as caught:
        measurements_import_preview(
            actor=stis.farsta,
            project=stis.project,
            period=stis.period,
            data=content,
            filename="siffror.csv",
        )
    assert caught.value.code == "not_xlsx"
    assert caught.value.params["filename"] == "siffror.csv"


def test_a_template_for_another_period_is_refused(stis) -> None:
    data = template_workbook(stis.project, stis.closed_period, [stis.districts["Farsta"]])
    with pytest.raises(SifError) as caught:
        measurements_import_preview(
            actor=stis.farsta,
            project=stis.project,
            period=stis.period,
            data=data,
            filename="fel.xlsx",
        )
    assert caught.value.code == "wrong_file_for_period"
