"""The land sheet's columns (用地台账, `guanmo import-land`): the words offices head them with.
A parcel's place (经度, 纬度: WGS-84 degrees, optional) puts it on the map of parcels, its
地块范围 (a GeoJSON Polygon, optional: attraction.parcel_outline) draws it there.
An area is given in 亩, 平方米 or 公顷 (each a column of its own, converted exactly into 亩:
attraction.land); an area headed without its unit is read in 亩 and the report says so."""

import re
from enum import StrEnum

from guanmo.ledger.columns import SYNONYMS as LEDGER_SYNONYMS
from guanmo.ledger.columns import Field as LedgerField
from guanmo.sheets import cells
from guanmo.sheets.header import Catalogue


class LandColumn(StrEnum):
    SERIAL = "序号"
    NAME = "地块名称"
    HOLDER = "用地单位"
    PROJECT = "项目名称"
    COUNTY = "所在县区"
    PARK = "所在园区"
    AREA = "面积（亩）"
    AREA_UNSTATED = "面积"
    AREA_SQUARE_METRES = "面积（平方米）"
    AREA_HECTARES = "面积（公顷）"
    SUPPLIED = "供地日期"
    AGREED_START = "约定动工日期"
    STARTED = "实际动工日期"
    PLOT_RATIO = "容积率"
    BUILDING_DENSITY = "建筑密度（%）"
    INVESTMENT = "固定资产投资"
    TAX = "税收"
    PHASE = "期次"
    COMPLETED = "建成日期"
    LONGITUDE = "经度"
    LATITUDE = "纬度"
    OUTLINE = "地块范围"


_AREA_WORDS = ("面积", "用地面积", "占地面积", "宗地面积", "供地面积", "出让面积")


def _with_unit(*units: str) -> tuple[str, ...]:
    return tuple(f"{word}({unit})" for word in _AREA_WORDS for unit in units)


AREA_COLUMNS = frozenset(
    {
        LandColumn.AREA,
        LandColumn.AREA_UNSTATED,
        LandColumn.AREA_SQUARE_METRES,
        LandColumn.AREA_HECTARES,
    }
)
PLACE_COLUMNS = frozenset({LandColumn.LONGITUDE, LandColumn.LATITUDE})
FIGURE_COLUMNS = AREA_COLUMNS | PLACE_COLUMNS | {LandColumn.PLOT_RATIO, LandColumn.BUILDING_DENSITY}
DATE_COLUMNS = frozenset(
    {LandColumn.SUPPLIED, LandColumn.AGREED_START, LandColumn.STARTED, LandColumn.COMPLETED}
)
MONEY_COLUMNS = frozenset({LandColumn.INVESTMENT, LandColumn.TAX})

SYNONYMS: dict[LandColumn, tuple[str, ...]] = {
    LandColumn.SERIAL: ("序号", "编号"),
    LandColumn.NAME: ("地块名称", "地块编号", "宗地编号", "宗地名称", "地块", "宗地号"),
    LandColumn.HOLDER: ("用地单位", "受让单位", "土地使用权人", "用地企业", "企业名称", "受让人"),
    LandColumn.PROJECT: ("项目名称", "项目", "用地项目"),
    LandColumn.COUNTY: LEDGER_SYNONYMS[LedgerField.COUNTY],
    LandColumn.PARK: ("所在园区", "园区", "产业集聚区", "所在产业集聚区"),
    LandColumn.AREA: _with_unit("亩", "单位:亩"),
    LandColumn.AREA_UNSTATED: _AREA_WORDS,
    LandColumn.AREA_SQUARE_METRES: _with_unit("平方米", "m2", "m²", "㎡", "单位:平方米"),
    LandColumn.AREA_HECTARES: _with_unit("公顷", "单位:公顷"),
    LandColumn.SUPPLIED: ("供地日期", "供地时间", "出让日期", "划拨日期", "土地出让日期"),
    LandColumn.AGREED_START: ("约定动工日期", "约定开工日期", "合同约定动工日期", "约定动工时间"),
    LandColumn.STARTED: ("实际动工日期", "动工日期", "开工日期", "实际开工日期", "动工时间"),
    LandColumn.PLOT_RATIO: ("容积率",),
    LandColumn.BUILDING_DENSITY: ("建筑密度", "建筑密度(%)", "建筑系数", "建筑系数(%)"),
    LandColumn.INVESTMENT: ("固定资产投资", "投资", "投资额", "累计投资", "累计完成投资", "总投资"),
    LandColumn.TAX: ("税收", "年度税收", "实缴税金", "税收总额", "纳税额"),
    LandColumn.PHASE: ("期次", "分期", "建设期次", "项目期次", "第几期"),
    LandColumn.COMPLETED: ("建成日期", "本期建成日期", "建成时间", "竣工日期", "竣工时间"),
    LandColumn.LONGITUDE: ("经度", "中心点经度", "东经", "经度(E)", "X坐标(经度)"),
    LandColumn.LATITUDE: ("纬度", "中心点纬度", "北纬", "纬度(N)", "Y坐标(纬度)"),
    LandColumn.OUTLINE: (
        "地块范围",
        "地块范围(GeoJSON)",
        "范围坐标",
        "边界坐标",
        "宗地范围",
        "GeoJSON",
    ),
}

# 一期 … 九期, 第二期, 二期工程, or the number alone: a project is not built in ten phases.
_PHASE = re.compile(r"第?([1-9一二三四五六七八九])(?:期(?:工程|项目)?)?")
_PHASE_NUMERALS = str.maketrans("一二三四五六七八九", "123456789")


def parse_phase(value: object) -> int | None:
    """A parcel's phase (期次) as `Parcel.phase` keeps it: 一期 → 1, 二期 → 2, 第三期, 3, "3";
    None when blank. Anything else (前期, 0, 十二期, 1.5) is refused (CellError)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = cells.parse_line(value)
    if not text:
        return None
    found = _PHASE.fullmatch(text.replace(" ", ""))
    if found is None:
        raise cells.CellError(f"期次应写作一期、二期……或1、2……，“{text}”不是期次")
    return int(found.group(1).translate(_PHASE_NUMERALS))


LAND_COLUMNS = Catalogue(
    fields=tuple(LandColumn),
    synonyms=SYNONYMS,
    money=MONEY_COLUMNS,
    serial=LandColumn.SERIAL,
    identity=(LandColumn.NAME,),
    name=LandColumn.NAME,
    places=(LandColumn.COUNTY, LandColumn.PARK),
    marks=frozenset({LandColumn.NAME}),
    labels=frozenset({LandColumn.SERIAL, LandColumn.NAME, LandColumn.COUNTY, LandColumn.PARK}),
    # an area headed "面积" takes the unit a header word or units line states, into 亩
    measures={LandColumn.AREA_UNSTATED: "亩"},
    measure_places={LandColumn.AREA_UNSTATED: 4},  # Parcel.area's decimal places
    parsers={
        **{c: cells.parse_line for c in LandColumn if c not in MONEY_COLUMNS},
        **{c: cells.parse_date for c in DATE_COLUMNS},
        **{c: cells.parse_figure for c in FIGURE_COLUMNS},
        LandColumn.PHASE: parse_phase,
    },
)
