"""One settings module; every value that differs between installations comes from the environment.

Safe by default: DEBUG is off, the secret key is never a fixed string, cookies are HTTP-only, every
page carries a Content-Security-Policy without inline script or style, logins are throttled. Behind
HTTPS set `SIF_HTTPS=true` (and `SIF_PROXY_SSL_HEADER=true` when a proxy terminates TLS): then
`sif manage check --deploy` reports nothing. The same table is in the README.

| variable | default | meaning |
|---|---|---|
| SIF_DATA_DIR | ./var | where the SQLite file, uploads, backups, the generated secret key and collected static files live |
| DATABASE_URL | sqlite file in SIF_DATA_DIR | postgres://user:pass@host:5432/db selects PostgreSQL |
| SIF_DB_CONN_MAX_AGE | 60 | seconds a PostgreSQL connection is kept open (the tests use 0); one connection per gunicorn thread |
| SIF_DB_POOL | false | true: PostgreSQL connections come from a pool in each process (Django's `pool` option, psycopg_pool); SIF_DB_CONN_MAX_AGE is then ignored |
| SIF_DB_POOL_MIN | 1 | connections each process keeps open in the pool |
| SIF_DB_POOL_MAX | 4 | most connections a process opens; a request waits up to 10 s for a free one |
| SIF_SECRET_KEY | generated once into SIF_DATA_DIR/secret-key | Django's SECRET_KEY; set it (the same on every server) when several servers share a database |
| SIF_DEBUG | false | Django's DEBUG (tracebacks in the browser: never in production) |
| SIF_ALLOWED_HOSTS | 127.0.0.1,localhost | host names the server answers to (Django's ALLOWED_HOSTS) |
| SIF_CSRF_TRUSTED_ORIGINS | (none) | e.g. https://sif.kommun.se when a proxy changes the host or scheme |
| SIF_HTTPS | false | true behind HTTPS: redirect http to https, secure cookies, HSTS |
| SIF_HSTS_SECONDS | 31536000 when SIF_HTTPS | Strict-Transport-Security max-age (includeSubDomains and preload are sent with it) |
| SIF_PROXY_SSL_HEADER | false | true when a proxy terminates TLS and sets X-Forwarded-Proto (only then) |
| SIF_SESSION_HOURS | 8 | a login lasts this long, then the user logs in again |
| SIF_LOGIN_FAILURE_LIMIT | 5 | failed logins (per user name and address) before the login is locked |
| SIF_LOGIN_LOCKOUT_MINUTES | 15 | how long a locked login stays locked |
| SIF_UPLOAD_LIMIT_MB | 20 | the largest file accepted in an upload (each file of an import batch) |
| SIF_REQUEST_LIMIT_MB | 100 | the largest request body accepted; larger ones are refused from their Content-Length before they are read |
| SIF_STATIC_ROOT | SIF_DATA_DIR/static | where `sif migrate`/`sif serve` collect the hashed, compressed static files |
| SIF_WEB_WORKERS | 2 x CPUs + 1, at most 8 | gunicorn worker processes of `sif serve` |
| SIF_EMAIL_URL | console | smtp://user:pass@host:587 (STARTTLS), smtps://…:465, console, or file (var/mail/) |
| SIF_EMAIL_FROM | SIF <sif@localhost> | sender of invitations, password links and reminders |
| SIF_BASE_URL | http://127.0.0.1:8000 | the address used in links in e-mail |
| SIF_OIDC_ISSUER | (off) | the identity provider's issuer URL (discovery at /.well-known/openid-configuration) |
| SIF_OIDC_CLIENT_ID, SIF_OIDC_CLIENT_SECRET | (off) | the client registered with the identity provider |
| SIF_OIDC_BUTTON | Logga in med kommunens konto | the text of the sign-in button |
| SIF_MEDIA_STORAGE | local | local (SIF_DATA_DIR/media) or s3 |
| SIF_S3_BUCKET, SIF_S3_ENDPOINT_URL, SIF_S3_REGION, SIF_S3_ACCESS_KEY, SIF_S3_SECRET_KEY | (none) | the S3-compatible store when SIF_MEDIA_STORAGE=s3 |
| SIF_LOG_FORMAT | json | json (one object a line, for the log collector) or text |
| SIF_LOG_LEVEL | INFO | level of the sif logger |
| SIF_ERROR_EMAIL | (off) | addresses (comma-separated) that receive an e-mail for every server error (Django's mail_admins) |
| SIF_TASKS | database | database (run `sif worker`) or immediate (in the request; tests) |
| SIF_DOCUMENTS_IN_BACKGROUND | true | documents are made by `sif worker` and the page links them when ready; false: inside the request |
| SIF_IMPORTS_IN_BACKGROUND | true | uploaded documents are read by `sif worker` (the import page shows each file's progress); false: inside the request |
| SIF_MONTE_CARLO_IN_BACKGROUND | true | a Monte Carlo run above SIF_MONTE_CARLO_BACKGROUND_DRAWS draws is made by `sif worker`; false: inside the request |
| SIF_MONTE_CARLO_BACKGROUND_DRAWS | 20000 | the number of draws above which a run goes to the worker |
| SIF_CHARTS_IN_BACKGROUND | true | charts a page may not draw within its bound (SIF_CHARTS_PER_REQUEST) are drawn by `sif worker`; false: the next reload draws them |
| SIF_CHARTS_PER_REQUEST | 12 | the most charts one request of the follow-up page draws; the rest show a placeholder until drawn |
| SIF_CACHE | database | the cache shared by all processes (charts, documents, Monte Carlo results): database (every server on the same database; tables made by `sif migrate`), file (SIF_DATA_DIR/cache, one machine) or memory (one process) |
| SIF_CHART_CACHE_ENTRIES | 4000 | charts kept in the shared cache (20–80 kB each); the oldest quarter is dropped when full |
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from sif.web.caching.config import cache_settings
from sif.web.env import env_bool, env_int, env_list, env_path, env_str
from sif.web.ops.config import (
    database_settings,
    email_settings,
    media_storage,
    secret_key,
    web_workers,
)

BASE_DIR = Path(__file__).resolve().parent.parent  # the sif package
REPO_DIR = BASE_DIR.parent
DATA_DIR = env_path("SIF_DATA_DIR", REPO_DIR / "var")
DATA_DIR.mkdir(parents=True, exist_ok=True)  # a fresh checkout has no var/ yet

DEBUG = env_bool("SIF_DEBUG", False)
SECRET_KEY = secret_key(os.environ.get("SIF_SECRET_KEY"), DATA_DIR)
ALLOWED_HOSTS = env_list("SIF_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("SIF_CSRF_TRUSTED_ORIGINS", [])
BASE_URL = env_str("SIF_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WEB_WORKERS = env_int("SIF_WEB_WORKERS", web_workers(os.cpu_count()))

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "csp",
    "mozilla_django_oidc",
    "django_tasks",
    "django_tasks_db",
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
    "sif.web.ops",
    "sif.web.users",
    "sif.web.tasks",
    "sif.web.caching",
]

MIDDLEWARE = [
    "sif.web.ops.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "sif.web.ops.middleware.UploadLimitMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "sif.web.core.middleware.IgnoreBrowserLanguageMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
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
                "sif.web.users.context.users_context",
            ],
        },
    },
]

_default_db = f"sqlite:///{DATA_DIR / 'sif.sqlite3'}"
DATABASES = {
    "default": database_settings(
        env_str("DATABASE_URL", _default_db),
        conn_max_age=env_int("SIF_DB_CONN_MAX_AGE", 60),
        pool=env_bool("SIF_DB_POOL", False),
        pool_min=env_int("SIF_DB_POOL_MIN", 1),
        pool_max=env_int("SIF_DB_POOL_MAX", 4),
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
else:
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# ------------------------------------------------------------------ logging in
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked login before any password check
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",  # older hashes still verify, and are upgraded
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "sif.web.users.passwords.SwedishCommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "projects:list"
LOGOUT_REDIRECT_URL = "login"
PASSWORD_RESET_TIMEOUT = 3 * 24 * 3600  # an invitation or reset link works for three days

AXES_FAILURE_LIMIT = env_int("SIF_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("SIF_LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "username"
AXES_VERBOSE = False

SESSION_COOKIE_AGE = env_int("SIF_SESSION_HOURS", 8) * 3600
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = False

# Sign-in with the municipality's identity provider (sif/web/users/oidc.py): off unless configured.
OIDC_ISSUER = env_str("SIF_OIDC_ISSUER", "")
OIDC_RP_CLIENT_ID = env_str("SIF_OIDC_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = env_str("SIF_OIDC_CLIENT_SECRET", "")
OIDC_ENABLED = bool(OIDC_ISSUER and OIDC_RP_CLIENT_ID)
OIDC_BUTTON = env_str("SIF_OIDC_BUTTON", "Logga in med kommunens konto")
OIDC_RP_SIGN_ALGO = "RS256"
OIDC_RP_SCOPES = "openid email profile"
OIDC_CREATE_USER = False  # an account exists before its first sign-in; roles come from SIF only
OIDC_TIMEOUT = 10
OIDC_AUTHENTICATE_CLASS = "sif.web.users.oidc.RequestView"
LOGIN_REDIRECT_URL_FAILURE = "/logga-in/?sso=fel"
AUTHENTICATION_BACKENDS.append("sif.web.users.oidc.EmailMatchingBackend")

# ------------------------------------------------------------------ HTTPS and headers
HTTPS = env_bool("SIF_HTTPS", False)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env_int("SIF_HSTS_SECONDS", 31_536_000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = SECURE_HSTS_SECONDS > 0
if env_bool("SIF_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]  # the load balancer probes over plain http
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# No inline script or style anywhere: scripts and styles come from /static/, charts are SVG with
# presentation attributes (sif.reports.svg_attributes), images may be data: URLs (charts in documents).
CONTENT_SECURITY_POLICY = {
    # The API's OpenAPI browser (django-ninja's Swagger UI) loads its script from a CDN: left out;
    # the schema itself is /api/openapi.json.
    "EXCLUDE_URL_PREFIXES": ["/api/docs"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# ------------------------------------------------------------------ language
LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Svenska")), ("en", _("English"))]
LOCALE_PATHS = [REPO_DIR / "locale", BASE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

# ------------------------------------------------------------------ files
STATIC_URL = "static/"
STATIC_ROOT = env_path(
    "SIF_STATIC_ROOT", DATA_DIR / "static"
)  # the container image collects into /app/static
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns on every start without it
MEDIA_URL = "media/"
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": media_storage(env_str("SIF_MEDIA_STORAGE", "local")),
    # hashed names (cached for a year by browsers) and gzip copies; `sif migrate` and `sif serve` collect them
    "staticfiles": {"BACKEND": "sif.web.ops.storage.StaticStorage"},
}

WHITENOISE_USE_FINDERS = (
    True  # serves the plain names until collectstatic has run (sif.web.ops.storage)
)

UPLOAD_LIMIT_BYTES = env_int("SIF_UPLOAD_LIMIT_MB", 20) * 1024 * 1024
REQUEST_LIMIT_BYTES = max(env_int("SIF_REQUEST_LIMIT_MB", 100) * 1024 * 1024, UPLOAD_LIMIT_BYTES)
DATA_UPLOAD_MAX_MEMORY_SIZE = UPLOAD_LIMIT_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# ------------------------------------------------------------------ e-mail
globals().update(email_settings(env_str("SIF_EMAIL_URL", "console"), DATA_DIR))
DEFAULT_FROM_EMAIL = env_str("SIF_EMAIL_FROM", "SIF <sif@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
ADMINS = [("SIF", address) for address in env_list("SIF_ERROR_EMAIL", [])]

# ------------------------------------------------------------------ background work
TASKS = {
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        }[env_str("SIF_TASKS", "database")],
        "QUEUES": ["default"],
    }
}

DOCUMENTS_IN_BACKGROUND = env_bool("SIF_DOCUMENTS_IN_BACKGROUND", True)
IMPORTS_IN_BACKGROUND = env_bool("SIF_IMPORTS_IN_BACKGROUND", True)
MONTE_CARLO_IN_BACKGROUND = env_bool("SIF_MONTE_CARLO_IN_BACKGROUND", True)
MONTE_CARLO_BACKGROUND_DRAWS = env_int("SIF_MONTE_CARLO_BACKGROUND_DRAWS", 20_000)
CHARTS_IN_BACKGROUND = env_bool("SIF_CHARTS_IN_BACKGROUND", True)
CHARTS_PER_REQUEST = env_int("SIF_CHARTS_PER_REQUEST", 12)

# ------------------------------------------------------------------ the cache shared by all processes
CACHES = cache_settings(
    env_str("SIF_CACHE", "database"), DATA_DIR, env_int("SIF_CHART_CACHE_ENTRIES", 4000)
)

# ------------------------------------------------------------------ logs
LOG_FORMAT = env_str("SIF_LOG_FORMAT", "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request": {"()": "sif.web.ops.logs.RequestContextFilter"}},
    "formatters": {
        "json": {"()": "sif.web.ops.logs.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request"],
            "formatter": "json" if LOG_FORMAT == "json" else "text",
        },
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "include_html": False,
        },
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "sif": {
            "handlers": ["console"],
            "level": env_str("SIF_LOG_LEVEL", "INFO"),
            "propagate": False,
        },
        "django.request": {
            "handlers": ["console", "mail_admins"] if ADMINS else ["console"],
            "level": "ERROR",
            "propagate": False,
        },
    },
}
