from django.apps import AppConfig


class FollowupConfig(AppConfig):
    name = "sif.web.followup"
    label = "followup"
    verbose_name = "Uppföljning"
