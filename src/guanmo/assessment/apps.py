from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "guanmo.assessment"
    verbose_name = "综合考核"
