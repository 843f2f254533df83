"""The indicators' own columns: what a 统计月报 header cell says, whatever the bureau calls it.

A header cell of an indicator sheet is one of: the regions' column (地区, 县（市、区）, 省辖市…),
a sub-column of an indicator (绝对值 / 1—6月累计, 上年同期, 同比增长（%）/ 增速（%）, 位次,
本月), or a group header naming the indicator and its unit ("固定资产投资（亿元）"). The words
are matched as the ledger's are (`guanmo.regions.names.clean_text`, brackets made half-width,
period words such as 上半年 spelt as months by `guanmo.sheets.header.spell_period`).

Units: a figure's unit is the one its sub-column, else its group header, else the sheet's units
line names ("单位：亿元", "金额单位：万元", a title's "（单位：万元）": `sheet_unit`); a header
unit of the same kind but another size than the sheet's is refused on a one-indicator sheet
(`unit_disagreement`), where one of the two must be wrong; on a sheet of several indicators the
line is the default of the columns without their own, and a note says which columns differ.
`factor` converts between units of one kind exactly (万元 → 亿元 is ÷10000); units of different
kinds (亿元 and 万人) do not convert.
"""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum
from typing import TypeVar

from guanmo.regions.names import clean_text
from guanmo.sheets.cells import DASHES
from guanmo.sheets.header import spell_period
from guanmo.sheets.stated_units import stated_units
from guanmo.sheets.totals import is_grand_total


class Role(StrEnum):
    """What a column of an indicator sheet holds; the value is the column map's label."""

    SERIAL = "序号"
    REGION = "地区"
    VALUE = "本期累计值"
    THIS_MONTH = "本月数"  # the month alone: Guanmo keeps the cumulative, so it is not read
    LAST_YEAR = "上年同期值"
    GROWTH = "同比增长（%）"
    RANK = "位次"


# A column naming each row's unit (地区 | 新植面积 | 单位: 120 亩 / 3 座): read per row by
# `sheet_reading`, never as the regions' column when another column names the regions.
UNIT_HEADERS = frozenset({"单位", "计量单位"})

_WORDS: dict[Role, tuple[str, ...]] = {
    Role.SERIAL: ("序号", "编号", "序"),
    Role.REGION: (
        "地区",
        "地区名称",
        "县区",
        "县(市、区)",
        "县(市,区)",
        "县(市)",
        "县市区",
        "县(市)区",
        "县(市区)",
        "区县",
        "单位",
        "单位名称",
        "地市",
        "省辖市",
        "城市",
        "市别",
        "区域",
        "名称",
        "乡镇",
        "乡镇名称",
        "乡镇(街道)",
        "县区、园区",
        "县(市、区)、园区",
    ),
    Role.VALUE: (
        "绝对值",
        "总量",
        "累计",
        "本年累计",
        "累计完成",
        "累计值",
        "本期",
        "本期累计",
        "完成",
        "完成值",
        "完成额",
        "数值",
        "实绩",
        "金额",
        "总额",
        "本年",
        # the 统计局's words for the cumulative to the month (issue 9, tryout 8 I10)
        "本月止累计",
        "本月末累计",
        "本年累计完成",
        "自年初累计",
        "年初至本月累计",
    ),
    Role.THIS_MONTH: ("本月", "当月", "本月完成", "当月完成"),
    Role.LAST_YEAR: (
        "上年同期",
        "去年同期",
        "上年同期累计",
        "上年同期完成",
        "上年同期数",
        "上年同期值",
        "去年同期值",
    ),
    Role.GROWTH: (
        "同比增长",
        "同比增速",
        "增速",
        "增长",
        "增幅",
        "同比",
        "同比增减",
        "增长率",
        "同比增长率",
        "比上年同期增长",
        "比上年同期增减",
        "比上年增长",
        "比去年同期增长",
    ),
    Role.RANK: ("位次", "排名", "名次", "排位", "位序", "增速位次", "全市位次", "全省位次"),
}
_ROLE_BY_WORD = {word: role for role, words in _WORDS.items() for word in words}

