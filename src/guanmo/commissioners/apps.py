from django.apps import AppConfig


class CommissionersConfig(AppConfig):
    name = "guanmo.commissioners"
    verbose_name = "驻工地专员"
