"""Format-neutral content: the builders turn plain data into tables and text in Swedish form."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sif.reports import content as c
from tests.reports.seed_content import pilot_budget


def test_the_budget_table_shows_seed_002s_figures_in_tkr_with_derived_totals() -> None:
    table = pilot_budget()
    assert table.header == ["Kostnadsslag", "År 2020", "År 2021", "År 2022", "Totalt"]
    assert [cell.text for cell in table.rows[0]] == [
        "Personalkostnader inkl. ledning och vikarietäckning*",
        "8\xa0177",
        "8\xa0411",
        "1\xa0752",
        "18\xa0340",
    ]
    assert [cell.text for cell in table.rows[-1]] == [
        "Totalt",
        "9\xa0577",
        "9\xa0811",
        "3\xa0152",
        "22\xa0540",
    ]
    assert table.total_rows == 1
    assert table.footnotes[1] == "** Marknadsföring, digitalt stöd, del av lokalkostnader"


def test_a_tkr_cell_keeps_the_number_in_tkr_for_spreadsheets() -> None:
    cell = pilot_budget().rows[-1][-1]
    assert cell.value == Decimal("22540") and cell.kind == "tkr"


def test_numbers_are_right_aligned_and_labels_left() -> None:
    table = pilot_budget()
    assert [table.alignment(i) for i in range(5)] == ["left", "right", "right", "right", "right"]


@pytest.mark.parametrize(
    ("share", "qualifier", "text"),
    [
        (Decimal("0.90"), "drygt", "drygt 90\xa0%"),
        (Decimal("0.40"), "ca", "ca 40\xa0%"),
        (Decimal("0.88"), "", "88\xa0%"),
        (Decimal("0.125"), "", "12,5\xa0%"),
    ],
)
def test_shares_read_as_the_committee_paper_writes_them(
    share: Decimal, qualifier: str, text: str
) -> None:
    assert c.percent_cell(share, qualifier).text == text


def test_free_text_becomes_paragraphs_and_lists() -> None:
    blocks = c.text_blocks(
        "Inledning\nfortsätter.\n\n- Råd- och stödsamtal\n- Öppna förskolan\n\n1. Socialnämnden godkänner.\n2. Ärendet överlämnas."
    )
    assert blocks[0] == c.Paragraph("Inledning fortsätter.")
    assert blocks[1] == c.BulletList(["Råd- och stödsamtal", "Öppna förskolan"])
    assert blocks[2] == c.BulletList(
        ["Socialnämnden godkänner.", "Ärendet överlämnas."], numbered=True
    )


def test_an_empty_section_says_uppgift_saknas_rather_than_inventing_text() -> None:
    assert c.section("Bakgrund", c.text_blocks("")).blocks == [
        c.Paragraph("Uppgift saknas", "note")
    ]


def test_the_budget_summary_lists_each_year_and_the_total_cost() -> None:
    blocks = c.budget_summary(
        [2020, 2021, 2022],
        [Decimal("9577000"), Decimal("9811000"), Decimal("3152000")],
        Decimal("22540000"),
    )
    assert blocks[0] == c.BulletList(
        ["År 2020: 9\xa0577 tkr", "År 2021: 9\xa0811 tkr", "År 2022: 3\xa0152 tkr"]
    )
    assert blocks[1] == c.Paragraph("Total kostnad: 22\xa0540 tkr")


def test_the_content_module_needs_no_django() -> None:
    import subprocess
    import sys

    code = "import sys, sif.reports.content; assert 'django' not in sys.modules"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_a_paragraph_a_page_break_cut_in_two_is_joined_again() -> None:
    from sif.reports.content import BulletList, Paragraph, text_blocks

    blocks = text_blocks(
        "Inom avdelningen ryms all myndighetsövning\n\nsåsom mottagning.\n\nInom BUS ingår:\n\n- STIS\n\nnästa stycke"
    )
    assert blocks == [
        Paragraph("Inom avdelningen ryms all myndighetsövning såsom mottagning."),
        Paragraph("Inom BUS ingår:"),
        BulletList(["STIS"]),
        Paragraph("nästa stycke"),
    ]
