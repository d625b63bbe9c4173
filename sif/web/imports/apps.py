from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "sif.web.imports"
    label = "imports"
    verbose_name = "Import av dokument"
