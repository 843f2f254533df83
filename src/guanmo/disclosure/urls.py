"""Mounted at /public/: public pages by city code, the open-data API at /public/api/, and the
city office's settings page."""

from django.contrib.auth.decorators import login_not_required
from django.urls import path, register_converter

from guanmo.disclosure import views
from guanmo.disclosure.api import api


class CityCodeConverter:
    regex = "[0-9]{6}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(CityCodeConverter, "city")


def _open_to_all(urls):
    """django-ninja's views cannot take `login_not_required` as a decorator (its operations
    are methods; vitalik/django-ninja#1461), so its URL patterns are marked instead."""
    patterns, app_name, namespace = urls
    for pattern in patterns:
        login_not_required(pattern.callback)
    return patterns, app_name, namespace


urlpatterns = [
    path("", views.public_home, name="public_home"),
    path("settings/", views.disclosure_settings, name="disclosure_settings"),
    path("api/", _open_to_all(api.urls)),
    path("<city:code>/", views.public_projects, name="public_projects"),
    path("<city:code>/projects/<int:pk>/", views.public_project, name="public_project"),
    path("<city:code>/map/", views.public_map, name="public_map"),
    path("<city:code>/map/projects.geojson", views.public_map_points, name="public_map_points"),
    path(
        "<city:code>/map/counties.geojson",
        views.public_county_shapes,
        name="public_county_shapes",
    ),
    path("<city:code>/projects.csv", views.public_download, {"fmt": "csv"}, name="public_csv"),
    path("<city:code>/projects.json", views.public_download, {"fmt": "json"}, name="public_json"),
]