_BRACKETS = str.maketrans("[]【】〔〕", "()()()")
_PERCENT = re.compile(r"\(%\)|%$|\(±%\)|±%|\(％\)")
_UNIT_IN_BRACKETS = re.compile(r"\((?:单位[:]?)?([^()]+)\)$")
# What a target's header may add in its brackets before or instead of the unit: 「赴京访批次
# （控制数，批）」 is 赴京访批次 in 批 (tryout 24 F3: said not to be in the catalogue).
_QUALIFIER_IN_BRACKETS = re.compile(
    r"\((?:控制数|控制目标|控制指标|预期目标|预期性|约束性|指导性|上限|下限)(?:\)$|[,;、])"
)
# What a rank is taken on and among how many, as Guanmo's own tables head it: 位次（共12个）,
# 位次（按数值，越少越好；共12个）, 位次（按增速）.
_COUNT_IN_BRACKETS = re.compile(r"\((?:按(?:增速|增幅|数值)[^()]*?(?:[;；]共\d+个)?|共\d+个)\)$")
_MONTHS = re.compile(rf"^(?:(\d{{1,2}})月?(?:[{DASHES}]+|至|到))?(\d{{1,2}})月(?:份|末|底)?")
_LEADING_YEAR = re.compile(r"^(?:19|20)\d\d年度?")

# Units of one kind, by what one of them is in the kind's base (元, 人, 亩…).
_PREFIXES = {"亿": Decimal(10) ** 8, "万": Decimal(10) ** 4, "千": Decimal(1000)}
_BASES = (
    "元",
    "美元",
    "人次",
    "人",
    "亩",
    "公顷",
    "吨",
    "户",
    "个",
    "批",
    "座",
    "家",
    "项",
    "千瓦时",
)


@dataclass(frozen=True)
class Label:
    """What one header cell says: its role (None for an indicator's group header or an unknown
    cell), the unit it names, the months it names ((1, 6) for 1—6月), and its text without
    unit and months (the indicator's name in a group header)."""

    text: str  # as typed, on one line
    role: Role | None
    name: str  # cleaned, without unit, period and %
    unit: str = ""
    percent: bool = False
    months: tuple[int, int] | None = None


def read_label(value: object) -> Label | None:
    """The label of a header cell; None for a blank one.

    "固定资产投资（亿元）" names 固定资产投资 in 亿元; "1—6月累计" is the value to June;
    "同比增长（%）" the growth; "6月" alone and "本月" this month's figure."""
    if value is None or not isinstance(value, str):
        return None
    text = " ".join(str(value).split())
    key = clean_text(value).translate(_BRACKETS)
    if not key:
        return None
    key = _COUNT_IN_BRACKETS.sub("", key)
    key = _QUALIFIER_IN_BRACKETS.sub(lambda m: "" if m[0].endswith(")") else "(", key)
    percent = bool(_PERCENT.search(key))
    key = _PERCENT.sub("", key)
    unit = ""
    if (match := _UNIT_IN_BRACKETS.search(key)) and unit_kind(match.group(1)):
        unit, key = match.group(1), key[: match.start()]
    key = _LEADING_YEAR.sub("", spell_period(key))
    months = None
    if match := _MONTHS.match(key):
        last = int(match.group(2))
        months = (int(match.group(1) or last), last)
        key = key[match.end() :]
    role = _ROLE_BY_WORD.get(key)
    if role is None and months is not None and key in ("", "累计", "完成", "累计完成"):
        single = months[0] == months[1] and not key.startswith("累计")
        role = Role.THIS_MONTH if single and months[0] != 1 else Role.VALUE
    if role is None and key.endswith(("位次", "排名")):
        role = Role.RANK
    return Label(text, role, key, unit, percent, months)


GROWTH_WORDS = ("增速", "增长", "增幅", "同比")


class AmbiguousColumn(ValueError):
    """A header cell says both a growth and an amount unit; `str()` says so in Chinese."""


