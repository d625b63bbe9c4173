"""Personas and the Hässelby-Vällingby pilot (seed 002) for the page tests.

Uses tests/web/builders.py when it exists; these few local builders stand in until then.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.contrib.auth import get_user_model

from sif.web.accounts.models import Membership, Municipality, OrgUnit, Role, UnitKind
from sif.web.projects.models import BudgetCategory, BudgetCell, BudgetRow, Fund, Project, ProjectState, ProjectUnit


# seed 002: tkr per year, 2020–2022
PILOT_BUDGET = {
    (BudgetCategory.PERSONNEL, "Personalkostnader inkl. ledning och vikarietäckning", "inkl. vikarietäckning då medarbetare i ordinarie verksamhet deltar i lärandeaktiviteter och implementeringsplan."): {2020: 8177, 2021: 8411, 2022: 1752},
    (BudgetCategory.OTHER, "Övriga kostnader", "Marknadsföring, digitalt stöd, del av lokalkostnader"): {2020: 1400, 2021: 1400, 2022: 1400},
}


@dataclass
class World:
    stockholm: Municipality
    eskilstuna: Municipality
    hv: OrgUnit
    skarholmen: OrgUnit
    fund: Fund
    other_fund: Fund
    pilot: Project
    skarholmen_project: Project
    eskilstuna_project: Project


def user(username: str, *memberships: tuple[Municipality, OrgUnit | None, str], staff: bool = False):
    # no password: hashing one costs ~0.2 s per user; the tests log in with force_login
    u = get_user_model().objects.create_user(username=username, first_name=username.capitalize(), is_staff=staff)
    for municipality, unit, role in memberships:
        Membership.objects.create(user=u, municipality=municipality, unit=unit, role=role)
    return u


def project(fund: Fund, owner: OrgUnit, title: str, start: date, end: date, **extra) -> Project:
    return Project.objects.create(fund=fund, municipality=fund.municipality, owner_unit=owner, title=title, start_date=start, end_date=end, **extra)


def build_world() -> World:
    sthlm = Municipality.objects.create(code="stockholm", name="Stockholms stad")
    esk = Municipality.objects.create(code="eskilstuna", name="Eskilstuna kommun")
    hv = OrgUnit.objects.create(municipality=sthlm, kind=UnitKind.DISTRICT_ADMINISTRATION, name="Hässelby-Vällingby stadsdelsförvaltning")
    sk = OrgUnit.objects.create(municipality=sthlm, kind=UnitKind.DISTRICT_ADMINISTRATION, name="Skärholmens stadsdelsförvaltning")
    torshalla = OrgUnit.objects.create(municipality=esk, kind=UnitKind.BOARD, name="Torshälla stads nämnd")
    fund = Fund.objects.create(municipality=sthlm, name="Stockholms stads sociala investeringsfond")
    other_fund = Fund.objects.create(municipality=sthlm, name="Ytterstadssatsningen")
    esk_fund = Fund.objects.create(municipality=esk, name="Eskilstunas sociala investeringsfond")
    pilot = project(fund, hv, "Pilot för en innovativ och hållbar socialtjänst för barn och unga", date(2020, 1, 1), date(2022, 12, 31),
                    sought_amount=Decimal("22540000"), state=ProjectState.IN_REVIEW)
    for position, ((category, label, footnote), years) in enumerate(PILOT_BUDGET.items()):
        row = BudgetRow.objects.create(project=pilot, category=category, label=label, footnote=footnote, position=position)
        for year, tkr in years.items():
            BudgetCell.objects.create(row=row, year=year, amount=Decimal(tkr) * 1000)
    ProjectUnit.objects.create(project=pilot, unit=hv)
    sk_project = project(other_fund, sk, "Skärholmens familjeprojekt", date(2013, 9, 1), date(2014, 12, 31))
    esk_project = project(esk_fund, torshalla, "Team Samagera", date(2012, 1, 1), date(2014, 12, 31))
    return World(sthlm, esk, hv, sk, fund, other_fund, pilot, sk_project, esk_project)


def personas(world: World) -> dict[str, object]:
    """An administrator, an applicant in Hässelby-Vällingby, a reviewer, a reader and an outsider."""
    return {
        "admin": user("anna", (world.stockholm, None, Role.FUND_ADMIN), staff=True),
        "applicant": user("ingrid", (world.stockholm, world.hv, Role.APPLICANT)),
        "reviewer": user("rolf", (world.stockholm, None, Role.REVIEWER)),
        "reader": user("lena", (world.stockholm, None, Role.READER)),
        "outsider": user("olof", (world.eskilstuna, None, Role.FUND_ADMIN)),
    }
