"""The event log in the admin: read-only, scoped to the user's municipalities."""

from __future__ import annotations

from django.contrib import admin

from sif.web.accounts.admin import MunicipalityScopedAdmin
from sif.web.audit.models import Event
from sif.web.core.paging import CappedCountPaginator


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
    # Issue 16: the log has a million rows. No date_hierarchy (it scans every date), no full count
    # under the pager, the shown relations joined in the one query; ordered by the indexed `at`.
    list_select_related = ("actor", "project", "municipality")
    show_full_result_count = False
    paginator = CappedCountPaginator
    ordering = ("-at", "-id")
