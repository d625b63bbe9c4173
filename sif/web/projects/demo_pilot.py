"""The Stockholm pilot project from seed 002, with its budget, indicators and contacts.

Its own module because seed 002 gives the fullest application (every indicator of its Utfall
(effekt) table), which is most of this file.
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
    indicator_definitions,
    project_details,
    project_transitions,
)
from sif.web.projects.demo_seeds import attach_seed, section
from sif.web.projects.models import (
    BudgetCategory,
    Direction,
    ExampleSection,
    Frequency,
    Fund,
    IndicatorUnit,
    MeasurementMethod,
    Project,
    ProjectState,
)

PILOT_BUDGET = [
    BudgetRowInput(
        BudgetCategory.PERSONNEL,
        "Personalkostnader inkl. ledning och vikarietäckning",
        "inkl. vikarietäckning då medarbetare i ordinarie verksamhet deltar i lärandeaktiviteter och implementeringsplan.",
        {2020: Decimal("8177000"), 2021: Decimal("8411000"), 2022: Decimal("1752000")},
    ),
    BudgetRowInput(
        BudgetCategory.OTHER,
        "Övriga kostnader",
        "Marknadsföring, digitalt stöd, del av lokalkostnader",
        {2020: Decimal("1400000"), 2021: Decimal("1400000"), 2022: Decimal("1400000")},
    ),
]


PILOT_SOUGHT = Decimal("22540000")


_KIDS = "För barn och unga 6-12 år"


_STAFF = "För medarbetare"


_ADMIN = "För förvaltningen"


_SURVEY = "Uppföljning medarbetarenkät samt intervjuer."


M = MeasurementMethod


# (group, name, method, method_detail, segment, comparison_group, unit, direction) as in seed 002's Utfall (effekt).
PILOT_INDICATORS = [
    (
        _KIDS,
        "Antal barn som efter avslutad kontakt har fått förbättrade skolresultat",
        M.SCHOOL_DATA,
        "Data från utvecklingsplaner i skolan vid insatsens start, avslut och en viss tid efter avslutad kontakt. Med samtycke",
        "6-12 år",
        "ordinarie socialtjänst",
        IndicatorUnit.COUNT,
        Direction.HIGHER_IS_BETTER,
    ),
    (
        _KIDS,
        "Antal barn 6-12 år som efter avslutad kontakt fått en ökad skolnärvaro",
        M.SCHOOL_DATA,
        "Uppgifter om skolnärvaro vid insatsens start, avslut och en viss tid efter avslutad kontakt. Med samtycke",
        "6-12 år",
        "ordinarie socialtjänst",
        IndicatorUnit.COUNT,
        Direction.HIGHER_IS_BETTER,
    ),
    (
        _KIDS,
        "Antal barn 6-12 år som fått en ökad psykisk hälsa och minskade beteendeproblem efter avslutad kontakt",
        M.INSTRUMENT,
        "Bedömningsinstrumentet SDQ",
        "6-12 år",
        "ordinarie socialtjänst",
        IndicatorUnit.COUNT,
        Direction.HIGHER_IS_BETTER,
    ),
    (
        _KIDS,
        "Antal barn, unga och föräldrar som upplever att de har fått samordnat stöd",
        M.SIP_KOLLEN,
        "SIP-kollen.se",
        "6-12 år",
        "ordinarie socialtjänst",
        IndicatorUnit.COUNT,
        Direction.HIGHER_IS_BETTER,
    ),
    (
        _STAFF,
        "Medarbetare inom socialtjänst och skola har samsyn kring arbetssätt",
        M.SPIDER,
        "Uppföljning av samverkan genom exempelvis spindelmätning",
        "",
        "",
        IndicatorUnit.SCORE,
        Direction.HIGHER_IS_BETTER,
    ),
    (
        _STAFF,
        "Medarbetare har kunskap om verksamheten och hur arbetet bidrar till goda effekter för invånare",
        M.SURVEY,
        "Uppföljning medarbetarenkät samt intervjuer. Kunskap om effekter för invånare mäts enligt beskrivning under rubriken ovan.",
        "",
        "",
        IndicatorUnit.SCORE,
        Direction.HIGHER_IS_BETTER,
    ),
    (
        _STAFF,
        "Medarbetare bidrar aktivt för att utveckla verksamheten för att möta invånares behov",
        M.SURVEY,
        _SURVEY,
        "",
        "",
        IndicatorUnit.SCORE,
        Direction.HIGHER_IS_BETTER,
    ),
    (
        _STAFF,
        "Medarbetare har en god arbetsmiljö och ett gott arbetsklimat",
        M.SURVEY,
        _SURVEY,
        "",
        "",
        IndicatorUnit.SCORE,
        Direction.HIGHER_IS_BETTER,
    ),
    (
        _ADMIN,
        "Andel som återaktualiseras för utredning",
        M.MANUAL,
        "Manuell registrering",
        "",
        "",
        IndicatorUnit.SHARE,
        Direction.LOWER_IS_BETTER,
    ),
    (
        _ADMIN,
        "Andel utredningar som avslutas inom 60 dagar",
        M.CASE_SYSTEM,
        "Statistik över utredningstider hämtas ur sociala system",
        "",
        "",
        IndicatorUnit.SHARE,
        Direction.HIGHER_IS_BETTER,
    ),
    (
        _ADMIN,
        "Andel som tackar ja till beviljad insats",
        M.MANUAL,
        "Manuell registrering",
        "",
        "",
        IndicatorUnit.SHARE,
        Direction.HIGHER_IS_BETTER,
    ),
    (
        _ADMIN,
        "Andel som fullföljer beviljad insats",
        M.MANUAL,
        "Manuell registrering",
        "",
        "",
        IndicatorUnit.SHARE,
        Direction.HIGHER_IS_BETTER,
    ),
]


PILOT_CONTACTS = [
    (
        "Andrea Hormazabal",
        "avdelningschef, avdelningen för barn och unga",
        "Andrea.hormazabal@stockholm.se",
        "08-508 04 025",
    ),
    ("Rebecca Hedenstedt", "Samverkansstrateg", "Rebecca.hedenstedt@stockholm.se", "08-508 04 172"),
]


def pilot_answers() -> dict[str, str]:
    """Seed 002's answers, section by section, as written (application_full)."""
    return {
        "name": section("002", "Namn på den planerade insatsen", "Datum"),
        "period": section("002", "Datum", "Ansökande verksamhet"),
        "applicant_unit": section("002", "Ansökande verksamhet", "Berörd verksamhet"),
        "affected_units": section("002", "Berörd verksamhet", "Ekonomi"),
        "economy": section("002", "Ekonomi", "Kontaktperson"),
        "contacts": section("002", "Kontaktperson", "Underskrift ansvarig förvaltningschef"),
        "current_situation": section("002", "Nulägesbeskrivning", "Behovsanalys"),
        "needs_analysis": section("002", "Behovsanalys", "Berörd målgrupp"),
        "target_group": section("002", "Berörd målgrupp", "Beskrivning av insatsen"),
        "intervention": section("002", "Beskrivning av insatsen", "Utfall (effekt)"),
        "outcomes": section("002", "Utfall (effekt)", "Förtjänster"),
        "gains": section(
            "002", "Förtjänster", "Sammanfattning av målgrupp, insats, utfall och förtjänst"
        ),
        "evaluation": section(
            "002",
            "Uppföljning och utvärdering av effekter",
            "Metodutveckling, samverkan och långsiktighet",
        ),
        "method_development": section("002", "Utveckling av arbetssätt", "Samverkan"),
        "collaboration": section(
            "002", "Samverkan", "Långsiktighet", after="Utveckling av arbetssätt"
        ),
        "sustainability": section("002", "Långsiktighet", "Forskningsförankring"),
        "research": section("002", "Forskningsförankring", "Referenser"),
        "references": section("002", "Referenser", None),
    }


