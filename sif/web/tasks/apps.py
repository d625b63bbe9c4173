from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TasksConfig(AppConfig):
    name = "sif.web.tasks"
    label = "sif_tasks"
    verbose_name = _("Bakgrundsjobb")
