"""What importing one file gives: the draft and the source lines, or the error that stopped it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sif.ingest.model import Draft, Line


@dataclass(frozen=True)
class IngestError:
    """A stable code and the parameters of the Swedish message (`sif.messages.message_for`)."""

    code: str
    params: dict[str, str] = field(default_factory=dict)

    @property
    def message(self) -> str:
        from sif.messages import message_for

        return message_for(self.code, **self.params)


@dataclass(frozen=True)
class IngestResult:
    file: str
    ok: bool
    error: IngestError | None = None
    draft: Draft | None = None
    lines: list[Line] = field(default_factory=list)
    format: str | None = None

    def to_dict(self) -> dict[str, Any]:
        from sif.ingest.serialise import result_to_dict

        return result_to_dict(self)
