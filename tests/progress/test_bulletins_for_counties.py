"""The city's monthly bulletins rank the counties; the county offices read them (issue 10: a
county got 404 for the bulletin that ranks it)."""

from datetime import date

import pytest
from django.urls import reverse

from guanmo.reporting.services import close_period, open_period
from tests.world import YEAR

pytestmark = pytest.mark.django_db


@pytest.fixture
def april(world):
    period = open_period(world.city, year=YEAR, month=4, deadline=date(YEAR, 5, 5), user=None)
    close_period(period, user=world.users["city"])
    return period


@pytest.mark.parametrize("role", ["wuzhi", "wenxian"])
def test_a_county_office_reads_the_city_bulletin(client, world, april, role):
    client.force_login(world.users[role])

    assert client.get(reverse("bulletin_list")).status_code == 200
    page = client.get(reverse("bulletin", args=[YEAR, 4]))
    assert page.status_code == 200
    assert "武陟县" in page.content.decode() and "温县" in page.content.decode()
    assert client.get(reverse("bulletin_file", args=[YEAR, 4, "docx"])).status_code == 200


@pytest.mark.parametrize("role", ["commissioner", "department"])
def test_others_without_the_city_totals_still_get_404(client, world, april, role):
    client.force_login(world.users[role])

    assert client.get(reverse("bulletin", args=[YEAR, 4])).status_code == 404
