"""Uploaded files waiting for a person to confirm them, kept outside the database.

A batch is a folder `DATA_DIR/imports/<uuid>/` with `batch.json` (who uploaded it, for which fund,
and per file: name, format, whether it was read and which projects its confirmation created) and,
per file, the original bytes and the `IngestResult` as JSON (the draft plus the source lines).
Nothing here touches a domain table: until the user confirms, no project, event or document
exists. Only the user who uploaded a batch can open it; anyone else is told it does not exist.
"""

from __future__ import annotations

import json
import shutil
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings

from sif.ingest import ingest_bytes

MAX_AGE_SECONDS = 14 * 24 * 3600  # an unconfirmed batch is removed after two weeks


@dataclass
class StagedFile:
    index: int
    name: str
    ok: bool
    error: str = ""
    kind: str = ""
    format: str = ""
    project_ids: list[int] = field(default_factory=list)

    @property
    def confirmed(self) -> bool:
        return bool(self.project_ids)


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
    *, user_id: int, fund_id: int, municipality_id: int, uploads: list[tuple[str, bytes]]
) -> Batch:
    """Read every file (a bad one gets its Swedish message; the others go on) and keep them."""
    _remove_old()
    batch = Batch(uuid.uuid4().hex, user_id, fund_id, municipality_id, [])
    batch.folder.mkdir(parents=True)
    for index, (name, data) in enumerate(uploads):
        result = ingest_bytes(data, name, max_bytes=settings.UPLOAD_LIMIT_BYTES)
        staged = StagedFile(index, name, result.ok, result.error.message if result.error else "")
        if result.ok and result.draft is not None:
            staged.kind, staged.format = result.draft.kind, result.format or ""
            payload = {
                "result": result.to_dict(),
                "lines": [[ln.number, ln.text, ln.page] for ln in result.lines],
            }
            (batch.folder / f"{index}.json").write_text(
                json.dumps(payload, ensure_ascii=False), encoding="utf-8"
            )
            if not any(n.code == "personal_identity_number_removed" for n in result.draft.warnings):
                (batch.folder / f"{index}.bin").write_bytes(data)
        batch.files.append(staged)
    _save(batch)
    return batch


def batch_get(batch_id: str, *, user_id: int) -> Batch | None:
    """The batch if this user uploaded it; None for anyone else or an unknown id."""
    try:
        folder = root() / uuid.UUID(batch_id).hex
        data = json.loads((folder / "batch.json").read_text(encoding="utf-8"))
    except (ValueError, OSError, json.JSONDecodeError):
        return None
    if data.get("user_id") != user_id:
        return None
    files = [StagedFile(**f) for f in data["files"]]
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
