"""Each seed as .txt, .docx and .pdf bytes, built once per session (the PDFs take a while)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sif.ingest import IngestResult, ingest_bytes
from tests.ingest.builders import docx_bytes, pdf_bytes

FORMATS = ("txt", "docx", "pdf")
_CACHE: dict[tuple[str, str], IngestResult] = {}


@pytest.fixture(scope="session")
def imported(seed_texts: dict[str, str]) -> Callable[[str, str], IngestResult]:
    def get(key: str, fmt: str) -> IngestResult:
        if (key, fmt) not in _CACHE:
            text = seed_texts[key]
            data = {
                "txt": lambda: text.encode("utf-8"),
                "docx": lambda: docx_bytes(text),
                "pdf": lambda: pdf_bytes(text),
            }[fmt]()
            _CACHE[key, fmt] = ingest_bytes(data, f"{key}.{fmt}")
        return _CACHE[key, fmt]

    return get
