"""The follow-up page's charts as images: the page carries a link, not the SVG.

A big project's page drew up to a dozen inline SVG charts of 15–35 kB each (half a megabyte of
HTML at demo size, most of it radars inside closed <details>). The page now gets, per chart, an
<img> whose URL names the chart's key in the shared chart store (sif.reports.charts), so the HTML
stays small, the browser keeps each chart (a key names its data: it never goes stale) and closed
sections load theirs only when opened (loading="lazy"). The table beside each chart has the same
figures and stays the text alternative.

The key is signed for the user and project: a key is a hash of the chart's figures, so an
unsigned URL would let a reader test guesses of suppressed figures against the store.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _

from sif.reports import charts
from sif.web.followup.access import visible_project
from sif.web.projects.models import Project

CACHE_FOR = 365 * 24 * 3600  # seconds: a chart's URL names its figures, so it never changes


@dataclass
class ChartImage:
    url: str
    alt: str


def _signer(user_id: int | None, project_id: int) -> signing.Signer:
    return signing.Signer(salt=f"sif.followup.chart:{project_id}:{user_id}")


def chart_image(
    request: HttpRequest, project: Project, chart: Callable[..., str], *args: Any, **kwargs: Any
) -> ChartImage | None:
    """Draw (or find) the chart and return its image link; None when the request's drawing budget
    deferred it (the page shows the placeholder). The first argument of every chart is its title."""
    if not chart(*args, **kwargs):
        return None
    token = _signer(request.user.pk, project.pk).sign(charts.key_of(chart, *args, **kwargs))
    return ChartImage(reverse("followup:chart", args=[project.pk, token]), str(args[0]))


@login_required
def chart(request: HttpRequest, pk: int, token: str) -> HttpResponse:
    """One chart of the follow-up page as SVG, for a user who may see the project."""
    project = visible_project(request, pk)
    try:
        key = _signer(request.user.pk, project.pk).unsign(token)
    except signing.BadSignature:
        raise Http404(_("Diagrammet finns inte.")) from None
    svg = charts.kept(key)
    if svg is None:  # forgotten by the store since the page was made: the page draws it again
        response = HttpResponse(_placeholder(), content_type="image/svg+xml; charset=utf-8")
        response["Cache-Control"] = "no-store"
        return response
    response = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    response["Cache-Control"] = f"private, max-age={CACHE_FOR}, immutable"
    return response


def _placeholder() -> str:
    text = escape(_("Diagrammet ritas när sidan laddas om."))
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="480" height="60" role="img" '
        f'aria-label="{text}"><text x="10" y="35" font-family="sans-serif" font-size="14" '
        f'fill="#555">{text}</text></svg>'
    )
