from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _create_cache_tables(using: str = "default", **_kwargs: Any) -> None:
    """Every `migrate` (sif migrate, make run, the tests' database, restore) makes the database
    caches' tables; a no-op when they exist or the caches are not in the database."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)


class CachingConfig(AppConfig):
    name = "sif.web.caching"
    label = "sif_caching"
    verbose_name = _("Delad cache")

    def ready(self) -> None:
        from sif.reports import charts
        from sif.web.caching.store import DjangoChartStore

        charts.use_store(DjangoChartStore())
        post_migrate.connect(_create_cache_tables, sender=self)
