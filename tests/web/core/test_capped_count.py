"""The admin's big lists count at most COUNT_CAP rows (issue 16), and exactly when there are fewer."""

from __future__ import annotations

import pytest

from sif.web.accounts.models import Municipality
from sif.web.core import paging

pytestmark = pytest.mark.django_db


def test_the_count_stops_at_the_cap_and_is_exact_below_it(monkeypatch: pytest.MonkeyPatch) -> None:
    for n in range(5):
        Municipality.objects.create(code=f"k{n}", name=f"Kommun {n}")
    everything = Municipality.objects.order_by("pk")
    total = everything.count()
    monkeypatch.setattr(paging, "COUNT_CAP", total - 2)
    assert paging.CappedCountPaginator(everything, 2).count == total - 2
    monkeypatch.setattr(paging, "COUNT_CAP", total + 10)
    assert paging.CappedCountPaginator(everything, 2).count == total
