"""One suppression rule in every output that leaves the fund's team: a small count, and every total
or derived figure built on it, is hidden on the reader's page, in the published variant of each
document (PDF, DOCX, XLSX), in the follow-up export and in the API."""

from __future__ import annotations

import io
import re

import pypdfium2 as pdfium
import pytest
from django.urls import reverse
from docx import Document as WordDocument
from openpyxl import load_workbook

from sif.calc.suppression import may_see_small_counts, split_hidden
from sif.web.followup import measurement_store
from sif.web.projects.models import Application, ApplicationForm, Project, ProjectState

# One district reports 3 of 7 (42,9 %), 3 home visits and 3 conversations (1 with a mother,
# 2 with a father; 1 woman, 2 men): every one of them under the fund's threshold of 5.
SMALL = ("42,9", "3/7", "3 av 7", "1 av 3", "2 av 3", "33,3", "66,7")
DOCUMENTS = ("ansokan", "tjansteutlatande", "slutrapport")


@pytest.fixture
def small(stis):
    farsta = stis.districts["Farsta"]
    measurement_store.measurement_save(
        actor=stis.admin,
        indicator=stis.share,
        period=stis.period,
        unit=farsta,
        numerator=3,
        denominator=7,
    )
    measurement_store.measurement_save(
        actor=stis.admin,
        indicator=stis.share,
        period=stis.period,
        unit=farsta,
        group="comparison",
        numerator=2,
        denominator=6,
    )
    measurement_store.measurement_save(
        actor=stis.admin, indicator=stis.count, period=stis.period, unit=farsta, value=3
    )
    measurement_store.activity_save(
        actor=stis.admin,
        period=stis.period,
        unit=farsta,
        activity=stis.conversations,
        total=3,
        with_mother=1,
        with_father=2,
        single_mother=1,
        single_father=2,
        women=1,
        men=2,
    )
    # reported, with an application on file: the project offers all three documents
    form = ApplicationForm.objects.create(
        code="application_test",
        version=1,
        title="Ansökan",
        schema={"title": "Ansökan", "sections": []},
    )
    Application.objects.create(project=stis.project, form=form, step=2, answers={})
    Project.objects.filter(pk=stis.project.pk).update(state=ProjectState.FINAL_REPORT_SUBMITTED)
    stis.project.refresh_from_db()
    return stis


def _plain(text: str) -> str:
    return text.replace("\xa0", " ").replace("\u202f", " ")


def _pdf(data: bytes) -> str:
    pdf = pdfium.PdfDocument(data)
    try:
        text = _plain("\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf))))
    finally:
        pdf.close()
    return re.sub(r"[Ss]ida \d+ av \d+", "", text)  # the page numbers in the footer


def _docx(data: bytes) -> str:
    doc = WordDocument(io.BytesIO(data))
    cells = [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    return _plain("\n".join([p.text for p in doc.paragraphs] + cells))


def _xlsx(data: bytes) -> list:
    book = load_workbook(io.BytesIO(data))
    return [
        cell
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if cell is not None
    ]


def _no_small_figure(values: list) -> None:
    numbers = [v for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
    assert not [
        v
        for v in numbers
        if abs(v - 3 / 7) < 1e-6 or abs(v - 1 / 3) < 1e-6 or abs(v - 2 / 3) < 1e-6 or v in (1, 2, 3)
    ]
    text = _plain(" ".join(str(v) for v in values if isinstance(v, str)))
    assert not [s for s in SMALL if s in text]


def test_the_team_sees_the_small_counts_so_the_test_below_would_notice_them(client, small) -> None:
    client.force_login(small.admin)
    page = _plain(
        client.get(reverse("followup:overview", args=[small.project.pk])).content.decode()
    )
    assert "42,9" in page and "(3/7)" in page and "1 av 3" in page


def test_the_readers_follow_up_page_hides_small_counts_totals_and_shares_built_on_them(
    client, small
) -> None:
    client.force_login(small.reader)
    page = _plain(
        client.get(reverse("followup:overview", args=[small.project.pk])).content.decode()
    )
    assert not [s for s in SMALL if s in page]
    assert "dold (färre än 5)" in page and "Dold: bygger på färre än 5 observationer." in page
    activities = page[page.index('id="aktiviteter"') : page.index('id="jamstalldhet"')]
    assert (
        "<td>3</td>" not in activities
        and "<td>1</td>" not in activities
        and "<td>2</td>" not in activities
    )
    indicators = page[page.index('id="indikatorer"') : page.index('id="aktiviteter"')]
    assert "<td>T1 2020</td><td>3</td>" not in indicators


@pytest.mark.parametrize("slug", DOCUMENTS)
@pytest.mark.parametrize("fmt", ["pdf", "docx", "xlsx"])
@pytest.mark.parametrize("who", ["reader", "admin_published"])
def test_the_published_variant_of_every_document_hides_small_counts(
    client, small, slug, fmt, who
) -> None:
    user = small.reader if who == "reader" else small.admin
    client.force_login(user)
    url = reverse("documents:project", args=[small.project.pk, slug, fmt]) + (
        "?variant=publicerad" if who == "admin_published" else ""
    )
    response = client.get(url)
    assert response.status_code == 200 and "publicerad" in response["Content-Disposition"]
    data = response.content
    if fmt == "xlsx":
        _no_small_figure(_xlsx(data))
    else:
        text = _pdf(data) if fmt == "pdf" else _docx(data)
        assert not [s for s in SMALL if s in text], slug


def test_the_unpublished_committee_paper_keeps_the_small_counts_for_the_team(client, small) -> None:
    client.force_login(small.admin)
    text = _pdf(
        client.get(
            reverse("documents:project", args=[small.project.pk, "tjansteutlatande", "pdf"])
        ).content
    )
    assert "42,9" in text


def test_the_follow_up_export_hides_small_counts_and_holds_real_numbers(client, small) -> None:
    client.force_login(small.admin)
    data = client.get(reverse("followup:export", args=[small.project.pk])).content
    values = _xlsx(data)
    _no_small_figure(
        [v for v in values if not (isinstance(v, int) and v == 1)]
    )  # "Enheter som rapporterat" is 1
    assert any(isinstance(v, str) and v.startswith("dold") for v in values)


def test_the_api_gives_no_follow_up_count(client, small) -> None:
    client.force_login(small.reader)
    body = _plain(client.get(f"/api/projects/{small.project.pk}").content.decode())
    assert not [s for s in SMALL if s in body] and "measurement" not in body


def test_only_the_funds_team_may_see_small_counts() -> None:
    assert may_see_small_counts({"fund_admin"}) and may_see_small_counts({"reporter", "reader"})
    assert not may_see_small_counts({"reader"}) and not may_see_small_counts(set())


def test_a_hidden_part_of_a_total_hides_a_second_part_so_it_cannot_be_worked_out() -> None:
    split = split_hidden(12, {"women": 2, "men": 10}, 5)
    assert split.parts == {"women": None, "men": None} and split.total == 12
    assert split_hidden(3, {"women": 1, "men": 2}, 5).total is None
