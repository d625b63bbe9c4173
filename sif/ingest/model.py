"""The draft an imported document becomes: every value carries the line it was read from.

Nothing here computes; the recognisers fill these dataclasses and `Draft.to_dict` gives the
JSON shape the CLI prints and the upload screen shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Generic, TypeVar

T = TypeVar("T")

KINDS = (
    "proposal_list",
    "committee_paper",
    "decision",
    "guidelines",
    "referral_response",
    "interim_report",
    "final_report",
    "evaluation",
    "report",
    "application_full",
    "application_short",
    "other",
)
# What SIF does with each kind: a project draft (proposal or application), a decision on a
# project (the paper that proposes it, or the minutes that record it), a report on a running
# or ended project, or a document kept as an attachment (to a project or the fund).
KIND_ACTIONS = {
    "proposal_list": "project_draft",
    "application_full": "project_draft",
    "application_short": "project_draft",
    "committee_paper": "decision",
    "decision": "decision",
    "interim_report": "report",
    "final_report": "report",
    "report": "report",
    "evaluation": "report",
    "guidelines": "attachment",
    "referral_response": "attachment",
    "other": "attachment",
}


@dataclass(frozen=True)
class Line:
    """One line of the source: 1-based number, its text, and the PDF page it came from."""

    number: int
    text: str
    page: int | None = None


@dataclass(frozen=True)
class Extracted(Generic[T]):
    """A value, the number of the line it came from and the fragment of that line that says it."""

    value: T
    line_no: int
    source_text: str


@dataclass(frozen=True)
class Period:
    """A start and an end; `precision` is "day", "month" or "year" as written in the source."""

    start: date
    end: date
    precision: str = "day"

    def iso(self, which: date) -> str:
        text = which.isoformat()
        return {"day": text, "month": text[:7], "year": text[:4]}[self.precision]


AMOUNT_KINDS = ("sought", "granted", "budget_line", "fund_capital", "other")


@dataclass(frozen=True)
class Amount:
    """Money in kronor as written (`text`), e.g. "22 540 Tkr" -> 22 540 000, with its role (how
    the sentence uses it) and its kind (one of AMOUNT_KINDS: what SIF does with it). An amount
    broken over two lines ("Fonden om 400" / "miljoner kronor") names the second line in
    `continued_line`; its `Extracted.source_text` is the part on the first line."""

    value_kr: Decimal
    role: str
    text: str
    year: int | None = None
    max_kr: Decimal | None = None
    per: str | None = None
    when: str | None = None
    fund: str | None = None
    kind: str = "other"
    continued_line: int | None = None


@dataclass(frozen=True)
class Figure:
    """A count or a share as written: "4500 hembesök", "13 %"; `noun` is what is counted."""

    value: Decimal
    unit: str
    noun: str
    text: str
    segment: str | None = None


@dataclass(frozen=True)
class Contact:
    name: str
    title: str | None = None
    email: str | None = None
    phone: str | None = None
    role: str = "contact"


@dataclass(frozen=True)
class Indicator:
    name: str
    method: str | None
    segment: str | None
    note: str | None = None


@dataclass(frozen=True)
class Proposal:
    title: str
    description: str
    synpunkter: str | None
    line: int
    last_line: int


@dataclass(frozen=True)
class Section:
    heading: str
    code: str | None
    text: str
    last_line: int


@dataclass(frozen=True)
class BudgetCell:
    year: int
    value_kr: Decimal
    text: str


@dataclass(frozen=True)
class BudgetRow:
    label: str
    markers: str
    line: int
    cells: tuple[BudgetCell, ...]
    typed_total_kr: Decimal | None

    @property
    def total_kr(self) -> Decimal:
        return sum((cell.value_kr for cell in self.cells), Decimal(0))


@dataclass(frozen=True)
class Footnote:
    marker: str
    text: str
    line: int


@dataclass(frozen=True)
class Budget:
    """Years x categories in kronor; totals are derived, the typed ones kept for comparison."""

    unit: str
    years: tuple[int, ...]
    rows: tuple[BudgetRow, ...]
    typed_column_totals_kr: dict[int, Decimal]
    typed_grand_total_kr: Decimal | None
    footnotes: tuple[Footnote, ...]
    line: int
    total_line: int | None = None

    def column_total_kr(self, year: int) -> Decimal:
        values = (c.value_kr for row in self.rows for c in row.cells if c.year == year)
        return sum(values, Decimal(0))

    @property
    def grand_total_kr(self) -> Decimal:
        return sum((row.total_kr for row in self.rows), Decimal(0))


@dataclass(frozen=True)
class Organisation:
    municipality: Extracted[str] | None = None
    committee: Extracted[str] | None = None
    administration: Extracted[str] | None = None
    department: Extracted[str] | None = None


@dataclass(frozen=True)
class Goals:
    short_term: tuple[Extracted[str], ...] = ()
    long_term: tuple[Extracted[str], ...] = ()


@dataclass(frozen=True)
class Notice:
    """A warning or something unread: a stable code, its parameters and the line (0 = file)."""

    code: str
    line_no: int
    params: dict[str, str] = field(default_factory=dict)

    def message(self) -> str:
        from sif.messages import message_for

        return message_for(self.code, line=self.line_no, **self.params)


@dataclass(frozen=True)
class Draft:
    kind: str
    title: Extracted[str] | None = None
    date: Extracted[date] | None = None
    registration_number: Extracted[str] | None = None
    organisation: Organisation = Organisation()
    contacts: tuple[Extracted[Contact], ...] = ()
    period: Extracted[Period] | None = None
    amounts: tuple[Extracted[Amount], ...] = ()
    budget: Budget | None = None
    figures: tuple[Extracted[Figure], ...] = ()
    target_group: tuple[Extracted[Figure], ...] = ()
    units: tuple[Extracted[str], ...] = ()
    goals: Goals = Goals()
    indicators: tuple[Extracted[Indicator], ...] = ()
    decisions: tuple[Extracted[str], ...] = ()
    lessons: tuple[Extracted[str], ...] = ()
    sections: tuple[Extracted[Section], ...] = ()
    proposals: tuple[Proposal, ...] = ()
    decision_body: Extracted[str] | None = None
    decision_paragraph: Extracted[str] | None = None
    target_group_text: Extracted[str] | None = None
    warnings: tuple[Notice, ...] = ()
    unread: tuple[Notice, ...] = ()

    @property
    def action(self) -> str:
        """What SIF does with the document (KIND_ACTIONS)."""
        return KIND_ACTIONS[self.kind]

    def amounts_with_role(self, role: str) -> list[Amount]:
        return [a.value for a in self.amounts if a.value.role == role]

    def to_dict(self) -> dict[str, Any]:
        from sif.ingest.serialise import draft_to_dict

        return draft_to_dict(self)
