#!/usr/bin/env bash
# Starts the machine's PostgreSQL 15 cluster if needed and prints a DATABASE_URL for the tests.
# Everything but the URL goes to stderr; exits non-zero (with the reason) when no server can be had.
set -uo pipefail
if [ -n "${SIF_TEST_DATABASE_URL:-}" ]; then echo "$SIF_TEST_DATABASE_URL"; exit 0; fi
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    echo "PostgreSQL skipped: pg_ctlcluster not found on this machine" >&2; exit 1
fi
if ! pg_lsclusters 2>/dev/null | grep -q '^15 *main.*online'; then
    pg_ctlcluster 15 main start >&2 || { echo "PostgreSQL skipped: 'pg_ctlcluster 15 main start' failed" >&2; exit 1; }
fi
for _ in $(seq 1 30); do
    su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1 && break
    sleep 0.5
done
su postgres -c "psql -qtAc \"select 1 from pg_roles where rolname='sif'\"" | grep -q 1 || \
    su postgres -c "psql -qc \"create role sif login superuser password 'sif'\"" >&2 || { echo "PostgreSQL skipped: could not create role" >&2; exit 1; }
su postgres -c "psql -qtAc \"select 1 from pg_database where datname='sif'\"" | grep -q 1 || \
    su postgres -c "createdb -O sif sif" >&2 || { echo "PostgreSQL skipped: could not create database" >&2; exit 1; }
# a test database left by an interrupted run would make the next one ask to delete it
su postgres -c "dropdb --if-exists --force test_sif" >&2 || true
echo "postgres://sif:sif@127.0.0.1:5432/sif"
