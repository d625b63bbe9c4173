"""The follow-up pages in English: the short words, the part labels and the save messages reach the
catalogue (msgids are Swedish), and every page title ends in " – SIF"."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.urls import reverse

from sif.web.followup import measurement_store
from sif.web.followup.models import ActivityCount, Qualifier


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def _title(html: str) -> str:
    found = re.search(r"<title>(.*?)</title>", html, re.S)
    assert found is not None
    return found.group(1).strip()


def test_the_overview_in_english_says_of_and_about(english, stis) -> None:
    measurement_store.activity_save(
        actor=stis.admin,
        period=stis.period,
        unit=stis.districts["Farsta"],
        activity=stis.conversations,
        total=100,
        with_mother=92,
        with_father=40,
        single_mother=44,
        single_father=6,
    )
    ActivityCount.objects.update(qualifier=Qualifier.ABOUT)
    english.force_login(stis.admin)
    page = english.get(reverse("followup:overview", args=[stis.project.pk])).content.decode()
    assert "92 of 100" in page and "44 of 50" in page
    assert "about 100" in page
    assert " av " not in page.split("<main", 1)[-1].split("</main>")[0]
    assert _title(page) == "Follow-up – Stärkt tidigt stöd i samverkan – SIF"


def test_the_report_form_labels_and_save_message_in_english(english, stis) -> None:
    farsta = stis.districts["Farsta"]
    english.force_login(stis.farsta)
    url = reverse("followup:report", args=[stis.project.pk, stis.period.pk, farsta.pk])
    form = english.get(url).content.decode()
    assert "With mother" in form and "Father only" in form and "Med mamma" not in form
    response = english.post(url, {f"a-{stis.conversations.pk}-total": "10"}, follow=True)
    assert f"The figures for {farsta.name}, T1 2020, are saved." in response.content.decode()


def test_the_same_pages_in_swedish(client, stis) -> None:
    measurement_store.activity_save(
        actor=stis.admin,
        period=stis.period,
        unit=stis.districts["Farsta"],
        activity=stis.conversations,
        total=100,
        with_mother=92,
        with_father=40,
        single_mother=44,
        single_father=6,
    )
    ActivityCount.objects.update(qualifier=Qualifier.OVER)
    client.force_login(stis.admin)
    page = client.get(reverse("followup:overview", args=[stis.project.pk])).content.decode()
    assert "92 av 100" in page and "drygt 100" in page
    assert _title(page) == "Uppföljning – Stärkt tidigt stöd i samverkan – SIF"


@pytest.mark.parametrize(
    "name",
    [
        "overview",
        "indicators",
        "activity_types",
        "period_new",
        "spider_instrument_new",
        "report",
        "status_report",
        "upload",
    ],
)
def test_every_follow_up_page_title_ends_in_sif(client, stis, name) -> None:
    client.force_login(stis.admin)
    args = {
        "report": [stis.project.pk, stis.period.pk, stis.districts["Farsta"].pk],
        "status_report": [stis.project.pk, stis.period.pk, stis.districts["Farsta"].pk],
        "upload": [stis.project.pk, stis.period.pk],
    }.get(name, [stis.project.pk])
    response = client.get(reverse(f"followup:{name}", args=args))
    assert response.status_code == 200
    assert _title(response.content.decode()).endswith(" – SIF")