def says_growth(label: Label, *, ratio: bool = False) -> bool:
    """Whether a header cell, group header or sheet name (read by `read_label`) says a growth
    rate: 增速/增长/增幅/同比 in its words, or （%）/% — except for a ratio indicator
    (`ratio`, unit %), whose % is its amount."""
    worded = label.role == Role.GROWTH or any(word in label.name for word in GROWTH_WORDS)
    return worded or (label.percent and not ratio)


def figure_role(own: Label, around: Sequence[Label | None], *, ratio: bool = False) -> Role | None:
    """What a figure column holds, its own header first, then what stands around it nearest
    first (its group header, the sheet's name): the first that says a growth (`says_growth`)
    makes it the growth, the first naming an amount unit (亿元, 万人) its amount; a column no
    one says either of keeps its own role (issue 9, tryout 8: 「…增速（%）」 over 「1—10月」 is
    the growth, never an amount). 位次, 上年同期 and 本月 keep their role. Raises
    AmbiguousColumn when the deciding label says both (「增速（亿元）」)."""
    if own.role not in (Role.VALUE, Role.GROWTH, None):
        return own.role
    for label in (own, *around):
        if label is None:
            continue
        growth = says_growth(label, ratio=ratio)
        if growth and label.unit:
            raise AmbiguousColumn(
                f"“{label.text}”既写增速又写单位{label.unit}，无法确定是增速还是数额；"
                "请将增速和数额分列填写，增速列注明（%）"
            )
        if growth:
            return Role.GROWTH
        if label.unit:
            return own.role or Role.VALUE
    return own.role


@dataclass(frozen=True)
class SheetUnit:
    """The unit the sheet states outside its header, and where ("第1行「…（单位：万元）」")."""

    word: str
    place: str


def sheet_unit(rows_above: Sequence[Sequence[object]]) -> SheetUnit | None:
    """The first unit Guanmo knows (`unit_kind`) that the title or a units line above the
    header states (guanmo.sheets.stated_units: "（单位：万元）", "金额单位：万元", "计量单位：
    亿元", "单位：亿元、%" → 亿元); None when none does."""
    for stated in stated_units(rows_above):
        for word in stated.words:
            if unit_kind(word):
                return SheetUnit(word, stated.place)
    return None


def unit_disagreement(header_unit: str, stated: SheetUnit | None) -> str:
    """Why a unit a header cell names cannot stand beside the unit the sheet states (one kind,
    another size: a column "（亿元）" under "单位：万元"); "" when they agree or are of other
    kinds (a "（万人）" column under "单位：亿元")."""
    if not header_unit or stated is None:
        return ""
    into = factor(header_unit, stated.word)
    if into is None or into == 1:
        return ""
    return (
        f"表头写明单位为{header_unit}，{stated.place}写明单位为{stated.word}，两者不一致；"
        "请改为一致后再导入"
    )


def unit_kind(unit: str) -> tuple[str, Decimal] | None:
    """(base, multiplier) of a unit: 万元 is (元, 10000), 亩 (亩, 1); None for no unit known
    (亿元 and 万元 share 元, so they convert; 万人 and 亿元 do not)."""
    unit = clean_text(unit)
    for base in sorted(_BASES, key=len, reverse=True):
        if unit == base:
            return base, Decimal(1)
        prefix = unit.removesuffix(base)
        if prefix != unit and prefix in _PREFIXES:
            return base, _PREFIXES[prefix]
    return None


_FIGURE_WITH_UNIT = re.compile(r"^[-+]?\d[\d,，]*(?:\.\d+)?\s*(\S+?)$")


