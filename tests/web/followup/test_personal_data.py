"""The personal-data guard in the follow-up: the XLSX upload and the status report refuse any
personnummer-shaped number (sif.calc.privacy), whatever its check digit."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from sif.calc.errors import SifError
from sif.web.followup import xlsx
from sif.web.followup.models import StatusReport


def test_an_uploaded_workbook_with_an_identity_number_in_any_cell_is_refused_naming_the_cell(
    stis,
) -> None:
    template = xlsx.template_workbook(stis.project, stis.period, [stis.districts["Farsta"]])
    book = load_workbook(io.BytesIO(template))
    sheet = book.worksheets[1]
    sheet["A20"] = "Kontakt: 121212 1212"
    out = io.BytesIO()
    book.save(out)
    with pytest.raises(SifError) as error:
        xlsx.parse_workbook(out.getvalue(), "mall.xlsx")
    assert (
        error.value.code == "personal_identity_number_in_text"
        and "A20" in error.value.params["field"]
    )


def test_a_status_report_with_a_wrong_check_digit_is_still_refused(client, stis) -> None:
    farsta = stis.districts["Farsta"]
    client.force_login(stis.farsta)
    url = reverse("followup:status_report", args=[stis.project.pk, stis.period.pk, farsta.pk])
    response = client.post(url, {"text": "Pappa Ahmed (19850101-1234) ringde."})
    assert "personnummer" in response.content.decode()
    assert not StatusReport.objects.exists()
