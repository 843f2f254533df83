"""Building a city's administrative tree from the shipped GB/T 2260 data."""

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models import Q

from guanmo.regions.models import Region
from guanmo.regions.names import (
    CODE,
    FULL_NAME,
    SHORT_NAME,
    TREE_PATH,
    Naming,
    clean_text,
    office,
    own_level,
    region_named,
    regions_near,
    short_region_name,
    whole,
)
from guanmo.regions.names import level_character as level_character_of

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
        parent: sum(region_named(name, counties) is not None for name in wanted)
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
    # A city first kept to compare with (全省各省辖市) is served from now on, with its counties.
    Region.objects.filter(pk=city.pk).update(compared_only=False)
    Region.objects.filter(parent=city).update(compared_only=False)
    city.compared_only = False
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
    """A park or zone ranked beside a city's counties (a county's towns); its code is
    `<parent code>-Znn`. Raises RefusedRegion for the name of a park already added under one
    of its counties (`add_park`): a second unit of that name would split its leads, parcels
    and figures (tryout 32: init-city --zone made 410800-Z03 beside 410823-Z01)."""
    existing = city.children.filter(name=name).first()
    if existing:
        return existing
    below = Region.objects.filter(parent__parent=city, kind=Region.Kind.ZONE, name=name)
    if (park := below.select_related("parent").first()) is not None:
        raise RefusedRegion(
            f"{name}已是{park.parent.name}的园区（{park.code}），不能再添加为与县区并列的园区；"
            "县（市、区）的园区在招商、用地和园区指标中都作为园区使用"
        )
    taken = city.children.filter(kind=Region.Kind.ZONE).count()
    return Region.objects.create(
        code=f"{city.code}-Z{taken + 1:02d}",
        name=name,
        kind=Region.Kind.ZONE,
        parent=city,
        sort_order=100 + taken + 1,
    )


class RefusedRegion(ValueError):
    """A region that cannot be added as asked; the message says why, in Chinese."""


@transaction.atomic
def init_county(county_code: str, towns: Sequence[str] = (), zones: Sequence[str] = ()) -> Region:
    """Create (or complete) a county at the top of an installation — its units are its towns
    (乡镇、街道, added by name) and zones; its province and city are kept to compare with only.

    Running it again adds what is missing and changes nothing else. Raises UnknownDivision for
    a code that is not a county's, RefusedRegion for a county of a city already served (its
    towns are added with `add_towns`) and for bad town names."""
    division = divisions().get(county_code)
    if division is None or division.code.endswith("00"):
        raise UnknownDivision(f"区划代码 {county_code} 不是一个县（市、区）的代码")
    existing = Region.objects.filter(code=county_code).select_related("parent").first()
    if existing is not None and existing.parent is not None and not existing.parent.compared_only:
        raise RefusedRegion(
            f"{existing.name}已作为{existing.parent.name}的县区建立，"
            f"请用 guanmo add-towns {county_code} 添加乡镇"
        )
    county = region_of_division(division)
    Region.objects.filter(pk=county.pk).update(compared_only=False)
    county.compared_only = False
    add_towns(county, towns)
    for zone_name in zones:
        add_zone(county, zone_name)
    return county


def add_park(county: Region, name: str) -> Region:
    """A county's own park (县里的产业集聚区) under it, code `<county code>-Znn`, or the one of
    that name it has: not ranked beside the counties (`init_city --zone` adds those), so what
    lies in it counts in its county (attraction.selectors.host_unit). Raises RefusedRegion for
    a region that is not a county or a blank name."""
    if county.kind != Region.Kind.COUNTY:
        raise RefusedRegion(
            f"园区只能添加在县（市、区）之下，而“{county.name}”是{county.get_kind_display()}"
        )
    name = clean_text(name)
    if not name:
        raise RefusedRegion(f"{county.name}的园区名称不能为空")
    other = county.children.filter(name=name).exclude(kind=Region.Kind.ZONE).first()
    if other is not None:
        raise RefusedRegion(f"{county.name}已有名为“{name}”的{other.get_kind_display()}")
    return add_zone(county, name)


def served_county(typed: str) -> Region:
    """The county of a served top named by its code or name (武陟县, 410823, 武陟); raises
    RefusedRegion naming the nearest counties for a name that is none."""
    by_code = Region.objects.filter(code=typed.strip(), kind=Region.Kind.COUNTY).first()
    if by_code is not None:
        return by_code
    counties = [
        region
        for top in served_cities()
        for region in ([top] if top.kind == Region.Kind.COUNTY else units_of(top))
        if region.kind == Region.Kind.COUNTY
    ]
    found = region_named(typed, counties)
    if found is None:
        if near := "、".join(county.name for county in regions_near(typed, counties)):
            raise RefusedRegion(f"没有名为“{typed}”的县（市、区）；是否为{near}？请写全称")
        raise RefusedRegion(
            f"没有名为“{typed}”的县（市、区）；请先用 init-city 或 init-county 建立"
        )
    return found


