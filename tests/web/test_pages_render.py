"""Every page renders for the city office on the small test city (a smoke test of templates)."""

import pytest
from django.urls import reverse

from guanmo.reporting.services import open_period
from tests.world import YEAR


@pytest.fixture
def city_office(client, world):
    client.force_login(world.users["city"])
    return client


def test_the_city_office_sees_every_page(city_office, world):
    from datetime import date

    period = open_period(world.city, year=YEAR, month=4, deadline=date(YEAR, 5, 5), user=None)
    report = period.reports.get(county=world.wuzhi)
    project = world.projects["武陟装备"]
    for url in [
        reverse("dashboard"),
        reverse("warnings"),
        reverse("project_list"),
        reverse("project_detail", args=[project.pk]),
        reverse("project_edit", args=[project.pk]),
        reverse("project_map"),
        reverse("map_points"),
        reverse("period_list"),
        reverse("period_detail", args=[period.pk]),
        reverse("report_grid", args=[report.pk]),
        reverse("bulletin_list"),
    ]:
        response = city_office.get(url)
        assert response.status_code == 200, url
