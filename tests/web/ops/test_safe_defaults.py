"""Safe by default: production checks, headers, Swedish error pages, upload limit, secret key."""

from __future__ import annotations

import re
import secrets
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from sif.web.ops.config import email_settings, media_storage, secret_key, web_workers
from tests.web.builders import make_project
from tests.web.ops.sif_process import run_sif, sif_env

PRODUCTION_ENV = {
    "SIF_HTTPS": "true",
    "SIF_PROXY_SSL_HEADER": "true",
    "SIF_ALLOWED_HOSTS": "sif.kommun.example",
    "SIF_CSRF_TRUSTED_ORIGINS": "https://sif.kommun.example",
}


def test_check_deploy_reports_nothing_with_the_documented_production_settings(
    tmp_path: Path,
) -> None:
    env = {**PRODUCTION_ENV, "SIF_SECRET_KEY": secrets.token_urlsafe(50)}
    result = run_sif(
        ["manage", "check", "--deploy", "--fail-level", "WARNING"], sif_env(tmp_path, **env)
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_names_what_is_missing_without_https(tmp_path: Path) -> None:
    result = run_sif(["manage", "check", "--deploy"], sif_env(tmp_path))
    assert "security.W008" in result.stderr  # no https redirect: plain http on a laptop is the demo
    assert "security.W018" not in result.stderr  # DEBUG is off by default


def test_a_fresh_data_folder_gets_its_own_random_secret_key_and_keeps_it(tmp_path: Path) -> None:
    first = secret_key(None, tmp_path)
    assert len(first) >= 50
    assert secret_key(None, tmp_path) == first
    assert (tmp_path / "secret-key").stat().st_mode & 0o777 == 0o600
    other = tmp_path / "other"
    other.mkdir()
    assert secret_key(None, other) != first


def test_a_short_configured_secret_key_is_refused() -> None:
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured):
        secret_key("too-short", Path("/nonexistent"))


@pytest.mark.parametrize(("cpus", "workers"), [(1, 3), (2, 5), (4, 8), (64, 8), (None, 3)])
def test_the_server_runs_two_workers_a_cpu_plus_one_at_most_eight(
    cpus: int | None, workers: int
) -> None:
    assert web_workers(cpus) == workers


def test_debug_is_off_and_passwords_are_hashed_with_argon2_in_the_settings() -> None:
    # pytest-django turns DEBUG off itself and the suite swaps in a fast hash; read the module itself
    import importlib

    module = importlib.import_module("sif.web.settings")
    assert module.DEBUG is False
    assert module.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    assert module.SESSION_COOKIE_AGE == 8 * 3600


def test_every_page_sends_the_security_headers(client: Client, db: Any) -> None:
    response = client.get("/logga-in/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert len(response["X-Request-ID"]) == 32


def test_another_municipalitys_project_answers_the_swedish_404_page(
    client: Client, world: Any
) -> None:
    project = make_project(world.malmo_fund, world.malmo_unit)
    client.force_login(world.admin)
    response = client.get(f"/projekt/{project.pk}/")
    assert response.status_code == 404
    text = response.content.decode()
    assert "Sidan finns inte" in text
    assert "Page not found" not in text and "URLconf" not in text


def test_a_server_error_answers_the_swedish_500_page(rf: Any) -> None:
    from django.views.defaults import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Något gick fel" in response.content.decode()


def test_a_request_body_above_the_limit_is_refused_before_it_is_read(
    client: Client, world: Any, settings: Any
) -> None:
    settings.REQUEST_LIMIT_BYTES = 1024
    client.force_login(world.admin)
    response = client.post("/import/", data=b"x" * 2048, content_type="application/octet-stream")
    assert response.status_code == 413
    assert "Filen är för stor" in response.content.decode()


def test_static_names_are_hashed_once_collected_and_plain_before(tmp_path: Path) -> None:
    from sif.web.ops.storage import StaticStorage

    storage = StaticStorage(location=tmp_path, base_url="/static/")
    assert (
        storage.url("sif/sif.css") == "/static/sif/sif.css"
    )  # not collected: WhiteNoise serves it from the app
    (tmp_path / "sif").mkdir()
    (tmp_path / "sif" / "sif.css").write_text("body { color: #222; }")
    assert re.fullmatch(
        r"/static/sif/sif\.[0-9a-f]{12}\.css",
        StaticStorage(location=tmp_path, base_url="/static/").url("sif/sif.css"),
    )
    assert "whitenoise.middleware.WhiteNoiseMiddleware" in settings.MIDDLEWARE


def test_email_comes_from_one_url() -> None:
    smtp = email_settings("smtp://sif%40kommun.se:p%40ss@smtp.kommun.se:587", Path("/var/lib/sif"))
    assert (
        smtp["EMAIL_HOST"],
        smtp["EMAIL_PORT"],
        smtp["EMAIL_HOST_USER"],
        smtp["EMAIL_HOST_PASSWORD"],
    ) == ("smtp.kommun.se", 587, "sif@kommun.se", "p@ss")
    assert smtp["EMAIL_USE_TLS"] and not smtp["EMAIL_USE_SSL"]
    assert email_settings("smtps://smtp.kommun.se", Path("/x"))["EMAIL_PORT"] == 465
    assert email_settings("file", Path("/x"))["EMAIL_FILE_PATH"] == "/x/mail"


def test_uploads_go_to_an_s3_bucket_when_configured(monkeypatch: Any) -> None:
    from django.core.exceptions import ImproperlyConfigured

    assert media_storage("local") == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    with pytest.raises(ImproperlyConfigured):
        media_storage("s3")  # no bucket named
    monkeypatch.setenv("SIF_S3_BUCKET", "sif-media")
    monkeypatch.setenv("SIF_S3_ENDPOINT_URL", "https://s3.kommun.se")
    s3 = media_storage("s3")
    assert s3["BACKEND"] == "storages.backends.s3.S3Storage"
    assert (
        s3["OPTIONS"]["bucket_name"] == "sif-media"
        and s3["OPTIONS"]["endpoint_url"] == "https://s3.kommun.se"
    )
    assert s3["OPTIONS"]["default_acl"] == "private" and s3["OPTIONS"]["querystring_auth"] is True


def test_processes_starting_at_once_share_one_whole_secret_key(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(8) as pool:
        keys = set(pool.map(lambda _: secret_key(None, tmp_path), range(16)))
    assert len(keys) == 1 and len(keys.pop()) >= 50
    assert [p.name for p in tmp_path.iterdir()] == ["secret-key"]
