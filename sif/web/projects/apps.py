from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "sif.web.projects"
    label = "projects"
