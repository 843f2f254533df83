from django.apps import AppConfig


class RegionsConfig(AppConfig):
    name = "guanmo.regions"
    verbose_name = "行政区划"