def pilot_load(applicant: Any, admin: Any, units: dict[str, OrgUnit], fund: Fund) -> Project:
    project = project_details.project_create(
        actor=applicant,
        fund=fund,
        title="Pilot för en innovativ och hållbar socialtjänst för barn och unga",
        owner_unit=units["Avdelningen för barn och unga"],
        start_date=date(2020, 1, 1),
        end_date=date(2022, 12, 31),
        summary=section(
            "002", "Beskrivning av pilot", "En nivåuppdelad och samtidigt sammanhållen socialtjänst"
        ).split("\n\n")[0],
        target_group=section(
            "002",
            "Berörd målgrupp",
            "Antal barn som hade kontakt med socialtjänsten utifrån genomlysningen under 2017:",
        ),
        example_note=(
            "Periodens datum (1 januari 2020 – 31 december 2022) tolkar ansökans 'Tre år under perioden 2020-2022'. "
            "Indikatorernas enhet (antal/andel/skattning), riktning och mätfrekvens anges inte i ansökan och är exempeldata."
        ),
        example_sections=[ExampleSection.DATES, ExampleSection.INDICATORS],
    )
    # The fund invites the proposal to step 1 and the application on to step 2; the applicant writes.
    project_transitions.project_transition(
        actor=admin, project=project, to_state=ProjectState.APPLICATION_STEP1
    )
    project_transitions.project_transition(
        actor=admin, project=project, to_state=ProjectState.APPLICATION_STEP2
    )
    budget_changes.budget_set(actor=applicant, project=project, rows=PILOT_BUDGET)
    budget_changes.sought_amount_set(actor=applicant, project=project, amount=PILOT_SOUGHT)
    for name, title, email, phone in PILOT_CONTACTS:
        project_details.contact_add(
            actor=applicant, project=project, name=name, title=title, email=email, phone=phone
        )
    for group, name, method, detail, segment, comparison, unit, direction in PILOT_INDICATORS:
        indicator_definitions.indicator_add(
            actor=applicant,
            project=project,
            group=group,
            name=name,
            method=method,
            method_detail=detail,
            segment=segment,
            comparison_group=comparison,
            unit=unit,
            direction=direction,
            frequency=Frequency.YEAR,
        )
    application_answers.application_submit(
        actor=applicant, project=project, form_code="application_full", answers=pilot_answers()
    )
    attach_seed(applicant, project, "002")
    return project
