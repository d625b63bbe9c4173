"""Finding 4 of the probe, for the project form: the period drives the budget table's columns, so an
end date in year 9999 or a 500-year project is refused before anything is stored."""

from __future__ import annotations

from typing import Any

import pytest

from sif.web.projects.forms import ProjectForm

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("start", "end", "field", "message"),
    [
        ("2020-01-01", "9999-12-31", "end_date", "Året ska ligga mellan 1900 och 2200."),
        ("2020-01-01", "2090-12-31", "end_date", "Projektperioden kan vara högst 30 år."),
        ("0001-01-01", "2022-12-31", "start_date", "Året ska ligga mellan 1900 och 2200."),
    ],
)
def test_a_period_beyond_the_bounds_is_refused(
    world: Any, start: str, end: str, field: str, message: str
) -> None:
    form = ProjectForm(
        {"title": "Hembesök", "start_date": start, "end_date": end},
        user=world.admin,
        creating=False,
    )
    assert not form.is_valid()
    assert message in form.errors[field]


def test_a_three_year_period_is_accepted(world: Any) -> None:
    form = ProjectForm(
        {"title": "Hembesök", "start_date": "2020-01-01", "end_date": "2022-12-31"},
        user=world.admin,
        creating=False,
    )
    assert form.is_valid(), form.errors
