"""Recall and precision per field on the test corpus (tests/ingest/corpus), per format.

Run: .venv/bin/python -m benchmarks.bench_corpus (bench_ingest includes it in RESULTS.md).
A single-valued field counts one per document (right, wrong = a false positive and a miss, or
absent); amounts (value and kind) and contacts (name and role) count each element.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from sif.ingest import ingest_bytes  # noqa: E402
from tests.ingest.corpus.build import FORMATS, corpus_bytes  # noqa: E402
from tests.ingest.corpus.documents import DOCUMENTS, CorpusDocument  # noqa: E402
from tests.ingest.corpus.held_out import HELD_OUT  # noqa: E402
from tests.ingest.corpus.score import FIELDS, SET_FIELDS, Tally, read_fields  # noqa: E402


def measure(documents: tuple[CorpusDocument, ...]) -> dict[str, dict[str, Tally]]:
    tallies = {fmt: {name: Tally() for name in FIELDS} for fmt in FORMATS}
    for document in documents:
        for fmt in FORMATS:
            result = ingest_bytes(corpus_bytes(document, fmt), f"{document.key}.{fmt}")
            found = read_fields(result.draft) if result.draft else {}
            for name in FIELDS:
                empty = set() if name in SET_FIELDS else None
                tallies[fmt][name].add(
                    document.expected.get(name, empty),
                    found.get(name, empty),
                    is_set=name in SET_FIELDS,
                )
    return tallies


def _ratio(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def corpus_section() -> list[str]:
    return [
        "",
        "### Recall and precision per field on the test corpus",
        "",
        f"{len(DOCUMENTS)} documents written for the tests (tests/ingest/corpus/documents.py: every",
        "kind, the hard lines of issue 13), each as .txt, .docx (letterhead in the page header,",
        "tables, footer) and .pdf (WeasyPrint). The recognisers were developed against these, so",
        "this is a development set. Recall = right / expected, precision = right / read.",
        "",
        *_table(measure(DOCUMENTS)),
        "",
        f"Held out: {len(HELD_OUT)} documents (tests/ingest/corpus/held_out.py) written after the",
        "tuning and not fitted to; the figures below are their first measurement.",
        "",
        *_table(measure(HELD_OUT)),
    ]


def _table(tallies: dict[str, dict[str, Tally]]) -> list[str]:
    lines = [
        "| field | " + " | ".join(f"{fmt} recall | {fmt} precision" for fmt in FORMATS) + " |",
        "|---" * (1 + 2 * len(FORMATS)) + "|",
    ]
    for name in FIELDS:
        cells = " | ".join(
            f"{_ratio(tallies[fmt][name].recall)} | {_ratio(tallies[fmt][name].precision)}"
            for fmt in FORMATS
        )
        lines.append(f"| {name} | {cells} |")
    return lines


if __name__ == "__main__":
    print("\n".join(corpus_section()))
