"""The Stockholm demo projects from seeds 000, 001 and 004: the proposals, STIS and Ytterstad.

The pilot (seed 002) has its own module, demo_pilot.py, for its long indicator list.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sif.calc.budget import BudgetRowInput
from sif.web.accounts.models import OrgUnit
from sif.web.projects import (
    application_answers,
    budget_changes,
    closing_decisions,
    project_details,
    project_transitions,
    reviews,
)
from sif.web.projects.demo_organisation import STIS_DISTRICTS
from sif.web.projects.demo_seeds import attach_seed, proposals_000, section
from sif.web.projects.models import (
    BudgetCategory,
    ClosingOutcome,
    ExampleSection,
    Fund,
    Project,
    ProjectState,
)

PROPOSAL_OWNERS = {
    1: ("Rinkeby-Kista stadsdelsförvaltning", ""),
    2: ("Södermalms stadsdelsförvaltning", ""),
    3: (
        "Socialförvaltningen",
        "Ansvarig enhet är exempeldata: förslaget nämner åtta stadsdelsförvaltningar men ingen ansvarig.",
    ),
    4: (
        "Socialförvaltningen",
        "Ansvarig enhet är exempeldata: förslaget beskriver Malmö stads arbete, inte vem i Stockholm som skulle driva det.",
    ),
    5: (
        "Socialförvaltningen",
        "Ansvarig enhet är exempeldata: förslaget anger inte vem som skulle driva filialen.",
    ),
}


def stockholm_proposals_load(
    admin: Any, reviewer: Any, units: dict[str, OrgUnit], fund: Fund
) -> list[Project]:
    projects = []
    for proposal in proposals_000():
        owner, note = PROPOSAL_OWNERS[proposal.number]
        project = project_details.project_create(
            actor=admin,
            fund=fund,
            title=proposal.title,
            owner_unit=units[owner],
            summary=proposal.text,
            example_note=note,
            example_sections=[ExampleSection.OWNER_UNIT] if note else [],
        )
        reviews.review_add(
            actor=reviewer,
            project=project,
            comments=proposal.comments,
            reviewer_name="Synpunkter i förslagsdokumentet",
        )
        attach_seed(admin, project, "000")
        projects.append(project)
    return projects


STIS_PROPOSED_DECISIONS = (
    "1. Socialnämnden godkänner förvaltningens slutrapport Stärkt tidigt stöd i samverkan 2017-2021 – en social investering.\n"
    "2. Ärendet överlämnas för kännedom till samtliga stadsdelsnämnder."
)


def stis_load(admin: Any, units: dict[str, OrgUnit], fund: Fund) -> Project:
    summary = section("001", "Sammanfattning", "[Nivå 1]")
    project = project_details.project_import(
        actor=admin,
        fund=fund,
        title="Stärkt tidigt stöd i samverkan",
        short_name="STIS",
        owner_unit=units["Socialförvaltningen"],
        participating_units=[units[f"{d} stadsdelsförvaltning"] for d in STIS_DISTRICTS],
        state=ProjectState.FINAL_REPORT_SUBMITTED,
        source="Slutrapport – Stärkt tidigt stöd i samverkan STIS 2017-2021 (tjänsteutlåtande till Socialnämnden 2021-11-23, källdokument 001)",
        start_date=date(2017, 9, 4),
        end_date=date(2021, 4, 30),
        summary=summary,
        purpose="Projektet syftade till att etablera ett tidigt föräldraskapsstöd, att föräldrar tar emot stödet och att de upplever sig stärkta av stödet i sitt föräldraskap.",
        target_group="Blivande föräldrar och föräldrar med barn i åldern 0-6 år i ytterstadens sju stadsdelsområden.",
        example_note=(
            "Beslutet om medel (belopp, datum, organ) anges inte i slutrapporten och saknas därför. "
            "Återbetalningen följer fondens regel, som för Stockholm är exempeldata."
        ),
        example_sections=[ExampleSection.REPAYMENT],
    )
    project_details.contact_add(
        actor=admin,
        project=project,
        name="Marianne Gabrielsson",
        title="Handläggare",
        phone="0850825950",
    )
    attach_seed(admin, project, "001")
    closing_decisions.closing_decision_record(
        actor=admin,
        project=project,
        body="Socialnämnden",
        decided_on=date(2021, 11, 23),
        closing_outcome=ClosingOutcome.REGULAR_OPERATIONS,
        text=STIS_PROPOSED_DECISIONS,
    )
    return project


YTTERSTAD_BUDGET = [
    BudgetRowInput(
        BudgetCategory.OTHER,
        "Projektledare, två föräldracoacher och utbildningssatsning",
        "600 000 avser projektledare 50%, två föräldracoacher 100% och utbildningskostnader för 2013. "
        "1 860 000 avser projektledare, två föräldracoacher och utbildningssatsning för 2014.",
        {2013: Decimal("600000"), 2014: Decimal("1860000")},
    )
]


YTTERSTAD_SOUGHT = Decimal("2460000")


def ytterstad_answers() -> dict[str, Any]:
    """Seed 004's answers (application_short)."""
    return {
        "name": "Utökad samverkan kring barnfamiljer i Hässelby-Vällingby.",
        "board": "Hässelby-Vällingby stadsdelsnämnd",
        "contact": "Ingrid Brännström",
        "address": "Hässelby torg 20-22",
        "postal_address": "Box 3424, 165 23 Hässelby",
        "email": "ingrid.brannstrom@stockholm.se",
        "phone": "50805094",
        "schedule": "2013-09-01 - 2014-12-31",
        "sought_amount": "2460000",
        "budget": YTTERSTAD_BUDGET[0].footnote + " Se bilaga.",
        "other_income": False,
        "goal": section("004", "Mål:", "Syfte:"),
        "purpose": section("004", "Syfte:", "Genomförande:"),
        "implementation": section("004", "Genomförande:", "Plan för implementering efter avslut:"),
        "after_end": section("004", "Plan för implementering efter avslut:", "Övriga upplysningar"),
        "other_information": "",
    }


