"""Review scores, actors and fields are shown by their Swedish labels, never by their codes."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sif.calc.field_labels import field_label
from sif.messages import message_for
from sif.web.projects.models import ProjectState, Review
from tests.web.builders import make_project

pytestmark = pytest.mark.django_db


def test_review_scores_show_the_criteria_labels_not_target_group_5(client, world) -> None:
    world.fund.review_criteria = [
        {"code": "target_group", "label": "Målgrupp och behov"},
        {"code": "outcomes", "label": "Utfall och förtjänst"},
    ]
    world.fund.save()
    project = make_project(
        world.fund, world.unit_a, ProjectState.IN_REVIEW, title="Familjecoacher på BVC"
    )
    Review.objects.create(
        project=project,
        reviewer=world.reviewer,
        comments="Tydlig behovsanalys.",
        scores={"target_group": 5, "outcomes": 4},
    )
    client.force_login(world.admin)
    page = client.get(reverse("projects:detail", args=[project.pk])).content.decode()
    assert "Målgrupp och behov" in page and "Utfall och förtjänst" in page
    assert "target_group" not in page and ">outcomes<" not in page


@pytest.mark.parametrize(
    ("path", "label"),
    [
        ("outcomes[0].effect", "utfall 1: effekt"),
        ("outcomes[1].values[0].amount", "utfall 2, värde 1: belopp"),
        ("years", "år"),
        ("effect.intervention_n", "effekt: insatsgruppens storlek"),
        ("costs[2]", "kostnad 3"),
        ("Sammanfattning", "Sammanfattning"),
    ],
)
def test_a_field_path_is_named_in_swedish_words(path: str, label: str) -> None:
    assert field_label(path) == label


@pytest.mark.parametrize(
    ("code", "params", "shown", "hidden"),
    [
        (
            "invalid_number",
            {"field": "outcomes[0].effect", "value": "abc"},
            "Utfall 1: effekt ska vara ett tal",
            "outcomes[0]",
        ),
        ("invalid_number", {"field": "horizon", "value": None}, "men är tomt", "None"),
        (
            "agreement_parameter_invalid",
            {"parameter": "years", "value": "abc"},
            "Värdet abc för år",
            "years",
        ),
        ("share_out_of_range", {"field": "discount_rate", "value": 1.5}, "men är 1,5", "1.5"),
    ],
)
def test_messages_name_fields_and_values_as_a_user_reads_them(
    code: str, params: dict, shown: str, hidden: str
) -> None:
    text = message_for(code, **params)
    assert shown in text and hidden not in text
