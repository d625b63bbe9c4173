"""Project.example_sections holds only known section codes, each once."""

from __future__ import annotations

import pytest

from sif.calc.errors import SifError
from sif.web.projects import project_details
from tests.web.builders import make_project

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("bad", [["budgets"], "budget", ["budget", "budget"]])
def test_an_unknown_or_repeated_section_code_is_refused_and_changes_nothing(world, bad):
    project = make_project(world.fund, world.unit_a)
    with pytest.raises(SifError) as info:
        project_details.project_update(actor=world.admin, project=project, example_sections=bad)
    assert info.value.code == "field_invalid"
    project.refresh_from_db()
    assert project.example_sections == []


def test_known_section_codes_are_kept(world):
    project = make_project(world.fund, world.unit_a)
    project_details.project_update(
        actor=world.admin, project=project, example_sections=["owner_unit", "budget"]
    )
    project.refresh_from_db()
    assert project.example_sections == ["owner_unit", "budget"]
