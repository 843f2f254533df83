"""Where an investor comes from: a division of the national tree (GB/T 2260) or a country
abroad, and the regional groups 招商 bulletins count sources by (京津冀, 长三角, 珠三角, 雄安).

The groups are the areas their national plans name, by GB/T 2260 code:
- 京津冀: 北京、天津、河北 (《京津冀协同发展规划纲要》, 2015);
- 长三角: 上海、江苏、浙江、安徽 (《长江三角洲区域一体化发展规划纲要》, 2019, its whole area);
- 珠三角: 广州、深圳、珠海、佛山、江门、肇庆、惠州、东莞、中山 (《珠江三角洲地区改革发展规划纲要
  （2008—2020年）》);
- 雄安: 雄县、容城、安新 (中共中央、国务院设立河北雄安新区的通知, 2017), which is also 京津冀.

雄安新区 has no code of GB/T 2260 (its counties keep theirs, in 保定市): a register's 雄安新区 is
kept as an area of 河北省 of its own (`XIONGAN`), in the 雄安 group and so in 京津冀.
"""

from guanmo.regions.models import Region
from guanmo.regions.names import clean_text, nearest
from guanmo.regions.services import Division, divisions, divisions_named, region_of_division

ABROAD = "境外"
# The prefixes with which a register names a source abroad: "境外：新加坡", "境外（美国）".
_ABROAD_PREFIXES = ("境外", "国外")
# Countries investors most often come from, as registers write them; any other is written with
# the 境外 prefix. 香港、澳门、台湾 are divisions of the national tree (810000, 820000, 710000).
COUNTRIES = frozenset(
    {
        "美国",
        "日本",
        "韩国",
        "新加坡",
        "德国",
        "英国",
        "法国",
        "意大利",
        "荷兰",
        "瑞士",
        "瑞典",
        "加拿大",
        "澳大利亚",
        "新西兰",
        "以色列",
        "马来西亚",
        "泰国",
        "印度尼西亚",
        "越南",
        "印度",
        "俄罗斯",
        "阿联酋",
        "沙特阿拉伯",
        "西班牙",
        "比利时",
        "丹麦",
        "芬兰",
        "挪威",
        "奥地利",
        "爱尔兰",
        "卢森堡",
        "巴西",
    }
)

GROUPS: dict[str, frozenset[str]] = {
    "京津冀": frozenset({"110000", "120000", "130000"}),
    "长三角": frozenset({"310000", "320000", "330000", "340000"}),
    "珠三角": frozenset(
        {"440100", "440300", "440400", "440600", "440700", "441200", "441300", "441900", "442000"}
    ),
    "雄安": frozenset({"130638", "130629", "130632", "130000-XA"}),
}
# Areas a source may be that GB/T 2260 does not code, under a code of Guanmo's own (the parent's
# code and a suffix, as zones' `<parent code>-Znn`), by the names registers write them with.
XIONGAN = Division("130000-XA", "雄安新区", "130000")
_AREA_NAMES = {"雄安": XIONGAN, "雄安新区": XIONGAN}


def _division(code: str) -> Division | None:
    return divisions().get(code) or (XIONGAN if code == XIONGAN.code else None)


def area_named(text: object) -> Division | None:
    """The area a source names that GB/T 2260 does not code ("河北省雄安新区", "雄安" →
    `XIONGAN`), or None when the text names none."""
    wanted = clean_text(text)
    for province in ("河北省", "河北"):
        wanted = wanted.removeprefix(province)
    return _AREA_NAMES.get(wanted)


def origin_region(division: Division) -> Region:
    """The region a lead's source is stored as: an area such as 雄安新区 as a zone of its
    province (created once, kept only to compare with), any other division as
    `regions.services.region_of_division` creates it."""
    if division != XIONGAN:
        return region_of_division(division)
    parent = region_of_division(divisions()[division.parent])
    region, _ = Region.objects.get_or_create(
        code=division.code,
        defaults={
            "name": division.name,
            "kind": Region.Kind.ZONE,
            "parent": parent,
            "compared_only": True,
        },
    )
    return region


def lineage(code: str) -> list[str]:
    """The division's code and its ancestors' codes, the division first."""
    found = []
    while code and (division := _division(code)) is not None:
        found.append(code)
        code = division.parent
    return found


def groups_of(code: str) -> list[str]:
    """The groups a division lies in, in GROUPS' order: 雄县 and 雄安新区 are in 京津冀 and
    雄安."""
    codes = set(lineage(code))
    return [group for group, members in GROUPS.items() if codes & members]


def province_of(code: str) -> Division | None:
    """The province-level division (省、直辖市、自治区、特别行政区) a division lies in."""
    codes = lineage(code)
    return divisions()[codes[-1]] if codes else None


def abroad_country(text: object) -> str | None:
    """The country of a source abroad ("境外：新加坡" → 新加坡, "日本" → 日本, "境外" → ""), or
    None when the text names no source abroad."""
    wanted = clean_text(text)
    for prefix in _ABROAD_PREFIXES:
        if wanted.startswith(prefix):
            return wanted[len(prefix) :].strip(":()·-、")
    return wanted if wanted in COUNTRIES else None


def provinces() -> list[str]:
    """The national tree's province-level divisions' names (北京市, 江苏省…), in code order."""
    return [division.name for division in divisions().values() if not division.parent]


def source_named(text: object) -> str:
    """The source a report is narrowed to as leads count it (`selectors.source_of`,
    `groups_of`): a group (长三角; 雄安新区 is the group 雄安), a province by name or short name
    (江苏 → 江苏省) or 境外; ValueError naming the nearest for any other text (tryout 22: 长三甬
    gave 无新增签约项目)."""
    wanted = clean_text(text)
    known = [*GROUPS, *provinces(), ABROAD]
    if wanted in known:
        return wanted
    if area_named(wanted) == XIONGAN:
        return "雄安"
    named = [division.name for division in divisions_named(wanted) if not division.parent]
    if len(named) == 1:
        return named[0]
    near = nearest(wanted, known)
    hint = f"，是否指：{'、'.join(near)}" if near else ""
    raise ValueError(
        f"“{wanted}”不是投资方来源{hint}"
        f"（可写来源地组 {'、'.join(GROUPS)}，省级行政区如 江苏省，或 {ABROAD}）"
    )
