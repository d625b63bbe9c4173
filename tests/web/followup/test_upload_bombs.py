"""Finding 4 of the probe: the follow-up XLSX upload had no size limit and was parsed before any
permission or period check (a 460 KB zip bomb took 252 s and 3,9 GB; a 200 000-row file 32 s).
The bombs are built here, in the test, and each is refused before openpyxl reads it."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sif.web.followup import xlsx
from sif.web.followup.models import ActivityCount, Measurement

pytestmark = pytest.mark.django_db


def _zip_bomb(unpacked_mb: int = 64) -> bytes:
    """An XLSX-shaped zip whose one sheet unpacks to `unpacked_mb` MB of spaces (~100 KB packed)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            chunk = b" " * (1024 * 1024)
            for _ in range(unpacked_mb):
                sheet.write(chunk)
    return out.getvalue()


def _many_rows(stis: Any, rows: int) -> bytes:
    """The real template with its measurement sheet replaced by `rows` rows (written as XML, fast)."""
    template = xlsx.template_workbook(stis.project, stis.period, [stis.districts["Farsta"]])
    src = zipfile.ZipFile(io.BytesIO(template))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet2.xml":
                body = b"".join(
                    f'<row r="{r}"><c r="A{r}"><v>{stis.count.pk}</v></c><c r="G{r}"><v>1</v></c></row>'.encode()
                    for r in range(2, rows + 2)
                )
                data = re.sub(
                    rb"(<sheetData><row r=\"1\".*?</row>).*</sheetData>",
                    lambda m, rows_xml=body: m.group(1) + rows_xml + b"</sheetData>",
                    data,
                    flags=re.S,
                )
                data = re.sub(
                    rb'<dimension ref="[^"]*"/>',
                    f'<dimension ref="A1:I{rows + 1}"/>'.encode(),
                    data,
                )
            dst.writestr(item, data)
    return out.getvalue()


def _post(client: Any, stis: Any, data: bytes, name: str = "bomb.xlsx") -> Any:
    url = reverse("followup:upload", args=[stis.project.pk, stis.period.pk])
    return client.post(url, {"file": SimpleUploadedFile(name, data)})


@pytest.fixture
def no_parsing(monkeypatch: Any) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("openpyxl must not be reached")

    monkeypatch.setattr(xlsx, "load_workbook", refuse)


def test_a_zip_bomb_is_refused_from_its_central_directory(
    client: Any, stis: Any, settings: Any, no_parsing: None
) -> None:
    settings.SIF_UPLOAD_MAX_UNPACKED_BYTES = (
        8 * 1024 * 1024
    )  # a smaller bomb for the same rule: faster to build
    bomb = _zip_bomb(12)
    assert len(bomb) < 100_000
    client.force_login(stis.farsta)
    response = _post(client, stis, bomb)
    assert response.status_code == 422
    assert "packas upp till mer än 8 MB" in response.content.decode()


def test_a_reader_cannot_make_the_server_read_a_file_at_all(
    client: Any, stis: Any, no_parsing: None
) -> None:
    client.force_login(stis.reader)
    response = _post(client, stis, _zip_bomb(1))
    assert response.status_code == 422
    assert "packas upp" not in response.content.decode()


def test_an_upload_to_a_closed_period_is_refused_before_reading(
    client: Any, stis: Any, no_parsing: None
) -> None:
    client.force_login(stis.farsta)
    url = reverse("followup:upload", args=[stis.project.pk, stis.closed_period.pk])
    response = client.post(url, {"file": SimpleUploadedFile("t3.xlsx", _zip_bomb(1))})
    assert response.status_code == 422 and "stängd" in response.content.decode().lower()


def test_a_file_above_the_size_limit_is_refused_unread(
    client: Any, stis: Any, settings: Any, no_parsing: None
) -> None:
    settings.SIF_UPLOAD_MAX_BYTES = 100_000
    client.force_login(stis.farsta)
    response = _post(client, stis, b"PK" + b"\0" * 200_000)
    assert response.status_code == 422
    assert "högst 0,1 MB kan laddas upp" in response.content.decode()


def test_a_200_000_row_file_stops_at_the_row_limit(client: Any, stis: Any) -> None:
    data = _many_rows(stis, 200_000)
    client.force_login(stis.farsta)
    response = _post(client, stis, data, "manga-rader.xlsx")
    assert response.status_code == 422
    body = response.content.decode()
    assert "har fler än 5000 rader på ett blad" in body, re.findall(
        r"message error[^<]*<[^>]*>?([^<]*)", body
    )
    assert not Measurement.objects.exists() and not ActivityCount.objects.exists()
