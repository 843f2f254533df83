from django.apps import AppConfig


class ObservationConfig(AppConfig):
    name = "guanmo.observation"
    verbose_name = "观摩评比"
