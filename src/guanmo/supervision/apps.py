from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    name = "guanmo.supervision"
    verbose_name = "督查督办"
