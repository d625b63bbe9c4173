"""The Eskilstuna (Samagera, seed 003) and Malmö (Hela familjen, seed 000) demo projects.

Two closed projects of two more funds: Samagera closed through its final report and closing
decision, Hela familjen registered closed from its documents, so the demo shows more than one fund.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sif.web.accounts.models import OrgUnit
from sif.web.projects import (
    closing_decisions,
    grant_decisions,
    project_details,
    project_transitions,
)
from sif.web.projects.demo_seeds import attach_seed, proposals_000, section
from sif.web.projects.models import (
    ClosingOutcome,
    ExampleSection,
    Fund,
    Project,
    ProjectState,
    RepaymentRule,
)

SAMAGERA_CLOSING = (
    "1. Team samagera avslutas och verksamheten förs över till ordinarie drift.\n"
    "2. Återbetalning till sociala investeringsfonden genomförs i överenskommelse med kommunledningskontoret."
)


def samagera_lessons() -> str:
    """Seed 003's lessons: the paragraphs between "Lärdomar som gjorts är:" and "Finansiering"."""
    return section("003", "Lärdomar som gjorts är:", "Finansiering")


def samagera_load(admin: Any, units: dict[str, OrgUnit], fund: Fund) -> Project:
    project = project_details.project_create(
        actor=admin,
        fund=fund,
        title="Team Samagera",
        owner_unit=units["Torshälla stads nämnd"],
        purpose=(
            "Syftet var att utveckla arbetssätt, metoder och stöd som gav fler barn, i åldern 0-12 år, förutsättningar "
            "för god målpuppfyllelse i skolan och således fortsatt god utveckling och hälsa."
        ),
        goals=section("003", "Resultatmål", "Metoden beskrevs enligt nedan"),
        target_group="Barn i åldern 0-12 år och deras familjer i Torshälla.",
        summary=section("003", "Slutsats", "Lärdomar som gjorts är:"),
        example_note=(
            "Rapporten anger inte vilket organ som beviljade medlen i september 2014 ('Eskilstuna kommun' är exempeldata), "
            "inte projektets start- och slutdatum och inte datum för beslutet om avslut."
        ),
        example_sections=[ExampleSection.DECISION],
    )
    # The report's four "Att …" paragraphs under "Lärdomar som gjorts är:", word for word.
    project_details.project_update(actor=admin, project=project, lessons=samagera_lessons())
    for to_state in (
        ProjectState.APPLICATION_STEP1,
        ProjectState.APPLICATION_STEP2,
        ProjectState.IN_REVIEW,
    ):
        project_transitions.project_transition(actor=admin, project=project, to_state=to_state)
    grant_decisions.decision_record(
        actor=admin,
        project=project,
        granted=True,
        body="Eskilstuna kommun",
        decided_on=date(2014, 9, 1),
        date_precision="month",
        granted_amount=Decimal("3800000"),
        above_available_confirmed=True,  # decided in 2014; Eskilstuna's ledger is not kept in SIF
    )
    project_transitions.project_transition(
        actor=admin, project=project, to_state=ProjectState.RUNNING
    )
    project_transitions.project_transition(
        actor=admin, project=project, to_state=ProjectState.FINAL_REPORT_SUBMITTED
    )
    attach_seed(admin, project, "003")
    closing_decisions.closing_decision_record(
        actor=admin,
        project=project,
        body="Torshälla stads nämnd",
        decided_on=None,
        closing_outcome=ClosingOutcome.REGULAR_OPERATIONS,
        text=SAMAGERA_CLOSING,
        repayment_rule=RepaymentRule.BY_AGREEMENT,
        repayment_note="Återbetalning till sociala investeringsfonden genomförs i överenskommelse med kommunledningskontoret.",
    )
    return project


def hela_familjen_load(admin: Any, units: dict[str, OrgUnit], fund: Fund) -> Project:
    proposal = next(p for p in proposals_000() if p.number == 4)
    project = project_details.project_import(
        actor=admin,
        fund=fund,
        title="Hela familjen",
        owner_unit=units["Enheten för ekonomiskt bistånd"],
        state=ProjectState.CLOSED,
        source="Förslag projekt sociala investeringsfonden (Stockholm), förslag 4 (källdokument 000)",
        start_date=date(2013, 1, 1),
        end_date=date(2015, 12, 31),
        summary=proposal.text,
        target_group="Barnfamiljer boende på Seved som haft försörjningsstöd kontinuerligt i 2 år.",
        example_note=(
            "Källan anger perioden som åren 2013-2015; start- och slutdatum är årets första och sista dag. "
            "Hur projektet avslutades (ordinarie drift eller avslut) anges inte."
        ),
        example_sections=[ExampleSection.DATES],
    )
    attach_seed(admin, project, "000")
    return project
