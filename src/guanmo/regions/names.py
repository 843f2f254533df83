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


def region_named(text: object, regions: Iterable[R]) -> R | None:
    """The region a county cell names: only by its full name, its short name or a spoken name
    (`spoken_names`: 武陟县, 武陟, 示范区). A text merely containing or sharing a prefix with a
    region's name finds nothing: 濮阳工业园区 is not 濮阳县, 山阳县 is not 山阳区 (issue 9,
    tryout five A18b). Unknown or ambiguous text finds nothing."""
    wanted = clean_text(text)
    found = [region for region in regions if wanted and wanted in spoken_names(region.name)]
    return found[0] if len(found) == 1 else None


def identify_region(text: object, regions: Iterable[C]) -> C | None:
    """The region of the tree `text` stands for: by its code ("410822", "410800-Z01") or by
    its name as `match_region` finds it. Two spellings are the same region exactly when they
    identify the same node: 城乡一体化示范区, 示范区 and 410800-Z01 are one zone."""
    candidates = list(regions)
    wanted = clean_text(text)
    by_code = next((region for region in candidates if region.code == wanted), None)
    return by_code or match_region(wanted, candidates)
