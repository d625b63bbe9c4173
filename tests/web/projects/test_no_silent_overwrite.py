"""Issue 8, point 5 (budget): the second of two concurrent saves is refused with a Swedish message
naming who changed the budget and how, and changes nothing."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from sif.web.projects.models import BudgetCell, Project, ProjectState
from tests.web.builders import make_project


def test_the_second_of_two_concurrent_budget_saves_gets_a_conflict_message(world) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    project = make_project(
        world.fund,
        world.unit_a,
        state=ProjectState.APPLICATION_STEP2,
        start_date=date(2020, 1, 1),
        end_date=date(2020, 12, 31),
    )
    url = reverse("projects:budget", args=[project.pk])
    first, second = Client(), Client()
    first.force_login(world.admin)
    second.force_login(world.applicant_a)
    assert (
        'name="version" value="1"' in first.get(url).text
        and 'name="version" value="1"' in second.get(url).text
    )
    assert first.post(url, {"version": "1", "amount-personnel-2020": "100"}).status_code == 302
    response = second.post(url, {"version": "1", "amount-personnel-2020": "250"})
    assert response.status_code == 200
    assert "sparade budgeten" in response.text and "Dina ändringar är inte sparade" in response.text
    assert [c.amount for c in BudgetCell.objects.all()] == [100_000]
    assert Project.objects.get(pk=project.pk).budget_version == 2
