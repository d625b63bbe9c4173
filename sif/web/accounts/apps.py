from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "sif.web.accounts"
    label = "accounts"
