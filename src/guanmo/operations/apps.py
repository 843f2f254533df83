from django.apps import AppConfig


class OperationsConfig(AppConfig):
    name = "guanmo.operations"
    verbose_name = "运行维护"

    def ready(self) -> None:
        from guanmo.operations.middleware import install_request_id_in_log_records

        install_request_id_in_log_records()
