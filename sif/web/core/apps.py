from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "sif.web.core"
    label = "core"
    verbose_name = "SIF"

    def ready(self) -> None:
        from sif.web.core import privacy

        privacy.install()