def county_parks(units: Iterable[Region]) -> list[Region]:
    """The parks added under those of `units` that are counties (`add_park`), in order."""
    counties = [unit.pk for unit in units if unit.kind == Region.Kind.COUNTY]
    return list(
        Region.objects.filter(parent__in=counties, kind=Region.Kind.ZONE).order_by(
            "parent__sort_order", "sort_order", "code"
        )
    )


@transaction.atomic
def add_towns(county: Region, names: Iterable[str]) -> list[Region]:
    """The county's towns (乡镇、街道) of the given names, in the order given, each added under
    the county when it has none of that name (code `<county code>-Tnn`, sorted after the towns
    it has). Raises RefusedRegion, adding none, for a region that is not a county, a blank name
    or a name given twice."""
    if county.kind != Region.Kind.COUNTY:
        raise RefusedRegion(
            f"乡镇只能添加在县（市、区）之下，而“{county.name}”是{county.get_kind_display()}"
        )
    wanted = [clean_text(name) for name in names]
    if "" in wanted:
        raise RefusedRegion(f"{county.name}的乡镇名称不能为空")
    twice = sorted({name for name in wanted if wanted.count(name) > 1})
    if twice:
        raise RefusedRegion(f"{county.name}的乡镇“{'、'.join(twice)}”填写了两次")
    towns = county.children.filter(kind=Region.Kind.TOWN)
    taken = towns.count()
    found = []
    for name in wanted:
        town = county.children.filter(name=name).first()
        if town is None:
            taken += 1
            town = Region.objects.create(
                code=f"{county.code}-T{taken:02d}",
                name=name,
                kind=Region.Kind.TOWN,
                parent=county,
                sort_order=taken,
                compared_only=county.compared_only,
            )
        found.append(town)
    return found


def is_top(region: Region) -> bool:
    """Whether the region is the top of an installation: a city Guanmo serves, or a county
    served on its own (`init_county`: its city is kept to compare with only)."""
    if region.compared_only:
        return False
    if region.kind == Region.Kind.CITY:
        return True
    return region.kind == Region.Kind.COUNTY and (
        region.parent is None or region.parent.compared_only
    )


def top_of(region: Region) -> Region:
    """The top of the installation a region belongs to (itself when it is one); the region
    itself when none is above it."""
    node = region
    while not is_top(node) and node.parent is not None:
        node = node.parent
    return node if is_top(node) else region


def level_character(top: Region) -> str:
    """The character the top's own bodies and its whole are named with: 市 (市统计局, 全市)
    for a city; for a county its own (县统计局 and 全县, 区统计局 and 全区, 市 for a 县级市);
    the one rule is `names.level_character`."""
    return level_character_of(top.name)


def own_level_of(top: Region) -> str:
    """How the top's own projects are named beside its units: 市本级, 县本级 (`names.own_level`)."""
    return own_level(top.name)


def whole_word(top: Region) -> str:
    """How speeches say the whole of the top: 全市, 全县, 全区 (`names.whole`)."""
    return whole(top.name)


def office_word(top: Region) -> str:
    """The top's project office: 市项目办, 县项目办 (`names.office`)."""
    return office(top.name)


def unit_word(top: Region) -> str:
    """How a column, a link or a message names one of the top's units in short: 县区 of a city,
    乡镇 of a county (tryout 29 item 6: a county's /reporting/ said 县区 over its towns)."""
    return "乡镇" if top.kind == Region.Kind.COUNTY else "县区"


def units_word(region: Region) -> str:
    """How speeches say a region's units together: 各县（市、区） of a city, 各乡镇（街道） of a
    county, 各市 of a province."""
    if region.kind == Region.Kind.PROVINCE:
        return "各市"
    return "各乡镇（街道）" if region.kind == Region.Kind.COUNTY else "各县（市、区）"


def served_cities():
    """The tops Guanmo serves: the cities set up by `init_city` and the counties set up by
    `init_county`, not the regions kept only to compare with."""
    return Region.objects.filter(compared_only=False).filter(
        Q(kind=Region.Kind.CITY) | Q(kind=Region.Kind.COUNTY, parent__compared_only=True)
    )


