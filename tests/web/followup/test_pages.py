"""The Done-when scenario through the pages: a Farsta reporter enters figures by form and by XLSX
and sees them aggregated with the other six districts; the administrator sees every section."""

from __future__ import annotations

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from sif.web.followup import measurement_store, spider_measurement
from sif.web.followup.models import (
    ActivityCount,
    Measurement,
    ReportState,
    SpiderInstrument,
    StatusReport,
)
from sif.web.followup.xlsx import MEASUREMENT_SHEET
from tests.web.followup.conftest import DISTRICTS


def _others_report(stis) -> None:
    for name in DISTRICTS:
        if name != "Farsta":
            unit = stis.districts[name]
            measurement_store.measurement_save(
                actor=stis.admin,
                indicator=stis.share,
                period=stis.period,
                unit=unit,
                numerator=10,
                denominator=50,
            )
            measurement_store.measurement_save(
                actor=stis.admin,
                indicator=stis.share,
                period=stis.period,
                unit=unit,
                group="comparison",
                numerator=5,
                denominator=50,
            )
            measurement_store.activity_save(
                actor=stis.admin,
                period=stis.period,
                unit=unit,
                activity=stis.conversations,
                total=100,
                with_mother=90,
                with_father=40,
                single_mother=44,
                single_father=6,
            )


