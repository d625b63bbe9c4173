# SIF: `make run` serves the demo, `make test` runs the whole suite (SQLite, then PostgreSQL).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install demo lint migrate messages bench bench-scale-served clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(BIN)/sif migrate

demo: migrate
	$(BIN)/sif demo --if-empty

run: demo
	$(BIN)/sif serve --host $(HOST) --port $(PORT)

lint: install
	$(BIN)/ruff check sif tests benchmarks
	$(BIN)/mypy sif/calc sif/ingest sif/policy

test: install
	bash scripts/test.sh

bench: install
	$(BIN)/python -m benchmarks.bench_calc
	$(BIN)/python -m benchmarks.bench_ingest
	$(BIN)/python -m benchmarks.bench_followup
	$(BIN)/python -m benchmarks.bench_corpus
	$(BIN)/python -m benchmarks.bench_documents
	$(BIN)/python -m benchmarks.bench_production
	$(BIN)/python -m benchmarks.bench_soak
	$(BIN)/python -m benchmarks.bench_scale

# Issue 16 at national size on PostgreSQL, served by gunicorn (makes sif_scale_demo and
# sif_scale_national when missing: the national data take 15–40 min). Run on a quiet machine.
bench-scale-served: install
	bash scripts/bench_scale_served.sh

# Collect every translatable string into locale/en (msgids are Swedish), then compile the .mo.
messages: install
	DJANGO_SETTINGS_MODULE=sif.web.settings $(BIN)/django-admin makemessages -l en --no-location --no-obsolete --ignore='.venv/*' --ignore='tests/*' --ignore='benchmarks/*'
	DJANGO_SETTINGS_MODULE=sif.web.settings $(BIN)/django-admin compilemessages -l en --ignore='.venv/*'

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
