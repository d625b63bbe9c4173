"""Admin: funds and application forms are reference data (editable); projects and everything in
them are read-only here, because every change must go through the project services."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from sif.web.accounts.admin import MunicipalityScopedAdmin
from sif.web.accounts.permissions import can_view_admin
from sif.web.projects.models import (
    Application,
    ApplicationForm,
    BudgetRow,
    Contact,
    Decision,
    Fund,
    Indicator,
    Project,
    Review,
    SourceDocument,
)


@admin.register(Fund)
class FundAdmin(MunicipalityScopedAdmin):
    list_display = ("name", "municipality", "discount_rate", "repayment_rule")
    list_select_related = ("municipality",)
    list_filter = ("municipality", "repayment_rule")


@admin.register(ApplicationForm)
class ApplicationFormAdmin(admin.ModelAdmin):
    """Forms are shared by every municipality: superusers add versions, fund administrators read.
    A version in use is never changed; add a new version instead."""

    list_display = ("code", "version", "title", "created_at")
    list_filter = ("code",)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return bool(can_view_admin(request.user))

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(can_view_admin(request.user))

    def has_add_permission(self, request: HttpRequest) -> bool:
        return bool(getattr(request.user, "is_superuser", False))

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        in_use = obj is not None and obj.applications.exists()
        return bool(getattr(request.user, "is_superuser", False)) and not in_use

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [f.name for f in self.model._meta.fields]


def _inline(model_cls: type) -> type[ReadOnlyInline]:
    return type(f"{model_cls.__name__}Inline", (ReadOnlyInline,), {"model": model_cls})


@admin.register(Project)
class ProjectAdmin(MunicipalityScopedAdmin):
    read_only = True
    list_display = (
        "title",
        "state",
        "owner_unit",
        "fund",
        "start_date",
        "end_date",
        "sought_amount",
    )
    list_filter = ("state", "municipality", "fund")
    list_select_related = ("owner_unit", "fund")
    ordering = ("-id",)  # issue 16: the primary key, not the model's unindexed date and title
    search_fields = ("title", "short_name", "registration_number")
    inlines = [
        _inline(m)
        for m in (Contact, BudgetRow, Application, Review, Decision, Indicator, SourceDocument)
    ]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [f.name for f in Project._meta.fields]
