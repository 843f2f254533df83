"""Building a city's administrative tree from the shipped GB/T 2260 data."""

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction

from guanmo.regions.models import Region
from guanmo.regions.names import clean_text, identify_region

DATA_FILE = "gbt2260.csv"


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    parent: str


class UnknownDivision(LookupError):
    pass


@cache
def divisions() -> dict[str, Division]:
    """Every division in the shipped data file, by code."""
    text = resources.files("guanmo.regions").joinpath("data", DATA_FILE).read_text("utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    return {row["code"]: Division(row["code"], row["name"], row["parent"]) for row in rows}


def counties_of(city_code: str) -> list[Division]:
    """The county-level divisions directly under a city (or a municipality), in code order.

    A province's children are cities (codes ending in 00), so a province has none.
    """
    return sorted(
        (d for d in divisions().values() if d.parent == city_code and not d.code.endswith("00")),
        key=lambda d: d.code,
    )


def city_of_counties(names: Iterable[str]) -> Division | None:
    """The city (GB/T 2260) whose counties the most of `names` identify, for a sheet that
    names counties but no city; None when no city's counties are named or two cities tie.
    Parks and zones are not in GB/T 2260: only a city built with `init_city` knows them."""
    by_parent: dict[str, list[Division]] = {}
    for division in divisions().values():
        if division.parent and not division.code.endswith("00"):
            by_parent.setdefault(division.parent, []).append(division)
    wanted = {clean_text(name) for name in names} - {""}
    found = {
        parent: sum(identify_region(name, counties) is not None for name in wanted)
        for parent, counties in by_parent.items()
    }
    best = max(found.values(), default=0)
    leaders = [parent for parent, count in found.items() if count == best]
    if best == 0 or len(leaders) > 1:
        return None
    return divisions()[leaders[0]]


@transaction.atomic
def init_city(city_code: str, zones: list[str] | tuple[str, ...] = ()) -> Region:
    """Create (or complete) a city, its province, its counties and the given parks and zones.

    Running it again adds what is missing and changes nothing else.
    """
    division = divisions().get(city_code)
    if division is None or not counties_of(city_code):
        raise UnknownDivision(f"区划代码 {city_code} 不是一个地级市（或直辖市）的代码")
    province = None
    if division.parent:
        parent = divisions()[division.parent]
        province, _ = Region.objects.get_or_create(
            code=parent.code, defaults={"name": parent.name, "kind": Region.Kind.PROVINCE}
        )
    city, _ = Region.objects.get_or_create(
        code=division.code,
        defaults={"name": division.name, "kind": Region.Kind.CITY, "parent": province},
    )
    for order, county in enumerate(counties_of(city_code), start=1):
        Region.objects.get_or_create(
            code=county.code,
            defaults={
                "name": county.name,
                "kind": Region.Kind.COUNTY,
                "parent": city,
                "sort_order": order,
            },
        )
    for zone_name in zones:
        add_zone(city, zone_name)
    return city


def add_zone(city: Region, name: str) -> Region:
    """A park or zone ranked beside the counties; its code is `<city code>-Znn`."""
    existing = city.children.filter(name=name).first()
    if existing:
        return existing
    taken = city.children.filter(kind=Region.Kind.ZONE).count()
    return Region.objects.create(
        code=f"{city.code}-Z{taken + 1:02d}",
        name=name,
        kind=Region.Kind.ZONE,
        parent=city,
        sort_order=100 + taken + 1,
    )


def resolve_city(code: str | None = None) -> Region:
    """The city a command works on: the one given, or the only city there is."""
    cities = Region.objects.filter(kind=Region.Kind.CITY)
    if code:
        try:
            return cities.get(code=code)
        except ObjectDoesNotExist as error:
            raise UnknownDivision(
                f"尚未建立区划代码为 {code} 的城市，请先运行 guanmo init-city {code}"
            ) from error
    found = list(cities[:2])
    if not found:
        raise UnknownDivision("尚未建立城市，请先运行 guanmo init-city <区划代码>")
    if len(found) > 1:
        raise UnknownDivision("数据库中有多个城市，请用 --city 指定区划代码")
    return found[0]


def units_of(city: Region) -> list[Region]:
    """The units ranked in a city's bulletins: its counties, then its parks and zones."""
    return list(city.children.select_related("ranking_group").order_by("sort_order", "code"))
