from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "guanmo.reporting"
    verbose_name = "月度填报"