def ytterstad_load(applicant: Any, admin: Any, units: dict[str, OrgUnit], fund: Fund) -> Project:
    answers = ytterstad_answers()
    project = project_details.project_create(
        actor=applicant,
        fund=fund,
        title="Utökad samverkan kring barnfamiljer i Hässelby-Vällingby",
        owner_unit=units["Hässelby-Vällingby stadsdelsnämnd"],
        start_date=date(2013, 9, 1),
        end_date=date(2014, 12, 31),
        goals=answers["goal"],
        purpose=answers["purpose"],
        summary=answers["implementation"].split("\n\n")[0],
        example_note=(
            "Ansökan gällde medel för ytterstadsprojekt (2013), före den sociala investeringsfonden; den visas under fonden som exempel. "
            "Status 'under beredning' är exempeldata: dokumentet visar inte hur ansökan beslutades. "
            "Budgeten har en rad (kostnadsslag 'övriga kostnader' är exempeldata); beloppen per år är ansökans."
        ),
        example_sections=[ExampleSection.FUND, ExampleSection.STATE, ExampleSection.BUDGET],
    )
    project_transitions.project_transition(
        actor=admin, project=project, to_state=ProjectState.APPLICATION_STEP1
    )
    budget_changes.budget_set(actor=applicant, project=project, rows=YTTERSTAD_BUDGET)
    budget_changes.sought_amount_set(actor=applicant, project=project, amount=YTTERSTAD_SOUGHT)
    project_details.contact_add(
        actor=applicant,
        project=project,
        name="Ingrid Brännström",
        email="ingrid.brannstrom@stockholm.se",
        phone="50805094",
    )
    application_answers.application_submit(
        actor=applicant, project=project, form_code="application_short", answers=answers
    )
    attach_seed(applicant, project, "004")
    project_transitions.project_transition(
        actor=admin,
        project=project,
        to_state=ProjectState.APPLICATION_STEP2,
        reason="Ansökningsformuläret för ytterstadsmedel har bara ett steg.",
    )
    project_transitions.project_transition(
        actor=admin, project=project, to_state=ProjectState.IN_REVIEW
    )
    return project
