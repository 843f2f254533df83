"""A parcel's outline (地块范围): a GeoJSON Polygon checked and measured in 亩, read from the land
sheet with its area against the stated one, entered in the admin, and drawn on the map of
parcels in place of its point (issue 14, "Land and 亩均").

Worked by hand: a box of 0.01° by 0.01° from 113.40°E, 35.08°N has, on the sphere of radius
6,378,137 m, R²·Δλ·(sin 35.09° − sin 35.08°) = 1,014,040 m² = 1,521.06 → 1,521.1亩; a hole of
0.002° by 0.002° from 113.402°E, 35.082°N is 60.84亩, leaving 1,460.2亩."""

import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from guanmo.accounts.models import Role, User
from guanmo.attraction.land_import import import_land
from guanmo.attraction.models import Parcel
from guanmo.attraction.parcel_outline import (
    MAX_VERTICES,
    OutlineError,
    area_gap,
    outline_area,
    read_outline,
)
from tests.sheets.files import Drawn, to_xlsx


def box(west, south, size):
    east, north = west + size, south + size
    return [[west, south], [east, south], [east, north], [west, north], [west, south]]


BOX = {"type": "Polygon", "coordinates": [box(113.40, 35.08, 0.01)]}
HOLED = {"type": "Polygon", "coordinates": [box(113.40, 35.08, 0.01), box(113.402, 35.082, 0.002)]}


def test_an_outlines_area_is_measured_on_the_sphere_in_mu_holes_taken_out():
    assert outline_area(read_outline(json.dumps(BOX))) == Decimal("1521.1")
    assert outline_area(read_outline(HOLED)) == Decimal("1460.2")
    clockwise = {"type": "Polygon", "coordinates": [box(113.40, 35.08, 0.01)[::-1]]}
    assert outline_area(read_outline(clockwise)) == Decimal("1521.1")


def test_a_feature_gives_its_polygon():
    feature = {"type": "Feature", "geometry": BOX, "properties": {"name": "一号地"}}
    assert read_outline(feature) == BOX


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("113.40,35.08", "不是GeoJSON文本"),
        ({"type": "Point", "coordinates": [113.4, 35.08]}, "而不是Point"),
        ({"type": "Polygon", "coordinates": []}, "多边形没有坐标"),
        ({"type": "Polygon", "coordinates": [box(113.4, 35.08, 0.01)[:-1]]}, "外边界未闭合"),
        ({"type": "Polygon", "coordinates": [[[113.4, 35.08], [113.41, 35.08], [113.4, 35.08]]]},
         "外边界至少要有4个顶点"),
        ({"type": "Polygon", "coordinates": [[[35.08, 113.4], *box(113.4, 35.08, 0.01)[1:]]]},
         "外边界第1个顶点[35.08, 113.4]不在中国范围内"),
        ({"type": "Polygon", "coordinates": [[[113.4, "35.08"], *box(113.4, 35.08, 0.01)[1:]]]},
         "外边界第1个顶点应为[经度, 纬度]两个数"),
        ({"type": "Polygon", "coordinates": [box(113.4, 35.08, 0.01), box(113.5, 35.1, 0.01)[:3]]},
         "第1个内边界（洞）至少要有4个顶点"),
    ],
)  # fmt: skip
def test_an_outline_that_cannot_be_kept_is_refused_saying_why(given, said):
    with pytest.raises(OutlineError, match=said.replace("[", r"\[").replace("]", r"\]")):
        read_outline(given)


def test_an_outline_is_bounded_in_vertices():
    bottom = [[113.4 + step / 100000, 35.08] for step in range(MAX_VERTICES - 2)]
    ring = [*bottom, [113.41, 35.09], [113.4, 35.09], bottom[0]]
    assert len(ring) == MAX_VERTICES + 1
    with pytest.raises(
        OutlineError, match=f"外边界有{MAX_VERTICES + 1}个顶点，超过{MAX_VERTICES}个"
    ):
        read_outline({"type": "Polygon", "coordinates": [ring]})
    fewer = [*bottom[:-1], [113.41, 35.09], [113.4, 35.09], bottom[0]]
    assert len(read_outline({"type": "Polygon", "coordinates": [fewer]})["coordinates"][0]) == (
        MAX_VERTICES
    )


