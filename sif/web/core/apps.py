from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "sif.web.core"
    label = "core"
    verbose_name = "SIF"
