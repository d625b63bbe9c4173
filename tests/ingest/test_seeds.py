"""The five seeds import with their facts right, from .txt and from .docx and .pdf built from them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest

from sif.ingest import Draft, IngestResult

Importer = Callable[[str, str], IngestResult]
FORMATS = ("txt", "docx", "pdf")


def draft_of(imported: Importer, key: str, fmt: str) -> Draft:
    result = imported(key, fmt)
    assert result.ok, result.error
    assert result.draft is not None
    return result.draft


def kr(value: int | str) -> Decimal:
    return Decimal(value)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    ("key", "kind", "title"),
    [
        ("000", "proposal_list", "Förslag projekt sociala investeringsfonden"),
        (
            "001",
            "committee_paper",
            "Slutrapport - Stärkt tidigt stöd i samverkan STIS 2017-2021 - en social investering",
        ),
        (
            "002",
            "application_full",
            "Pilot för en innovativ och hållbar socialtjänst för barn och unga",
        ),
        ("003", "report", "Rapport Team Samagera"),
        ("004", "application_short", "Utökad samverkan kring barnfamiljer i Hässelby-Vällingby"),
    ],
)
def test_each_seed_is_recognised_as_its_kind_with_its_title(
    imported: Importer, key: str, fmt: str, kind: str, title: str
) -> None:
    draft = draft_of(imported, key, fmt)
    assert draft.kind == kind
    assert draft.title is not None and draft.title.value == title


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_full_application_002_gives_organisation_period_and_contacts(
    imported: Importer, fmt: str
) -> None:
    draft = draft_of(imported, "002", fmt)
    org = draft.organisation
    assert (
        org.administration is not None
        and org.administration.value == "Hässelby-Vällingby stadsdelsförvaltning"
    )
    assert org.department is not None and org.department.value == "Avdelningen för barn och unga"
    assert draft.period is not None
    assert (draft.period.value.start, draft.period.value.end) == (
        date(2020, 1, 1),
        date(2022, 12, 31),
    )
    assert draft.period.value.precision == "year"
    contacts = [c.value for c in draft.contacts if c.value.role == "contact"]
    assert [(c.name, c.email, c.phone) for c in contacts] == [
        ("Andrea Hormazabal", "Andrea.hormazabal@stockholm.se", "08-508 04 025"),
        ("Rebecca Hedenstedt", "Rebecca.hedenstedt@stockholm.se", "08-508 04 172"),
    ]
    assert contacts[1].title == "Samverkansstrateg"


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_002_budget_has_its_rows_totals_and_two_footnotes(imported: Importer, fmt: str) -> None:
    budget = draft_of(imported, "002", fmt).budget
    assert budget is not None
    assert budget.unit == "tkr" and budget.years == (2020, 2021, 2022)
    rows = {row.label: row for row in budget.rows}
    staff = rows["Personalkostnader inkl. ledning och vikarietäckning"]
    other = rows["Övriga kostnader"]
    assert [c.value_kr for c in staff.cells] == [kr(8_177_000), kr(8_411_000), kr(1_752_000)]
    assert staff.total_kr == staff.typed_total_kr == kr(18_340_000)
    assert [c.value_kr for c in other.cells] == [kr(1_400_000)] * 3
    assert other.total_kr == other.typed_total_kr == kr(4_200_000)
    assert (staff.markers, other.markers) == ("*", "**")
    assert budget.typed_column_totals_kr == {
        2020: kr(9_577_000),
        2021: kr(9_811_000),
        2022: kr(3_152_000),
    }
    assert [budget.column_total_kr(y) for y in budget.years] == [
        kr(9_577_000),
        kr(9_811_000),
        kr(3_152_000),
    ]
    assert budget.grand_total_kr == budget.typed_grand_total_kr == kr(22_540_000)
    assert [f.marker for f in budget.footnotes] == ["*", "**"]
    assert budget.footnotes[1].text == "Marknadsföring, digitalt stöd, del av lokalkostnader"


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_002_typed_totals_agree_so_no_warning_is_raised(imported: Importer, fmt: str) -> None:
    draft = draft_of(imported, "002", fmt)
    assert draft.warnings == ()
    year_totals = {a.year: a.value_kr for a in draft.amounts_with_role("year_total")}
    assert year_totals == {2020: kr(9_577_000), 2021: kr(9_811_000), 2022: kr(3_152_000)}
    assert [a.value_kr for a in draft.amounts_with_role("total")] == [kr(22_540_000)]


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_002_indicators_carry_method_and_segment(imported: Importer, fmt: str) -> None:
    indicators = [i.value for i in draft_of(imported, "002", fmt).indicators]
    assert len(indicators) == 12
    by_method = {i.method: i for i in indicators}
    assert "6-12 år" in (by_method["Bedömningsinstrumentet SDQ"].segment or "")
    assert (
        by_method["SIP-kollen.se"].name
        == "Antal barn, unga och föräldrar som upplever att de har fått samordnat stöd"
    )
    assert [i.segment for i in indicators].count("förvaltningen") == 4


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_002_target_group_figures_are_found(imported: Importer, fmt: str) -> None:
    figures = {(f.value.value, f.value.noun) for f in draft_of(imported, "002", fmt).target_group}
    assert {(kr(18488), "barn"), (kr(1800), "barn"), (kr(10), "procent")} <= figures


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_short_application_004_gives_period_sought_sum_and_its_parts(
    imported: Importer, fmt: str
) -> None:
    draft = draft_of(imported, "004", fmt)
    assert draft.period is not None
    assert (draft.period.value.start, draft.period.value.end) == (
        date(2013, 9, 1),
        date(2014, 12, 31),
    )
    assert [a.value_kr for a in draft.amounts_with_role("sought")] == [kr(2_460_000)]
    parts = {a.year: a.value_kr for a in draft.amounts_with_role("budget_part")}
    assert parts == {2013: kr(600_000), 2014: kr(1_860_000)}
    assert sum(parts.values()) == kr(2_460_000)
    assert draft.warnings == ()
    (contact,) = [c.value for c in draft.contacts if c.value.role == "contact"]
    assert (contact.name, contact.email, contact.phone) == (
        "Ingrid Brännström",
        "ingrid.brannstrom@stockholm.se",
        "50805094",
    )
    assert draft.organisation.committee is not None
    assert draft.organisation.committee.value == "Hässelby-Vällingby stadsdelsnämnd"


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_report_003_gives_committee_grant_decisions_goals_and_lessons(
    imported: Importer, fmt: str
) -> None:
    draft = draft_of(imported, "003", fmt)
    assert (
        draft.organisation.committee is not None
        and draft.organisation.committee.value == "Torshälla stads nämnd"
    )
    assert (
        draft.organisation.municipality is not None
        and draft.organisation.municipality.value == "Eskilstuna kommun"
    )
    (granted,) = draft.amounts_with_role("granted")
    assert granted.value_kr == kr(3_800_000) and granted.text == "3,8 miljoner kronor"
    assert granted.when == "2014-09"
    assert granted.fund == "Eskilstuna kommuns sociala investeringsfond"
    assert [d.value for d in draft.decisions] == [
        "Team samagera avslutas och verksamheten förs över till ordinarie drift.",
        "Återbetalning till sociala investeringsfonden genomförs i överenskommelse med kommunledningskontoret.",
    ]
    assert [g.value for g in draft.goals.short_term][0].startswith(
        "Föräldrar till barn i åldern 0-6 år"
    )
    assert len(draft.goals.short_term) == 2
    assert [g.value for g in draft.goals.long_term] == [
        "Alla unga ska ha slutbetyg från grundskolan som ger dem behörighet till gymnasiet.",
        "Minskat behov av barn- och ungdomsvård.",
    ]
    assert len(draft.lessons) == 4
    assert draft.lessons[3].value.startswith(
        "Att kunskapen om sociala investeringar och socioekonomiska beräkningar"
    )


COMMITTEE_SECTIONS = [
    "Förvaltningens förslag till beslut",
    "Sammanfattning",
    "Bakgrund",
    "Ärendets beredning",
    "Ärendet",
    "Jämställdhetsanalys",
    "Förvaltningens synpunkter och förslag",
    "Bilagor",
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_committee_paper_001_gives_its_sections_in_order(imported: Importer, fmt: str) -> None:
    headings = [s.value.heading for s in draft_of(imported, "001", fmt).sections if s.value.code]
    assert headings == COMMITTEE_SECTIONS


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_committee_paper_001_gives_date_committee_officer_period_and_districts(
    imported: Importer, fmt: str
) -> None:
    draft = draft_of(imported, "001", fmt)
    assert draft.date is not None and draft.date.value == date(2021, 11, 23)
    assert (
        draft.organisation.committee is not None
        and draft.organisation.committee.value == "Socialnämnden"
    )
    (officer,) = [c.value for c in draft.contacts if c.value.role == "handläggare"]
    assert (officer.name, officer.phone) == ("Marianne Gabrielsson", "0850825950")
    assert draft.period is not None
    assert (draft.period.value.start, draft.period.value.end) == (
        date(2017, 9, 4),
        date(2021, 4, 30),
    )
    assert [u.value for u in draft.units] == [
        "Enskede-Årsta-Vantör",
        "Farsta",
        "Hässelby-Vällingby",
        "Rinkeby-Kista",
        "Skarpnäck",
        "Skärholmen",
        "Spånga-Tensta",
    ]
    assert len(draft.decisions) == 2


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    ("value", "noun"),
    [
        (4500, "hembesök"),
        (1000, "familjer"),
        (3300, "samtal"),
        (2700, "blivande föräldrar"),
        (90, "procent"),
        (40, "procent"),
        (88, "procent"),
        (12, "procent"),
    ],
)
def test_the_committee_paper_001_gives_its_activity_and_gender_figures(
    imported: Importer, fmt: str, value: int, noun: str
) -> None:
    figures = {(f.value.value, f.value.noun) for f in draft_of(imported, "001", fmt).figures}
    assert (kr(value), noun) in figures


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_proposal_list_000_gives_five_proposals_with_their_comments(
    imported: Importer, fmt: str
) -> None:
    proposals = draft_of(imported, "000", fmt).proposals
    assert [p.title for p in proposals] == [
        "Hembesöksprogrammet",
        "Ersta vändpunkten – förskola, tidig upptäckt",
        "Utvidga PPSS – tydligare form",
        "Hela familjen, försörjningsstöd barnfamiljer",
        "Framtid Stockholm, filial Järva – ex Mini Maria, föräldrastöd och familjerådgivning",
    ]
    assert all(p.synpunkter for p in proposals)
    assert proposals[0].synpunkter is not None and proposals[0].synpunkter.startswith(
        "Inte särskilt kostnadsdrivande"
    )
    assert proposals[2].description.startswith("”Pilotprojekt - samverkan skola och socialtjänst”")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    ("text", "value_kr", "max_kr", "per"),
    [
        ("40 000 kronor", 40_000, None, "elev och år"),
        ("6 miljarder kronor", 6_000_000_000, None, None),
        ("667 miljoner kronor", 667_000_000, None, None),
        ("57 000 000 kronor", 57_000_000, None, None),
        ("156 kronor", 156, None, "elev och dygn"),
        ("mellan 3000 och 4000 kronor", 3000, 4000, "individ och dygn"),
        ("700 kronor", 700, None, "elev och dygn"),
    ],
)
def test_the_proposal_list_000_gives_the_ppss_amounts(
    imported: Importer, fmt: str, text: str, value_kr: int, max_kr: int | None, per: str | None
) -> None:
    amounts = {a.value.text: a.value for a in draft_of(imported, "000", fmt).amounts}
    amount = amounts[text]
    assert amount.value_kr == kr(value_kr)
    assert amount.max_kr == (kr(max_kr) if max_kr else None)
    assert amount.per == per


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_proposal_list_000_gives_the_ppss_and_hela_familjen_figures(
    imported: Importer, fmt: str
) -> None:
    figures = {(f.value.value, f.value.noun) for f in draft_of(imported, "000", fmt).figures}
    expected = {
        (kr(8000), "elever"),
        (kr(13), "procent"),
        (kr(1040), "elever"),
        (kr(16), "familjer"),
        (kr(2), "självförsörjande"),
    }
    assert expected <= figures


@pytest.mark.parametrize("key", ["000", "001", "002", "003", "004"])
def test_every_extracted_value_points_at_a_line_that_says_it(imported: Importer, key: str) -> None:
    result = imported(key, "txt")
    assert result.draft is not None
    by_number = {line.number: line.text for line in result.lines}
    checked = 0
    for amount in result.draft.amounts:
        assert amount.source_text in by_number[amount.line_no]
        checked += 1
    for figure in result.draft.figures:
        assert figure.value.text in by_number[figure.line_no]
        checked += 1
    assert checked > 0
