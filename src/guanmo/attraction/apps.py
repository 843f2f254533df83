from django.apps import AppConfig


class AttractionConfig(AppConfig):
    name = "guanmo.attraction"
    verbose_name = "招商引资"

    def ready(self) -> None:
        from guanmo.attraction.bulletin import attraction_section, land_section
        from guanmo.progress.sections import register

        register(attraction_section)
        register(land_section)
