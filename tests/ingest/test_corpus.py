"""The corpus (tests/ingest/corpus): one document of every kind, as text, Word and PDF; the
table of expected values per field is in `corpus/documents.py`. Every field of every document
reads right in every format, and no draft holds a number its source does not."""

from __future__ import annotations

from functools import cache

import pytest

from sif.ingest import IngestResult, ingest_bytes
from sif.ingest.model import KIND_ACTIONS, KINDS
from tests.ingest.corpus.build import FORMATS, corpus_bytes
from tests.ingest.corpus.documents import DOCUMENTS
from tests.ingest.corpus.score import FIELDS, SET_FIELDS, read_fields
from tests.ingest.test_property import HARD_LINES, assert_every_number_is_in_its_source

BY_KEY = {document.key: document for document in DOCUMENTS}


@cache
def imported(key: str, fmt: str) -> IngestResult:
    document = BY_KEY[key]
    return ingest_bytes(corpus_bytes(document, fmt), f"{key}.{fmt}")


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("key", list(BY_KEY))
def test_each_corpus_document_gives_its_expected_value_for_each_field(
    key: str, fmt: str, field: str
) -> None:
    result = imported(key, fmt)
    assert result.ok and result.draft is not None
    expected = BY_KEY[key].expected.get(field, set() if field in SET_FIELDS else None)
    assert read_fields(result.draft)[field] == expected


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("key", list(BY_KEY))
def test_no_corpus_draft_holds_a_number_that_is_not_in_its_source(key: str, fmt: str) -> None:
    assert_every_number_is_in_its_source(imported(key, fmt))


def test_the_corpus_has_a_document_of_every_kind_but_other_and_every_hard_line() -> None:
    kinds = {document.expected["kind"] for document in DOCUMENTS}
    assert kinds == set(KINDS) - {"other", "report"}
    assert set(KIND_ACTIONS.values()) == {"project_draft", "decision", "report", "attachment"}
    text = "\n".join(document.text for document in DOCUMENTS)
    for line in HARD_LINES[:8]:
        assert line in text
