from django.apps import AppConfig


class CalculationsConfig(AppConfig):
    name = "sif.web.calculations"
    label = "calculations"
    verbose_name = "Socioekonomisk kalkyl"
