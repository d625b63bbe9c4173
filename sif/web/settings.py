"""One settings module; every value that differs between installations comes from the environment.

| variable | default | meaning |
|---|---|---|
| SIF_DATA_DIR | ./var | where the SQLite file, uploads and backups live |
| DATABASE_URL | sqlite file in SIF_DATA_DIR | postgres://user:pass@host:5432/db selects PostgreSQL |
| SIF_SECRET_KEY | a development key (refused when SIF_DEBUG is false) | Django's SECRET_KEY |
| SIF_DEBUG | true | Django's DEBUG |
| SIF_ALLOWED_HOSTS | 127.0.0.1,localhost | Django's ALLOWED_HOSTS |
| SIF_UPLOAD_LIMIT_MB | 20 | the largest file accepted for upload |
| SIF_DB_CONN_MAX_AGE | 60 | seconds a PostgreSQL connection is kept open (the tests use 0) |
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from sif.web.env import env_bool, env_int, env_list, env_path, env_str

BASE_DIR = Path(__file__).resolve().parent.parent  # the sif package
REPO_DIR = BASE_DIR.parent
DATA_DIR = env_path("SIF_DATA_DIR", REPO_DIR / "var")
DATA_DIR.mkdir(parents=True, exist_ok=True)  # a fresh checkout has no var/ yet

DEBUG = env_bool("SIF_DEBUG", True)
_DEV_KEY = "sif-development-key-not-for-production"
SECRET_KEY = env_str("SIF_SECRET_KEY", _DEV_KEY)
if not DEBUG and SECRET_KEY == _DEV_KEY:
    raise ImproperlyConfigured("SIF_SECRET_KEY must be set when SIF_DEBUG is false")
ALLOWED_HOSTS = env_list("SIF_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "sif.web.core",
    "sif.web.accounts",
    "sif.web.audit",
    "sif.web.projects",
    "sif.web.followup",
    "sif.web.calculations",
    "sif.web.imports",
    "sif.web.ledger",
    "sif.web.documents",
    "sif.web.tokens",
    "sif.web.public",
    "sif.web.scale",
    "ninja",  # serves Swagger UI from its own static files: /api/docs needs no CDN
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "sif.web.core.middleware.IgnoreBrowserLanguageMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "sif.web.urls"
WSGI_APPLICATION = "sif.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "web" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "sif.web.core.context.sif_context",
            ],
        },
    },
]

_default_db = f"sqlite:///{DATA_DIR / 'sif.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", _default_db), conn_max_age=env_int("SIF_DB_CONN_MAX_AGE", 60)
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # Concurrent writers (probe finding 1): WAL lets readers run beside the one writer, every
    # transaction takes the write lock when it begins (BEGIN IMMEDIATE) so none fails half-way
    # with "database is locked", and a writer waits up to 20 s for the lock instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;",
    }
    DATABASES["default"]["TEST"] = {"NAME": ":memory:"}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "projects:list"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Svenska")), ("en", _("English"))]
LOCALE_PATHS = [REPO_DIR / "locale", BASE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_URL = "media/"
MEDIA_ROOT = DATA_DIR / "media"

UPLOAD_LIMIT_BYTES = env_int("SIF_UPLOAD_LIMIT_MB", 20) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = UPLOAD_LIMIT_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
