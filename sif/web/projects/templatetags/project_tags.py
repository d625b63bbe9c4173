"""Filters for the project pages that draw one line per project: the "Exempeldata" badge and the
state's label.

Filters rather than an included template or `get_state_display`: the project list draws five
badges and a state per row, and on a page of 50 projects the includes and Django's
`get_FIELD_display` (which hashes every translated choice on each call) were half of the list's
rendering (issue 16).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from sif.web.projects.models import ProjectState

register = template.Library()


@register.filter
def example_badge(project: Any, section: str) -> SafeString | str:
    """' <span class="example-data" …>Exempeldata</span>' when `section` of `project` holds
    example data (Project.example_sections), otherwise nothing."""
    if section not in (project.example_sections or ()):
        return ""
    return format_html(
        ' <span class="example-data" data-section="{}">{}</span>', section, _("Exempeldata")
    )


@register.filter
def state_label(state: str) -> str:
    """The translated label of a project state code ('running' -> 'Pågående'); an unknown code as it is."""
    return _state_labels(get_language() or "").get(state, state)


@lru_cache(maxsize=8)
def _state_labels(language: str) -> dict[str, str]:
    """Every state's label in `language` (the active one when first asked for it)."""
    return {code: str(label) for code, label in ProjectState.choices}
