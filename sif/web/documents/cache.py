"""Render a document once per data change: the bytes are kept in Django's cache under a hash of
the document's content and format, so a second download of unchanged data costs only the
queries that build the content."""

from __future__ import annotations

import hashlib
import pickle

from django.core.cache import cache

from sif.reports.content import Document
from sif.web.documents.render import render

RENDER_VERSION = "1"
TIMEOUT_SECONDS = 24 * 3600


def content_key(document: Document, fmt: str) -> str:
    digest = hashlib.sha256(pickle.dumps((RENDER_VERSION, fmt, document), protocol=5)).hexdigest()
    return f"sif-document:{digest}"


def rendered(document: Document, fmt: str) -> bytes:
    key = content_key(document, fmt)
    data = cache.get(key)
    if data is None:
        data = render(document, fmt)
        cache.set(key, data, TIMEOUT_SECONDS)
    return data
