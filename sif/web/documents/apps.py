from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "sif.web.documents"
    label = "documents"
    verbose_name = "Dokument"
