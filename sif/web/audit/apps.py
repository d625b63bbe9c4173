from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "sif.web.audit"
    label = "audit"
