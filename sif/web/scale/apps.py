from django.apps import AppConfig


class ScaleConfig(AppConfig):
    name = "sif.web.scale"
    label = "scale"
    verbose_name = "Skalmätning"
