"""Demo data: what the five seed documents say, loaded through the services with their real figures.

Nothing here invents a figure. Where the demo needs something a seed does not give (an owner unit,
a status, a decision body), the project's `example_note` says so and the pages show "Exempeldata".
Counts and measurements (STIS, Hela familjen) are loaded by sif/web/followup/demo.py.

Demo users get passwords generated at load time, written to SIF_DATA_DIR/demo-login.txt.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

from django.conf import settings
from django.contrib.auth import get_user_model

from sif.demo import SEEDS, seed_text
from sif.web.accounts.models import Membership, Municipality, OrgUnit, Role, UnitKind
from sif.web.accounts.permissions import check
from sif.web.projects import services
from sif.web.projects.models import (
    BudgetCategory,
    ClosingOutcome,
    Direction,
    ExampleSection,
    Frequency,
    Fund,
    IndicatorUnit,
    MeasurementMethod,
    Project,
    ProjectState,
    RepaymentRule,
)
from sif.web.projects.services import BudgetRowInput

LOGIN_FILE_NAME = "demo-login.txt"
EXAMPLE = "Exempeldata"

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


# ---------------------------------------------------------------- reading the seeds


def _lines(key: str) -> list[str]:
    return seed_text(key).splitlines()


def section(key: str, start: str, end: str | None, *, after: str | None = None) -> str:
    """The text between the line equal to `start` and the next line equal to `end` (or the end)."""
    lines = [line.strip() for line in _lines(key)]
    offset = lines.index(after) if after else 0
    i = lines.index(start, offset) + 1
    j = lines.index(end, i) if end else len(lines)
    return _tidy("\n".join(lines[i:j]))


def _tidy(text: str) -> str:
    text = re.sub(r"<[^>]+>", "", text).replace("\xa0", " ")
    return re.sub(r"\n{3,}", "\n\n", text).strip()


@dataclass(frozen=True)
class Proposal:
    number: int
    title: str
    text: str
    comments: str


def proposals_000() -> list[Proposal]:
    """The five proposals of seed 000 with their reviewers' synpunkter."""
    text = seed_text("000")
    parts = re.split(r"\n(?=\d\. )", text)[1:]
    found = []
    for part in parts:
        head, _, body = part.partition("\n")
        number, _, title = head.partition(". ")
        description, _, comments = body.partition("Synpunkter:")
        found.append(Proposal(int(number), title.strip(), _tidy(description), _tidy(comments)))
    return found


# ---------------------------------------------------------------- organisation


def _municipalities() -> dict[str, Municipality]:
    return {
        "stockholm": Municipality.objects.create(code="stockholm", name="Stockholms stad"),
        "malmo": Municipality.objects.create(code="malmo", name="Malmö stad"),
        "eskilstuna": Municipality.objects.create(code="eskilstuna", name="Eskilstuna kommun"),
    }


def _unit(m: Municipality, name: str, kind: str, parent: OrgUnit | None = None) -> OrgUnit:
    return OrgUnit.objects.create(municipality=m, name=name, kind=kind, parent=parent)


def _units(ms: dict[str, Municipality]) -> dict[str, OrgUnit]:
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


def _funds(ms: dict[str, Municipality]) -> dict[str, Fund]:
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


def _users(ms: dict[str, Municipality], units: dict[str, OrgUnit]) -> dict[str, tuple[Any, str]]:
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


def _attach(actor: Any, project: Project, key: str) -> None:
    path: Path = SEEDS[key]
    services.source_document_add(
        actor=actor, project=project, name=path.name, content=path.read_bytes(), kind="seed"
    )


# ---------------------------------------------------------------- Stockholm


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


def _stockholm_proposals(
    admin: Any, reviewer: Any, units: dict[str, OrgUnit], fund: Fund
) -> list[Project]:
    projects = []
    for proposal in proposals_000():
        owner, note = PROPOSAL_OWNERS[proposal.number]
        project = services.project_create(
            actor=admin,
            fund=fund,
            title=proposal.title,
            owner_unit=units[owner],
            summary=proposal.text,
            example_note=note,
            example_sections=[ExampleSection.OWNER_UNIT] if note else [],
        )
        services.review_add(
            actor=reviewer,
            project=project,
            comments=proposal.comments,
            reviewer_name="Synpunkter i förslagsdokumentet",
        )
        _attach(admin, project, "000")
        projects.append(project)
    return projects


STIS_PROPOSED_DECISIONS = (
    "1. Socialnämnden godkänner förvaltningens slutrapport Stärkt tidigt stöd i samverkan 2017-2021 – en social investering.\n"
    "2. Ärendet överlämnas för kännedom till samtliga stadsdelsnämnder."
)