def resolve_city(code: str | None = None) -> Region:
    """The city a command works on: the one given, or the only city there is."""
    cities = served_cities()
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
    """The units ranked in a top's bulletins: a city's counties, then its parks and zones; a
    county's towns, then its parks and zones."""
    return list(city.children.select_related("ranking_group").order_by("sort_order", "code"))


def _is_placeholder(division: Division) -> bool:
    """A node GB/T 2260 keeps for grouping only (河南省-省直辖县级行政区划, 市辖区)."""
    return "直辖" in division.name or division.name in ("市辖区", "县")


def _ancestors(division: Division) -> list[Division]:
    """The division's real ancestors, nearest first (placeholders left out)."""
    found = []
    code = division.parent
    while code and code in divisions():
        parent = divisions()[code]
        if not _is_placeholder(parent):
            found.append(parent)
        code = parent.parent
    return found


def full_name(division: Division) -> str:
    """The division's name after its ancestors': 辽宁省沈阳市和平区."""
    return "".join(d.name for d in reversed(_ancestors(division))) + division.name


def divisions_named(text: object) -> list[Division]:
    """The divisions of the national tree (GB/T 2260) a name typed in a sheet may mean, in code
    order: by name (新乡市, and only it when one division has the very name), short name (新乡:
    新乡市 and 新乡县), or a name preceded by its ancestors' (沈阳市和平区, 辽宁沈阳和平区).
    Several for an ambiguous name (和平区), none for an unknown one."""
    wanted = clean_text(text)
    if not wanted:
        return []
    exact, found = [], []
    for division in divisions().values():
        if _is_placeholder(division):
            continue
        if wanted == division.name:
            exact.append(division)
        elif wanted in _spellings(division.name) or any(
            prefix != wanted and prefix and _names_ancestors(prefix, _ancestors(division))
            for prefix in (wanted.removesuffix(tail) for tail in _spellings(division.name))
        ):
            found.append(division)
    return sorted(exact or found, key=lambda d: d.code)


def division_naming(text: object, division: Division) -> Naming[Division]:
    """How `text` names the national-tree `division` that `divisions_named` found for it, by
    the rules of `regions.names.naming` (the one rule, whose `Naming.note` the ledger says of a
    county cell): FULL_NAME, SHORT_NAME (郑州 for 郑州市) or TREE_PATH (河南洛阳, its ancestors'
    names before its own); so a report says "“郑州”按简称识别为郑州市" (tryout 18)."""
    shown = str(text).strip()
    wanted = clean_text(text)
    if wanted in (division.name, division.code):
        return Naming(shown, division, FULL_NAME if wanted == division.name else CODE)
    if wanted in _spellings(division.name):
        return Naming(shown, division, SHORT_NAME)
    return Naming(shown, division, TREE_PATH)


def _spellings(name: str) -> tuple[str, ...]:
    """How a division's name is written: 辽宁省, 辽宁; 沈阳市, 沈阳."""
    return (name, short_region_name(name), name.removesuffix("省"))


def _names_ancestors(prefix: str, ancestors: list[Division]) -> bool:
    """Whether `prefix` is some of the ancestors' names or short names, outermost first."""
    for ancestor in reversed(ancestors):
        for name in _spellings(ancestor.name):
            if prefix.startswith(name):
                prefix = prefix[len(name) :]
                break
    return not prefix


def cities_of(province_code: str) -> list[Division]:
    """The cities a province ranks (全省18个省辖市): its prefecture-level divisions and the
    county-level cities it governs directly (济源), in code order."""
    under = [d for d in divisions().values() if d.parent == province_code]
    placeholders = {d.code for d in under if _is_placeholder(d)}
    direct = [d for d in divisions().values() if d.parent in placeholders]
    return sorted([d for d in under if d.code not in placeholders] + direct, key=lambda d: d.code)


@transaction.atomic
def region_of_division(division: Division) -> Region:
    """The region of a national division, created with its ancestors where the database does
    not hold it yet (a city's own regions are created by `init_city`): 同类县 across provinces,
    全省18个省辖市. A division directly under a province or a placeholder is its child."""
    existing = Region.objects.filter(code=division.code).first()
    if existing is not None:
        return existing
    ancestors = _ancestors(division)
    parent = region_of_division(ancestors[0]) if ancestors else None
    if parent is None:
        kind = Region.Kind.PROVINCE
    elif parent.kind == Region.Kind.PROVINCE and division.code.endswith("00"):
        kind = Region.Kind.CITY
    else:
        kind = Region.Kind.COUNTY
    return Region.objects.create(
        code=division.code, name=division.name, kind=kind, parent=parent, compared_only=True
    )
