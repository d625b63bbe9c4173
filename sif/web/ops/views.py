"""`/healthz`: the process answers. `/readyz`: it can serve (database, migrations, task backlog).

Both answer JSON without personal data and without a login, for load balancers and monitoring.
"""

from __future__ import annotations

from typing import Any

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

BACKLOG_WARNING = 100  # queued tasks; above this the worker is not keeping up (still ready)


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def readyz(request: HttpRequest) -> JsonResponse:
    checks: dict[str, Any] = {}
    ready = True
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except DatabaseError as exc:
        checks["database"] = f"unreachable: {type(exc).__name__}"
        return JsonResponse({"status": "unavailable", "checks": checks}, status=503)
    pending = _unapplied_migrations()
    checks["migrations"] = "ok" if not pending else f"{pending} not applied"
    ready = ready and not pending
    checks["tasks"] = _task_backlog()
    return JsonResponse(
        {"status": "ok" if ready else "unavailable", "checks": checks}, status=200 if ready else 503
    )


def _unapplied_migrations() -> int:
    executor = MigrationExecutor(connection)
    return len(executor.migration_plan(executor.loader.graph.leaf_nodes()))


def _task_backlog() -> dict[str, Any]:
    """Queued and running tasks of the database backend, and the age of the oldest queued one."""
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    try:
        queued = DBTaskResult.objects.filter(status="READY")
        oldest = queued.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
        return {
            "queued": queued.count(),
            "running": DBTaskResult.objects.filter(status="RUNNING").count(),
            "oldest_queued_seconds": round((timezone.now() - oldest).total_seconds())
            if oldest
            else 0,
            "backlog": "high" if queued.count() > BACKLOG_WARNING else "ok",
        }
    except DatabaseError:
        return {"backlog": "unknown"}
