#!/usr/bin/env bash
# The whole suite: lint, then pytest on SQLite and on PostgreSQL (when one can be started), the two
# runs side by side, one process each, so the two CPUs of CI are both used. Each run's output is
# printed whole after both have ended; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
status=0
summary=()

echo "== ruff"
$BIN/ruff check sif tests benchmarks || status=1
echo "== mypy (strict on sif/calc, sif/ingest, sif/policy)"
$BIN/mypy sif/calc sif/ingest sif/policy || status=1

echo "== check --deploy with the production settings of the README"
deploy_dir=$(mktemp -d)
SIF_DATA_DIR="$deploy_dir" SIF_HTTPS=true SIF_PROXY_SSL_HEADER=true SIF_ALLOWED_HOSTS=sif.kommun.example \
    SIF_CSRF_TRUSTED_ORIGINS=https://sif.kommun.example \
    SIF_SECRET_KEY="$($BIN/python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
    $BIN/sif manage check --deploy --fail-level WARNING || status=1
rm -rf "$deploy_dir"

bash scripts/ensure_chromium.sh || echo "Chromium could not be installed: browser tests will be skipped with their reason."

logs=$(mktemp -d)
# the production static files (hashed, compressed: ~50 CPU-seconds) are collected once for both runs
export SIF_TEST_STATIC_ROOT="$logs/static"
echo "== pytest on SQLite and on PostgreSQL, side by side"
env -u DATABASE_URL $BIN/pytest -q -p no:cacheprovider "$@" > "$logs/sqlite.log" 2>&1 &
sqlite_pid=$!
pg_pid=""
if url=$(bash scripts/ensure_postgres.sh); then
    DATABASE_URL="$url" SIF_DB_CONN_MAX_AGE=0 $BIN/pytest -q -p no:cacheprovider "$@" > "$logs/postgresql.log" 2>&1 &
    pg_pid=$!
else
    summary_pg="PostgreSQL: skipped, no server could be started (see messages above)"
fi

wait "$sqlite_pid"
rc=$?
echo "== pytest on SQLite"
cat "$logs/sqlite.log"
if [ $rc -ne 0 ]; then status=1; fi
summary+=("SQLite: pytest exit $rc")

if [ -n "$pg_pid" ]; then
    wait "$pg_pid"
    rc=$?
    echo "== pytest on PostgreSQL"
    cat "$logs/postgresql.log"
    if [ $rc -ne 0 ]; then status=1; fi
    summary+=("PostgreSQL: pytest exit $rc")
else
    summary+=("$summary_pg")
fi
rm -rf "$logs"

echo "== summary"
printf '%s\n' "${summary[@]}"
exit $status