def test_a_farsta_reporter_reports_by_form_and_sees_the_aggregate_of_seven(client, stis) -> None:
    _others_report(stis)
    farsta = stis.districts["Farsta"]
    client.force_login(stis.farsta)
    url = reverse("followup:report", args=[stis.project.pk, stis.period.pk, farsta.pk])
    assert client.get(url).status_code == 200
    data = {
        f"m-{stis.share.pk}-intervention-numerator": "20",
        f"m-{stis.share.pk}-intervention-denominator": "50",
        f"m-{stis.count.pk}-intervention-value": "640",
        f"a-{stis.conversations.pk}-total": "100",
        f"a-{stis.conversations.pk}-with_mother": "92",
        f"a-{stis.conversations.pk}-with_father": "40",
        f"a-{stis.conversations.pk}-single_mother": "44",
        f"a-{stis.conversations.pk}-single_father": "6",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    assert Measurement.objects.filter(unit=farsta).count() == 2
    page = client.get(reverse("followup:overview", args=[stis.project.pk])).content.decode()
    assert "(80/350)" in page  # pooled over seven districts: 6 × 10 + 20 = 80 of 7 × 50
    assert "/uppfoljning/diagram/" in page  # the charts, linked as images


def test_the_form_refuses_a_numerator_above_its_denominator_and_text_in_a_number_cell(
    client, stis
) -> None:
    farsta = stis.districts["Farsta"]
    client.force_login(stis.farsta)
    url = reverse("followup:report", args=[stis.project.pk, stis.period.pk, farsta.pk])
    response = client.post(
        url,
        {
            f"m-{stis.share.pk}-intervention-numerator": "60",
            f"m-{stis.share.pk}-intervention-denominator": "50",
            f"m-{stis.count.pk}-intervention-value": "sexhundra",
        },
    )
    assert response.status_code == 422
    text = response.content.decode()
    assert "Formulär, rad 1" in text and "rad 3" in text and "sexhundra" in text
    assert not Measurement.objects.exists()


def test_a_reporter_may_not_open_another_districts_form(client, stis) -> None:
    client.force_login(stis.farsta)
    url = reverse(
        "followup:report", args=[stis.project.pk, stis.period.pk, stis.districts["Skarpnäck"].pk]
    )
    assert client.get(url).status_code == 403
    assert client.post(url, {f"m-{stis.count.pk}-intervention-value": "5"}).status_code == 403
    assert not Measurement.objects.exists()


def test_a_farsta_reporter_uploads_the_generated_template_previews_and_confirms(
    client, stis
) -> None:
    _others_report(stis)
    client.force_login(stis.farsta)
    template = client.get(reverse("followup:template", args=[stis.project.pk, stis.period.pk]))
    assert template.status_code == 200
    wb = load_workbook(io.BytesIO(template.content))
    ws = wb[MEASUREMENT_SHEET]
    for row in ws.iter_rows(min_row=2):
        if row[0].value == stis.share.pk and row[5].value == "insatsgrupp":
            row[7].value, row[8].value = 20, 50
    out = io.BytesIO()
    wb.save(out)
    upload_url = reverse("followup:upload", args=[stis.project.pk, stis.period.pk])
    preview = client.post(upload_url, {"file": SimpleUploadedFile("farsta.xlsx", out.getvalue())})
    assert preview.status_code == 200 and "Spara allt" in preview.content.decode()
    assert not Measurement.objects.filter(unit=stis.districts["Farsta"]).exists()
    confirm = client.post(
        reverse("followup:upload_confirm", args=[stis.project.pk, stis.period.pk])
    )
    assert confirm.status_code == 302
    assert Measurement.objects.get(unit=stis.districts["Farsta"]).numerator == 20
    assert (
        "(80/350)"
        in client.get(reverse("followup:overview", args=[stis.project.pk])).content.decode()
    )


def test_an_upload_that_is_not_xlsx_is_refused_with_the_reason(client, stis) -> None:
    client.force_login(stis.farsta)
    response = client.post(
        reverse("followup:upload", args=[stis.project.pk, stis.period.pk]),
        {"file": SimpleUploadedFile("siffror.pdf", b"%PDF-1.4")},
    )
    assert response.status_code == 422
    assert (
        "siffror.pdf" in response.content.decode()
        and "ingen Excel-fil" in response.content.decode()
    )
    assert not Measurement.objects.exists()


def test_the_administrator_sees_aggregate_gender_spider_and_effect_sections(client, stis) -> None:
    _others_report(stis)
    instrument = SpiderInstrument.objects.create(
        project=stis.project, name="Samverkan", dimensions=["a", "b", "c"], occasions=2
    )
    for i, name in enumerate(DISTRICTS):
        for occasion in (1, 2):
            spider_measurement.spider_rating_save(
                actor=stis.admin,
                instrument=instrument,
                unit=stis.districts[name],
                occasion=occasion,
                values=[3 + i * (0.5 if occasion == 1 else 0.1)] * 3,
            )
    client.force_login(stis.admin)
    page = client.get(reverse("followup:overview", args=[stis.project.pk])).content.decode()
    for heading in (
        "Indikatorer: sammanställning",
        "Jämställdhetsanalys",
        "Spindelmätning",
        "Effekt",
        "Statusrapporter till styrgruppen",
    ):
        assert heading in page
    assert "88\xa0%" in page and "12\xa0%" in page  # 6 × 44 of 6 × 50 single attendees
    assert "Fishers exakta test" in page
    assert "Ej rapporterat" in page and "Farsta stadsdelsförvaltning" in page


def test_a_status_report_with_a_personnummer_is_refused_on_the_page(client, stis) -> None:
    client.force_login(stis.farsta)
    url = reverse(
        "followup:status_report",
        args=[stis.project.pk, stis.period.pk, stis.districts["Farsta"].pk],
    )
    response = client.post(url, {"text": "Mamman (19121212-1212) deltog."})
    assert response.status_code == 422
    assert "personnummer" in response.content.decode()
    assert not StatusReport.objects.exists()
    assert client.post(url, {"text": "Tre hembesök med BVC."}).status_code == 302
    report = StatusReport.objects.get()
    client.force_login(stis.leader)
    client.post(
        reverse("followup:status_review", args=[stis.project.pk, report.pk]),
        {"decision": "approve"},
    )
    report.refresh_from_db()
    assert report.state == ReportState.APPROVED


def test_the_export_hides_cells_under_the_threshold(client, stis) -> None:
    for name, n in zip(DISTRICTS, [40, 3, 25, 30, 12, 9, 50], strict=True):
        measurement_store.measurement_save(
            actor=stis.admin,
            indicator=stis.count,
            period=stis.period,
            unit=stis.districts[name],
            value=n,
        )
    client.force_login(stis.reader)
    response = client.get(reverse("followup:export", args=[stis.project.pk]))
    wb = load_workbook(io.BytesIO(response.content))
    per_unit = {row[2]: row[3] for row in wb["Per enhet"].iter_rows(min_row=2, values_only=True)}
    assert per_unit["Farsta stadsdelsförvaltning"] == "dold (färre än 5)"
    assert per_unit["Skärholmen stadsdelsförvaltning"] == "dold (skydd mot bakräkning)"
    assert per_unit["Spånga-Tensta stadsdelsförvaltning"] == 50  # a real number, not text
    assert 3 not in per_unit.values() and "3" not in per_unit.values()
    reader_page = client.get(reverse("followup:overview", args=[stis.project.pk])).content.decode()
    assert "Publicerad vy" in reader_page


def test_an_outsider_does_not_find_the_project(client, stis) -> None:
    client.force_login(stis.outsider)
    assert client.get(reverse("followup:overview", args=[stis.project.pk])).status_code == 404
    assert not ActivityCount.objects.exists()
