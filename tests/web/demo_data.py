"""Shared helpers for tests that read the demo: load it once per module (rolled back afterwards),
and the plain text of a document's content, as its reader sees it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from io import StringIO
from typing import Any

from sif.reports.content import BulletList, Paragraph, Subheading, Table


@contextmanager
def demo_loaded(django_db_blocker: Any, tmp_path_factory: Any) -> Iterator[None]:
    """`sif demo` in a transaction that is rolled back when the block ends (the tests only read)."""
    from django.conf import settings
    from django.core.management import call_command
    from django.db import transaction

    with django_db_blocker.unblock():
        old_dir, old_hashers, old_media = (
            settings.DATA_DIR,
            settings.PASSWORD_HASHERS,
            settings.MEDIA_ROOT,
        )
        settings.DATA_DIR = tmp_path_factory.mktemp("demo")
        settings.MEDIA_ROOT = settings.DATA_DIR / "media"
        settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("demo", stdout=StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            settings.DATA_DIR, settings.PASSWORD_HASHERS, settings.MEDIA_ROOT = (
                old_dir,
                old_hashers,
                old_media,
            )


def document_text(doc: Any) -> str:
    """Title, meta, headings, paragraphs, lists and table cells of a Document, one per line."""
    parts: list[str] = [doc.title, doc.subtitle, *(f"{k} {v}" for k, v in doc.meta)]
    for section in doc.sections:
        parts.append(section.heading)
        for block in section.blocks:
            if isinstance(block, Paragraph | Subheading):
                parts.append(block.text)
            elif isinstance(block, BulletList):
                parts.extend(block.items)
            elif isinstance(block, Table):
                parts += [block.title, *block.header, *block.footnotes]
                parts.extend(cell.text for row in block.rows for cell in row)
    return "\n".join(parts)
