from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    name = "guanmo.supervision"
    verbose_name = "督查督办"

    def ready(self) -> None:
        from guanmo.progress.sections import register
        from guanmo.supervision.bulletin import problem_section

        register(problem_section)
