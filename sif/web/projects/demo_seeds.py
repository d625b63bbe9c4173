"""Reading the seed documents (sif/demo) for the demo projects, and attaching them as sources.

One reader for every demo project, so a text in the demo is always cut from its seed the same
way and each project keeps the seed it comes from as a source document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sif.demo import SEEDS, seed_text
from sif.web.projects import source_documents
from sif.web.projects.models import Project


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


def attach_seed(actor: Any, project: Project, key: str) -> None:
    path: Path = SEEDS[key]
    source_documents.source_document_add(
        actor=actor, project=project, name=path.name, content=path.read_bytes(), kind="seed"
    )
