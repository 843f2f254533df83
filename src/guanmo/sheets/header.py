"""Finding a sheet's header and knowing its columns by name, whatever the sheet calls them.

A header is the first row (within the first 50) naming at least two known columns; a second
header row below it (or a group row above it) is merged in: a column's label is the lower
cell, else the upper one. Money columns are in 万元 unless the units line, the column's own
label or its group label says 亿元.
"""

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from guanmo.regions.names import clean_text
from guanmo.sheets.cells import DASHES, WAN_PER_YI, parse_line

HEADER_SEARCH_ROWS = 50


class Field(StrEnum):
    """A column Guanmo understands; the value is the label faults and exports use."""

    SERIAL = "序号"
    NAME = "项目名称"
    CODE = "项目代码"
    OWNER = "建设单位"
    COUNTY = "所在县区"
    LOCATION = "建设地点"
    INDUSTRY = "产业类别"
    STAGE = "建设性质"
    LEVELS = "重点级别"
    SCOPE = "建设规模及主要内容"
    YEARS = "起止年限"
    TOTAL_INVESTMENT = "总投资"
    ANNUAL_PLAN = "年度计划投资"
    RESPONSIBLE_UNIT = "责任单位"
    LEADER_IN_CHARGE = "包抓领导"
    SITE_COMMISSIONER = "驻工地专员"
    COMPLETED_THIS_MONTH = "本月完成投资"
    CUMULATIVE_COMPLETED = "累计完成投资"
    VISIBLE_PROGRESS = "形象进度"
    PROBLEMS = "存在问题"
    # The ledger's fields as practice has them (issue 9 §6).
    PHASE = "建设阶段"  # 新开工/续建/竣工/前期 in a column of its own
    CATEGORY = "项目类型"  # 产业项目, 基础设施, 社会民生…
    LEAD_COUNTY = "牵头县区"  # the county that counts a project lying in several
    NATURE = "建设性质（统计）"  # 新建/扩建/改建/迁建/恢复 in a column of its own


MONEY_FIELDS = frozenset(
    {
        Field.TOTAL_INVESTMENT,
        Field.ANNUAL_PLAN,
        Field.COMPLETED_THIS_MONTH,
        Field.CUMULATIVE_COMPLETED,
    }
)
# Free-text columns: a "总计" inside them is prose, not a totals row.
PROSE_FIELDS = frozenset({Field.SCOPE, Field.VISIBLE_PROGRESS, Field.PROBLEMS})

_SYNONYMS: dict[Field, tuple[str, ...]] = {
    Field.SERIAL: ("序号", "编号", "序"),
    Field.NAME: ("项目名称", "项目名", "名称", "项目"),
    Field.CODE: ("项目代码", "项目编码", "项目统一代码", "统一项目代码", "全国投资项目代码"),
    Field.OWNER: ("建设单位", "项目业主", "项目单位", "业主单位", "项目业主单位", "建设主体"),
    Field.COUNTY: (
        "所在县区",
        "县(市、区)",
        "县(市,区)",
        "县市区",
        "县(市)区",
        "所属地区",
        "所在地区",
        "所属县区",
        "县区",
        "区县",
        "所在县(市、区)",
        "县区、园区",
    ),
    Field.LOCATION: ("建设地点", "项目地点", "项目建设地点", "项目所在地", "项目地址"),
    Field.INDUSTRY: ("产业类别", "所属产业", "行业", "所属行业", "产业类型", "行业类别", "产业"),
    Field.STAGE: ("建设性质", "项目性质"),
    Field.LEVELS: ("重点级别", "级别", "项目级别", "重点项目级别"),
    Field.SCOPE: (
        "建设规模及主要内容",
        "建设规模和主要内容",
        "建设内容",
        "建设规模",
        "主要建设内容",
        "建设内容及规模",
        "主要建设内容及规模",
        "建设规模及内容",
    ),
    Field.YEARS: ("起止年限", "建设年限", "建设起止年限", "起止年份", "建设周期"),
    Field.TOTAL_INVESTMENT: ("总投资", "计划总投资", "项目总投资", "总投资额"),
    Field.ANNUAL_PLAN: (
        "年度计划投资",
        "计划投资",
        "本年计划投资",
        "本年度计划投资",
        "年度计划",
        "年度投资计划",
        "投资计划",
        "计划完成投资",
        "年计划投资",
    ),
    Field.RESPONSIBLE_UNIT: ("责任单位", "市直责任单位", "责任部门"),
    Field.LEADER_IN_CHARGE: (
        "包抓领导",
        "包抓市领导",
        "分包领导",
        "分包市领导",
        "包抓县领导",
        "联系领导",
        "分包县级领导",
    ),
    Field.SITE_COMMISSIONER: ("驻工地专员", "驻工地专员姓名", "专员"),
    Field.COMPLETED_THIS_MONTH: ("本月完成投资", "当月完成投资", "本月完成", "当月完成"),
    Field.CUMULATIVE_COMPLETED: (
        "累计完成投资",
        "累计完成",
        "年度累计完成投资",
        "本年累计完成投资",
        "累计完成投资额",
    ),
    Field.VISIBLE_PROGRESS: ("形象进度", "工程形象进度", "项目进展情况", "进展情况", "形象进展"),
    Field.PROBLEMS: ("存在问题", "存在的问题", "问题", "存在问题及建议", "需协调解决的问题"),
    # The ledger's fields as practice has them (issue 9 §6).
    Field.PHASE: ("建设阶段", "项目阶段", "项目建设阶段", "推进阶段", "项目状态"),
    Field.CATEGORY: ("项目类型", "项目类别", "项目分类", "项目大类"),
    Field.LEAD_COUNTY: ("牵头县区", "牵头县(市、区)", "牵头县(市,区)", "牵头县市区", "牵头地区"),
    Field.NATURE: ("建设性质(统计)", "统计建设性质", "建设性质(统计口径)", "统计口径建设性质"),
}

