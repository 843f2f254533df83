from django.apps import AppConfig


class DisclosureConfig(AppConfig):
    name = "guanmo.disclosure"
    verbose_name = "媒体公示"
