"""Request ids and access logs, and the global upload limit checked before a body is read."""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.functional import empty

from sif.web.ops.logs import request_context

log = logging.getLogger("sif.request")
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
_QUIET_PATHS = ("/healthz", "/readyz", "/static/")


class RequestIdMiddleware:
    """Gives each request an id (kept in the logs and the X-Request-ID header) and logs one line."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if _REQUEST_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id  # type: ignore[attr-defined]
        context: dict[str, Any] = {"request_id": request_id}
        token = request_context.set(context)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            _add_user(context, request)
            response["X-Request-ID"] = request_id
            if not request.path.startswith(_QUIET_PATHS):
                log.info(
                    "%s %s %s",
                    request.method,
                    request.path,
                    response.status_code,
                    extra={
                        "method": request.method,
                        "path": request.path,
                        "status": response.status_code,
                        "duration_ms": round((time.perf_counter() - started) * 1000),
                    },
                )
            return response
        finally:
            request_context.reset(token)


def _add_user(context: dict[str, Any], request: HttpRequest) -> None:
    """The user's id and municipality codes, only when the request already loaded the user."""
    user = getattr(request, "user", None)
    if user is None or getattr(user, "_wrapped", empty) is empty or not user.is_authenticated:
        return
    context["user_id"] = user.pk
    memberships = getattr(user, "_sif_memberships", None)
    if memberships:
        context["municipality"] = ",".join(sorted({m.municipality.code for m in memberships}))


class UploadLimitMiddleware:
    """Refuses a request body above SIF_REQUEST_LIMIT_MB from its Content-Length, before reading it.

    A body without a length (chunked) is refused too: browsers always send the length of a form.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = settings.REQUEST_LIMIT_BYTES
        length = request.META.get("CONTENT_LENGTH") or ""
        chunked = "chunked" in request.META.get("HTTP_TRANSFER_ENCODING", "").lower()
        try:
            too_large = int(length) > limit if length else chunked
        except ValueError:
            too_large = True
        if too_large:
            html = render_to_string("413.html", {"limit_mb": limit // (1024 * 1024)}, request=None)
            return HttpResponse(html, status=413)
        return self.get_response(request)
