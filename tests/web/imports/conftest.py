"""Staged imports go to a temporary DATA_DIR; helpers upload files and post a review screen as shown."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sif.demo import SEEDS


@pytest.fixture(autouse=True)
def _staging_in_tmp(settings: Any, tmp_path: Any) -> None:
    settings.DATA_DIR = tmp_path / "data"


def seed_upload(key: str) -> SimpleUploadedFile:
    path = SEEDS[key]
    return SimpleUploadedFile(path.name, path.read_bytes(), content_type="text/plain")


def upload(client: Any, fund: Any, *files: SimpleUploadedFile) -> str:
    """POST the files; returns the batch page's URL."""
    response = client.post(reverse("imports:upload"), {"fund": fund.pk, "files": list(files)})
    assert response.status_code == 302, response.content.decode()[:2000]
    return str(response["Location"])


def review_url(batch_url: str, index: int = 0) -> str:
    return f"{batch_url}{index}/"


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def shown_data(response: Any) -> dict[str, Any]:
    """The review screen's values as the browser would post them back unchanged."""
    screen = response.context["screen"]
    data: dict[str, Any] = {}
    for form in screen.forms():
        if hasattr(form, "management_form"):
            for field in form.management_form:
                data[field.html_name] = _text(field.value())
            forms = list(form)
        else:
            forms = [form]
        for f in forms:
            for field in f:
                value = field.value()
                if isinstance(value, bool) or field.field.__class__.__name__ == "BooleanField":
                    if value:
                        data[field.html_name] = "on"
                    continue
                data[field.html_name] = _text(value)
    return data
