"""Follow-up arithmetic: aggregation across units, suppression of small counts, spread, gender."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sif.calc.errors import SifError
from sif.calc.followup import (
    BELOW_THRESHOLD,
    COMPLEMENTARY,
    COUNT_CEILING,
    aggregate_counts,
    aggregate_shares,
    check_activity,
    check_count,
    check_share,
    gender_analysis,
    gender_split,
    spread_between_units,
    suppress,
    weighted_mean,
)

counts = st.lists(st.one_of(st.none(), st.integers(0, 10_000)), max_size=12)
share_parts = st.lists(
    st.integers(0, 5_000).flatmap(lambda d: st.tuples(st.integers(0, d), st.just(d))), max_size=12
)
scores = st.lists(
    st.tuples(
        st.decimals(min_value=0, max_value=10, places=2, allow_nan=False, allow_infinity=False),
        st.integers(0, 500),
    ),
    max_size=12,
)


def test_counts_of_seven_districts_add_up_and_unreported_units_are_left_out() -> None:
    assert aggregate_counts([640, 655, 700, None, 610, 620, 675]) == 3900
    assert aggregate_counts([None, None]) is None


def test_a_share_is_pooled_over_units_not_averaged() -> None:
    pooled = aggregate_shares([(1, 2), (9, 98)])
    assert pooled is not None
    assert (pooled.numerator, pooled.denominator, pooled.units) == (10, 100, 2)
    assert pooled.rate == Decimal("0.1")  # the mean of 0.5 and ~0.09 would be ~0.30


def test_a_numerator_larger_than_its_denominator_is_refused() -> None:
    with pytest.raises(SifError) as caught:
        aggregate_shares([(3, 10), (11, 10)])
    assert caught.value.code == "numerator_exceeds_denominator"
    with pytest.raises(SifError):
        check_share(-1, 10)


def test_scores_are_weighted_by_the_number_measured() -> None:
    assert weighted_mean([(Decimal("4"), 10), (Decimal("1"), 30)]) == Decimal("1.75")
    assert weighted_mean([]) is None
    assert weighted_mean([(Decimal("3"), 0)]) is None


@given(counts, st.randoms())
def test_count_aggregation_does_not_depend_on_the_order_of_units(values, rnd) -> None:
    shuffled = list(values)
    rnd.shuffle(shuffled)
    assert aggregate_counts(values) == aggregate_counts(shuffled)


@given(share_parts, st.randoms())
def test_share_aggregation_does_not_depend_on_the_order_of_units(parts, rnd) -> None:
    shuffled = list(parts)
    rnd.shuffle(shuffled)
    assert aggregate_shares(parts) == aggregate_shares(shuffled)


@given(scores, st.randoms())
def test_weighted_mean_does_not_depend_on_the_order_of_units(pairs, rnd) -> None:
    shuffled = list(pairs)
    rnd.shuffle(shuffled)
    assert weighted_mean(pairs) == weighted_mean(shuffled)


def test_cells_under_the_threshold_are_hidden_with_the_reason() -> None:
    result = suppress({"Farsta": 12, "Skarpnäck": 3, "Skärholmen": 0, "Spånga-Tensta": 5})
    assert result.visible == {"Farsta": 12, "Spånga-Tensta": 5}
    assert result.hidden == {"Skarpnäck": BELOW_THRESHOLD, "Skärholmen": BELOW_THRESHOLD}


def test_a_single_hidden_cell_beside_a_published_total_hides_the_smallest_other_cell() -> None:
    result = suppress({"a": 40, "b": 2, "c": 9, "d": 30}, total_published=True)
    assert result.hidden == {"b": BELOW_THRESHOLD, "c": COMPLEMENTARY}
    assert result.visible == {"a": 40, "d": 30}


@given(
    st.dictionaries(st.text(min_size=1, max_size=4), st.integers(0, 60), max_size=10),
    st.integers(1, 20),
    st.booleans(),
)
def test_suppression_never_reveals_a_cell_under_the_threshold(cells, threshold, total) -> None:
    result = suppress(cells, threshold, total_published=total)
    assert all(n >= threshold for n in result.visible.values())
    assert set(result.visible) | set(result.hidden) == set(cells)
    assert not set(result.visible) & set(result.hidden)
    if total and len(cells) > 1:
        # with a published total, a lone hidden cell could be recovered by subtraction
        assert len(result.hidden) != 1 or len(cells) == 1


@given(
    st.dictionaries(st.text(min_size=1, max_size=4), st.integers(0, 60), max_size=10), st.randoms()
)
def test_suppression_does_not_depend_on_the_order_of_cells(cells, rnd) -> None:
    items = list(cells.items())
    rnd.shuffle(items)
    a = suppress(cells, total_published=True)
    b = suppress(dict(items), total_published=True)
    assert (a.visible, a.hidden) == (b.visible, b.hidden)


def test_the_gender_analysis_gives_shares_present_and_single_attendee_shares() -> None:
    # two units' conversations; figures chosen so that the shares are exact
    analysis = gender_analysis([(60, 55, 25, 30, 5), (40, 37, 15, 14, 1)])
    assert (analysis.total, analysis.with_mother, analysis.with_father) == (100, 92, 40)
    assert analysis.share_with_mother == Decimal("0.92")
    assert analysis.share_with_father == Decimal("0.4")
    assert analysis.single_share_mother == Decimal("0.88")
    assert analysis.single_share_father == Decimal("0.12")


def test_a_gender_count_larger_than_the_total_is_refused() -> None:
    with pytest.raises(SifError) as caught:
        gender_analysis([(10, 11, 2, 0, 0)])
    assert caught.value.code == "part_exceeds_total"


def test_a_generic_gender_split_gives_each_share() -> None:
    assert gender_split({"kvinnor": 3, "män": 1}) == {
        "kvinnor": Decimal("0.75"),
        "män": Decimal("0.25"),
    }
    assert gender_split({"kvinnor": 0, "män": 0}) == {"kvinnor": None, "män": None}


def test_the_spread_between_units_shrinks_when_their_ratings_converge() -> None:
    ratings = {
        "Farsta": {1: [2.0, 3.0], 2: [3.5, 3.5]},
        "Skarpnäck": {1: [4.0, 5.0], 2: [3.5, 4.0]},
        "Skärholmen": {1: [3.0, None], 2: [3.5, 4.5]},
    }
    first, second = spread_between_units(ratings, dimensions=2)
    assert first.occasion == 1 and second.occasion == 2
    assert first.dimensions[0] is not None
    assert (first.dimensions[0].mean, first.dimensions[0].sd, first.dimensions[0].range) == (
        3.0,
        1.0,
        2.0,
    )
    assert first.dimensions[1] is not None and first.dimensions[1].units == 2
    assert second.dimensions[0] is not None and second.dimensions[0].sd == 0.0
    assert first.overall is not None and second.overall is not None
    assert second.overall.sd is not None and first.overall.sd is not None
    assert second.overall.sd < first.overall.sd
    assert second.mean_dimension_sd is not None and first.mean_dimension_sd is not None
    assert second.mean_dimension_sd < first.mean_dimension_sd


def test_a_rating_row_with_the_wrong_number_of_dimensions_is_refused() -> None:
    with pytest.raises(SifError) as caught:
        spread_between_units({"Farsta": {1: [1.0, 2.0]}}, dimensions=9)
    assert caught.value.code == "wrong_dimension_count"


CONVERSATIONS = {
    "with_mother": 8,
    "with_father": 4,
    "single_mother": 5,
    "single_father": 1,
    "women": 9,
    "men": 4,
}


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({}, None),
        (
            {"single_mother": 9},
            "single_exceeds_present",
        ),  # endast mamma 9 > med mamma 8 (the probe's 500)
        ({"single_father": 5}, "single_exceeds_present"),
        ({"with_mother": 14}, "part_exceeds_total"),
        ({"women": 10}, "part_exceeds_total"),  # kvinnor + män = 14 > 13
        ({"women": 10, "men": None}, None),  # män not given: nothing to add up
        (
            {"with_mother": 13, "with_father": 13, "single_mother": 7, "single_father": 7},
            "part_exceeds_total",
        ),
        ({"men": -1}, "negative_count"),
        ({"men": 1.5}, "not_a_whole_number"),
    ],
)
def test_the_identities_of_an_activity_count(changes: dict[str, object], code: str | None) -> None:
    parts = CONVERSATIONS | changes
    if code is None:
        check_activity(13, parts)  # type: ignore[arg-type]
        return
    with pytest.raises(SifError) as caught:
        check_activity(13, parts)  # type: ignore[arg-type]
    assert caught.value.code == code


def test_women_and_men_of_unique_parents_add_up_to_at_most_the_total() -> None:
    check_activity(42, {"women": 30, "men": 12})
    with pytest.raises(SifError) as caught:
        check_activity(
            42,
            {"women": 30, "men": 13},
            activity="Unika föräldrar",
            labels={"women": "Kvinnor", "men": "Män"},
        )
    assert caught.value.params == {
        "activity": "Unika föräldrar",
        "part": "Kvinnor + män",
        "value": 43,
        "total": 42,
    }


@pytest.mark.parametrize(
    ("n", "code"),
    [
        (0, None),
        (COUNT_CEILING, None),
        (COUNT_CEILING + 1, "count_too_large"),
        (99_999_999_999_999, "count_too_large"),
        (-5, "negative_count"),
    ],
)
def test_a_count_is_whole_non_negative_and_below_the_ceiling(n: int, code: str | None) -> None:
    if code is None:
        check_count(n)
        return
    with pytest.raises(SifError) as caught:
        check_count(n)
    assert caught.value.code == code
