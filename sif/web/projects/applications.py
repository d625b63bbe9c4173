"""Showing a submitted application with the form version it was written in.

The labels come from `application.form.schema` (the stored version), never from the current form,
so an application from 2019 reads the same after the form has changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sif.web.projects.models import Application


@dataclass(frozen=True)
class AnsweredField:
    key: str
    label: str
    kind: str
    value: Any


@dataclass(frozen=True)
class AnsweredSection:
    key: str
    label: str
    fields: list[AnsweredField]


def application_sections(application: Application) -> list[AnsweredSection]:
    """Every section and field of the application's own form version with the answer given ("" if none)."""
    answers = application.answers or {}
    return [
        AnsweredSection(
            key=section["key"],
            label=section["label"],
            fields=[
                AnsweredField(f["key"], f["label"], f["kind"], answers.get(f["key"], ""))
                for f in section.get("fields", [])
            ],
        )
        for section in application.form.schema.get("sections", [])
    ]
