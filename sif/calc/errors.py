"""One error type for the pure core: a stable ASCII code plus the parameters that name the bad input.

The web layer and the CLI map each code to a Swedish message (sif/messages.py); the English
text here is for developers only.
"""

from __future__ import annotations

from typing import Any


class SifError(ValueError):
    """A rule of the domain was broken. `code` is stable; `params` name the offending input."""

    def __init__(self, code: str, message: str | None = None, /, **params: Any) -> None:
        self.code = code
        self.params = params
        detail = ", ".join(f"{k}={v!r}" for k, v in params.items())
        super().__init__(message or f"{code}: {detail}" if detail else code)

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "params": {k: _plain(v) for k, v in self.params.items()}}


def _plain(value: Any) -> Any:
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)
