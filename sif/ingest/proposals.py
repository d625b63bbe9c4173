"""A list of proposals: numbered headings ("1. Hembesöksprogrammet"), each with a description
and the reviewers' "Synpunkter:"."""

from __future__ import annotations

import re

from sif.ingest.forms import content
from sif.ingest.model import Line, Proposal
from sif.ingest.text import clean

NUMBERED_HEADING_RE = re.compile(r"^(?P<number>\d{1,2})\.\s+(?P<title>\S.{0,160})$")
COMMENT_RE = re.compile(r"^synpunkter?\s*:\s*", re.IGNORECASE)


def proposal_headings(lines: list[Line]) -> list[tuple[int, Line, str]]:
    """(index in content, line, title) of numbered headings 1, 2, 3 … in order."""
    rows = content(lines)
    headings: list[tuple[int, Line, str]] = []
    for index, line in enumerate(rows):
        match = NUMBERED_HEADING_RE.match(clean(line.text))
        if not match or match.group("title").rstrip().endswith((".", ":")):
            continue
        if int(match.group("number")) == len(headings) + 1:
            headings.append((index, line, match.group("title").strip()))
    return headings


def find_proposals(lines: list[Line]) -> list[Proposal]:
    rows = content(lines)
    headings = proposal_headings(lines)
    proposals: list[Proposal] = []
    for position, (start, line, title) in enumerate(headings):
        end = headings[position + 1][0] if position + 1 < len(headings) else len(rows)
        body = rows[start + 1 : end]
        description: list[str] = []
        comments: list[str] = []
        for part in body:
            text = clean(part.text)
            if COMMENT_RE.match(text) or comments:
                comments.append(COMMENT_RE.sub("", text))
            else:
                description.append(text)
        last = body[-1].number if body else line.number
        synpunkter = "\n\n".join(comments) if comments else None
        proposals.append(Proposal(title, "\n\n".join(description), synpunkter, line.number, last))
    return proposals


def count_comments(lines: list[Line]) -> int:
    return sum(1 for line in content(lines) if COMMENT_RE.match(clean(line.text)))
