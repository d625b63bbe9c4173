"""What the importer read from a corpus document, field by field, and recall and precision
against the expected values (a set field counts each element; a single value counts once)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sif.ingest import Draft

SINGLE_FIELDS = (
    "kind",
    "title",
    "date",
    "registration_number",
    "municipality",
    "unit",
    "decision_body",
    "decision_paragraph",
    "period",
    "target_group",
)
SET_FIELDS = ("amounts", "contacts")
FIELDS = SINGLE_FIELDS + SET_FIELDS


def read_fields(draft: Draft) -> dict[str, Any]:
    org = draft.organisation
    return {
        "kind": draft.kind,
        "title": draft.title.value if draft.title else None,
        "date": draft.date.value if draft.date else None,
        "registration_number": (
            draft.registration_number.value if draft.registration_number else None
        ),
        "municipality": org.municipality.value if org.municipality else None,
        "unit": _unit(draft),
        "decision_body": draft.decision_body.value if draft.decision_body else None,
        "decision_paragraph": (
            draft.decision_paragraph.value if draft.decision_paragraph else None
        ),
        "period": ((draft.period.value.start, draft.period.value.end) if draft.period else None),
        "target_group": draft.target_group_text.value if draft.target_group_text else None,
        "amounts": {(a.value.value_kr, a.value.kind) for a in draft.amounts},
        "contacts": {(c.value.name, c.value.role) for c in draft.contacts},
    }


def _unit(draft: Draft) -> str | None:
    """The unit the document comes from: its administration, else its committee."""
    org = draft.organisation
    unit = org.administration or org.committee
    return unit.value if unit else None


@dataclass
class Tally:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0

    def add(self, expected: Any, found: Any, *, is_set: bool) -> None:
        if is_set:
            expected, found = set(expected or ()), set(found or ())
            self.true_positive += len(expected & found)
            self.false_positive += len(found - expected)
            self.false_negative += len(expected - found)
            return
        if expected is not None and found == expected:
            self.true_positive += 1
            return
        if found is not None:
            self.false_positive += 1
        if expected is not None:
            self.false_negative += 1

    @property
    def recall(self) -> float | None:
        total = self.true_positive + self.false_negative
        return self.true_positive / total if total else None

    @property
    def precision(self) -> float | None:
        total = self.true_positive + self.false_positive
        return self.true_positive / total if total else None
