from django.apps import AppConfig
from django.db.models.signals import post_migrate


class OperationsConfig(AppConfig):
    name = "guanmo.operations"
    verbose_name = "运行维护"

    def ready(self) -> None:
        from guanmo.operations.jobs import install_schedules
        from guanmo.operations.middleware import install_request_id_in_log_records

        install_request_id_in_log_records()
        post_migrate.connect(install_schedules, sender=self)
