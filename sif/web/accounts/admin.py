"""Admin for reference data. Non-superusers (fund administrators, who must be staff) see and edit
only their own municipalities' rows; access is decided by sif/web/accounts/permissions.py."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from sif.messages import message_for
from sif.web.accounts.models import Membership, Municipality, OrgUnit
from sif.web.accounts.permissions import admin_municipality_ids, can_view_admin

SCOPED_FILTERS = ("municipality", "fund", "project__fund", "project__municipality")


class MunicipalityScopedAdmin(admin.ModelAdmin):
    """Rows filtered by `municipality_field` to the user's municipalities; permissions from
    can_view_admin instead of Django's per-model permissions."""

    municipality_field = "municipality"
    read_only = False

    def _scope(self, request: HttpRequest) -> set[int] | None:
        return admin_municipality_ids(request.user)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        qs = super().get_queryset(request)
        ids = self._scope(request)
        return qs if ids is None else qs.filter(**{f"{self.municipality_field}_id__in": ids})

    def get_list_filter(self, request: HttpRequest) -> Any:
        """A fund administrator's filters never name another municipality or its funds."""
        filters = super().get_list_filter(request)
        if self._scope(request) is None:
            return filters
        return tuple(f for f in filters if f not in SCOPED_FILTERS)

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        ids = self._scope(request)
        related = db_field.related_model
        if ids is not None and related is get_user_model():
            # Only users who already belong to one of the administrator's municipalities.
            kwargs["queryset"] = related._default_manager.filter(
                memberships__municipality_id__in=ids
            ).distinct()
        elif ids is not None and related is Municipality:
            kwargs["queryset"] = Municipality.objects.filter(pk__in=ids)
        elif ids is not None and related is not None and hasattr(related, "municipality_id"):
            kwargs["queryset"] = related._default_manager.filter(municipality_id__in=ids)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_object(self, request: HttpRequest, object_id: str, from_field: Any = None) -> Any:
        """Another municipality's object is not found (404, as on the pages and in the API), where
        Django would redirect to the index with a message that repeats the id."""
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            raise Http404(message_for("not_found"))
        return obj

    def has_module_permission(self, request: HttpRequest) -> bool:
        return bool(can_view_admin(request.user))

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(can_view_admin(request.user)) and (obj is None or self._owns(request, obj))

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not self.read_only and self.has_view_permission(request, obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return not self.read_only and bool(can_view_admin(request.user))

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # nothing in SIF is deleted

    def _owns(self, request: HttpRequest, obj: Any) -> bool:
        ids = self._scope(request)
        if ids is None:
            return True
        value = obj
        for part in self.municipality_field.split("__"):
            value = getattr(value, part)
        return value.pk in ids


@admin.register(Municipality)
class MunicipalityAdmin(MunicipalityScopedAdmin):
    municipality_field = "self"
    list_display = ("name", "code")
    search_fields = ("name", "code")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        qs = admin.ModelAdmin.get_queryset(self, request)
        ids = self._scope(request)
        return qs if ids is None else qs.filter(pk__in=ids)

    def _owns(self, request: HttpRequest, obj: Any) -> bool:
        ids = self._scope(request)
        return ids is None or obj.pk in ids

    def has_add_permission(self, request: HttpRequest) -> bool:
        return bool(getattr(request.user, "is_superuser", False))


@admin.register(OrgUnit)
class OrgUnitAdmin(MunicipalityScopedAdmin):
    list_display = ("name", "kind", "parent", "municipality")
    list_filter = ("kind", "municipality")
    list_select_related = ("parent", "municipality")
    search_fields = ("name", "short_name")


@admin.register(Membership)
class MembershipAdmin(MunicipalityScopedAdmin):
    list_display = ("user", "role", "municipality", "unit")
    list_filter = ("role", "municipality")
    list_select_related = ("user", "municipality", "unit")
    search_fields = ("user__username", "unit__name")
    autocomplete_fields = ("unit",)