def _stis(admin: Any, units: dict[str, OrgUnit], fund: Fund) -> Project:
    summary = section("001", "Sammanfattning", "[Nivå 1]")
    project = services.project_import(
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
    services.contact_add(
        actor=admin,
        project=project,
        name="Marianne Gabrielsson",
        title="Handläggare",
        phone="0850825950",
    )
    _attach(admin, project, "001")
    services.closing_decision_record(
        actor=admin,
        project=project,
        body="Socialnämnden",
        decided_on=date(2021, 11, 23),
        closing_outcome=ClosingOutcome.REGULAR_OPERATIONS,
        text=STIS_PROPOSED_DECISIONS,
    )
    return project


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


def _pilot(applicant: Any, admin: Any, units: dict[str, OrgUnit], fund: Fund) -> Project:
    project = services.project_create(
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
    services.project_transition(
        actor=admin, project=project, to_state=ProjectState.APPLICATION_STEP1
    )
    services.project_transition(
        actor=admin, project=project, to_state=ProjectState.APPLICATION_STEP2
    )
    services.budget_set(actor=applicant, project=project, rows=PILOT_BUDGET)
    services.sought_amount_set(actor=applicant, project=project, amount=PILOT_SOUGHT)
    for name, title, email, phone in PILOT_CONTACTS:
        services.contact_add(
            actor=applicant, project=project, name=name, title=title, email=email, phone=phone
        )
    for group, name, method, detail, segment, comparison, unit, direction in PILOT_INDICATORS:
        services.indicator_add(
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
    services.application_submit(
        actor=applicant, project=project, form_code="application_full", answers=pilot_answers()
    )
    _attach(applicant, project, "002")
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


def _ytterstad(applicant: Any, admin: Any, units: dict[str, OrgUnit], fund: Fund) -> Project:
    answers = ytterstad_answers()
    project = services.project_create(
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
    services.project_transition(
        actor=admin, project=project, to_state=ProjectState.APPLICATION_STEP1
    )
    services.budget_set(actor=applicant, project=project, rows=YTTERSTAD_BUDGET)
    services.sought_amount_set(actor=applicant, project=project, amount=YTTERSTAD_SOUGHT)
    services.contact_add(
        actor=applicant,
        project=project,
        name="Ingrid Brännström",
        email="ingrid.brannstrom@stockholm.se",
        phone="50805094",
    )
    services.application_submit(
        actor=applicant, project=project, form_code="application_short", answers=answers
    )
    _attach(applicant, project, "004")
    services.project_transition(
        actor=admin,
        project=project,
        to_state=ProjectState.APPLICATION_STEP2,
        reason="Ansökningsformuläret för ytterstadsmedel har bara ett steg.",
    )
    services.project_transition(actor=admin, project=project, to_state=ProjectState.IN_REVIEW)
    return project


# ---------------------------------------------------------------- Eskilstuna and Malmö


SAMAGERA_CLOSING = (
    "1. Team samagera avslutas och verksamheten förs över till ordinarie drift.\n"
    "2. Återbetalning till sociala investeringsfonden genomförs i överenskommelse med kommunledningskontoret."
)


def samagera_lessons() -> str:
    """Seed 003's lessons: the paragraphs between "Lärdomar som gjorts är:" and "Finansiering"."""
    return section("003", "Lärdomar som gjorts är:", "Finansiering")


def _samagera(admin: Any, units: dict[str, OrgUnit], fund: Fund) -> Project:
    project = services.project_create(
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
    services.project_update(actor=admin, project=project, lessons=samagera_lessons())
    for to_state in (
        ProjectState.APPLICATION_STEP1,
        ProjectState.APPLICATION_STEP2,
        ProjectState.IN_REVIEW,
    ):
        services.project_transition(actor=admin, project=project, to_state=to_state)
    services.decision_record(
        actor=admin,
        project=project,
        granted=True,
        body="Eskilstuna kommun",
        decided_on=date(2014, 9, 1),
        date_precision="month",
        granted_amount=Decimal("3800000"),
        above_available_confirmed=True,  # decided in 2014; Eskilstuna's ledger is not kept in SIF
    )
    services.project_transition(actor=admin, project=project, to_state=ProjectState.RUNNING)
    services.project_transition(
        actor=admin, project=project, to_state=ProjectState.FINAL_REPORT_SUBMITTED
    )
    _attach(admin, project, "003")
    services.closing_decision_record(
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


def _hela_familjen(admin: Any, units: dict[str, OrgUnit], fund: Fund) -> Project:
    proposal = next(p for p in proposals_000() if p.number == 4)
    project = services.project_import(
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
    _attach(admin, project, "000")
    return project


# ---------------------------------------------------------------- entry point


def load(stdout: TextIO) -> dict[str, tuple[Any, str]]:
    """Load everything (the caller wraps it in one transaction). Returns the users and passwords."""
    ms = _municipalities()
    units = _units(ms)
    funds = _funds(ms)
    users = _users(ms, units)
    admin, applicant, reviewer = (
        users["fondforvaltare"][0],
        users["sokande"][0],
        users["granskare"][0],
    )
    _stockholm_proposals(admin, reviewer, units, funds["stockholm"])
    _stis(admin, units, funds["stockholm"])
    _pilot(applicant, admin, units, funds["stockholm"])
    _ytterstad(applicant, admin, units, funds["stockholm"])
    _samagera(users["eskilstuna"][0], units, funds["eskilstuna"])
    _hela_familjen(users["malmo"][0], units, funds["malmo"])
    stdout.write(f"Demodata inläst: {Project.objects.count()} projekt i {len(ms)} kommuner.\n")
    return users


def login_file() -> Path:
    return Path(settings.DATA_DIR) / LOGIN_FILE_NAME


def login_text(users: dict[str, tuple[Any, str]]) -> str:
    lines = [
        "SIF – demoinloggning (endast demodata; lösenorden skapades när demodatan lästes in)",
        "Logga in på sidan /logga-in/ där SIF körs (Django-admin: /admin/).",
        "",
        f"{'användare':<16} {'lösenord':<14} roll",
    ]
    for spec in DEMO_USERS:
        _, password = users[spec.username]
        lines.append(f"{spec.username:<16} {password:<14} {spec.description}")
    return "\n".join(lines) + "\n"


def write_login_file(users: dict[str, tuple[Any, str]]) -> Path:
    path = login_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(login_text(users), encoding="utf-8")
    path.chmod(0o600)
    return path
