from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "guanmo.ledger"
    verbose_name = "重点项目台账"
