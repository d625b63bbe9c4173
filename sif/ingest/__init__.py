"""Reading a fund's Word, PDF and text documents into drafts a person confirms.

`ingest_file(path)` / `ingest_bytes(data, filename)` -> `IngestResult` with the source `lines`
and a `Draft` whose every value is an `Extracted(value, line_no, source_text)`. Pure: no Django,
no database, nothing saved.
"""

from __future__ import annotations

from sif.ingest.model import (
    Amount,
    Budget,
    BudgetCell,
    BudgetRow,
    Contact,
    Draft,
    Extracted,
    Figure,
    Footnote,
    Goals,
    Indicator,
    Line,
    Notice,
    Organisation,
    Period,
    Proposal,
    Section,
)
from sif.ingest.pipeline import DEFAULT_MAX_BYTES, ingest_bytes, ingest_file
from sif.ingest.result import IngestError, IngestResult

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Amount",
    "Budget",
    "BudgetCell",
    "BudgetRow",
    "Contact",
    "Draft",
    "Extracted",
    "Figure",
    "Footnote",
    "Goals",
    "IngestError",
    "IngestResult",
    "Indicator",
    "Line",
    "Notice",
    "Organisation",
    "Period",
    "Proposal",
    "Section",
    "ingest_bytes",
    "ingest_file",
]
