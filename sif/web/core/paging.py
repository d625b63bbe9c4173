"""One way to split a long list into pages, so no page grows with the data (issue 16).

`page_of` reads `?sida=N` (a bad or too large number shows the nearest page, never an error) and
returns Django's Page; `core/_pager.html` draws the links and keeps the other query parameters.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest

PAGE_SIZE = 50
PAGE_PARAM = "sida"


def page_of(request: HttpRequest, items: Sequence[Any] | Any, per_page: int = PAGE_SIZE) -> Page:
    """The requested page of `items` (a list or a queryset: a queryset is sliced in SQL)."""
    return Paginator(items, per_page).get_page(request.GET.get(PAGE_PARAM))


def query_without_page(request: HttpRequest) -> str:
    """The current query string without the page number, for the pager's links."""
    query = request.GET.copy()
    query.pop(PAGE_PARAM, None)
    return query.urlencode()
