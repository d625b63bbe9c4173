"""The demo, loaded once per test module of tests/web/documents and rolled back afterwards."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command


@pytest.fixture(scope="module")
def demo(django_db_setup: Any, django_db_blocker: Any, tmp_path_factory: Any) -> Any:
    """The demo, loaded once for this module and rolled back afterwards (the tests only read)."""
    from django.conf import settings
    from django.db import transaction

    with django_db_blocker.unblock():
        old_dir, old_hashers, old_media = (
            settings.DATA_DIR,
            settings.PASSWORD_HASHERS,
            settings.MEDIA_ROOT,
        )
        settings.DATA_DIR = tmp_path_factory.mktemp("demo")
        settings.MEDIA_ROOT = settings.DATA_DIR / "media"
        settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("demo", stdout=StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            settings.DATA_DIR, settings.PASSWORD_HASHERS, settings.MEDIA_ROOT = (
                old_dir,
                old_hashers,
                old_media,
            )
