"""The map of parcels by state: each state at its day boundaries, the parcels of a user's scope
as points with the legend's words, and the parcels without a place listed, not dropped."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from guanmo.accounts.models import Role, User
from guanmo.attraction.land import ParcelFacts, idle_parcels, parcel_state
from guanmo.attraction.models import Lead, Parcel, StageDate
from guanmo.attraction.selectors import parcels_of
from guanmo.attraction.stages import Stage

PARCEL = ParcelFacts(
    "一号地块",
    Decimal("100"),
    supplied_on=date(2024, 3, 1),
    agreed_start_on=date(2024, 9, 1),
)


@pytest.mark.parametrize(
    ("parcel", "day", "state"),
    [
        (PARCEL, date(2024, 2, 29), "unsupplied"),  # the day before it was supplied
        (PARCEL, date(2024, 3, 1), "supplied"),
        (PARCEL, date(2025, 8, 31), "supplied"),  # a year from the agreed start, less a day
        (PARCEL, date(2025, 9, 1), "idle_one_year"),
        (PARCEL, date(2026, 8, 31), "idle_one_year"),
        (PARCEL, date(2026, 9, 1), "idle_two_years"),
        (ParcelFacts("二", Decimal(5)), date(2025, 1, 1), "unsupplied"),
        (ParcelFacts("三", Decimal(5), supplied_on=date(2024, 3, 1), started_on=date(2024, 6, 1),
                     in_use_on=date(2025, 6, 1)), date(2025, 5, 31), "started"),
        (ParcelFacts("三", Decimal(5), supplied_on=date(2024, 3, 1), started_on=date(2024, 6, 1),
                     in_use_on=date(2025, 6, 1)), date(2025, 6, 1), "in_use"),
    ],
)  # fmt: skip
def test_a_parcels_state_turns_on_its_day(parcel, day, state):
    assert parcel_state(parcel, day) == state


@pytest.fixture
def parcels(city, settings):
    settings.GUANMO_TODAY = date(2025, 12, 15)
    wuzhi, wenxian = city.children.get(name="武陟县"), city.children.get(name="温县")
    lead = Lead.objects.create(city=city, county=wuzhi, name="冷链项目", register_year=2024)
    StageDate.objects.create(lead=lead, stage=Stage.PRODUCING, reached=date(2025, 5, 1))
    Parcel.objects.create(
        city=city, county=wuzhi, name="WZ-01", holder="<b>香雪海</b>", lead=lead,
        area=Decimal("100.5000"), supplied_on=date(2024, 1, 5), started_on=date(2024, 3, 1),
        latitude=Decimal("35.08"), longitude=Decimal("113.40"),
    )  # fmt: skip
    Parcel.objects.create(
        city=city, county=wuzhi, name="WZ-02", area=Decimal(30), supplied_on=date(2022, 5, 1)
    )
    Parcel.objects.create(
        city=city, county=wenxian, name="WX-01", area=Decimal(12), supplied_on=date(2025, 1, 1),
        latitude=Decimal("34.94"), longitude=Decimal("113.08"),
    )  # fmt: skip
    return city


def _points(client, user):
    client.force_login(user)
    return client.get(reverse("attraction_parcel_points")).json()


def test_the_city_office_gets_every_parcel_by_state_and_the_unplaced_listed(client, parcels):
    user = User.objects.create_user("shixmb", password="x", role=Role.CITY_OFFICE, region=parcels)

    found = _points(client, user)

    shown = {f["properties"]["name"]: f for f in found["features"]}
    assert set(shown) == {"WZ-01", "WX-01"}
    first = shown["WZ-01"]
    assert first["geometry"]["coordinates"] == [113.4, 35.08]
    assert first["properties"] == {
        "name": "WZ-01",
        "holder": "<b>香雪海</b>",  # text: map.js escapes it
        "units": "武陟县",
        "area": "100.5亩",
        "state": "in_use",
        "state_label": "已投产使用",
    }
    assert shown["WX-01"]["properties"]["state"] == "supplied"
    assert [(p["name"], p["state_label"]) for p in found["unplaced"]] == [("WZ-02", "闲置满两年")]
    assert [s["label"] for s in found["states"]] == [
        "未供地", "已供地未动工", "已动工在建", "已投产使用", "闲置满一年不满两年", "闲置满两年"
    ]  # fmt: skip


def test_a_county_office_gets_its_own_countys_parcels_only(client, parcels):
    wenxian = parcels.children.get(name="温县")
    user = User.objects.create_user(
        "wenxian", password="x", role=Role.COUNTY_OFFICE, region=wenxian
    )

    found = _points(client, user)

    assert [f["properties"]["name"] for f in found["features"]] == ["WX-01"]
    assert found["unplaced"] == []


def test_the_map_page_asks_for_parcels_only_for_those_who_see_a_units_land(client, parcels):
    city_office = User.objects.create_user("c", password="x", role=Role.CITY_OFFICE, region=parcels)
    commissioner = User.objects.create_user(
        "z", password="x", role=Role.COMMISSIONER, region=parcels
    )
    client.force_login(city_office)
    assert "data-parcels" in client.get(reverse("project_map")).content.decode()
    client.force_login(commissioner)
    assert "data-parcels" not in client.get(reverse("project_map")).content.decode()
    assert client.get(reverse("attraction_parcel_points")).status_code == 404


def test_the_legend_counts_every_parcel_drawn_or_not_as_the_land_list_does(client, parcels):
    """Three parcels, two drawn: the states count all three (WZ-02, idle two years, has no
    place), so the map's figures are the register's; the parcels not drawn are said with why."""
    user = User.objects.create_user("shixmb", password="x", role=Role.CITY_OFFICE, region=parcels)

    found = _points(client, user)

    counts = {s["key"]: s["count"] for s in found["states"]}
    assert counts == {
        "unsupplied": 0,
        "supplied": 1,
        "started": 0,
        "in_use": 1,
        "idle_one_year": 0,
        "idle_two_years": 1,
    }
    assert (found["total"], len(found["features"]), len(found["unplaced"])) == (3, 2, 1)
    assert found["unplaced"][0]["reason"] == "未填经度、纬度"
    idle = [idle.parcel.name for idle in idle_parcels(parcels_of(parcels), date(2025, 12, 15))]
    assert counts["idle_one_year"] + counts["idle_two_years"] == len(idle)
