#!/usr/bin/env bash
# The served scale benchmark at demo and national size (issue 16), on this machine's PostgreSQL.
# Makes the two databases when missing (sif_scale_demo: the demo; sif_scale_national: the demo and
# `sif generate-scale-data` with its defaults: the issue's dataset of 290 municipalities, 4 995
# projects, 1 012 320 measurements, 1 361 971 events and 13 321 ledger entries, the big fund
# syntetisk-001 with 331 projects and 745 entries; 17 min at load 6,5–15), migrates both, then runs
# benchmarks/bench_scale_served.py for each size; RESULTS.md gets the table. Run on a quiet machine.
# Extra arguments go to the benchmark (e.g. --workers 5); GENERATE_ARGS to the generator (e.g.
# GENERATE_ARGS="--municipalities 30" for a tenth of the data; `sif generate-scale-data --help`).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
bash scripts/ensure_postgres.sh >/dev/null
BASE=postgres://sif:sif@127.0.0.1:5432
for size in demo national; do
    db=sif_scale_$size
    data=$(mktemp -d)
    if ! su postgres -c "psql -qtAc \"select 1 from pg_database where datname='$db'\"" | grep -q 1; then
        su postgres -c "createdb -O sif $db"
        DATABASE_URL=$BASE/$db SIF_DATA_DIR=$data $BIN/sif migrate
        DATABASE_URL=$BASE/$db SIF_DATA_DIR=$data $BIN/sif demo
        if [ "$size" = national ]; then
            # shellcheck disable=SC2086
            DATABASE_URL=$BASE/$db SIF_DATA_DIR=$data $BIN/sif generate-scale-data ${GENERATE_ARGS:-}
        fi
    else
        DATABASE_URL=$BASE/$db SIF_DATA_DIR=$data $BIN/sif migrate  # the merged code's migrations
    fi
    su postgres -c "psql -q -d $db -c 'VACUUM ANALYZE'"
    $BIN/python -m benchmarks.bench_scale_served --size "$size" --database-url "$BASE/$db" "$@"
done
