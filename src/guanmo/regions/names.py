"""How officials write a region's name, and how a name typed in a sheet finds its region."""

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

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


# Between the counties of a project lying in several: 武陟县、温县; 解放区/温县.
COUNTY_SEPARATORS = re.compile(r"[、,;/|+]+")


def county_parts(text: object) -> list[str]:
    """The counties a county cell names, in its order, the lead first ("武陟县、温县" →
    ["武陟县", "温县"]); [] for a blank cell."""
    return [part for part in COUNTY_SEPARATORS.split(clean_text(text)) if part]


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


def office(top: str) -> str:
    """The top's (named `top`) project office as pages and messages name it: 市项目办, 县项目办
    (tryout 29 item 6: a county install said 等待市项目办审核)."""
    return f"{level_character(top)}项目办"


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


# How `naming` says a region was named, in reports ("“温”按简称识别为温县").
FULL_NAME, SHORT_NAME, CODE, TREE_PATH = "全称", "简称", "区划代码", "上级区划和全称"
CITY_AND_ZONE = "所属城市名加园区简称"  # 焦作高新区: the zone 高新区 of 焦作市
CITY_AS_ZONE = "城市名加示范区"  # 济源示范区: 济源市, a county-level city that is the zone
DEMONSTRATION = "示范区"


def _zone_names(name: str) -> tuple[str, ...]:
    """The names of a zone that a city's name may precede (焦作高新区, 焦作示范区, 焦作城乡一体化
    示范区): its full name, the zone word it ends with and its alias; () for a county."""
    names = [name] if name.endswith(_ZONE_WORDS + tuple(e for e, _ in _ZONE_ALIASES)) else []
    names += [each for each in known_names(name)[1:] if each.endswith(_ZONE_WORDS)]
    return tuple(dict.fromkeys(names))


def _city_and_zone(wanted: str, region: Named) -> bool:
    """Whether `wanted` is the name of the city the zone `region` lies in (full or short:
    焦作市, 焦作) before one of the zone's names (`_zone_names`): 焦作高新区 is the zone
    焦作高新技术产业开发区 of 焦作市; never another city's (郑州高新区), never a county."""
    parent = getattr(getattr(region, "parent", None), "name", None)
    if not isinstance(parent, str):  # a GB/T 2260 division names its parent by code: no zones
        return False
    cities = {parent, short_region_name(parent)}
    return any(
        wanted == city + zone
        for city in cities
        if len(city) >= 2
        for zone in _zone_names(clean_text(region.name))
    )


def as_demonstration_city(text: object) -> str:
    """The county-level city a text naming a 示范区 by a city's name means: 济源示范区 and
    济源市示范区 → 济源市 (济源 is one city that is itself the 产城融合示范区, and provincial tables
    write it so); "" for any other text. Whether such a city exists is the caller's to check
    (`_city_as_zone`, the national tree), and only a county-level city qualifies."""
    key = clean_text(text)
    stem = key.removesuffix(DEMONSTRATION).removesuffix("市")
    if key == stem or len(stem) < 2:
        return ""
    return f"{stem}市"


def county_level_city(name: str, code: str | None) -> bool:
    """A 市 whose code is not a prefecture's (ending 00): 济源市 419001, 沁阳市 410882."""
    return name.endswith("市") and bool(code) and not str(code).endswith("00")


def _city_as_zone(wanted: str, region: Named) -> bool:
    """Whether `wanted` names the county-level city `region` as a 示范区 (`as_demonstration_city`):
    济源示范区 is 济源市 (419001); 郑州示范区 is not 郑州市, a prefecture, whose 示范区 is a zone in
    it."""
    name = clean_text(region.name)
    return as_demonstration_city(wanted) == name and county_level_city(
        name, getattr(region, "code", None)
    )


@dataclass(frozen=True)
class Naming(Generic[R]):
    """A text (`text`, as typed) naming `region` by `rule`: FULL_NAME, SHORT_NAME, CODE or
    TREE_PATH (its parents' names before its own: 焦作市武陟县)."""

    text: str
    region: R
    rule: str

    @property
    def note(self) -> str:
        """What a report says of a region named otherwise than by its full name, so that the
        assumption is in it: "“温”按简称识别为温县"; "" for the full name."""
        if self.rule == FULL_NAME:
            return ""
        return f"“{self.text}”按{self.rule}识别为{self.region.name}"


