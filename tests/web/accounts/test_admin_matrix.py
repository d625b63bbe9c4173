"""The matrix over the admin (issue 8, points 4 and 6): the Django admin is for the platform
operator, or fully scoped for a fund administrator, and for nobody else.

Generated from the admin's registry: every registered model's changelist and add page, every
foreign key's autocomplete answer, and the history of an object, asked by Malmö's fund
administrator, by the operator and by every other persona of tests/policy/expectations.py (made
staff, so the policy is what keeps them out). As Malmö no trace of Stockholm (a username, the
municipality, its units, fund or projects: all named "…stockholmsmatris…") appears anywhere; an
object of Stockholm is not found (404, not a redirect or 403), as on the pages and in the API.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import pytest
from django.contrib import admin
from django.db.models import ForeignKey
from django.test import Client

from tests.policy.expectations import PERSONAS, SITE_ACTIONS
from tests.web.matrix_world import MatrixWorld, module_world

TRACE = ("stockholmsmatris", "Stockholms stad")
ADMIN_PERSONAS = SITE_ACTIONS["admin.site"]  # the fund administrator and the operator
OPERATOR = "operator"
CELLS: dict[str, int] = {}


@pytest.fixture(scope="module")
def mw(django_db_setup: Any, django_db_blocker: Any) -> Any:
    with module_world(django_db_blocker, states=("running",)) as world:
        yield world


def _client(user: Any) -> Client:
    user.is_staff = True  # the admin follows the policy, not Django's staff flag
    user.save(update_fields=["is_staff"])
    client = Client()
    client.force_login(user)
    return client


def _models() -> list[tuple[Any, Any]]:
    return sorted(admin.site._registry.items(), key=lambda kv: kv[0]._meta.label)


def _url(model: Any, page: str, *args: Any) -> str:
    opts = model._meta
    base = f"/admin/{opts.app_label}/{opts.model_name}/"
    return base + "".join(f"{a}/" for a in args) + ("" if page == "changelist" else f"{page}/")


def _autocompletes() -> list[str]:
    """Every foreign key of a registered model whose target the admin can search: the admin's
    autocomplete answers for each, whether or not a form uses it."""
    urls = []
    for model, _ in _models():
        for field in model._meta.get_fields():
            if not isinstance(field, ForeignKey):
                continue
            remote = admin.site._registry.get(field.related_model)
            if remote is None or not remote.search_fields:
                continue
            query = {
                "app_label": model._meta.app_label,
                "model_name": model._meta.model_name,
                "field_name": field.name,
                "term": "",
            }
            urls.append(f"/admin/autocomplete/?{urlencode(query)}")
    return urls


def _leaks(text: str) -> list[str]:
    return [t for t in TRACE if t in text]


def test_as_malmo_no_page_of_the_admin_names_anything_of_stockholm(
    mw: MatrixWorld, db: Any
) -> None:
    client = _client(mw.other.users["fund_admin"])
    found, count = [], 0
    index = client.get("/admin/")
    assert index.status_code == 200
    urls = ["/admin/"]
    for model, model_admin in _models():
        listed = client.get(_url(model, "changelist"))
        count += 1
        if listed.status_code == 403:  # a model outside the fund's tenancy (users, axes, tasks)
            assert not model_admin.has_module_permission(listed.wsgi_request), model
            continue
        assert listed.status_code == 200, (model, listed.status_code)
        urls.append(_url(model, "changelist"))
        urls.append(_url(model, "add"))
    urls += _autocompletes()
    for url in urls:
        response = client.get(url)
        count += 1
        if response.status_code not in (200, 403):
            found.append((url, response.status_code))
        elif leaked := _leaks(response.content.decode()):
            found.append((url, leaked))
    CELLS["malmo"] = count
    # the pages are Malmö's own: its units are listed and its users offered for a new role
    assert "malmomatris" in client.get("/admin/accounts/orgunit/").content.decode()
    assert "malmomatris_reader" in client.get("/admin/accounts/membership/add/").content.decode()
    assert found == [], "\n".join(map(str, found))


def test_as_malmo_every_object_of_stockholm_is_not_found_and_its_own_history_is_clean(
    mw: MatrixWorld, db: Any
) -> None:
    from sif.web.accounts.models import Membership

    client = _client(mw.other.users["fund_admin"])
    own, foreign = mw.other, mw.own
    pairs = [
        (own.units[10], foreign.units[10]),
        (own.municipality, foreign.municipality),
        (own.fund, foreign.fund),
        (
            Membership.objects.filter(municipality=own.municipality).first(),
            Membership.objects.filter(municipality=foreign.municipality).first(),
        ),
        (None, mw.projects["running"]),
        (None, mw.entry),
        (None, mw.periods["running"]),
    ]
    wrong = []
    for mine, theirs in pairs:
        for page in ("change", "history", "delete"):
            response = client.get(_url(type(theirs), page, theirs.pk))
            if response.status_code != 404:
                wrong.append((type(theirs).__name__, page, response.status_code))
            if mine is not None and page != "delete":
                seen = client.get(_url(type(mine), page, mine.pk))
                if seen.status_code != 200 or _leaks(seen.content.decode()):
                    wrong.append((type(mine).__name__, page, seen.status_code, "own"))
    assert wrong == [], "\n".join(map(str, wrong))


@pytest.mark.parametrize("persona", sorted(PERSONAS))
def test_no_other_role_gets_any_admin_page_even_as_staff(
    mw: MatrixWorld, db: Any, persona: str
) -> None:
    if persona in ADMIN_PERSONAS:
        return
    client = _client(mw.own.users[persona])
    assert client.get("/admin/").context["app_list"] == []
    wrong = []
    for model, _ in _models():
        status = client.get(_url(model, "changelist")).status_code
        if status != 403:
            wrong.append((model._meta.label, status))
    for url in _autocompletes()[:3]:
        if client.get(url).status_code != 403:
            wrong.append((url, "autocomplete"))
    assert wrong == []


def test_the_platform_operator_reaches_every_model_of_the_admin(mw: MatrixWorld, db: Any) -> None:
    client = _client(mw.operator)
    wrong = [
        (model._meta.label, status)
        for model, _ in _models()
        if (status := client.get(_url(model, "changelist")).status_code) != 200
    ]
    assert wrong == []
    units = client.get(_url(type(mw.own.units[10]), "changelist")).content.decode()
    assert "stockholmsmatris" in units and "malmomatris" in units


def _page_urls(mw: MatrixWorld) -> list[str]:
    """Every page about one project or one fund (from the URL configuration), for Stockholm's."""
    from django.urls import get_resolver
    from django.urls.resolvers import URLResolver

    def walk(patterns: list[Any], prefix: str = "") -> list[str]:
        found = []
        for p in patterns:
            if isinstance(p, URLResolver):
                found += walk(p.url_patterns, prefix + str(p.pattern))
            else:
                found.append(prefix + str(p.pattern))
        return found

    state = next(iter(mw.projects))
    ids = {
        "pk": mw.projects[state].pk,
        "period_id": mw.periods[state].pk,
        "unit_id": mw.own.units[20].pk,
        "indicator_id": mw.indicators[state].pk,
        "report_id": mw.reports[state].pk,
        "activity_id": mw.activities[state].pk,
        "instrument_id": mw.instruments[state].pk,
        "version": 1,
        "kind": "ansokan",
        "fmt": "xlsx",
        "entry_id": mw.entry.pk,
        "decision_id": 1,
    }
    urls = []
    for pattern in walk(get_resolver().url_patterns):
        if not pattern.startswith(("projekt/<int:pk>/", "fond/<int:pk>")):
            continue
        url = "/" + pattern
        for name, value in ids.items():
            if name in ("pk",) and pattern.startswith("fond/"):
                value = mw.own.fund.pk
            for converter in ("int", "str", "slug"):
                url = url.replace(f"<{converter}:{name}>", str(value))
        urls.append(url)
    return urls


def test_every_page_about_another_municipalitys_project_or_fund_is_not_found(
    mw: MatrixWorld, db: Any
) -> None:
    """Malmö's fund administrator, and for projects an applicant of an unrelated Stockholm unit,
    get 404 from every page (GET, or POST where the page only takes a form), never 403 or a form;
    the applicant, a member of the fund's municipality, is refused the fund's pages with 403."""
    askers = [(_client(mw.other.users["fund_admin"]), "malmo")]
    askers.append((_client(mw.own.users["applicant_unrelated"]), "unrelated"))
    wrong, count = [], 0
    for url in _page_urls(mw):
        for client, who in askers:
            # the fund is the applicant's own municipality's: refused (403), not hidden
            wanted = 403 if who == "unrelated" and url.startswith("/fond/") else 404
            status = client.get(url).status_code
            if status == 405:
                status = client.post(url, {}).status_code
            count += 1
            if status != wanted:
                wrong.append((who, url, status, wanted))
    CELLS["pages"] = count
    assert count > 40
    assert wrong == [], "\n".join(map(str, wrong))
