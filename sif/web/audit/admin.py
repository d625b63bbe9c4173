"""The event log in the admin: read-only, scoped to the user's municipalities."""

from __future__ import annotations

from django.contrib import admin

from sif.web.accounts.admin import MunicipalityScopedAdmin
from sif.web.audit.models import Event


@admin.register(Event)
class EventAdmin(MunicipalityScopedAdmin):
    read_only = True
    list_display = ("at", "action", "object_type", "object_id", "actor", "project", "municipality")
    list_filter = ("action", "municipality")
    search_fields = ("action", "object_id", "reason", "project__title")
    readonly_fields = (
        "municipality",
        "project",
        "actor",
        "at",
        "action",
        "object_type",
        "object_id",
        "before",
        "after",
        "reason",
    )
    date_hierarchy = "at"
