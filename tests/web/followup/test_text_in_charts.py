"""Finding 2 of the probe: an indicator named `Andel barn \\d` made the follow-up page, the final
report and the committee paper answer 500 (`re.error` while putting the title into the SVG)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from sif.web.followup import measurement_store
from sif.web.projects.models import Project, ProjectState

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["Andel barn \\d", "Andel \\1 $\\x$ <b>"])
def test_a_backslash_in_an_indicator_name_leaves_the_page_and_documents_working(
    client: Any, stis: Any, name: str
) -> None:
    stis.share.name = name
    stis.share.save()
    measurement_store.measurement_save(
        actor=stis.admin,
        indicator=stis.share,
        period=stis.period,
        unit=stis.districts["Farsta"],
        numerator=3,
        denominator=10,
    )
    # a reported project offers the final report and the committee paper
    Project.objects.filter(pk=stis.project.pk).update(state=ProjectState.FINAL_REPORT_SUBMITTED)
    client.force_login(stis.admin)
    page = client.get(reverse("followup:overview", args=[stis.project.pk]))
    assert page.status_code == 200
    chart = re.search(r'<img src="([^"]+)" alt="Andel', page.content.decode())
    assert chart is not None
    assert "<title>Andel" in client.get(chart.group(1)).content.decode()
    for kind, fmt in (("slutrapport", "pdf"), ("tjansteutlatande", "docx")):
        response = client.get(reverse("documents:project", args=[stis.project.pk, kind, fmt]))
        assert response.status_code == 200, (kind, fmt)
        assert len(response.content) > 1000