def _path_names(region: object) -> list[str]:
    """Its parents' names, nearest first, through `parent` where a region has one."""
    names, parent = [], getattr(region, "parent", None)
    while parent is not None and len(names) < 4:
        names.append(parent.name)
        parent = getattr(parent, "parent", None)
    return names


def _by_path(wanted: str, region: Named) -> bool:
    """Whether `wanted` is the region's name after one or more of its parents' (焦作市武陟县,
    河南省焦作市武陟县), the nearest last."""
    if not wanted.endswith(region.name) or wanted == region.name:
        return False
    prefix = ""
    for name in _path_names(region):
        prefix = name + prefix
        if wanted == prefix + region.name:
            return True
    return False


def naming(text: object, regions: Iterable[R]) -> Naming[R] | None:
    """How `text` (a sheet's cell, a command's option) names one of `regions`: THE rule for
    naming a region everywhere in Guanmo (issue 9 §7: by identity in the tree, never by
    trimming names). In order:

    1. its code (GB/T 2260, or a zone's 410800-Z01) or its full name: exact, NFKC, no spaces;
    2. a known short name (`known_names`): the name without a recognised suffix 县/市/区/旗/
       自治县, the endings GB/T 2260 names have (武陟县 → 武陟, 温县 → 温: offices' sheets write
       them so, issue 9 tryout 7 L24 and tryout 8), the zone word its name ends with
       (城乡一体化示范区 → 示范区) and the alias of a zone (…高新技术产业开发区 → 高新区,
       …经济技术开发区 → 经开区), as `known_names` lists them;
    3. its parents' names before its full name (焦作市武陟县), where regions know their parent;
    4. a zone's city before one of the zone's names (焦作高新区, 焦作市示范区: CITY_AND_ZONE),
       where regions know their parent;
    5. a county-level city named as a 示范区 (济源示范区 → 济源市: CITY_AS_ZONE), never a
       prefecture city (郑州示范区), whose 示范区 is a zone in it.

    Every reading but the full name and the code is said in the report (`Naming.note`).

    A step found by two regions names neither (示范区 for 城乡一体化示范区 and 农业示范区), and a
    text merely containing a name or part of one names none: 陟 and 一体化 are parts,
    武陟县产业集聚区 is a park, 山阳县 is 商洛's, not 焦作's 山阳区 (issue 9 tryouts five,
    eight). None then; `regions_near` gives what to ask (“是否为武陟县？”), never to take.
    """
    wanted = clean_text(text)
    if not wanted:
        return None
    candidates = list(regions)
    shown = str(text).strip()
    steps = (
        (CODE, lambda region: getattr(region, "code", None) == wanted),
        (FULL_NAME, lambda region: clean_text(region.name) == wanted),
        (SHORT_NAME, lambda region: wanted in known_names(clean_text(region.name))),
        (TREE_PATH, lambda region: _by_path(wanted, region)),
        (CITY_AND_ZONE, lambda region: _city_and_zone(wanted, region)),
        (CITY_AS_ZONE, lambda region: _city_as_zone(wanted, region)),
    )
    for rule, test in steps:
        found = list({id(region): region for region in candidates if test(region)}.values())
        if len(found) == 1:
            return Naming(shown, found[0], rule)
        if found:
            return None
    return None


def region_named(text: object, regions: Iterable[R]) -> R | None:
    """The region `text` names by the one rule of `naming` (full name, code, known short name,
    parents and name), or None: 武陟县, 武陟, 温, 示范区, 高新区, 410825 find theirs; a text
    merely containing or sharing a prefix with a region's name finds nothing: 濮阳工业园区 is not
    濮阳县, 山阳县 is not 山阳区, 武陟县产业集聚区 is not 武陟县 (issue 9, tryouts five and
    eight). Unknown or ambiguous text finds nothing; `unnamed_region_message` says why."""
    found = naming(text, regions)
    return found.region if found else None


# What may follow a short name of a county inside a text and make it another place's name:
# 山阳县 (商洛) after 山阳 of 山阳区.
_NAME_ENDINGS = tuple(dict.fromkeys(suffix[-1] for suffix in _SUFFIXES))