def test_the_area_gap_is_said_only_beyond_the_tolerance():
    assert area_gap(Decimal("1521.1"), Decimal(1500)) is None  # 1.4%
    assert area_gap(Decimal(1575), Decimal(1500)) is None  # 5.0%: at the tolerance
    assert area_gap(Decimal("1575.1"), Decimal(1500)) is None  # 5.007%, shown 5.0%: not beyond
    assert area_gap(Decimal("1575.8"), Decimal(1500)) == Decimal("5.1")
    assert area_gap(Decimal("1521.1"), Decimal(1200)) == Decimal("26.8")


HEADER = ["地块名称", "所在县区", "面积（亩）", "经度", "纬度", "地块范围"]


def _sheet(tmp_path, rows):
    path = tmp_path / "用地台账.xlsx"
    path.write_bytes(to_xlsx(Drawn([["用地台账"], HEADER, *rows], name="用地")))
    return path


def test_the_land_sheet_keeps_an_outline_and_notes_an_area_far_from_the_stated(city, tmp_path):
    rows = [
        ["WZ-01", "武陟县", 1500, None, None, json.dumps(BOX)],
        ["WZ-02", "武陟县", 1200, None, None, json.dumps(BOX)],
        ["WZ-03", "武陟县", 10, 113.4, 35.08, None],
    ]

    report = import_land(_sheet(tmp_path, rows), city=city)

    assert report.ok, [str(fault) for fault in report.faults]
    assert Parcel.objects.get(name="WZ-01").outline == BOX
    assert Parcel.objects.get(name="WZ-03").outline is None
    gaps = [note for note in report.notes if "地块范围" in note]
    assert gaps == [
        "第4行“WZ-02”地块范围折合1521.1亩，与填报面积1200亩相差26.8%，超过5%，按填报面积保存，"
        "请核对"
    ]


def test_a_bad_outline_is_named_by_row_and_column_and_nothing_is_written(city, tmp_path):
    rows = [
        ["WZ-01", "武陟县", 1500, None, None, json.dumps(BOX)],
        ["WZ-02", "武陟县", 12, None, None, '{"type": "Point", "coordinates": [113.4, 35.08]}'],
    ]

    report = import_land(_sheet(tmp_path, rows), city=city)

    assert [report.describe(fault) for fault in report.faults] == [
        "工作表「用地」第4行「地块范围」：应为GeoJSON多边形（Polygon），而不是Point"
    ]
    assert not Parcel.objects.exists()


def test_an_outline_entered_in_the_admin_is_checked_as_the_sheets(city):
    parcel = Parcel(
        city=city, county=city.children.get(name="温县"), name="WX-01", area=Decimal(12)
    )
    parcel.outline = json.dumps(BOX)
    parcel.full_clean()
    assert parcel.outline == BOX
    parcel.outline = {"type": "Polygon", "coordinates": [box(113.4, 35.08, 0.01)[:-1]]}
    with pytest.raises(ValidationError, match="外边界未闭合"):
        parcel.full_clean()


def test_the_map_draws_an_outline_in_place_of_the_point(client, city):
    wuzhi = city.children.get(name="武陟县")
    Parcel.objects.create(
        city=city, county=wuzhi, name="<b>WZ-01</b>", area=Decimal(1500), outline=BOX,
        latitude=Decimal("35.0850"), longitude=Decimal("113.4050"),
    )  # fmt: skip
    user = User.objects.create_user("shixmb", password="x", role=Role.CITY_OFFICE, region=city)
    client.force_login(user)

    (feature,) = client.get(reverse("attraction_parcel_points")).json()["features"]

    assert feature["geometry"] == BOX
    assert feature["properties"]["name"] == "<b>WZ-01</b>"  # text: map.js escapes it
