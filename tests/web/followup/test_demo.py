"""The demo: STIS's published figures as project totals, Exempeldata marked, Hela familjen's effect."""

from __future__ import annotations

import io
from decimal import Decimal

from django.urls import reverse

from sif.web.followup import demo as followup_demo
from sif.web.followup.models import ActivityCount, PublishedShare, SpiderRating
from sif.web.projects import demo as projects_demo
from sif.web.projects.models import Project


def test_the_demo_loads_stis_totals_gender_shares_spider_and_the_hela_familjen_effect(db, client) -> None:
    out = io.StringIO()
    users = projects_demo.load(out)
    followup_demo.load(out)
    stis = Project.objects.get(title=followup_demo.STIS_TITLE)
    totals = {a.activity.code: (a.total, a.qualifier, a.unit_id) for a in ActivityCount.objects.filter(project=stis)}
    owner = stis.owner_unit_id
    assert totals == {"home_visits": (4500, "over", owner), "families": (1000, "over", owner), "conversations": (3300, "exact", owner), "unique_parents": (2700, "over", owner)}
    shares = {s.measure: s.share for s in PublishedShare.objects.filter(project=stis)}
    assert shares == {"with_mother": Decimal("0.9000"), "with_father": Decimal("0.4000"), "single_mother": Decimal("0.8800"), "single_father": Decimal("0.1200")}
    ratings = SpiderRating.objects.filter(instrument__project=stis)
    assert ratings.count() == 9 * 6 * 7 and not ratings.filter(is_example=False).exists()
    client.force_login(users["malmo"][0])
    hela = Project.objects.get(title=followup_demo.HELA_FAMILJEN_TITLE)
    page = client.get(reverse("followup:overview", args=[hela.pk])).content.decode()
    assert "16 av 50" in page and "2 av 50" in page and "Fishers exakta test" in page and "Exempeldata" in page
