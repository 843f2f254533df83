from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "guanmo.demo"
    verbose_name = "演示数据"
