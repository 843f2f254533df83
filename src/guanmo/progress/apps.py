from django.apps import AppConfig


class ProgressConfig(AppConfig):
    name = "guanmo.progress"
    verbose_name = "进度统计"
