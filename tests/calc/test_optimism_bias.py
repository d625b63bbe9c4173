"""Optimism bias from the Green Book's supplementary guidance: the table, the mitigation formula
and the combined-project rule (the guidance's own worked examples are in test_published_examples)."""

import pytest

from sif.calc.adjustments import (
    MAX_OPTIMISM_BIAS_COSTS,
    OPTIMISM_BIAS_CAPEX_UPPER,
    OPTIMISM_BIAS_OPEX_UPPER,
)
from sif.calc.errors import SifError
from sif.calc.optimism_bias import (
    TABLE_2,
    bounds_for,
    combined_upper_bound,
    managed_contribution,
    resultant_bias,
)


def test_the_constants_are_table_2s_figures() -> None:
    assert bounds_for("standard_buildings").capex_upper == OPTIMISM_BIAS_CAPEX_UPPER
    assert bounds_for("outsourcing").capex_upper == OPTIMISM_BIAS_OPEX_UPPER  # operating costs
    assert max(row.capex_upper for row in TABLE_2) == MAX_OPTIMISM_BIAS_COSTS
    assert all(row.capex_lower <= row.capex_upper for row in TABLE_2)


def test_nothing_managed_leaves_the_upper_bound_and_everything_managed_leaves_nothing() -> None:
    assert resultant_bias(0.51, []) == 0.51
    assert resultant_bias(0.51, [(60, 1.0), (40, 1.0)]) == pytest.approx(0.0)


@pytest.mark.parametrize(
    ("call", "code"),
    [
        (lambda: bounds_for("bridges"), "unknown_project_type"),
        (lambda: managed_contribution([(120, 1.0)]), "share_percent_out_of_range"),
        (lambda: managed_contribution([(20, 1.5)]), "share_out_of_range"),
        (lambda: managed_contribution([(60, 1.0), (50, 1.0)]), "share_percent_out_of_range"),
        (lambda: combined_upper_bound([(0.3, 0.51), (0.6, 0.24)]), "shares_not_one"),
    ],
)
def test_bad_inputs_are_refused_with_a_code(call, code: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SifError) as caught:
        call()
    assert caught.value.code == code
