"""Settings helpers that need more than one line: the secret key, the worker count, e-mail and files.

No Django settings are read here (this module is imported by settings.py itself).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

SECRET_KEY_FILE = "secret-key"
MAX_WEB_WORKERS = 8


def secret_key(configured: str | None, data_dir: Path) -> str:
    """The configured key, else the key kept in `data_dir/secret-key`, made on first use (mode 0600).

    A fresh clone thus gets its own random key and keeps it across restarts (sessions survive);
    there is no fixed key anywhere in the code. Several servers must share SIF_SECRET_KEY instead.
    """
    if configured:
        if len(configured) < 50 or len(set(configured)) < 5:
            raise ImproperlyConfigured(
                "SIF_SECRET_KEY must be at least 50 characters of random text"
            )
        return configured
    path = data_dir / SECRET_KEY_FILE
    if not path.exists():
        # written whole under a private name, then linked into place: two processes starting at
        # once (the suite's two runs, several workers) never read a half-written key; the first wins
        tmp = data_dir / f".{SECRET_KEY_FILE}.{os.getpid()}.{secrets.token_hex(4)}"
        tmp.touch(mode=0o600)
        tmp.write_text(secrets.token_urlsafe(50) + "\n", encoding="utf-8")
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass
        finally:
            tmp.unlink()
    return path.read_text(encoding="utf-8").strip()


def database_settings(
    url: str, conn_max_age: int, pool: bool, pool_min: int, pool_max: int
) -> dict[str, Any]:
    """Django's DATABASES["default"] from DATABASE_URL. For PostgreSQL, `pool` switches on Django
    5.2's connection pool (psycopg_pool): each process keeps `pool_min` to `pool_max` connections
    and a thread waits up to 10 s for a free one, so a threaded server never opens more than
    processes × pool_max connections (issue 16: the development server reached 97). A pool and
    persistent connections exclude each other, so CONN_MAX_AGE is 0 with the pool."""
    db: dict[str, Any] = dict(dj_database_url.parse(url, conn_max_age=conn_max_age))
    if pool and db["ENGINE"] == "django.db.backends.postgresql":
        if not 1 <= pool_min <= pool_max:
            raise ImproperlyConfigured(
                f"SIF_DB_POOL_MIN ({pool_min}) and SIF_DB_POOL_MAX ({pool_max}): 1 ≤ min ≤ max"
            )
        db["CONN_MAX_AGE"] = 0
        db.setdefault("OPTIONS", {})["pool"] = {
            "min_size": pool_min,
            "max_size": pool_max,
            "timeout": 10,
        }
    return db


def web_workers(cpus: int | None) -> int:
    """gunicorn's rule of thumb, 2 x CPUs + 1, capped: each worker holds a database connection."""
    return min(2 * (cpus or 1) + 1, MAX_WEB_WORKERS)


def email_settings(url: str, data_dir: Path) -> dict[str, Any]:
    """Django's e-mail settings from one URL: console, file, smtp://user:pass@host:587, smtps://…:465."""
    if url == "console":
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if url == "file":
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(data_dir / "mail"),
        }
    if url == "memory":
        return {"EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
    parts = urlsplit(url)
    if parts.scheme not in {"smtp", "smtps"} or not parts.hostname:
        raise ImproperlyConfigured(
            f"SIF_EMAIL_URL must be console, file, smtp://… or smtps://…, not {parts.scheme!r}"
        )
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": parts.port or (465 if parts.scheme == "smtps" else 587),
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_SSL": parts.scheme == "smtps",
        "EMAIL_USE_TLS": parts.scheme == "smtp" and parts.port != 25,
        "EMAIL_TIMEOUT": 20,
    }


def media_storage(kind: str) -> dict[str, Any]:
    """Uploaded files on local disk (one server) or in an S3-compatible bucket (several servers)."""
    import os

    if kind == "local":
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}  # MEDIA_ROOT
    if kind != "s3":
        raise ImproperlyConfigured(f"SIF_MEDIA_STORAGE must be local or s3, not {kind!r}")
    bucket = os.environ.get("SIF_S3_BUCKET", "")
    if not bucket:
        raise ImproperlyConfigured("SIF_S3_BUCKET must be set when SIF_MEDIA_STORAGE is s3")
    options = {
        "bucket_name": bucket,
        "endpoint_url": os.environ.get("SIF_S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("SIF_S3_REGION") or None,
        "access_key": os.environ.get("SIF_S3_ACCESS_KEY") or None,
        "secret_key": os.environ.get("SIF_S3_SECRET_KEY") or None,
        "default_acl": "private",
        "querystring_auth": True,  # files are private; links expire
        "file_overwrite": False,
        "location": "media",
    }
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}
