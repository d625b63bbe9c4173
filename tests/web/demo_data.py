"""Shared helpers for tests that read the demo: load it once per module (rolled back afterwards),
and the plain text of a document's content, as its reader sees it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from io import StringIO
from typing import Any

from sif.reports.content import BulletList, Paragraph, Subheading, Table


@contextmanager
def rolled_back(django_db_blocker: Any, tmp_path_factory: Any) -> Iterator[None]:
    """A transaction for data a whole module reads, rolled back when the block ends; files go to a
    fresh DATA_DIR and MEDIA_ROOT meanwhile, and passwords are hashed fast."""
    from django.conf import settings
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
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            settings.DATA_DIR, settings.PASSWORD_HASHERS, settings.MEDIA_ROOT = (
                old_dir,
                old_hashers,
                old_media,
            )


@contextmanager
def demo_loaded(django_db_blocker: Any, tmp_path_factory: Any) -> Iterator[str]:
    """`sif demo` in a transaction that is rolled back when the block ends (the tests only read,
    or write inside their own test transaction); yields what the command printed. DATA_DIR (with
    demo-login.txt) is a fresh folder meanwhile."""
    from django.core.management import call_command

    with rolled_back(django_db_blocker, tmp_path_factory):
        out = StringIO()
        call_command("demo", stdout=out)
        yield out.getvalue()


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
