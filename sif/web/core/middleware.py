"""Swedish unless the user chose otherwise.

SIF's users work in Swedish municipalities and every document they produce is Swedish, so the
browser's Accept-Language header (often English on office machines) does not pick the language;
only the explicit choice in the footer (the language cookie) does.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


class IgnoreBrowserLanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
