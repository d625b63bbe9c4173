"""The event log in the admin at any size: its filters are select lists over what is known without
reading the log (labelled actions, the municipalities in scope) and its pager counts at most a cap."""

from __future__ import annotations

import re
from typing import Any

from django.contrib.auth import get_user_model
from django.test import Client

from sif.web.audit.models import Event
from sif.web.audit.services import event_record
from sif.web.core.paging import COUNT_CAP, CappedCountPaginator
from tests.web.builders import make_project
from tests.web.conftest import World


def _log(world: World) -> None:
    sthlm = make_project(world.fund, world.unit_a, title="Hembesöksprogrammet")
    malmo = make_project(world.malmo_fund, world.malmo_unit, title="Malmöprojektet")
    for project, action in (
        (sthlm, "budget_set"),
        (sthlm, "project_update"),
        (malmo, "budget_set"),
    ):
        event_record(
            actor=world.admin,
            action=action,
            obj=project,
            municipality_id=project.municipality_id,
            project_id=project.pk,
        )


def _client(user: Any) -> Client:
    user.is_staff = True
    user.save()
    client = Client()
    client.force_login(user)
    return client


def _rows(html: str) -> int:
    return len(re.findall(r'<th class="field-at', html))


def test_the_superuser_filters_the_log_by_a_swedish_action_and_a_municipality_together(
    world: World,
) -> None:
    _log(world)
    root = get_user_model().objects.create_superuser("root", password=None)
    client = _client(root)

    page = client.get("/admin/audit/event/").content.decode()
    assert '<option value="budget_set">Budget ändrad</option>' in page
    assert f'<option value="{world.malmo.pk}">' in page  # both municipalities offered
    assert _rows(page) == 3

    both = client.get(f"/admin/audit/event/?action=budget_set&municipality={world.sthlm.pk}")
    html = both.content.decode()
    assert _rows(html) == 1
    # each filter's form keeps the other filter when it is submitted
    assert f'<input type="hidden" name="municipality" value="{world.sthlm.pk}">' in html
    assert '<input type="hidden" name="action" value="budget_set">' in html


def test_a_fund_administrator_gets_no_municipality_filter_and_an_unknown_action_shows_nothing(
    world: World,
) -> None:
    _log(world)
    client = _client(world.admin)

    page = client.get("/admin/audit/event/").content.decode()
    assert 'name="municipality"' not in page and "Malmö" not in page
    assert _rows(page) == 2
    assert _rows(client.get("/admin/audit/event/?action=no_such_action").content.decode()) == 0


def test_the_capped_pager_counts_the_rows_up_to_the_cap(world: World) -> None:
    _log(world)
    assert CappedCountPaginator(Event.objects.order_by("-at"), 50).count == 3
    assert CappedCountPaginator(Event.objects.filter(action="budget_set"), 50).count == 2
    assert COUNT_CAP == 10_000
