"""Structured logs: one JSON object a line with the request id, the user's id and municipality.

Never personal data: no user names, e-mail addresses, query strings or form contents; the user is
an id, the municipality its code. The request id comes from the proxy's X-Request-ID when it looks
like one, else it is made here, and it is sent back in the response's X-Request-ID header.
"""

from __future__ import annotations

import json
import logging
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

request_context: ContextVar[dict[str, Any] | None] = ContextVar("sif_request_context", default=None)

_FIELDS = ("request_id", "user_id", "municipality")


class RequestContextFilter(logging.Filter):
    """Adds request_id, user_id and municipality to every record logged while a request runs."""

    def filter(self, record: logging.LogRecord) -> bool:
        context = request_context.get() or {}
        for field in _FIELDS:
            if not hasattr(record, field):
                setattr(record, field, context.get(field, "-" if field == "request_id" else None))
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for field in (*_FIELDS, "method", "path", "status", "duration_ms"):
            value = getattr(record, field, None)
            if value is not None and value != "-":
                entry[field] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
