from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "guanmo.documents"
    verbose_name = "公文与报表"
