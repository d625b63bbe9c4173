"""One document build: what its parts read is read once (`one_build`, `indicator_tables`).

A document shows the follow-up's indicator tables (every measurement of the project) in several
sections; the build keeps them for its duration so they are read once per document, not once per
section (issue 16: a document in ≤ 5 s).
"""

from __future__ import annotations

import contextvars
import functools
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

from sif.web.followup import selectors as fu
from sif.web.projects.models import Project

P = ParamSpec("P")


R = TypeVar("R")


_build: contextvars.ContextVar[dict[Any, Any] | None] = contextvars.ContextVar(
    "sif_document_build", default=None
)


def one_build(builder: Callable[P, R]) -> Callable[P, R]:
    """A document builder whose parts share what they read: the follow-up's indicator tables
    (every measurement of the project) are read once per document, not once per section that
    shows them."""

    @functools.wraps(builder)
    def build(*args: P.args, **kwargs: P.kwargs) -> R:
        token = _build.set({}) if _build.get() is None else None
        try:
            return builder(*args, **kwargs)
        finally:
            if token is not None:
                _build.reset(token)

    return build


def indicator_tables(project: Project, threshold: int | None) -> list[fu.IndicatorTable]:
    memo = _build.get()
    key = ("indicator_tables", project.pk, threshold)
    if memo is not None and key in memo:
        return memo[key]  # type: ignore[no-any-return]
    tables = fu.indicator_tables(project, threshold=threshold)
    if memo is not None:
        memo[key] = tables
    return tables
