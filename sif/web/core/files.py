"""Files written to storage inside a transaction that then rolls back must not stay behind.

The database forgets a refused write; the file store does not. A service that writes a file calls
`note_written(name)`; a caller that may refuse after the write wraps its transaction in
`files_removed_on_failure()`, which deletes the noted files when the block raises (after the
transaction inside it has rolled back), so a refused import confirm leaves nothing in media.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.files.storage import default_storage

_written: ContextVar[list[str] | None] = ContextVar("sif_written_files", default=None)


def note_written(name: str) -> None:
    collected = _written.get()
    if collected is not None:
        collected.append(name)


@contextmanager
def files_removed_on_failure() -> Iterator[None]:
    token = _written.set([])
    try:
        yield
    except BaseException:
        for name in _written.get() or []:
            default_storage.delete(name)
        raise
    finally:
        _written.reset(token)
