"""Builders for report tests: seed 002's budget as plain data (kronor), as the application shows it."""

from __future__ import annotations

from decimal import Decimal

from sif.reports import content as c

YEARS = [2020, 2021, 2022]
PERSONNEL = [Decimal("8177000"), Decimal("8411000"), Decimal("1752000")]
OTHER = [Decimal("1400000"), Decimal("1400000"), Decimal("1400000")]


def pilot_budget() -> c.Table:
    lines = [
        c.BudgetLine(
            "Personalkostnader inkl. ledning och vikarietäckning",
            "*",
            PERSONNEL,
            sum(PERSONNEL, Decimal(0)),
        ),
        c.BudgetLine("Övriga kostnader", "**", OTHER, sum(OTHER, Decimal(0))),
    ]
    totals = [p + o for p, o in zip(PERSONNEL, OTHER, strict=True)]
    notes = [
        (
            "*",
            "inkl. vikarietäckning då medarbetare i ordinarie verksamhet deltar i lärandeaktiviteter och implementeringsplan.",
        ),
        ("**", "Marknadsföring, digitalt stöd, del av lokalkostnader"),
    ]
    return c.budget_table(YEARS, lines, totals, sum(totals, Decimal(0)), notes)


def pilot_document(*, published: bool = False) -> c.Document:
    doc = c.Document(
        kind="application",
        title="Ansökan – insatser sociala investeringsfonden",
        municipality="Stockholms stad",
        subtitle="Pilot för en innovativ och hållbar socialtjänst för barn och unga",
        published=published,
    )
    doc.meta = [("Ansökande verksamhet", "Avdelningen för barn och unga")]
    doc.sections = [
        c.section("Praktisk beskrivning", [c.Subheading("Ekonomi"), pilot_budget()]),
        c.section("Uppföljning och utvärdering av effekter", []),
        c.section(
            "Jämställdhet",
            [
                c.Table(
                    "Per enhet",
                    ["Enhet", "Antal"],
                    [
                        [c.text_cell("Farsta"), c.count_cell(12)],
                        [c.text_cell("Skarpnäck"), c.suppressed_cell("count", 5)],
                    ],
                )
            ],
        ),
    ]
    return doc
