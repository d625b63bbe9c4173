"""Personas shared by the web tests: two municipalities, two units in one of them.

| persona | who |
|---|---|
| admin | fondförvaltare, Stockholm (whole municipality) |
| applicant_a | sökande of unit A (Hässelby-Vällingby stadsdelsförvaltning) |
| applicant_b | sökande of unit B (Rinkeby-Kista stadsdelsförvaltning) |
| reporter | rapportör of district A |
| reviewer | granskare, Stockholm |
| reader | läsare, Stockholm |
| outsider | fondförvaltare of Malmö (another municipality) |
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from sif.web.accounts.models import Municipality, OrgUnit, Role
from sif.web.projects.models import Fund
from tests.web.builders import make_fund, make_municipality, make_unit, make_user


@dataclass
class World:
    sthlm: Municipality
    malmo: Municipality
    unit_a: OrgUnit
    unit_b: OrgUnit
    malmo_unit: OrgUnit
    fund: Fund
    malmo_fund: Fund
    admin: Any
    applicant_a: Any
    applicant_b: Any
    reporter: Any
    reviewer: Any
    reader: Any
    outsider: Any

    def persona(self, name: str) -> Any:
        return getattr(self, name)


PERSONAS = ("admin", "applicant_a", "applicant_b", "reporter", "reviewer", "reader", "outsider")


@pytest.fixture
def world(db: Any) -> World:
    sthlm = make_municipality("sthlm")
    malmo = make_municipality("malmo")
    unit_a = make_unit(sthlm, "Hässelby-Vällingby stadsdelsförvaltning")
    unit_b = make_unit(sthlm, "Rinkeby-Kista stadsdelsförvaltning")
    malmo_unit = make_unit(malmo, "Enheten för ekonomiskt bistånd", kind="enhet")
    return World(
        sthlm=sthlm,
        malmo=malmo,
        unit_a=unit_a,
        unit_b=unit_b,
        malmo_unit=malmo_unit,
        fund=make_fund(sthlm, "Stockholms stads sociala investeringsfond"),
        malmo_fund=make_fund(malmo, "Malmö stads sociala investeringsfond"),
        admin=make_user("admin", Role.FUND_ADMIN, sthlm),
        applicant_a=make_user("applicant_a", Role.APPLICANT, sthlm, unit_a),
        applicant_b=make_user("applicant_b", Role.APPLICANT, sthlm, unit_b),
        reporter=make_user("reporter", Role.REPORTER, sthlm, unit_a),
        reviewer=make_user("reviewer", Role.REVIEWER, sthlm),
        reader=make_user("reader", Role.READER, sthlm),
        outsider=make_user("outsider", Role.FUND_ADMIN, malmo),
    )


@pytest.fixture(autouse=True)
def _media_in_tmp(settings: Any, tmp_path: Any) -> None:
    """Uploaded files (source documents) go to a temporary folder, never into var/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    """Hashing with PBKDF2 would make every persona cost ~0.1 s; tests need no real hashing."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def static_root(tmp_path_factory: Any) -> Any:
    """The production static files collected once for every test that runs `sif migrate` or
    `sif serve` in a separate process (pass it as SIF_STATIC_ROOT)."""
    from tests.web.ops.sif_process import collected_static

    return collected_static(tmp_path_factory.mktemp("static"))
