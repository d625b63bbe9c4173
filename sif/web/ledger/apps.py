from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "sif.web.ledger"
    label = "ledger"
    verbose_name = "Fondens bokföring"
