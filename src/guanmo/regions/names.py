"""How officials write a region's name, and how a name typed in a sheet finds its region."""

import re
import unicodedata
from collections.abc import Iterable
from typing import Protocol, TypeVar

_SUFFIXES = ("自治县", "县", "区", "市", "旗")
# The words a zone's name ends with that also name it alone: 城乡一体化示范区 is 示范区 in speech
# and in its projects' names ("示范区智慧物流园"); longest first.
_ZONE_WORDS = ("产业集聚区", "示范区", "开发区", "高新区", "集聚区", "新区", "园区", "景区")


class Named(Protocol):
    name: str


class Coded(Protocol):
    code: str
    name: str


def clean_text(value: object) -> str:
    """NFKC-normalised text without any white space: what sheet cells are compared by."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(value or "")))


def short_region_name(name: str) -> str:
    """武陟县 → 武陟, 沁阳市 → 沁阳; 温县 stays whole (no one-character names in bulletins)."""
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


# What a town's name ends with (祥云镇, 北冷乡, 木城街道, 城关办事处).
_TOWN_WORDS = ("镇", "乡", "街道", "办事处")


def names_town_or_zone(text: str) -> bool:
    """Whether a text is the name of a town or a park by its ending (祥云镇, 木城街道,
    温县产业集聚区, 高新区): a place, never a kind of project (特色小镇 is one)."""
    key = clean_text(text)
    return len(key) > 1 and key.endswith(_TOWN_WORDS + _ZONE_WORDS) and not key.endswith("小镇")


def level_character(top: str) -> str:
    """The character an installation's top (named `top`) says itself with: 市 for a city
    (焦作市, and 阿克苏地区, 延边朝鲜族自治州 too); for a county at the top its own: 武陟县 → 县,
    解放区 → 区, 沁阳市 → 市, a 旗 → 旗. Its bodies (县统计局), its whole (全县) and its own
    projects (县本级) are all said with it."""
    last = top[-1:]
    if last in ("县", "旗") or (last == "区" and not top.endswith("地区")):
        return last
    return "市"


def own_level(top: str) -> str:
    """How the top's own projects (全市, 市直; 全县, 县直) are named beside its units, in totals,
    reports and lists of who has not reported: 市本级, 县本级, 区本级."""
    return f"{level_character(top)}本级"


def whole(top: str) -> str:
    """How speeches and tables say the whole of the top (named `top`): 全市, 全县, 全区."""
    return f"全{level_character(top)}"


def unit_name(name: str, *, is_city: bool) -> str:
    """The name of a unit that counts projects: a county's own name; the top's own projects
    (`is_city`, `name` the top's) as `own_level` says them: 市本级, 县本级."""
    return own_level(name) if is_city else name


def spoken_names(name: str) -> tuple[str, ...]:
    """Every way a text names the region at its start: the name, its short name, and for a zone
    the zone word its name ends with (城乡一体化示范区 → …, 示范区), which officials use alone."""
    found = [name]
    short = short_region_name(name)
    if short != name:
        found.append(short)
    tail = next((word for word in _ZONE_WORDS if name.endswith(word) and name != word), None)
    if tail:
        found.append(tail)
    return tuple(found)


def with_region(region: str, name: str, separator: str = "") -> str:
    """A name preceded by its region, as sentences and lists write it, the region said once:
    (温县, 太极文化产业园) → 温县太极文化产业园, but (解放区, 解放区老城区改造) → 解放区老城区改造,
    (武陟县, 武陟智能装备产业园) → 武陟智能装备产业园, not 武陟县武陟智能装备产业园, and
    (城乡一体化示范区, 示范区智慧物流园) → 示范区智慧物流园, not …示范区示范区智慧物流园."""
    if not region or name.startswith(spoken_names(region)):
        return name
    return f"{region}{separator}{name}"


def with_unit(region: str, name: str, *, is_city: bool, separator: str = "") -> str:
    """A project's name preceded by the unit it counts for (`unit_name`), the region said once.

    A county's project is written as `with_region` writes it. The city's own project follows
    市本级 (a county's at the top 县本级) unless its name already names the city:
    (焦作市, 南水北调配套工程) → 市本级南水北调配套工程, but
    (焦作市, 焦作市城市快速路) → 焦作市城市快速路, not 市本级焦作市城市快速路 (issue 10)."""
    if is_city and name.startswith(spoken_names(region)):
        return name
    return with_region(unit_name(region, is_city=is_city), name, separator)


R = TypeVar("R", bound=Named)
C = TypeVar("C", bound=Coded)


def match_region(text: object, regions: Iterable[R]) -> R | None:
    """The region a sheet means by `text`: exact name, short name, or a unique containment.

    "武陟县", "武陟" and "河南省焦作市武陟县" all find 武陟县; "示范区" finds
    城乡一体化示范区 when no other region's name contains it.
    Ambiguous or unknown text finds nothing.
    """
    wanted = clean_text(text)
    if not wanted:
        return None
    candidates = list(regions)
    for region in candidates:
        if wanted in (region.name, short_region_name(region.name)):
            return region
    containing = [
        region
        for region in candidates
        if short_region_name(region.name) in wanted or wanted in region.name
    ]
    if len(containing) == 1:
        return containing[0]
    return None


# Names offices give a zone in place of its full name, by the words its full name ends with:
# 焦作高新技术产业开发区 is 高新区, a 经济技术开发区 is 经开区.
_ZONE_ALIASES = (("高新技术产业开发区", "高新区"), ("经济技术开发区", "经开区"))


def known_names(name: str) -> tuple[str, ...]:
    """Every name a sheet's row may give the region named `name`: its spoken names
    (`spoken_names`), a zone's alias (焦作高新技术产业开发区 → 高新区) and the stem of a
    one-character county (温县 → 温)."""
    found = list(spoken_names(name))
    found += [alias for ending, alias in _ZONE_ALIASES if name.endswith(ending)]
    stem = next((name[: -len(s)] for s in _SUFFIXES if name.endswith(s) and name != s), "")
    if stem and stem not in found:
        found.append(stem)
    return tuple(dict.fromkeys(found))


def regions_named(text: object, regions: Iterable[R]) -> list[R]:
    """The regions whose `known_names` include `text` exactly (NFKC, no white space)."""
    wanted = clean_text(text)
    found = [region for region in regions if wanted and wanted in known_names(region.name)]
    return list({id(region): region for region in found}.values())


def region_named(text: object, regions: Iterable[R]) -> R | None:
    """The region a sheet's row or county cell names: by its full name or a known short name
    (`known_names`: 武陟县, 武陟, 温, 示范区, 高新区) unique among `regions`. A text merely
    containing or sharing a prefix with a region's name finds nothing: 濮阳工业园区 is not 濮阳县,
    山阳县 is not 山阳区, 武陟县产业集聚区 is not 武陟县 (issue 9, tryouts five and eight).
    Unknown or ambiguous text finds nothing; `unnamed_region_message` says why."""
    found = regions_named(text, regions)
    return found[0] if len(found) == 1 else None


def unnamed_region_message(text: object, regions: Iterable[R], top: str) -> str:
    """Why `text` names none of `regions` (the units of `top`, e.g. 焦作市), listing them:
    "焦作市没有“X”这个单位；焦作市的单位为：…" or "“示范区”可指焦作市的多个单位：…；请写全称"."""
    candidates = list(regions)
    found = regions_named(text, candidates)
    shown = clean_text(text)
    if len(found) > 1:
        names = "、".join(region.name for region in found)
        return f"“{shown}”可指{top}的多个单位：{names}；请写全称"
    names = "、".join(region.name for region in candidates)
    return f"{top}没有“{shown}”这个单位；{top}的单位为：{names}"


def identify_region(text: object, regions: Iterable[C]) -> C | None:
    """The region of the tree `text` stands for: by its code ("410822", "410800-Z01") or by
    its name as `match_region` finds it. Two spellings are the same region exactly when they
    identify the same node: 城乡一体化示范区, 示范区 and 410800-Z01 are one zone."""
    candidates = list(regions)
    wanted = clean_text(text)
    by_code = next((region for region in candidates if region.code == wanted), None)
    return by_code or match_region(wanted, candidates)