# What after a short name makes it a street's name, not the county's (解放路, 解放中路, 山阳大道,
# 武陟街; 街道 is a subdistrict, so 中站街道 stays in 中站区). Source: tryout 11 (解放路 → 解放区).
_STREET = re.compile(r"[东西南北中]?(?:路|街(?!道)|大道|大街|巷|胡同)")


def _mentions(key: str, region: Named) -> list[tuple[int, int]]:
    """Where `key` (a cleaned text) has one of the region's names of two characters or more:
    its full name, its short names and aliases (`known_names`). A short name followed by a
    county's ending (山阳县 for 山阳区) is another place's name, and so is a zone word or alias
    after other words (农业示范区 is not 城乡一体化示范区; 焦作市示范区 and 一、示范区 are), and a
    short name followed by a street word (`_STREET`: 解放路, 山阳大道) is a street's. A short name
    before other words is still a mention (武陟智能装备产业园; so 解放广场 too: not told)."""
    name = clean_text(region.name)
    spans = []
    for known in known_names(name):
        if len(known) < 2:
            continue
        start = key.find(known)
        while start >= 0:
            end = start + len(known)
            after, before = key[end : end + 1], key[start - 1 : start]
            other_name = known != name and (
                (after in _NAME_ENDINGS and after != "") or _STREET.match(key, end) is not None
            )
            tail_of_words = (
                not name.startswith(known) and _is_ideograph(before) and before not in _NAME_ENDINGS
            )
            if not (other_name or tail_of_words):
                spans.append((start, end))
            start = key.find(known, start + 1)
    return spans


def _is_ideograph(character: str) -> bool:
    """Whether a character is a CJK ideograph (not a numeral's 、 or a bracket)."""
    return bool(character) and unicodedata.name(character, "").startswith("CJK UNIFIED")


def region_mentioned(text: object, regions: Iterable[R]) -> R | None:
    """The region a text that is more than a name speaks of: a title (焦作市武陟县2025年重点项目
    台账), a heading (一、武陟县产业项目), a sheet's name, a location (温县祥云镇). The region it
    names whole (`region_named`), or else the one region one of whose names of two characters or
    more (`known_names`: 武陟县, 武陟, 示范区) stands in it as a whole word: a name inside a longer
    name of another of `regions` gives way to it (一、武陟县产业集聚区 is that park where it is a
    unit, else in 武陟县), a short name followed by a county ending is another place's name
    (山阳县城关镇 is not in 山阳区), a short name before a street word is a street (解放路128号
    is in no county by it), a one-character short name (温) is a name only alone
    (温泉度假区 is not in 温县), and a part of a name is never one (一体化). Two regions spoken of
    (修武县、武陟县) give None: never a guess."""
    candidates = list(regions)
    named = region_named(text, candidates)
    if named is not None:
        return named
    key = clean_text(text)
    spans = [(span, region) for region in candidates for span in _mentions(key, region)]
    kept = [
        region
        for (start, end), region in spans
        if not any(
            other is not region and s <= start and end <= e and e - s > end - start
            for (s, e), other in spans
        )
    ]
    found = list({id(region): region for region in kept}.values())
    return found[0] if len(found) == 1 else None


def regions_near(text: object, regions: Iterable[R]) -> list[R]:
    """The regions a text that names none (`naming`) may have meant, for a refusal to ask
    (“是否为武陟县？”), never to take: those whose full name has it as a part (陟, 一体化; 武:
    修武县 and 武陟县). A text containing a name (濮阳工业园区, 武陟县产业集聚区) is asked about
    nothing: it may be a park of the city as well as of the county."""
    key = clean_text(text)
    found = [region for region in regions if key and key in clean_text(region.name)]
    return list({id(region): region for region in found}.values())


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


def nearest(text: str, choices: list[str], n: int = 3) -> list[str]:
    """The `n` choices spelled nearest to `text` (difflib's ratio of at least 0.4), nearest
    first, then those containing it or contained in it; what a refusal offers instead."""
    close = difflib.get_close_matches(text, choices, n=n, cutoff=0.4)
    within = [choice for choice in choices if text and (text in choice or choice in text)]
    return list(dict.fromkeys([*close, *within]))[:n]
