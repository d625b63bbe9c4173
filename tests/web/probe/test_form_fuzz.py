"""The outside probe kept in the suite for the pages: every POST form SIF shows a fund
administrator is found by reading the pages (as a browser would), and hypothesis fills its fields
with what the probe sent (negative and fractional counts, 1e400, formula text, backslashes,
newlines, personnummer, NUL, long text). No answer may be a 5xx, and a refused form (any answer
but a redirect) stores nothing: the row count of every table is unchanged."""

from __future__ import annotations

import re
from html import unescape
from typing import Any

import pytest
from django.apps import apps
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sif.web.projects.models import ProjectState
from tests.web.builders import make_project
from tests.web.followup.conftest import stis  # noqa: F401  (the STIS world as a fixture)

pytestmark = pytest.mark.django_db
EXAMPLES = 4  # per form: 17 forms, 186 fields with the STIS world
NASTY = [
    "",
    "0",
    "-5",
    "1,5",
    "1e308",
    "1e400",
    "99999999999999999999",
    "NaN",
    "abc",
    "=1+1",
    "@SUM(A1)",
    "Andel barn \\d",
    "T2\n2020",
    '"; filename="x',
    "\x00",
    "2020-02-30",
    "9" * 60,
    "121212-1212",
    "<script>alert(1)</script>",
    "x" * 5000,
]
VALUES = st.one_of(st.sampled_from(NASTY), st.text(max_size=30))
SKIP_ACTIONS = ("/i18n/", "/logga-ut/")
FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.S | re.I)
FIELD = re.compile(r"<(input|select|textarea)\b([^>]*)>", re.I)


def _attr(attrs: str, name: str) -> str | None:
    found = re.search(rf'\b{name}="([^"]*)"', attrs)
    return unescape(found.group(1)) if found else None


def post_forms(html: str, page: str) -> list[tuple[str, list[str]]]:
    """(action, field names) of every POST form on the page, without file uploads."""
    forms = []
    for attrs, body in FORM.findall(html):
        if (_attr(attrs, "method") or "get").lower() != "post" or "multipart" in attrs:
            continue
        action = _attr(attrs, "action") or page
        if action.startswith(SKIP_ACTIONS):
            continue
        names = []
        for _tag, field in FIELD.findall(body):
            name = _attr(field, "name")
            if (
                name
                and name != "csrfmiddlewaretoken"
                and (_attr(field, "type") or "").lower() not in ("submit", "file")
            ):
                names.append(name)
        forms.append((action, sorted(set(names))))
    return forms


def rows() -> int:
    return sum(
        m.objects.count()
        for m in apps.get_models()
        if m._meta.managed and not m._meta.proxy and m._meta.label != "sessions.Session"
    )


def _pages(stis: Any, review: Any) -> list[str]:  # noqa: F811
    p, q, f = stis.project.pk, review.pk, stis.project.fund_id
    period, farsta = stis.period.pk, stis.districts["Farsta"].pk
    return [
        "/projekt/nytt/",
        f"/projekt/{q}/",
        f"/projekt/{q}/redigera/",
        f"/projekt/{q}/budget/",
        f"/projekt/{q}/granskning/",
        f"/projekt/{q}/ansokan/full/",
        f"/projekt/{q}/ansokan/kort/",
        f"/projekt/{q}/beslut/",
        f"/projekt/{q}/kalkyl/ny/",
        f"/projekt/{q}/kalkyl/ny/avancerat/",
        f"/projekt/{p}/",
        f"/projekt/{p}/avslut/",
        f"/projekt/{p}/uppfoljning/",
        f"/projekt/{p}/uppfoljning/indikatorer/",
        f"/projekt/{p}/uppfoljning/indikatorer/{stis.count.pk}/",
        f"/projekt/{p}/uppfoljning/perioder/ny/",
        f"/projekt/{p}/uppfoljning/perioder/{period}/enhet/{farsta}/",
        f"/projekt/{p}/uppfoljning/perioder/{period}/status/{farsta}/",
        f"/projekt/{p}/uppfoljning/aktiviteter/",
        f"/projekt/{p}/uppfoljning/spindel/ny/",
        f"/fond/{f}/bokforing/",
        f"/projekt/{p}/aterbetalning/",
    ]


@pytest.fixture
def forms_found(client: Client, stis: Any) -> tuple[Client, list[tuple[str, list[str]]]]:  # noqa: F811
    review = make_project(
        stis.project.fund,
        stis.owner,
        state=ProjectState.IN_REVIEW,
        title="Granskas",
        sought_amount=1_000_000,
    )
    client = Client(raise_request_exception=False)
    client.force_login(stis.admin)
    found: dict[tuple[str, tuple[str, ...]], list[str]] = {}
    for page in _pages(stis, review):
        response = client.get(page)
        if (
            response.status_code != 200
        ):  # a page the state does not offer (e.g. closing a running project)
            continue
        for action, names in post_forms(response.content.decode(), page):
            found.setdefault((action, tuple(names)), names)
    return client, [(action, names) for (action, _), names in found.items()]


def test_every_form_survives_the_probes_values_and_stores_nothing_when_refused(
    forms_found: Any,
) -> None:
    client, forms = forms_found
    assert (
        len(forms) >= 15 and sum(len(names) for _a, names in forms) >= 80
    )  # the coverage, counted
    failures: list[str] = []
    for action, names in forms:
        _probe(client, action, names, failures)
    assert failures == []


def _probe(client: Client, action: str, names: list[str], failures: list[str]) -> None:
    @settings(
        max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(values=st.fixed_dictionaries({name: VALUES for name in names}))
    def probe(values: dict[str, str]) -> None:
        before = rows()
        response = client.post(action, values)
        if response.status_code >= 500:
            failures.append(f"{response.status_code} {action} {values!r}"[:500])
        elif response.status_code not in (301, 302) and rows() != before:
            failures.append(f"stored on refusal ({response.status_code}) {action} {values!r}"[:500])

    probe()
