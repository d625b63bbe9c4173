"""Follow-up demo data, loaded by `sif demo` after the projects exist (sif/web/projects/demo.py).

What comes from the seeds and what is made up:
- STIS (seed 001): activity totals as published (drygt 4 500 hembesök, drygt 1 000 familjer,
  3 300 samtal, drygt 2 700 unika föräldrar, all districts together since 2019) stored as ONE row
  on the owner unit for the period "2019–2021", because the seed gives no per-district split; the
  gender analysis as published percentages (mamma i drygt 90 %, pappa i ca 40 % of conversations;
  ensam deltagare 88 % mamma, 12 % pappa). The spindelmätning structure is the seed's (9 measures,
  6 occasions, 7 districts); the measures' names and all ratings are Exempeldata.
- Hässelby-Vällingby pilot (seed 002): tertials T1–T3 2020 with a few Exempeldata measurements.
- STIS status reports: seed 001 says each district filled in a status report regularly for the
  steering group but publishes none, so two tertials (T3 2019, T1 2020) with a few reports in the
  states submitted, approved and returned are Exempeldata, text and all.
- Hela familjen (seed 000): 16 vs 2 families self-sufficient in 2014 as published; the group
  sizes (50 + 50) are not in the seed and are marked Exempeldata (the same assumption as
  examples/calc/hela_familjen.toml).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, TextIO

from sif.web.accounts.models import Membership, Role
from sif.web.followup import measurement_store, spider_measurement, status_reports
from sif.web.followup.models import (
    ActivityCount,
    ActivityType,
    Group,
    PeriodKind,
    PublishedShare,
    Qualifier,
    ReportingPeriod,
    ReportState,
    SpiderInstrument,
    SpiderRating,
    StatusReport,
)
from sif.web.projects.models import (
    Direction,
    Frequency,
    Indicator,
    IndicatorUnit,
    MeasurementMethod,
    Project,
)

STIS_TITLE = "Stärkt tidigt stöd i samverkan"
PILOT_TITLE = "Pilot för en innovativ och hållbar socialtjänst för barn och unga"
HELA_FAMILJEN_TITLE = "Hela familjen"
STIS_SOURCE = "Slutrapporten STIS 2017–2021, källdokument 001"
STIS_TOTALS_NOTE = "Summa för alla sju stadsdelar sedan 2019 enligt slutrapporten (källdokument 001); källan delar inte upp per stadsdel."
STIS_ACTIVITIES = [  # code, label, total, qualifier as in the seed ("drygt" = over), parent split
    ("home_visits", "Hembesök i de utökade hembesöksprogrammen", 4500, Qualifier.OVER, False),
    ("families", "Familjer som tagit del av hembesöksprogrammen", 1000, Qualifier.OVER, False),
    ("conversations", "Samtal med målgruppen", 3300, Qualifier.EXACT, True),
    (
        "unique_parents",
        "Unika föräldrar i samtal och hembesöksprogram",
        2700,
        Qualifier.OVER,
        False,
    ),
]
STIS_GENDER = [  # measure, share, qualifier: "drygt 90 procent", "ca 40 procent", "88 procent", "12 procent"
    (PublishedShare.Measure.WITH_MOTHER, Decimal("0.90"), Qualifier.OVER),
    (PublishedShare.Measure.WITH_FATHER, Decimal("0.40"), Qualifier.ABOUT),
    (PublishedShare.Measure.SINGLE_MOTHER, Decimal("0.88"), Qualifier.EXACT),
    (PublishedShare.Measure.SINGLE_FATHER, Decimal("0.12"), Qualifier.EXACT),
]
SPIDER_MEASURES = 9
SPIDER_OCCASIONS = 6
# Exempeldata: each district starts at its own distance from the common level and converges.
DISTRICT_OFFSETS = [-2.0, -1.3, -0.6, 0.0, 0.7, 1.4, 2.0]


def _admin(project: Project) -> Any:
    m = (
        Membership.objects.filter(
            municipality=project.municipality, role=Role.FUND_ADMIN, unit__isnull=True
        )
        .select_related("user")
        .order_by("pk")
        .first()
    )
    return m.user if m else None


def _period(
    project: Project,
    label: str,
    kind: str,
    start: dt.date,
    end: dt.date,
    closes: dt.date,
    is_example: bool = False,
) -> ReportingPeriod:
    period, _ = ReportingPeriod.objects.get_or_create(
        project=project,
        label=label,
        defaults={
            "kind": kind,
            "start": start,
            "end": end,
            "opens_at": start,
            "closes_at": closes,
            "is_example": is_example,
        },
    )
    return period


def load(stdout: TextIO) -> None:
    stis = Project.objects.filter(title=STIS_TITLE).first()
    if stis is not None:
        _stis(stis, stdout)
    pilot = Project.objects.filter(title=PILOT_TITLE).first()
    if pilot is not None:
        _pilot(pilot, stdout)
    hela = Project.objects.filter(title=HELA_FAMILJEN_TITLE).first()
    if hela is not None:
        _hela_familjen(hela, stdout)
    reporter = (
        Membership.objects.filter(role=Role.REPORTER, unit__in=stis.units.all())
        .select_related("user", "unit")
        .first()
        if stis
        else None
    )
    if stis is not None:
        stdout.write(f"Uppföljning: /projekt/{stis.pk}/uppfoljning/")
    if reporter is not None:
        stdout.write(f"Rapportör för STIS: {reporter.user.username} ({reporter.unit.name})")


def _stis(project: Project, stdout: TextIO) -> None:
    admin = _admin(project)
    period = _period(
        project,
        "2019–2021",
        PeriodKind.PROJECT,
        dt.date(2019, 1, 1),
        dt.date(2021, 4, 30),
        dt.date(2021, 11, 23),
    )
    for position, (code, label, total, qualifier, split) in enumerate(STIS_ACTIVITIES):
        activity, _ = ActivityType.objects.get_or_create(
            project=project,
            code=code,
            defaults={"label": label, "has_parent_split": split, "position": position},
        )
        measurement_store.activity_save(
            actor=admin, period=period, unit=project.owner_unit, activity=activity, total=total
        )
        ActivityCount.objects.filter(activity=activity, period=period).update(
            qualifier=qualifier, note=STIS_TOTALS_NOTE
        )
    conversations = ActivityType.objects.get(project=project, code="conversations")
    for measure, share, qualifier in STIS_GENDER:
        PublishedShare.objects.get_or_create(
            project=project,
            period=period,
            activity=conversations,
            measure=measure,
            defaults={
                "share": share,
                "qualifier": qualifier,
                "source": f"{STIS_SOURCE}, Jämställdhetsanalys",
            },
        )
    _stis_spider(project, admin)
    _stis_status_reports(project, admin)
    stdout.write(
        "STIS: aktiviteter, jämställdhetsanalys, spindelmätning och statusrapporter (Exempeldata) inlästa."
    )


def _stis_spider(project: Project, admin: Any) -> None:
    instrument, created = SpiderInstrument.objects.get_or_create(
        project=project,
        name="Samverkansmätning (Malmö universitet)",
        defaults={
            "dimensions": [f"Utfallsmått {i}" for i in range(1, SPIDER_MEASURES + 1)],
            "occasions": SPIDER_OCCASIONS,
            "scale_min": 1,
            "scale_max": 10,
            "labels_are_example": True,
        },
    )
    if not created:
        return
    districts = sorted(project.units.all(), key=lambda u: u.name)
    for d, unit in enumerate(districts):
        offset = DISTRICT_OFFSETS[d % len(DISTRICT_OFFSETS)]
        for occasion in range(1, SPIDER_OCCASIONS + 1):
            level = 4.5 + 0.5 * (occasion - 1)  # the conditions grew stronger
            shrink = 1 - 0.8 * (occasion - 1) / (
                SPIDER_OCCASIONS - 1
            )  # and the districts became more alike
            values = [
                round(min(10.0, max(1.0, level + offset * shrink + 0.3 * ((k + d) % 3 - 1))), 1)
                for k in range(SPIDER_MEASURES)
            ]
            spider_measurement.spider_rating_save(
                actor=admin,
                instrument=instrument,
                unit=unit,
                occasion=occasion,
                values=values,
                is_example=True,
            )
    SpiderRating.objects.filter(instrument=instrument).update(is_example=True)


EXAMPLE_PREFIX = "Exempeldata (källan publicerar inga statusrapporter): "
# period, district (start of the unit's name), state, text, the project leader's comment
STIS_REPORTS = [
    (
        "T3 2019",
        "Farsta",
        ReportState.APPROVED,
        "Det utökade hembesöksprogrammet har startat tillsammans med BVC. Föräldrarådgivaren finns på öppna förskolan två förmiddagar i veckan.",
        "Bra start, ta med samverkan med BVC till erfarenhetsutbytet.",
    ),
    (
        "T3 2019",
        "Skärholmen",
        ReportState.APPROVED,
        "Föräldragrupp på arabiska och somaliska i samarbete med studieförbund. Samverkansmätning nummer två genomförd.",
        "",
    ),
    (
        "T3 2019",
        "Rinkeby-Kista",
        ReportState.RETURNED,
        "Arbetet pågår enligt plan.",
        "Beskriv vilka insatser och strategier ur ansökan som genomförts under tertialen.",
    ),
    (
        "T1 2020",
        "Rinkeby-Kista",
        ReportState.SUBMITTED,
        "Råd- och stödsamtal erbjuds på familjecentralen och i föreningslokaler. En pappagrupp har startat. Hembesöken har ställts om till smittsäkra former.",
        "",
    ),
    (
        "T1 2020",
        "Spånga-Tensta",
        ReportState.SUBMITTED,
        "Två föräldraskapsprogram genomförda. Personalomsättning i den lokala styrgruppen; ny chef på plats i april.",
        "",
    ),
    (
        "T1 2020",
        "Hässelby-Vällingby",
        ReportState.APPROVED,
        "Hembesök tillsammans med BVC-sköterska vid barnets fyra månader har införts. Besöken på öppna förskolan har minskat under pandemin.",
        "",
    ),
]


def _stis_status_reports(project: Project, admin: Any) -> None:
    """A few status reports per tertial, written by the district's reporter where the demo has one."""
    periods = {
        "T3 2019": _period(
            project,
            "T3 2019",
            PeriodKind.TERTIAL,
            dt.date(2019, 9, 1),
            dt.date(2019, 12, 31),
            dt.date(2020, 1, 31),
            is_example=True,
        ),
        "T1 2020": _period(
            project,
            "T1 2020",
            PeriodKind.TERTIAL,
            dt.date(2020, 1, 1),
            dt.date(2020, 4, 30),
            dt.date(2020, 5, 31),
            is_example=True,
        ),
    }
    units = list(project.units.all())
    reporters = {
        m.unit_id: m.user
        for m in Membership.objects.filter(role=Role.REPORTER, unit__in=units)
        .select_related("user")
        .order_by("pk")
    }
    for label, district, state, text, comment in STIS_REPORTS:
        unit = next((u for u in units if u.name.startswith(district)), None)
        period = periods[label]
        if unit is None or StatusReport.objects.filter(period=period, unit=unit).exists():
            continue
        report = status_reports.status_report_submit(
            actor=reporters.get(unit.pk, admin),
            period=period,
            unit=unit,
            text=EXAMPLE_PREFIX + text,
            is_example=True,
        )
        if state == ReportState.APPROVED:
            status_reports.status_report_approve(actor=admin, report=report, comment=comment)
        elif state == ReportState.RETURNED:
            status_reports.status_report_return(actor=admin, report=report, comment=comment)


