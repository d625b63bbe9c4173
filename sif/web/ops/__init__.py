"""Operations: how SIF runs as a service (settings helpers, health checks, request ids, logs, limits)."""
