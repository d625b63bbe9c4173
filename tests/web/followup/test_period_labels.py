"""Finding 10 of the probe: a period label with a newline made its `mall.xlsx` answer 500, and a
quote in it added parameters to the download's file name."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.urls import reverse

from sif.calc.errors import SifError
from sif.web.followup import reporting_periods
from sif.web.followup.models import ReportingPeriod

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("label", ['T2 2020"; filename="x.exe', "T2\r\n2020", 'T2 2020 "å"'])
def test_the_template_of_a_period_with_any_label_downloads_under_a_plain_name(
    client: Any, stis: Any, label: str
) -> None:
    period = ReportingPeriod.objects.create(
        project=stis.project,
        label=label,
        start=dt.date(2020, 5, 1),
        end=dt.date(2020, 8, 31),
        opens_at=dt.date(2020, 9, 1),
        closes_at=dt.date(2020, 9, 30),
    )
    client.force_login(stis.admin)
    response = client.get(reverse("followup:template", args=[stis.project.pk, period.pk]))
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert re.fullmatch(r'attachment; filename="uppfoljning-\d+-[a-z0-9-]+\.xlsx"', disposition), (
        disposition
    )


def test_a_new_period_label_is_one_line(stis: Any) -> None:
    period = reporting_periods.period_create(
        actor=stis.admin,
        project=stis.project,
        kind="tertial",
        label="T2\n2020",
        start=dt.date(2020, 5, 1),
        end=dt.date(2020, 8, 31),
        opens_at=dt.date(2020, 9, 1),
        closes_at=dt.date(2020, 9, 30),
    )
    assert period.label == "T2 2020"
    with pytest.raises(SifError) as caught:
        reporting_periods.period_create(
            actor=stis.admin,
            project=stis.project,
            kind="tertial",
            label="\n \t",
            start=dt.date(2020, 5, 1),
            end=dt.date(2020, 8, 31),
            opens_at=dt.date(2020, 9, 1),
            closes_at=dt.date(2020, 9, 30),
        )
    assert caught.value.code == "period_label_required"