# "完成投资" is this month's or the year's to date depending on the period named before it.
_COMPLETED_WORDS = frozenset({"完成投资", "完成", "投资完成", "完成额", "完成投资额"})

_BRACKETS = str.maketrans("[]【】〔〕", "()()()")
_UNIT = re.compile(r"\((?:单位[:]?)?(亿元|万元|元)\)|(亿元|万元)$")
_YEAR_PREFIX = re.compile(r"^(?:19|20)\d\d年度?")
_MONTH_RANGE = re.compile(
    rf"^(?:截至|截止)?\d{{1,2}}月?份?(?:[{DASHES}]+|至|到)\d{{1,2}}月(?:份|底|末)?"
    rf"|^(?:截至|截止)\d{{1,2}}月(?:份|底|末)?|\(\d{{1,2}}[{DASHES}]\d{{1,2}}月\)$"
)
_ONE_MONTH = re.compile(r"^\d{1,2}月份?")


def _key(text: str) -> str:
    return clean_text(text).translate(_BRACKETS)


_FIELD_BY_KEY = {_key(word): name for name, words in _SYNONYMS.items() for word in words}


@dataclass(frozen=True)
class Label:
    """What one header cell says: the column it names (if known) and the unit it states."""

    text: str
    field: Field | None
    unit: Decimal | None = None  # 10000 for 亿元, 1 for 万元, None when it names no unit
    is_units_line: bool = False  # a "单位：万元" cell standing in the header row


def _unit_of(text: str) -> Decimal | None:
    if "亿元" in text:
        return WAN_PER_YI
    if "万元" in text:
        return Decimal(1)
    return None


def read_label(value: object) -> Label | None:
    """The label of a header cell, or None for an empty cell.

    "2025年计划投资", "年度计划投资（万元）", "1—4月累计完成投资", "总投资\\n(亿元)" are all
    understood; a year or a month range before the name and a unit after it are set aside.
    """
    if value is None:
        return None
    key = _key(value)
    if not key:
        return None
    unit = _unit_of(key)
    if key.startswith("单位") and unit is not None:
        return Label(parse_line(value), None, unit, is_units_line=True)
    key = _UNIT.sub("", key)
    without_year = _YEAR_PREFIX.sub("", key)
    named_year, key = without_year != key, without_year
    period = None
    if _MONTH_RANGE.search(key):
        period, key = "range", _MONTH_RANGE.sub("", key)
    elif match := _ONE_MONTH.match(key):
        period, key = "month", key[match.end() :]
    found = _FIELD_BY_KEY.get(key)
    if found is None and key in _COMPLETED_WORDS:
        if period == "month":
            found = Field.COMPLETED_THIS_MONTH
        elif period == "range" or named_year:
            found = Field.CUMULATIVE_COMPLETED
    return Label(parse_line(value), found, unit)


