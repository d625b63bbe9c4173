"""`{% plain_calculation calculation %}`: the calculation in plain Swedish on the calculation page,
the same paragraph and chart the committee paper and the final report print."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from sif.web.documents import offer
from sif.web.documents.plain import HEADING, plain_view

register = template.Library()


@register.simple_tag
def plain_calculation(calculation: Any) -> SafeString:
    if calculation is None or not isinstance(getattr(calculation, "scenario", None), dict):
        return mark_safe("")
    view = plain_view(calculation.scenario, calculation.purpose, calculation.version)
    if view is None:
        return mark_safe("")
    return format_html(
        '<section class="plain-calculation" aria-labelledby="h-plain"><h2 id="h-plain">{}</h2><p>{}</p><figure>{}</figure></section>',
        HEADING,
        view.plain.text,
        mark_safe(view.svg),  # noqa: S308 – the SVG is drawn by sif/reports from numbers and our own labels
    )


@register.inclusion_tag("documents/_project_documents.html", takes_context=True)
def project_documents(context: Any, project: Any) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    return {
        "project": project,
        "offered": offer.documents_offered(
            project,
            has_application=bool(context["applications"]) if "applications" in context else None,
            has_decision=bool(context["decisions"]) if "decisions" in context else None,
        ),
        "can_write": bool(user and offer.can_edit_document_texts(user, project)),
    }
