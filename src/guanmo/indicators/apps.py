from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "guanmo.indicators"
    verbose_name = "指标与目标"
