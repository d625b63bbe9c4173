"""The demo's municipalities, units, funds and users (with their roles), before any project.

Kept apart from the projects because every demo project and the login file need them; the
review criteria and the user list are examples, named so.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model

from sif.web.accounts.models import Membership, Municipality, OrgUnit, Role, UnitKind
from sif.web.accounts.permissions import check
from sif.web.projects.models import Fund, RepaymentRule

STIS_DISTRICTS = (
    "Enskede-Årsta-Vantör",
    "Farsta",
    "Hässelby-Vällingby",
    "Rinkeby-Kista",
    "Skarpnäck",
    "Skärholmen",
    "Spånga-Tensta",
)


# Seed-derived criteria (the headings of seed 002's application form); the list itself is an example.
REVIEW_CRITERIA = [
    {"code": "target_group", "label": "Målgrupp och behov"},
    {"code": "outcomes", "label": "Utfall och förtjänst"},
    {"code": "follow_up", "label": "Uppföljning och utvärdering"},
    {"code": "sustainability", "label": "Metodutveckling, samverkan och långsiktighet"},
    {"code": "research", "label": "Forskningsförankring"},
]


CRITERIA_NOTE = (
    "Bedömningskriterierna är exempeldata (rubrikerna i ansökningsformuläret, källdokument 002)."
)


@dataclass(frozen=True)
class DemoUser:
    username: str
    role: str | None
    municipality: str
    unit: str
    description: str


DEMO_USERS = (
    DemoUser("admin", None, "", "", "Django-administratör (superanvändare)"),
    DemoUser("fondforvaltare", Role.FUND_ADMIN, "stockholm", "", "Fondförvaltare, Stockholms stad"),
    DemoUser(
        "sokande",
        Role.APPLICANT,
        "stockholm",
        "Hässelby-Vällingby stadsdelsnämnd",
        "Sökande, Hässelby-Vällingby",
    ),
    DemoUser(
        "rapportor",
        Role.REPORTER,
        "stockholm",
        "Rinkeby-Kista stadsdelsförvaltning",
        "Rapportör, Rinkeby-Kista (STIS)",
    ),
    DemoUser("granskare", Role.REVIEWER, "stockholm", "", "Granskare, Stockholms stad"),
    DemoUser("lasare", Role.READER, "stockholm", "", "Läsare, Stockholms stad"),
    DemoUser("malmo", Role.FUND_ADMIN, "malmo", "", "Fondförvaltare, Malmö stad"),
    DemoUser("eskilstuna", Role.FUND_ADMIN, "eskilstuna", "", "Fondförvaltare, Eskilstuna kommun"),
)


def demo_municipalities() -> dict[str, Municipality]:
    return {
        "stockholm": Municipality.objects.create(code="stockholm", name="Stockholms stad"),
        "malmo": Municipality.objects.create(code="malmo", name="Malmö stad"),
        "eskilstuna": Municipality.objects.create(code="eskilstuna", name="Eskilstuna kommun"),
    }


def _unit(m: Municipality, name: str, kind: str, parent: OrgUnit | None = None) -> OrgUnit:
    return OrgUnit.objects.create(municipality=m, name=name, kind=kind, parent=parent)


def demo_units(ms: dict[str, Municipality]) -> dict[str, OrgUnit]:
    sthlm, malmo, esk = ms["stockholm"], ms["malmo"], ms["eskilstuna"]
    u: dict[str, OrgUnit] = {}
    u["Socialnämnden"] = _unit(sthlm, "Socialnämnden", UnitKind.BOARD)
    u["Socialförvaltningen"] = _unit(
        sthlm, "Socialförvaltningen", UnitKind.ADMINISTRATION, u["Socialnämnden"]
    )
    u["Hässelby-Vällingby stadsdelsnämnd"] = _unit(
        sthlm, "Hässelby-Vällingby stadsdelsnämnd", UnitKind.BOARD
    )
    for district in STIS_DISTRICTS:
        parent = (
            u["Hässelby-Vällingby stadsdelsnämnd"] if district == "Hässelby-Vällingby" else None
        )
        name = f"{district} stadsdelsförvaltning"
        u[name] = _unit(sthlm, name, UnitKind.DISTRICT_ADMINISTRATION, parent)
    u["Avdelningen för barn och unga"] = _unit(
        sthlm,
        "Avdelningen för barn och unga",
        UnitKind.DEPARTMENT,
        u["Hässelby-Vällingby stadsdelsförvaltning"],
    )
    u["Södermalms stadsdelsförvaltning"] = _unit(
        sthlm, "Södermalms stadsdelsförvaltning", UnitKind.DISTRICT_ADMINISTRATION
    )
    u["Enheten för ekonomiskt bistånd"] = _unit(
        malmo, "Enheten för ekonomiskt bistånd", UnitKind.UNIT
    )
    u["Torshälla stads nämnd"] = _unit(esk, "Torshälla stads nämnd", UnitKind.BOARD)
    u["Torshälla stads förvaltning"] = _unit(
        esk, "Torshälla stads förvaltning", UnitKind.ADMINISTRATION, u["Torshälla stads nämnd"]
    )
    u["Kommunledningskontoret"] = _unit(esk, "Kommunledningskontoret", UnitKind.ADMINISTRATION)
    return u


def demo_funds(ms: dict[str, Municipality]) -> dict[str, Fund]:
    """The three funds, with the published facts of reference/figures.md A4 as source notes.
    No fund capital is entered: the ledger starts empty."""
    return {
        "stockholm": Fund.objects.create(
            municipality=ms["stockholm"],
            name="Stockholms stads sociala investeringsfond",
            repayment_rule=RepaymentRule.BY_AGREEMENT,
            repayment_note="Stockholms återbetalningsregler har inte gått att läsa i offentliga källor; regeln här är exempeldata.",
            source_note=(
                "Fonden inrättades i samband med beslut om årsredovisning för år 2014; riktlinjer antogs 2016 "
                "(Riktlinjer för Stockholms stads sociala investeringsfond, docplayer.se/45965907). "
                "En stadsdelsnämnds remissvar 2016 anger en social investeringsfond om 300 miljoner kronor "
                "(studylibsv.com/doc/1025307). " + CRITERIA_NOTE
            ),
            review_criteria=REVIEW_CRITERIA,
        ),
        "malmo": Fund.objects.create(
            municipality=ms["malmo"],
            name="Malmö stads sociala investeringsfond",
            repayment_rule=RepaymentRule.FIXED_PLAN,
            repayment_note="Ut- och återbetalningsplaner på mellan fyra och tio år (Malmö stadskontoret, 2015).",
            source_note=(
                "Kommunfullmäktige beslutade 12 april 2012 att inrätta en social investeringsfond om 50 mnkr för barn och unga "
                "(pressmeddelande, mynewsdesk.com/se/malmo). " + CRITERIA_NOTE
            ),
            review_criteria=REVIEW_CRITERIA,
        ),
        "eskilstuna": Fund.objects.create(
            municipality=ms["eskilstuna"],
            name="Eskilstuna kommuns sociala investeringsfond",
            repayment_rule=RepaymentRule.BY_AGREEMENT,
            repayment_note="Återbetalning till sociala investeringsfonden genomförs i överenskommelse med kommunledningskontoret (Rapport Team Samagera).",
            source_note="Inga offentliga uppgifter om fonden har hittats utöver rapporten om Team Samagera (källdokument 003). "
            + CRITERIA_NOTE,
            review_criteria=REVIEW_CRITERIA,
        ),
    }


def demo_users(
    ms: dict[str, Municipality], units: dict[str, OrgUnit]
) -> dict[str, tuple[Any, str]]:
    """Each demo user with a password generated now (never a fixed default)."""
    model = get_user_model()
    made: dict[str, tuple[Any, str]] = {}
    for spec in DEMO_USERS:
        password = secrets.token_urlsafe(9)
        if not spec.municipality:  # the platform operator belongs to no municipality
            user = model.objects.create_superuser(
                username=spec.username, password=password, email=""
            )
        else:
            user = model.objects.create_user(
                username=spec.username, password=password, first_name=spec.description
            )
            unit = units[spec.unit] if spec.unit else None
            Membership.objects.create(
                user=user, municipality=ms[spec.municipality], unit=unit, role=spec.role
            )
            # Those the policy lets into the admin (fund administrators, scoped) are staff so they reach it.
            user.is_staff = bool(check(user, "admin.site"))
            user.save(update_fields=["is_staff"])
        made[spec.username] = (user, password)
    return made
