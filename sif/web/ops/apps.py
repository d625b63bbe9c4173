from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "sif.web.ops"
    label = "ops"
    verbose_name = "Drift"
