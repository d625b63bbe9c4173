"""The version helper behind every edit conflict: what it lists and when it refuses."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sif.calc.errors import SifError
from sif.web.core.versions import Change, Conflict, changes, flat, refuse_if_stale


def test_nested_data_is_flattened_to_paths_the_field_labels_name() -> None:
    assert flat({"horizon": 10, "outcomes": [{"values": [{"amount": 5}]}], "costs": []}) == {
        "horizon": 10,
        "outcomes[0].values[0].amount": 5,
        "costs": None,
    }


def test_changes_name_each_field_in_words_with_old_and_new_value() -> None:
    before = flat({"horizon": 10, "discount_rate": 0.035, "outcomes": [{"label": "A"}]})
    after = flat({"horizon": 12, "discount_rate": 0.035, "outcomes": [{"label": "B"}]})
    assert changes(before, after) == [
        Change("kalkylperiod", "10", "12"),
        Change("utfall 1: benämning", "A", "B"),
    ]
    assert changes(
        {"cap": None, "start_year": 2021}, {"cap": Decimal("1500.5"), "start_year": 2022}
    ) == [Change("tak", "tomt", "1\xa0500,5"), Change("startår", "2021", "2022")]


@pytest.mark.parametrize("read", [None, 3])
def test_a_save_from_the_current_version_or_without_one_is_not_checked(read: int | None) -> None:
    refuse_if_stale(read=read, current=3, what="budgeten", since=lambda: pytest.fail("asked"))


def test_a_stale_save_is_refused_with_the_first_changes_and_a_count_of_the_rest() -> None:
    many = [Change(f"fält {i}", "1", "2") for i in range(8)]
    with pytest.raises(SifError) as refused:
        refuse_if_stale(
            read=1, current=2, what="kalkylen", since=lambda: Conflict("Eva", None, many)
        )
    params = refused.value.params
    assert (params["who"], params["at"]) == ("Eva", "nyss")
    assert params["changes"].endswith("fält 5: 1 → 2 och 2 ändringar till")
    assert len(params["fields"]) == 8


def test_whitespace_and_empty_values_are_no_change_and_a_late_change_in_a_long_text_shows() -> None:
    intro = "Hässelby-Vällingby stadsdelsförvaltning har under flera år arbetat med "
    assert changes({"a": "rad ett\nrad två", "b": None}, {"a": "rad ett\r\nrad två", "b": ""}) == []
    assert changes({"a": intro + "barn."}, {"a": intro + "unga."}) == [
        Change("a", "…år arbetat med barn.", "…år arbetat med unga.")
    ]


def test_a_short_text_is_shown_whole() -> None:
    assert changes({"name": "Pilot – namn 1"}, {"name": "Pilot – namn 2"}) == [
        Change("namn", "Pilot – namn 1", "Pilot – namn 2")
    ]
