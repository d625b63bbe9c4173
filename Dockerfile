# SIF as a container: the web server (default command) or the worker (`sif worker`).
# Build: docker build -t sif .     Run: see compose.yaml and docs/operations.md.
FROM python:3.11-slim-bookworm

# WeasyPrint (PDF) needs Pango and fonts; nothing else is compiled here.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*

ENV PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    SIF_DATA_DIR=/data SIF_STATIC_ROOT=/app/static SIF_LOG_FORMAT=json
WORKDIR /app
COPY pyproject.toml README.md ./
COPY sif ./sif
COPY locale ./locale
RUN pip install '.[s3]' \
 && SIF_DATA_DIR=/tmp/build SIF_SECRET_KEY="build-only-$(python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
    python -m sif.cli manage collectstatic --noinput --verbosity=0 \
 && rm -rf /tmp/build \
 && useradd --system --uid 1000 --home /data sif && mkdir -p /data && chown sif /data
USER sif
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"
# Migrations run from the compose file's `migrate` service (or by hand) before the web starts.
CMD ["sif", "serve", "--host", "0.0.0.0", "--port", "8000", "--no-worker"]
