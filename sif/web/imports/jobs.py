"""Reading an uploaded batch in `sif worker` (SIF_IMPORTS_IN_BACKGROUND): the upload answers at
once with the batch page, which shows each file's progress and reloads itself until all are read."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django_tasks import task

from sif.web.imports import staging


def batch_stage_and_read(
    *, user_id: int, fund_id: int, municipality_id: int, uploads: list[tuple[str, bytes]]
) -> staging.Batch:
    """Stage the upload; read it now, or queue the reading for the worker."""
    background = settings.IMPORTS_IN_BACKGROUND
    batch = staging.batch_stage(
        user_id=user_id,
        fund_id=fund_id,
        municipality_id=municipality_id,
        uploads=uploads,
        read=not background,
    )
    if background:
        transaction.on_commit(lambda: read_import_batch.enqueue(batch.id))
    return batch


@task()
def read_import_batch(batch_id: str) -> int:
    return staging.batch_read(batch_id)
