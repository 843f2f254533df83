"""The parks' figures sheet's columns (园区主要指标, `guanmo import-park-figures`): the words
offices head them with. Money is read in 万元 (亿元 and 元 converted, as every money column);
areas in 平方公里, or in 公顷 or 亩 converted exactly (1 平方公里 = 100 公顷 = 1500 亩); an area
headed without its unit is refused rather than guessed."""

from enum import StrEnum

from guanmo.sheets import cells
from guanmo.sheets.header import Catalogue


class ParkColumn(StrEnum):
    SERIAL = "序号"
    PARK = "园区"
    REVENUE = "主营业务收入"
    LEADING_INDUSTRIES = "主导产业"
    LEADING_REVENUE = "其中主导产业收入"
    LEADING_SHARE_TARGET = "主导产业占比目标（%）"
    ENTERPRISES_ABOVE_SIZE = "规上企业（家）"
    HIGH_TECH_ENTERPRISES = "高新技术企业（家）"
    SERVICE_PLATFORMS = "公共服务平台（个）"
    EMPLOYEES = "从业人员（人）"
    PLANNED_AREA = "规划面积（平方公里）"
    PLANNED_AREA_HECTARES = "规划面积（公顷）"
    PLANNED_AREA_MU = "规划面积（亩）"
    PLANNED_AREA_UNSTATED = "规划面积"
    BUILT_AREA = "建成面积（平方公里）"
    BUILT_AREA_HECTARES = "建成面积（公顷）"
    BUILT_AREA_MU = "建成面积（亩）"
    BUILT_AREA_UNSTATED = "建成面积"


def _with(words: tuple[str, ...], *units: str) -> tuple[str, ...]:
    return tuple(f"{word}({unit})" for word in words for unit in units) + tuple(
        f"{word}{unit}" for word in words for unit in units
    )


def _counted(words: tuple[str, ...], measure: str) -> tuple[str, ...]:
    return words + _with(words, measure, f"单位:{measure}")


_PLANNED = ("规划面积", "规划建设面积", "总规划面积")
_BUILT = ("建成面积", "建成区面积", "已建成面积")
_SQUARE_KILOMETRES = ("平方公里", "km2", "km²", "单位:平方公里")

SYNONYMS: dict[ParkColumn, tuple[str, ...]] = {
    ParkColumn.SERIAL: ("序号", "编号"),
    ParkColumn.PARK: (
        "园区",
        "园区名称",
        "产业集聚区",
        "集聚区",
        "所在园区",
        "单位",
        "园区(集聚区)",
    ),
    ParkColumn.REVENUE: ("主营业务收入", "营业收入", "实现主营业务收入"),
    ParkColumn.LEADING_INDUSTRIES: ("主导产业", "主导产业名称"),
    ParkColumn.LEADING_REVENUE: (
        "其中主导产业收入",
        "主导产业收入",
        "其中主导产业",
        "主导产业主营业务收入",
        "其中:主导产业",
        "其中:主导产业收入",
    ),
    ParkColumn.LEADING_SHARE_TARGET: (
        "主导产业占比目标",
        "主导产业占比目标(%)",
        "主导产业占比目标值",
        "目标占比",
        "目标占比(%)",
    ),
    ParkColumn.ENTERPRISES_ABOVE_SIZE: _counted(("规上企业", "规模以上企业", "规上工业企业"), "家"),
    ParkColumn.HIGH_TECH_ENTERPRISES: _counted(("高新技术企业", "高新企业"), "家"),
    ParkColumn.SERVICE_PLATFORMS: _counted(("公共服务平台", "服务平台"), "个"),
    ParkColumn.EMPLOYEES: _counted(("从业人员", "从业人数", "就业人数"), "人"),
    ParkColumn.PLANNED_AREA: _with(_PLANNED, *_SQUARE_KILOMETRES),
    ParkColumn.PLANNED_AREA_HECTARES: _with(_PLANNED, "公顷", "单位:公顷"),
    ParkColumn.PLANNED_AREA_MU: _with(_PLANNED, "亩", "单位:亩"),
    ParkColumn.PLANNED_AREA_UNSTATED: _PLANNED,
    ParkColumn.BUILT_AREA: _with(_BUILT, *_SQUARE_KILOMETRES),
    ParkColumn.BUILT_AREA_HECTARES: _with(_BUILT, "公顷", "单位:公顷"),
    ParkColumn.BUILT_AREA_MU: _with(_BUILT, "亩", "单位:亩"),
    ParkColumn.BUILT_AREA_UNSTATED: _BUILT,
}
MONEY_COLUMNS = frozenset({ParkColumn.REVENUE, ParkColumn.LEADING_REVENUE})
TEXT_COLUMNS = frozenset({ParkColumn.SERIAL, ParkColumn.PARK, ParkColumn.LEADING_INDUSTRIES})
COUNT_COLUMNS = frozenset(
    {
        ParkColumn.ENTERPRISES_ABOVE_SIZE,
        ParkColumn.HIGH_TECH_ENTERPRISES,
        ParkColumn.SERVICE_PLATFORMS,
        ParkColumn.EMPLOYEES,
    }
)

PARK_COLUMNS = Catalogue(
    fields=tuple(ParkColumn),
    synonyms=SYNONYMS,
    money=MONEY_COLUMNS,
    serial=ParkColumn.SERIAL,
    identity=(ParkColumn.PARK,),
    name=ParkColumn.PARK,
    places=(ParkColumn.PARK,),
    marks=frozenset({ParkColumn.PARK}),
    labels=frozenset({ParkColumn.SERIAL, ParkColumn.PARK}),
    parsers={
        **{c: cells.parse_figure for c in ParkColumn if c not in MONEY_COLUMNS | TEXT_COLUMNS},
        **{c: cells.parse_line for c in TEXT_COLUMNS},
    },
    # 从业人员（万人）, 规划面积（平方千米）, or "面积单位：公顷" over 规划面积: converted
    measures={
        ParkColumn.EMPLOYEES: "人",
        ParkColumn.PLANNED_AREA_UNSTATED: "平方公里",
        ParkColumn.BUILT_AREA_UNSTATED: "平方公里",
    },
    # ParkFigures' areas keep 4 decimals, people are counted whole (checked by the import)
    measure_places={
        ParkColumn.PLANNED_AREA_UNSTATED: 4,
        ParkColumn.BUILT_AREA_UNSTATED: 4,
    },
    row_word="园区",
    row_marks="园区名称和数字",
    header_words="“园区”“主营业务收入”",
)