def _pilot(project: Project, stdout: TextIO) -> None:
    admin = _admin(project)
    periods = [
        _period(
            project,
            "T1 2020",
            PeriodKind.TERTIAL,
            dt.date(2020, 1, 1),
            dt.date(2020, 4, 30),
            dt.date(2020, 5, 31),
        ),
        _period(
            project,
            "T2 2020",
            PeriodKind.TERTIAL,
            dt.date(2020, 5, 1),
            dt.date(2020, 8, 31),
            dt.date(2020, 9, 30),
        ),
        _period(
            project,
            "T3 2020",
            PeriodKind.TERTIAL,
            dt.date(2020, 9, 1),
            dt.date(2020, 12, 31),
            dt.date(2021, 1, 31),
        ),
    ]
    indicator = project.indicators.filter(name__icontains="60 dagar").first()
    if indicator is None:
        return
    note = "Exempeldata: seed 002 anger indikatorn och att den jämförs med ordinarie socialtjänst, men inga mätvärden."
    # (numerator, denominator) per tertial for the pilot and for ordinary social services – Exempeldata
    # A modest effect (about 5 percentage points), of the order the application expects (5 %).
    figures = [((16, 40), (30, 90)), ((17, 44), (31, 88)), ((20, 46), (35, 92))]
    for period, (pilot, ordinary) in zip(periods, figures, strict=True):
        for group, (x, n) in ((Group.INTERVENTION, pilot), (Group.COMPARISON, ordinary)):
            measurement_store.measurement_save(
                actor=admin,
                indicator=indicator,
                period=period,
                unit=project.owner_unit,
                group=group,
                numerator=x,
                denominator=n,
                is_example=True,
                example_note=note,
            )
    stdout.write("Piloten Hässelby-Vällingby: T1–T3 2020 med Exempeldata inlästa.")


