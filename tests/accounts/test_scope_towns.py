"""Scope with towns as units: a county at the top of an installation, whose office sees its
towns and zones and whose town offices see their own; towns under a county of a city."""

from decimal import Decimal

import pytest

from guanmo.accounts.models import Role, User
from guanmo.accounts.scope import scope_of
from guanmo.ledger.models import Project
from guanmo.regions.services import add_towns, init_city, init_county

pytestmark = pytest.mark.django_db


def _project(top, unit, name):
    return Project.objects.create(
        city=top, county=unit, name=name, total_investment=Decimal("1000")
    )


def test_the_county_office_at_the_top_sees_every_town_and_a_town_only_its_own():
    county = init_county("410823", ["木城街道", "大封镇"], ["武陟产业集聚区"])
    mucheng, dafeng, zone = county.children.order_by("sort_order", "code")
    ours = _project(county, mucheng, "木城街道农产品冷链物流园")
    theirs = _project(county, dafeng, "大封镇高标准农田")
    office = User.objects.create(username="xian", role=Role.CITY_OFFICE, region=county)
    town = User.objects.create(username="zhen", role=Role.COUNTY_OFFICE, region=mucheng)

    top = scope_of(office)
    assert top.city == county
    assert top.units() == [mucheng, dafeng, zone]
    assert set(top.projects()) == {ours, theirs}

    own = scope_of(town)
    assert own.city == county
    assert own.units() == [mucheng]
    assert list(own.projects()) == [ours]


def test_a_town_of_a_citys_county_belongs_to_the_city():
    city = init_city("410800")
    (dafeng,) = add_towns(city.children.get(name="武陟县"), ["大封镇"])
    user = User.objects.create(username="zhen", role=Role.COUNTY_OFFICE, region=dafeng)

    assert scope_of(user).city == city
