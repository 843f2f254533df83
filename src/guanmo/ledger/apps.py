from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "guanmo.ledger"
    verbose_name = "重点项目台账"

    def ready(self) -> None:
        from guanmo.ledger.bulletin import curve_columns, milestone_section
        from guanmo.progress.sections import register, register_columns

        register(milestone_section)
        register_columns(curve_columns)
