"""Uploaded files waiting for a person to confirm them, kept outside the database.

A batch is a folder `DATA_DIR/imports/<uuid>/` with `batch.json` (who uploaded it, for which fund,
and per file: name, format, whether it was read and which projects its confirmation created) and,
per file, the original bytes and the `IngestResult` as JSON (the draft plus the source lines).
Nothing here touches a domain table: until the user confirms, no project, event or document
exists. Only the user who uploaded a batch can open it; anyone else is told it does not exist.

Read in the background (SIF_IMPORTS_IN_BACKGROUND): the upload keeps each file as `<n>.upload`
and queues `batch_read` for `sif worker`, which reads each file, writes its draft and its outcome
(`<n>.state.json`) and removes the upload (so a file with a personal identity number is kept only
until it is read). The worker never writes `batch.json`, so a confirmation the user makes
meanwhile is never overwritten. The worker must see SIF_DATA_DIR (the same machine or a shared
disk).
"""

from __future__ import annotations

import json
import logging
import shutil
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings

from sif.ingest import ingest_bytes
from sif.messages import message_for

log = logging.getLogger("sif.imports")

MAX_AGE_SECONDS = 14 * 24 * 3600  # an unconfirmed batch is removed after two weeks
QUEUED, READ = "queued", "read"


@dataclass
class StagedFile:
    index: int
    name: str
    ok: bool
    error: str = ""
    kind: str = ""
    format: str = ""
    project_ids: list[int] = field(default_factory=list)
    state: str = READ  # QUEUED until the worker has read the file

    @property
    def confirmed(self) -> bool:
        return bool(self.project_ids)

    @property
    def waiting(self) -> bool:
        return self.state == QUEUED


@dataclass
class Batch:
    id: str
    user_id: int
    fund_id: int
    municipality_id: int
    files: list[StagedFile]

    @property
    def folder(self) -> Path:
        return root() / self.id

    @property
    def waiting(self) -> int:
        """Files the worker has not read yet."""
        return sum(f.waiting for f in self.files)

    def file(self, index: int) -> StagedFile | None:
        return self.files[index] if 0 <= index < len(self.files) else None

    def content(self, index: int) -> bytes:
        """The original file; empty when it held a personal identity number (never kept)."""
        path = self.folder / f"{index}.bin"
        return path.read_bytes() if path.exists() else b""

    def result(self, index: int) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(
            (self.folder / f"{index}.json").read_text(encoding="utf-8")
        )
        return data


def root() -> Path:
    return Path(settings.DATA_DIR) / "imports"


def batch_stage(
    *,
    user_id: int,
    fund_id: int,
    municipality_id: int,
    uploads: list[tuple[str, bytes]],
    read: bool = True,
) -> Batch:
    """Read every file (a bad one gets its Swedish message; the others go on) and keep them; with
    `read=False` only keep them, queued for `batch_read`."""
    _remove_old()
    batch = Batch(uuid.uuid4().hex, user_id, fund_id, municipality_id, [])
    batch.folder.mkdir(parents=True)
    for index, (name, data) in enumerate(uploads):
        if read:
            batch.files.append(_read(batch.folder, index, name, data))
        else:
            (batch.folder / f"{index}.upload").write_bytes(data)
            batch.files.append(StagedFile(index, name, False, state=QUEUED))
    _save(batch)
    return batch


def _read(folder: Path, index: int, name: str, data: bytes) -> StagedFile:
    result = ingest_bytes(data, name, max_bytes=settings.UPLOAD_LIMIT_BYTES)
    staged = StagedFile(index, name, result.ok, result.error.message if result.error else "")
    if result.ok and result.draft is not None:
        staged.kind, staged.format = result.draft.kind, result.format or ""
        payload = {
            "result": result.to_dict(),
            "lines": [[ln.number, ln.text, ln.page] for ln in result.lines],
        }
        (folder / f"{index}.json").write_text(
            json.dumps(payload, ensure_ascii=False), encoding="utf-8"
        )
        if not any(n.code == "personal_identity_number_removed" for n in result.draft.warnings):
            (folder / f"{index}.bin").write_bytes(data)
    return staged


def batch_read(batch_id: str) -> int:
    """The worker's part: read each queued file of the batch; the number read."""
    folder = root() / uuid.UUID(batch_id).hex
    batch = _load(folder)
    if batch is None:
        return 0
    done = 0
    for staged in batch.files:
        upload = folder / f"{staged.index}.upload"
        if not staged.waiting or not upload.exists():
            continue
        try:
            outcome = _read(folder, staged.index, staged.name, upload.read_bytes())
        except Exception:  # noqa: BLE001 - a file that breaks the reader is that file's error
            log.exception("import file not read", extra={"batch": batch.id})
            outcome = StagedFile(
                staged.index, staged.name, False, message_for("import_read_failed")
            )
        (folder / f"{staged.index}.state.json").write_text(
            json.dumps(vars(outcome), ensure_ascii=False), encoding="utf-8"
        )
        upload.unlink()
        done += 1
    return done


def batch_get(batch_id: str, *, user_id: int) -> Batch | None:
    """The batch if this user uploaded it; None for anyone else or an unknown id."""
    try:
        folder = root() / uuid.UUID(batch_id).hex
    except ValueError:
        return None
    batch = _load(folder)
    return batch if batch is not None and batch.user_id == user_id else None


def _load(folder: Path) -> Batch | None:
    """batch.json with each queued file's outcome once the worker has written it."""
    try:
        data = json.loads((folder / "batch.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None
    files = []
    for f in data["files"]:
        staged = StagedFile(**f)
        outcome = folder / f"{staged.index}.state.json"
        if staged.waiting and outcome.exists():
            staged = StagedFile(
                **{
                    **json.loads(outcome.read_text(encoding="utf-8")),
                    "project_ids": staged.project_ids,
                }
            )
        files.append(staged)
    return Batch(data["id"], data["user_id"], data["fund_id"], data["municipality_id"], files)


def file_confirmed(batch: Batch, index: int, project_ids: list[int]) -> None:
    batch.files[index].project_ids = project_ids
    _save(batch)


def _save(batch: Batch) -> None:
    data = {
        "id": batch.id,
        "user_id": batch.user_id,
        "fund_id": batch.fund_id,
        "municipality_id": batch.municipality_id,
        "created": time.time(),
        "files": [vars(f) for f in batch.files],
    }
    (batch.folder / "batch.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _remove_old() -> None:
    if not root().exists():
        return
    limit = time.time() - MAX_AGE_SECONDS
    for folder in root().iterdir():
        if folder.is_dir() and folder.stat().st_mtime < limit:
            shutil.rmtree(folder, ignore_errors=True)