def unit_in_cell(value: object, unit: str, indicator: str) -> str:
    """Why a cell holding a figure with a unit (12000亩, 30座) is refused, naming the conflict:
    its unit against the column's `unit` — 单位不一致：「30座」的单位是座，本列为亩（“新植面积”）
    — or, in the column's own unit, that the unit belongs in the header; "" for anything else
    (issue 12: a sheet mixing 亩 and 座 in one column is refused; tryout 17: "不是数字：12000亩"
    for every cell hid which unit was the odd one)."""
    if not isinstance(value, str):
        return ""
    text = clean_text(value)
    match = _FIGURE_WITH_UNIT.match(text)
    if match is None or unit_kind(match.group(1)) is None:
        return ""
    given = match.group(1)
    if unit and factor(given, unit) is None:
        return f"单位不一致：「{text}」的单位是{given}，本列为{unit}（“{indicator}”）"
    return f"不是数字：「{text}」（本列单位为{unit or given}，格内只填数字）"


def factor(given: str, wanted: str) -> Decimal | None:
    """What a figure in `given` is multiplied by to be in `wanted` (万元 → 亿元: 0.0001); 1 for
    the same unit; None when the two are not of one kind."""
    if clean_text(given) == clean_text(wanted):
        return Decimal(1)
    have, want = unit_kind(given), unit_kind(wanted)
    if have is None or want is None or have[0] != want[0]:
        return None
    return have[1] / want[1]


_NOTE_ROW = re.compile(r"^(?:注|备注|说明|资料来源|数据来源|来源)")


def is_total(label: str) -> bool:
    """A totals row's label: 全市, 全省, 合计, 总计… (not 市本级 or 市直, which are units), by the
    one rule of every sheet (`sheets.totals.is_grand_total`)."""
    return is_grand_total(clean_text(label))


def is_subtotal(label: str) -> bool:
    """A subtotal row's label: 城区小计, 县（市）小计 — the total of some units, not a region."""
    return clean_text(label).endswith("小计")


# A header cell naming the indicators' column: the indicators run down the rows, the regions
# across the columns or one sheet per region, which the reader does not read.
INDICATOR_ROW_WORDS = frozenset({"指标名称", "指标", "指标名", "指标项目"})


def is_note(label: str) -> bool:
    """A footnote under the table: 注：…, 资料来源：…"""
    return bool(_NOTE_ROW.match(clean_text(label)))


def indicator_key(text: str) -> str:
    """An indicator's name as compared: cleaned, 规上 spelt out, 完成情况 and 增速 dropped."""
    key = clean_text(text).translate(_BRACKETS).replace("规上", "规模以上")
    for tail in ("完成情况", "情况", "目标任务", "目标", "任务", "增速", "增长"):
        key = key.removesuffix(tail)
    return key


Named = TypeVar("Named")
# The words a one-row header puts after an indicator's name to say which figure it is, longest
# first (上年同期累计 before 累计).
_MEASURE_WORDS = sorted(
    (
        word
        for word, role in _ROLE_BY_WORD.items()
        if role in (Role.VALUE, Role.LAST_YEAR, Role.GROWTH, Role.RANK)
    ),
    key=len,
    reverse=True,
)


def indicator_measure(label: Label, by_key: Mapping[str, Named]) -> tuple[Named, Label] | None:
    """The indicator (from `by_key`, keyed by `indicator_key`) and measure one header cell names
    together, as one-row headers do: 固定资产投资增速（%）, 一般公共预算收入增长（%）,
    规上工业增加值增速, 地区生产总值（亿元）, 固定资产投资绝对值/累计/上年同期/位次/同比增长. The
    label comes back with the measure's role (a bare name or 增速/增长 as VALUE, which
    `figure_role` turns into the growth when the words or （%） say so) and the measure word as
    its name; None for a bare
    sub-column word (位次, 增速（%）) or a cell naming no indicator of the catalogue."""
    if not label.name or label.name in _ROLE_BY_WORD:
        return None
    named = by_key.get(indicator_key(label.name))
    if named is not None:
        return named, replace(label, role=Role.VALUE)
    for word in _MEASURE_WORDS:
        stem = label.name.removesuffix(word)
        if stem != label.name and (named := by_key.get(indicator_key(stem))) is not None:
            return named, replace(label, role=_ROLE_BY_WORD[word], name=word)
    return None
