"""A county install says itself in its own words, not a city's (tryout 29 item 6): the header's
role 县项目办, /reporting/'s 乡镇 column, the board's 各乡镇位次 link, the .docx 主送机关."""

import pytest
from django.urls import reverse

from guanmo.accounts.models import Role, User
from guanmo.documents.services import office_for
from guanmo.indicators.services import install_starting_indicators
from guanmo.regions.services import init_county

pytestmark = pytest.mark.django_db


@pytest.fixture
def office(client):
    county = init_county("410821", ["城关镇", "周庄镇"], ["修武县产业集聚区"])
    install_starting_indicators(county)
    user = User.objects.create(username="fgw", role=Role.CITY_OFFICE, region=county)
    client.force_login(user)
    return county


def test_the_header_names_the_countys_own_office(client, office):
    body = client.get(reverse("period_list")).content.decode()
    assert "fgw（县项目办·修武县）" in body
    assert "市项目办" not in body


def test_reporting_and_the_board_name_the_towns(client, office):
    listing = client.get(reverse("period_list")).content.decode()
    assert "已通过乡镇" in listing and "县区" not in listing
    board = client.get(reverse("indicator_board")).content.decode()
    assert "各乡镇位次" in board and "各县区位次" not in board


def test_the_usual_addressee_says_a_zone_named_with_its_county_once(office):
    assert office_for(office).addressee == (
        "各乡镇人民政府、街道办事处，修武县产业集聚区管委会，县直有关单位"
    )