@dataclass
class Header:
    """Where the header stands and what each column holds."""

    rows: tuple[int, ...]  # the Excel row numbers it spans, top to bottom
    columns: dict[int, Field]  # column index (0-based) → field
    units: dict[int, Decimal]  # money column index → multiplier into 万元
    unknown: list[str] = field(default_factory=list)  # labels not understood
    repeated: list[str] = field(default_factory=list)  # a second column for the same field

    @property
    def fields(self) -> set[Field]:
        return set(self.columns.values())

    @property
    def in_yi(self) -> list[Field]:
        """The money columns given in 亿元, in sheet order."""
        return [self.columns[index] for index, unit in self.units.items() if unit != 1]


def _labels(row: Sequence[object]) -> list[Label | None]:
    return [read_label(value) if isinstance(value, str) else None for value in row]


def _known(labels: Sequence[Label | None]) -> set[Field]:
    return {
        label.field for label in labels if label and label.field and label.field != Field.SERIAL
    }


def _stacked(
    upper: Sequence[Label | None], lower: Sequence[Label | None]
) -> Iterator[tuple[int, Label, Label | None]]:
    """(column, label, group label above it) for two header rows.

    A column's label is the lower cell, else the upper one. A merged group cell spans to its
    right while there are cells below it, and a lower label that means nothing alone is read
    with it: "本月" under "完成投资" is 本月完成投资.
    """
    group: Label | None = None
    for index in range(max(len(upper), len(lower))):
        own, above = _cell(lower, index), _cell(upper, index)
        if above is not None:
            group = above
        elif own is None:
            group = None
        if own is not None and own.field is None and group is not None:
            joined = read_label(own.text + group.text)
            own = joined if joined and joined.field else own
        label = own or above
        if label is not None:
            yield index, label, group if own is not None else None


def _is_sub_header(upper: Sequence[Label | None], lower: Sequence[Label | None]) -> bool:
    """Whether the row below a header row is its second row rather than the first project."""
    filled = [label for label in lower if label]
    known = [
        index for index, label, _ in _stacked(upper, lower) if label.field and _cell(lower, index)
    ]
    return bool(known) and 2 * len(known) >= len(filled)


def _cell(row: Sequence[object], index: int) -> object:
    return row[index] if index < len(row) else None


def _sheet_unit(rows_above: Sequence[Sequence[object]]) -> Decimal:
    """亿元 when a units line ("单位：亿元") above the header says so, else 万元."""
    for row in rows_above:
        for value in row:
            if isinstance(value, str) and "单位" in value:
                unit = _unit_of(clean_text(value))
                if unit is not None:
                    return unit
    return Decimal(1)


def find_header(rows: Sequence[Sequence[object]]) -> Header | None:
    """The header among the first rows of a sheet (row 1 first), or None if there is none."""
    all_labels = [_labels(row) for row in rows[:HEADER_SEARCH_ROWS]]
    top = next((i for i, labels in enumerate(all_labels) if len(_known(labels)) >= 2), None)
    if top is None:
        return None
    bottom = top
    if top + 1 < len(all_labels) and _is_sub_header(all_labels[top], all_labels[top + 1]):
        bottom = top + 1
    elif top > 0 and any(
        label and label.field and _cell(rows[top], index) in (None, "")
        for index, label in enumerate(all_labels[top - 1])
    ):
        top -= 1
    return _combine(rows, all_labels, top, bottom)


def _combine(
    rows: Sequence[Sequence[object]], all_labels: list[list[Label | None]], top: int, bottom: int
) -> Header:
    upper, lower = all_labels[top], all_labels[bottom] if bottom != top else []
    sheet_unit = _sheet_unit(rows[:top])
    header = Header(rows=tuple(range(top + 1, bottom + 2)), columns={}, units={})
    stated_units: dict[int, Decimal | None] = {}
    for index, label, group in _stacked(upper, lower):
        if label.is_units_line:
            sheet_unit = label.unit or sheet_unit
        elif label.field is None:
            header.unknown.append(label.text)
        elif label.field in header.fields:
            header.repeated.append(label.text)
        else:
            header.columns[index] = label.field
            if label.field in MONEY_FIELDS:
                stated_units[index] = label.unit or (group.unit if group else None)
    # A units line may stand beside the header too, so the sheet's unit is settled last.
    header.units = {index: unit or sheet_unit for index, unit in stated_units.items()}
    return header