def _hela_familjen(project: Project, stdout: TextIO) -> None:
    admin = _admin(project)
    indicator, _ = Indicator.objects.get_or_create(
        project=project,
        name="Antal familjer som blivit självförsörjande",
        defaults={
            "group": "Barnfamiljer med långvarigt försörjningsstöd",
            "unit": IndicatorUnit.COUNT,
            "direction": Direction.HIGHER_IS_BETTER,
            "method": MeasurementMethod.CASE_SYSTEM,
            "method_detail": "Antal familjer som blir självförsörjande per år, jämfört med en likvärdig jämförelsegrupp (källdokument 000).",
            "comparison_group": "Likvärdig jämförelsegrupp",
            "frequency": Frequency.YEAR,
        },
    )
    period = _period(
        project,
        "2014",
        PeriodKind.YEAR,
        dt.date(2014, 1, 1),
        dt.date(2014, 12, 31),
        dt.date(2015, 3, 31),
    )
    note = "16 och 2 familjer är källans siffror; gruppstorlekarna (50 familjer per grupp) anges inte i källan och är Exempeldata."
    for group, x in ((Group.INTERVENTION, 16), (Group.COMPARISON, 2)):
        measurement_store.measurement_save(
            actor=admin,
            indicator=indicator,
            period=period,
            unit=project.owner_unit,
            group=group,
            numerator=x,
            denominator=50,
            is_example=True,
            example_note=note,
        )
    stdout.write(
        "Hela familjen: 16 mot 2 självförsörjande familjer 2014 inlästa (gruppstorlekar Exempeldata)."
    )
