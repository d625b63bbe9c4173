"""Admin: the ledger and the agreements are read-only here (no add, change or delete), scoped to the
user's municipalities. Every entry is booked through sif/web/ledger/services.py."""

from __future__ import annotations

from django.contrib import admin

from sif.web.accounts.admin import MunicipalityScopedAdmin
from sif.web.core.paging import LIST_PER_PAGE, CappedCountPaginator
from sif.web.ledger.models import LedgerEntry, RepaymentAgreement


@admin.register(LedgerEntry)
class LedgerEntryAdmin(MunicipalityScopedAdmin):
    read_only = True
    municipality_field = "fund__municipality"
    list_display = (
        "booked_on",
        "fund",
        "project",
        "kind",
        "amount",
        "reference",
        "reverses",
        "created_by",
    )
    list_filter = ("kind",)
    list_select_related = ("fund", "project", "reverses", "created_by")
    # Issue 16: the primary key, not an unindexed date; one count, not two; 50 rows a page.
    ordering = ("-id",)
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER
    paginator = CappedCountPaginator
    list_per_page = LIST_PER_PAGE
    search_fields = ("text", "reference", "project__title")


@admin.register(RepaymentAgreement)
class RepaymentAgreementAdmin(MunicipalityScopedAdmin):
    read_only = True
    municipality_field = "project__municipality"
    list_display = ("project", "version", "rule", "agreed_on", "created_by", "created_at")
    list_select_related = ("project", "created_by")
    ordering = ("-id",)
