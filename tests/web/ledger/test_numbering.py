"""Issue 8: ledger post numbers were global, so Stockholm's first post was "post 3". They now count
per fund."""

from __future__ import annotations

from datetime import date

from django.test import Client

from sif.web.ledger import services


def test_each_fund_numbers_its_own_posts_from_one(world) -> None:  # type: ignore[no-untyped-def]
    for amount in ("1000000", "2000000"):
        services.ledger_allocate(
            actor=world.outsider, fund=world.malmo_fund, amount=amount, booked_on=date(2012, 4, 12)
        )
    first = services.ledger_allocate(
        actor=world.admin, fund=world.fund, amount="5000000", booked_on=date(2019, 1, 1)
    )
    assert first.number == 1
    client = Client()
    client.force_login(world.admin)
    page = client.get(f"/fond/{world.fund.pk}/bokforing/").text
    assert f'<tr id="post-{first.pk}">\n      <td>1</td>' in page
