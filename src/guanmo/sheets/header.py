"""Finding a sheet's header and knowing its columns by name, whatever the sheet calls them.

Which columns a sheet may have, and the words offices head them with, is a domain's
`Catalogue` (the ledger's is guanmo.ledger.columns.LEDGER_COLUMNS); everything here takes one.
A header is the first row (within the first 50) naming at least two known columns; a second
header row below it (or a group row above it) is merged in: a column's label is the lower
cell, else the upper one. Money columns are in 万元 unless the units line, the column's own
label or its group label says 亿元 or 元. A user may name columns (`Expected.mapping`).

Words in a header are facts (issue 9 §3): a year or period a header or title names is checked
against the import's, a column naming another year is set aside with a note, and a since-start
cumulative (开累) is a field of its own, never the year's.
"""

import re
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from functools import cached_property

from openpyxl.utils import get_column_letter

from guanmo.regions.names import Named, clean_text
from guanmo.sheets.cells import (
    DASHES,
    ERROR_VALUES,
    MONEY_UNITS,
    UNIT_NAMES,
    WAN_PER_YI,
    parse_line,
)
from guanmo.sheets.faults import REMEMBERED, USER_NAMED
from guanmo.sheets.parts import (
    COMPLETED_QUARTERS,
    HALVES,
    QUARTERS,
    YEAR_PART,
    YEARS,
    Candidate,
    Parts,
    completed_quarter,
    planned_part,
    settle,
)
from guanmo.sheets.remembered import HEADER_JOIN, Remembered, misfit, misfit_note

HEADER_SEARCH_ROWS = 50


_BRACKETS = str.maketrans("[]【】〔〕", "()()()")
# A unit after a column's name: "总投资（千元）", "(单位:万美元)", "总投资亿元", "总投资/亿元"
# (issue 9 §3, tryout 2 LU).
_UNIT = re.compile(
    r"\((?:金额)?(?:单位[:]?)?(?:人民币)?([^()]{0,4}?元|亿|万|百万)\)|/?(亿元|万元|千元|百万元)$"
)
# A unit a line states: "单位：万元", "金额单位为亿元", "（单位：万美元）".
_STATED_UNIT = re.compile(r"单位(?:为|是)?[:]?\s*(?:人民币)?([^\s\d()]{0,3}?元|百万|亿|万)")
_YEAR_PREFIX = re.compile(r"^((?:19|20)\d\d)年度?")
# "至2024年底累计完成投资": the figure at the end of a named year.
_YEAR_END = re.compile(r"^(?:截至|截止|至)?((?:19|20)\d\d)年(?:底|末)")
_MONTH_RANGE = re.compile(
    rf"^(?:截至|截止)?(\d{{1,2}})月?份?(?:[{DASHES}]+|至|到)(\d{{1,2}})月(?:份|底|末)?"
    rf"|^(?:截至|截止)(\d{{1,2}})月(?:份|底|末)?|\((\d{{1,2}})[{DASHES}](\d{{1,2}})月\)$"
)
_ONE_MONTH = re.compile(r"^(\d{1,2})月份?")
# A column of a month-by-month sheet: "1月", "2月份", "3月完成投资" (one column per month).
_MONTH_COLUMN = re.compile(r"^(\d{1,2})月份?(?:完成投资|完成|投资|投资额)?$")
MONTH_COLUMNS_LAYOUT = 3  # so many single-month columns make a month-by-month sheet
# A month-by-month sheet's row total, the year's cumulative when no later month is filled.
_MONTH_TOTALS = frozenset({"合计", "累计", "总计"})
# Words naming last year's figures: "上年同期累计完成投资", a group "去年同期" over its columns.
_LAST_YEAR = re.compile(r"^(上年同期|去年同期|上年同月|去年同月|上年度|上年|去年)")
# Words naming a period without its months, written out as months before any period is read:
# 上半年 is 1—6月, (第)一季度 or 1季度 1—3月, 前三季度 1—9月. 年度累计, 本年度累计 and 全年累计
# are the year's cumulative to the report month, not 1—12月 (tryout 5, S00; issue 9): only a
# header writing 1—12月 names December.
_PERIOD_WORDS = (
    (re.compile(r"上半年"), "1-6月"),
    (re.compile(r"(?<!\d)第?[一1]季度"), "1-3月"),
    (re.compile(r"前[三3]季度"), "1-9月"),
)


# Years and months as offices also write them (issue 9 §3, tryout 3): 二〇二四年, 24年, 十一月,
# 一至五月, 前5个月, 2025.5.31 — spelt in digits before any year or period is read.
_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
_CHINESE_YEAR = re.compile(r"([〇零一二三四五六七八九]{4})(?=年)")
_SHORT_YEAR = re.compile(r"(?<![\d.])([1-3]\d)(?=年)")
_NUMERAL = r"十[一二]?|[一二三四五六七八九]"
_CHINESE_MONTH = re.compile(rf"({_NUMERAL})(?=个?月|[{DASHES}至到]+(?:{_NUMERAL}|\d{{1,2}})个?月)")
_FIRST_MONTHS = re.compile(r"前(\d{1,2})个月")
_DOTTED_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[.．/\-](\d{1,2})[.．/\-](\d{1,2})(?!\d)")


def _month_number(numeral: str) -> str:
    if numeral.startswith("十"):
        return str(10 + int(numeral[1:].translate(_DIGITS) or 0))
    return numeral.translate(_DIGITS)


def spell_dates(text: str) -> str:
    """`text` with the years and months it names in digits, as the period checks read them:
    "二〇二四年十一月份" → "2024年11月份", "24年" → "2024年", "一至五月" → "1至5月",
    "前5个月" → "1-5月", "截至2025.5.31" → "截至2025年5月31日"."""
    text = _CHINESE_YEAR.sub(lambda match: match.group(1).translate(_DIGITS), text)
    text = _SHORT_YEAR.sub(r"20\1", text)
    text = _CHINESE_MONTH.sub(lambda match: _month_number(match.group(1)), text)
    text = _FIRST_MONTHS.sub(r"1-\1月", text)
    return _DOTTED_DATE.sub(
        lambda match: f"{match.group(1)}年{int(match.group(2))}月{int(match.group(3))}日", text
    )


_YEAR_STATED = re.compile(r"本年|当年|今年|年内|年初|年度|全年|(?<!\d)\d{1,2}月|(?:19|20)\d\d年")


def states_year(text: str) -> bool:
    """Whether `text` (a header, title or sheet name) says its figures are a year's: 本年, 今年,
    年内, 年初至, a month or range (1—6月, 六月份) or a year (2025年, 二〇二五年)."""
    return bool(_YEAR_STATED.search(spell_period(_spell_year_month(spell_dates(_key(text))))))


_PERIOD_NAMED = re.compile(
    rf"(?:19|20)\d\d年(?:底|末)?|(?<!\d)\d{{1,2}}(?:[{DASHES}至到]\d{{1,2}})?月份?|季度|上年|去年"
)


def period_named(text: str) -> str:
    """The period a header names, as written in digits ("6月", "1-6月", "2025年", "上年"), or
    "" when it names none (本月, 当月 and 本年累计 are the import's own period)."""
    found = _PERIOD_NAMED.search(spell_period(_spell_year_month(spell_dates(_key(text)))))
    return found.group(0) if found else ""


def spell_period(text: str) -> str:
    """`text` with its period words as month ranges: "上半年累计完成投资" → "1-6月累计完成投资"."""
    for word, months in _PERIOD_WORDS:
        text = word.sub(months, text)
    return text


def _key(text: str) -> str:
    return clean_text(text).translate(_BRACKETS)


def column_key(text: str) -> str:
    """How a column's header text is compared with a user's mapping: no spaces, NFKC."""
    return _key(text)


IGNORE = "忽略"  # what a user maps a column to for it to be left out
# What a user maps a column to for the city's remembered mapping of it to be dropped: the
# column is read as Guanmo recognises it, and the mapping is forgotten once the import is done.
FORGET = "按系统识别"


@dataclass(frozen=True)
class Periods:
    """A catalogue's figures for a period, which the period a header names selects: "完成投资"
    under "7月" is this month's, under "1—7月" the year's to date; "至2024年底累计" is the
    figure at a year's end."""

    this_month: StrEnum
    year_to_date: StrEnum
    year_end: StrEnum | None = None
    # the year's cumulative to the month before the import's ("1—5月累计" in June's sheet)
    previous: StrEnum | None = None
    words: frozenset[str] = frozenset()  # what the figure is called without its period


@dataclass(frozen=True)
class Catalogue:
    """The columns one domain's sheets have, by the words offices head them with, and what
    the sheet reader must know of them. Each field is a member of the domain's StrEnum, whose
    value is the label faults, column maps and exports use."""

    fields: tuple[StrEnum, ...]  # in the order a user is offered them
    synonyms: Mapping[StrEnum, Sequence[str]]  # field → the header words naming it
    money: frozenset[StrEnum] = frozenset()  # read as money: units, totals, merged cells
    serial: StrEnum | None = None  # numbers the rows; never enough to make a header
    identity: tuple[StrEnum, ...] = ()  # a sheet is a table of rows when it has one of these
    name: StrEnum | None = None  # a row's name: struck through, the row is struck out
    places: tuple[StrEnum, ...] = ()  # where a row lies; the first names a 小计's block
    marks: frozenset[StrEnum] = frozenset()  # filled, they make a row one of the table's rows
    labels: frozenset[StrEnum] = frozenset()  # a heading or totals row may fill these
    parsers: Mapping[StrEnum, Callable[[object], object]] = field(default_factory=dict)
    pending: frozenset[StrEnum] = frozenset()  # money that may be typed 待定 (not yet known)
    signed: frozenset[StrEnum] = frozenset()  # money that may be below zero (a month's 核减)
    # money a project has once over its whole life (总投资): a group of it over year columns
    # (2024年 | 2025年 | 2026年以后) is split by year, the figure their sum (guanmo.sheets.parts)
    lifetime: frozenset[StrEnum] = frozenset()
    periods: Periods | None = None
    # the year's plan: a money column headed by the year alone ("2025年（万元）"), or by a
    # quarter or half of it standing on its own ("一季度", "上半年"), is it or a part of it
    planned: StrEnum | None = None
    # How messages name a row and what marks one: "第6行不是项目行（无项目名称、县区和金额）";
    # and the columns a header is looked for by: "前50行中没有“项目名称”“总投资”等列名".
    row_word: str = "项目"
    row_marks: str = "项目名称、县区和金额"
    header_words: str = "“项目名称”“总投资”"

    @cached_property
    def by_key(self) -> dict[str, StrEnum]:
        """Header key (column_key of a synonym) → field."""
        return {_key(word): name for name, words in self.synonyms.items() for word in words}

    @cached_property
    def by_label(self) -> dict[str, StrEnum]:
        """The field's label ("年度计划投资") → field."""
        return {name.value: name for name in self.fields}

    @property
    def choices(self) -> list[str]:
        """What a user may map a column to: every field's label but the serial's, then 忽略."""
        return [name.value for name in self.fields if name != self.serial] + [IGNORE]


NO_COLUMNS = Catalogue(fields=(), synonyms={})


def field_named(catalogue: Catalogue, text: str) -> StrEnum | None:
    """The field a user names in a mapping: its label ("年度计划投资") or any of its synonyms."""
    found = catalogue.by_label.get(text.strip())
    if found is None:
        label = read_label(catalogue, text)
        found = label.field if label else None
    return found


def parse_mapping(catalogue: Catalogue, texts: list[str]) -> dict[str, StrEnum | None]:
    """`--map 'Excel列名=字段'` options → header key → field; ValueError names a bad one.

    字段 is the field's label (年度计划投资) or any header word Guanmo knows for it (计划投资),
    忽略 to leave the column out, or 按系统识别 (FORGET, kept as that text) to drop the city's
    remembered mapping of it.
    """
    mapping: dict[str, StrEnum | None] = {}
    for text in texts:
        header, sep, name = text.rpartition("=")
        if not sep or not header.strip() or not name.strip():
            raise ValueError(f"「{text}」应写成“Excel列名=字段”，如“区域=所在县区”")
        if name.strip() == IGNORE:
            mapping[_key(header)] = None
            continue
        if name.strip() == FORGET:
            mapping[_key(header)] = FORGET
            continue
        named = field_named(catalogue, name)
        if named is None:
            known = "、".join(catalogue.by_label)
            raise ValueError(
                f"「{text}」中的“{name.strip()}”不是可导入的字段；可用：{known}、{IGNORE}"
            )
        mapping[_key(header)] = named
    return mapping


@dataclass(frozen=True)
class Label:
    """What one header cell says: the column it names (if known), the unit, year and period
    it states."""

    text: str
    field: StrEnum | None
    unit: Decimal | None = None  # 10000 for 亿元, 1 for 万元, 0.0001 for 元, None when none
    unit_word: str = ""  # the unit as written ("千元", "万美元"); unit is None for an unknown one
    is_units_line: bool = False  # a "单位：万元" cell standing in the header row
    year: int | None = None  # 2024 in "2024年计划投资" or "至2024年底累计完成投资"
    months: tuple[int, int] | None = None  # (1, 6) for "1-6月", (6, 6) for "6月份"
    last_year: str = ""  # "上年同期" in "上年同期累计完成投资": the figure is last year's
    typed_date: bool = False  # the cell is a date (read as the period it names)
    typed_year: bool = False  # the cell is a number that is a year (2025), read as "2025年"


_YEAR_ONLY = re.compile(r"^(?:19|20)\d\d年度?$")


def year_only(label: Label) -> int | None:
    """The year a header cell names when it names nothing else ("2025年（万元）", "2025年度",
    2025 typed as a number), else None."""
    if label.field is not None or label.year is None or label.months or label.is_units_line:
        return None
    key = spell_dates(_key(label.text))
    if match := _UNIT.search(key):
        key = key[: match.start()] + key[match.end() :]
    return label.year if _YEAR_ONLY.match(key) else None


def stated_unit(text: str) -> str:
    """The unit word a units line or note states ("单位：千元" → "千元"), "" for none."""
    match = _STATED_UNIT.search(text)
    return match.group(1) if match else ""


def unit_of(text: str) -> Decimal | None:
    """The multiplier into 万元 a units line states (MONEY_UNITS): 亿元 10000, 千元 0.1; None for
    none or for a unit word Guanmo cannot convert (`stated_unit` gives the word)."""
    return MONEY_UNITS.get(stated_unit(text).removeprefix("人民币"))


def unit_fault(word: str) -> str:
    """Why a unit word cannot be read ("" when it can): "单位「万美元」无法换算为万元"."""
    if not word or word in MONEY_UNITS:
        return ""
    return f"单位「{word}」无法换算为万元；请改为万元、亿元或元后再导入"


def read_label(catalogue: Catalogue, value: object) -> Label | None:
    """The label of a header cell, or None for an empty cell.

    "2025年计划投资", "年度计划投资（万元）", "1—4月累计完成投资", "总投资\\n(亿元)" are all
    understood; a year or a month range before the name and a unit after it are set aside and
    kept as the label's year, months and unit.
    """
    if value is None:
        return None
    key = spell_dates(_key(value))
    if not key:
        return None
    if key.startswith(("单位", "金额单位")) and (word := stated_unit(key)):
        return Label(parse_line(value), None, MONEY_UNITS.get(word), word, is_units_line=True)
    word = ""
    if match := _UNIT.search(key):
        word = match.group(1) or match.group(2)
        key = key[: match.start()] + key[match.end() :]
    unit = MONEY_UNITS.get(word)
    periods = catalogue.periods
    if match := _YEAR_END.match(key):
        rest = key[match.end() :]
        found = periods.year_end if periods and (rest.startswith("累计") or not rest) else None
        return Label(parse_line(value), found, unit, word, year=int(match.group(1)))
    year, last_year = None, ""
    if match := _YEAR_PREFIX.match(key):
        year, key = int(match.group(1)), key[match.end() :]
    elif key not in catalogue.by_key and (match := _LAST_YEAR.match(key)):
        last_year, key = match.group(1), key[match.end() :]
    key = spell_period(key)
    months = None
    if match := _MONTH_RANGE.search(key):
        numbers = [int(number) for number in match.groups() if number]
        months = (numbers[0], numbers[-1]) if len(numbers) > 1 else (1, numbers[0])
        key = _MONTH_RANGE.sub("", key)
    elif match := _ONE_MONTH.match(key):
        month = int(match.group(1))
        months, key = (month, month), key[match.end() :]
    found = catalogue.by_key.get(key)
    if found is None and periods and key in periods.words:
        if months and months[0] == months[1] and key != "累计":
            found = periods.this_month
        elif months or year:
            found = periods.year_to_date
    return Label(
        parse_line(value), found, unit, word, year=year, months=months, last_year=last_year
    )


def under_group(label: Label, group: Label | None) -> Label:
    """A column's label with the facts of the group cell above it: "计划投资" under a merged
    "2024年" is 2024's, under "上年同期" last year's (issue 9 §3); its own words come first."""
    if group is None:
        return label
    return replace(
        label,
        year=label.year or group.year,
        last_year=label.last_year or ("" if label.year else group.last_year),
    )


@dataclass(frozen=True)
class Expected:
    """What an import expects of its sheets: the year (and month) it loads, and the columns the
    user has named (header text key → field, None to ignore the column)."""

    year: int | None = None
    month: int | None = None
    mapping: Mapping[str, StrEnum | None] = field(default_factory=dict)
    # header key → how a mapping came from an earlier import: "沿用上次导入的对应（2025-06-30，
    # 王某）" for one applied, FORGOTTEN for one the user dropped now
    remembered: Mapping[str, str] = field(default_factory=dict)
    # header key → the earlier import's mapping, for those in `mapping` not typed now: applied
    # only where it fits (guanmo.sheets.remembered)
    earlier: Mapping[str, Remembered] = field(default_factory=dict)
    # The units (counties, zones) rows may lie in: a heading naming one of them, in any form,
    # gives the rows under it that unit (guanmo.sheets.table.heading_text).
    places: Sequence[Named] = ()


@dataclass(frozen=True)
class ColumnReading:
    """How one header column was understood: what the column map shows."""

    index: int  # 0-based
    text: str  # the header text as shown: "项目业主单位／业主名称"
    key: str  # what a user's mapping of it is matched by
    field: StrEnum | None  # the field it is read as; None when it is not read
    why: str = ""  # why it is not read, or how it came to be read ("用户指定")
    mapped_by: str = ""  # the key of the user's mapping that named it, if one did

    @property
    def named_by_user(self) -> bool:
        """Whether a user named the column, now or in an earlier import of the city."""
        return self.why.startswith((USER_NAMED, REMEMBERED))


@dataclass
class Header:
    """Where the header stands and what each column holds."""

    rows: tuple[int, ...]  # the Excel row numbers it spans, top to bottom
    columns: dict[int, StrEnum]  # column index (0-based) → field
    units: dict[int, Decimal]  # money column index → multiplier into 万元
    # what its columns are read as (none for a header a domain builds by hand)
    catalogue: Catalogue = field(default_factory=lambda: NO_COLUMNS)
    unknown: list[str] = field(default_factory=list)  # labels not understood
    repeated: list[str] = field(default_factory=list)  # a second column for the same field
    readings: list[ColumnReading] = field(default_factory=list)  # every column, in sheet order
    faults: list[tuple[int | None, str | None, str]] = field(default_factory=list)  # row, cell, why
    notes: list[str] = field(default_factory=list)  # what was set aside or assumed
    # where the sheet states its unit ("第2行「单位：亿元」") → the unit it states
    unit_places: dict[str, Decimal] = field(default_factory=dict)
    sheet_unit_columns: set[int] = field(default_factory=set)  # columns in the sheet's unit
    month_columns: dict[int, int] = field(default_factory=dict)  # "6月" column index → 6
    # the import's month when the sheet is read month by month (one column per month): its
    # month's column is this month's figure, the columns before it sum to the year's
    report_month: int | None = None
    text: str = ""  # every column's text, in order (HEADER_JOIN between): what a mapping fits
    parts: list[Parts] = field(default_factory=list)  # figures split into columns
    # faults of split figures, by the figure they stop: an import not reading it goes on
    part_faults: list[tuple[StrEnum, tuple[int | None, str | None, str]]] = field(
        default_factory=list
    )
    part_notes: list[tuple[StrEnum, str]] = field(default_factory=list)  # the same, of notes

    @property
    def fields(self) -> set[StrEnum]:
        """The fields the sheet gives, from a column of their own or from their parts."""
        return set(self.columns.values()) | {parts.field for parts in self.parts}

    @property
    def figure_columns(self) -> set[int]:
        """Every column read as money: the money fields', a month-by-month sheet's months and
        the parts of split figures."""
        money = {i for i, name in self.columns.items() if name in self.catalogue.money}
        return money | set(self.month_columns) | {i for each in self.parts for i in each.indexes}

    def field_of(self, index: int) -> StrEnum | None:
        """The field a column gives: its own, or the split figure it is a part of."""
        if index in self.columns:
            return self.columns[index]
        return next((each.field for each in self.parts if index in each.indexes), None)

    @property
    def unit_assumed(self) -> list[int]:
        """The money columns read in 万元 because nothing wrote their unit (no title, units
        line, note or header word): the national ledgers' default, an assumption to report."""
        if self.unit_places:
            return []
        return sorted(index for index in self.sheet_unit_columns if index in self.units)

    @property
    def in_yi(self) -> list[StrEnum]:
        """The money columns given in 亿元, in sheet order."""
        return [
            self.columns[index]
            for index, unit in self.units.items()
            if unit == WAN_PER_YI and index in self.columns
        ]

    def text_of(self, index: int) -> str:
        """What a column is called in messages: its field's label, else its header text (a month
        column of a month-by-month sheet: "3月")."""
        return self.columns[index].value if index in self.columns else self.shown(index)

    def shown(self, index: int) -> str:
        """A column's header text as the sheet has it ("1—6月累计（万元）"), as the map shows it."""
        return next((each.text for each in self.readings if each.index == index), "")


def period_text(value: object) -> object:
    """A date typed as a header or title cell (2025-06-01 shown 2025年6月) as the period it
    names, "2025年6月", read as the text would be (tryout 4 P07c); any other value as it is."""
    if isinstance(value, datetime):
        return f"{value.year}年{value.month}月"
    return value


def _labels(catalogue: Catalogue, row: Sequence[object]) -> list[Label | None]:
    """Each cell's label. In a row whose every number is a year (2024 | 2025 typed as numbers
    under 总投资, tryout 7 of issue 9), the numbers are years too ("2025年"): whether the row is
    a header row, `_is_sub_header` decides by where they stand."""
    numbers = [value for value in row if _is_number(value)]
    years = bool(numbers) and all(_typed_year(value) for value in numbers)
    labels = []
    for value in row:
        if years and _is_number(value):
            label = read_label(catalogue, f"{int(value)}年")
            labels.append(replace(label, typed_year=True) if label else None)
            continue
        text = period_text(value)
        label = read_label(catalogue, text) if isinstance(text, str) else None
        if label is not None and isinstance(value, datetime):
            label = replace(label, typed_date=True)
        labels.append(label)
    return labels


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _typed_year(value: object) -> bool:
    """Whether a number typed in a cell may be a year: a whole number from 1990 to 2100."""
    return _is_number(value) and value == int(value) and 1990 <= value <= 2100


def _known(catalogue: Catalogue, labels: Sequence[Label | None]) -> set[StrEnum]:
    return {
        label.field for label in labels if label and label.field and label.field != catalogue.serial
    }


@dataclass(frozen=True)
class _Stacked:
    index: int
    label: Label
    group: Label | None  # the group cell above a lower label
    own: Label | None  # the lower (or only) cell as typed
    row: int  # 0-based index of the row the label stands in


def _stacked(
    catalogue: Catalogue,
    upper: Sequence[Label | None],
    lower: Sequence[Label | None],
    top: int,
    bottom: int,
) -> Iterator[_Stacked]:
    """Each column of two header rows: its label, the group label above it.

    A column's label is the lower cell, else the upper one. A merged group cell spans to its
    right while there are cells below it, and a lower label that means nothing alone is read
    with it: "本月" under "完成投资" is 本月完成投资, "完成投资" under "1-6月" is the year's
    cumulative, "2026年计划" under "投资情况（万元）" is 2026's 计划投资 (`_is_money_group`); the
    first column under a text group ("项目业主单位" over "业主名称、负责人") is the group's.
    """
    group: Label | None = None
    group_start = -1
    for index in range(max(len(upper), len(lower))):
        own, above = _cell(lower, index), _cell(upper, index)
        if above is not None:
            group, group_start = above, index
        elif own is None:
            group = None
        typed = own
        if (
            own is not None
            and own.field is None
            and group is not None
            and not _plan_part(catalogue, group, own)
        ):
            joins = [own.text + group.text, group.text + own.text]
            if _is_money_group(catalogue, group):
                joins += [own.text + word for word in _MONEY_GROUP_WORDS]
            for text in joins:
                joined = read_label(catalogue, text)
                if joined and joined.field:
                    own = joined
                    break
            else:
                if group.field in catalogue.money and _TOTAL_PART.match(_key(own.text)):
                    own = group  # "合计" under "总投资（万元）" is the 总投资 (tryout 4 L18)
                elif (
                    group.field
                    and group.field not in catalogue.money
                    and index == group_start
                    and _under_a_group(upper, lower, index)
                ):
                    own = Label(own.text, group.field)
        label = own or above
        if label is not None:
            row = bottom if own is not None else top
            yield _Stacked(index, label, group if own is not None else None, typed, row)


def _plan_part(catalogue: Catalogue, group: Label, own: Label) -> bool:
    """Whether a cell under a year's figure names a quarter or half of it ("1-3月", "上半年"
    under "年度计划投资"): a part, never joined with the group into a figure of a period
    ("1-3月年度计划投资" is no plan of its own)."""
    periods = catalogue.periods
    by_period = {periods.this_month, periods.year_to_date} if periods else set()
    return (
        group.field in catalogue.money
        and group.field not in by_period
        and planned_part(spell_dates(_key(own.text))) is not None
    )


# A group cell over money columns naming none itself ("投资情况（万元）", "资金（亿元）"): its
# columns may be headed short ("2026年计划", "截至上年底累计"), read as that and the group's word
# (tryout 6 of issue 9, L04/L17, where they were ignored and the plan left unset).
_MONEY_GROUP = re.compile(r"投资|资金|金额")
_MONEY_GROUP_WORDS = ("投资", "完成投资")


def _is_money_group(catalogue: Catalogue, group: Label) -> bool:
    """A group naming no field whose columns are money: by its unit or words, or, in a sheet of
    periods, a group naming only a year ("2025年" over 6月 | 1-6月: that year's month and
    cumulative, tryout 7 of issue 9, Q02)."""
    if group.field is not None:
        return False
    if group.unit_word or _MONEY_GROUP.search(_key(group.text)):
        return True
    return catalogue.periods is not None and year_only(group) is not None


def _fold(
    catalogue: Catalogue, upper: Sequence[Label | None], lower: Sequence[Label | None]
) -> list[Label | None]:
    """Two header rows as one group row for a row below them: each column's lower cell as typed,
    with the unit, year and period of the group over it ("计划投资" under "2025年" under "投资
    情况（万元）" is 2025's, in 万元), else its upper cell; None where a merged cell runs on."""
    folded: list[Label | None] = [None] * max(len(upper), len(lower))
    for column in _stacked(catalogue, upper, lower, 0, 1):
        own, group = column.own, column.group
        if own is None or group is None:
            folded[column.index] = own or column.label
            continue
        folded[column.index] = replace(
            own,
            unit=own.unit if own.unit_word else group.unit,
            unit_word=own.unit_word or group.unit_word,
            year=own.year or group.year,
            months=own.months or group.months,
            last_year=own.last_year or group.last_year,
        )
    return folded


# Under a figure's group cell: the column of its whole ("合计") and those of its parts ("其中：
# 政府投资"), which are not the figure and are not read (tryout 4 L18, P17).
# "全年" over the quarters of a year's plan is the plan (tryout 5 A19).
_TOTAL_PART = re.compile(r"^(?:合计|小计|总计|合计数|总额|小计数|全年|全年合计)$")
_PART = re.compile(r"^其中")
# A figure split by years ("总投资" over 2025年以前 | 2025年 | 2026年以后, tryout 5 A02): no
# column of it is the whole, so the import stops naming the group (issue 9: never a part as
# the whole).
_YEARS_SPAN = re.compile(r"^\d{4}年(?:及)?(?:以前|以后|之前|之后|前|后)$")


def _is_sub_header(
    catalogue: Catalogue, upper: Sequence[Label | None], lower: Sequence[Label | None]
) -> bool:
    """Whether the row below a header row is its second row rather than the first project:
    its labels mostly mean something, or every one of them stands under a merged group cell."""
    filled = [label for label in lower if label]
    if not filled or _dates_under_columns(catalogue, upper, lower):
        return False
    if _years_in_a_project_row(catalogue, upper, lower):
        return False
    known = [
        column.index
        for column in _stacked(catalogue, upper, lower, 0, 1)
        if column.label.field and _cell(lower, column.index)
    ]
    if known and 2 * len(known) >= len(filled):
        return True
    return all(_under_a_group(upper, lower, index) for index, label in enumerate(lower) if label)


def _dates_under_columns(
    catalogue: Catalogue, upper: Sequence[Label | None], lower: Sequence[Label | None]
) -> bool:
    """Whether a date is typed right under a column naming a field that is no figure ("2024-03-01"
    under "开工时间"): the row is a project's, not a second header row (tryout 6 of issue 9,
    L49); a date under a figure's group ("完成投资" over 2025年6月) may still head a column."""
    return any(
        label is not None
        and label.typed_date
        and (above := _cell(upper, index)) is not None
        and above.field is not None
        and above.field not in catalogue.money
        for index, label in enumerate(lower)
    )


def _years_in_a_project_row(
    catalogue: Catalogue, upper: Sequence[Label | None], lower: Sequence[Label | None]
) -> bool:
    """Whether the numbers read as years in `lower` are a project's figures (2025万元 under
    年度计划投资): a year typed as a number heads a column only under a group's cell, in a row
    with no text right under a column naming a field that is no figure (a project's name)."""
    typed = [index for index, label in enumerate(lower) if label and label.typed_year]
    if not typed:
        return False
    if any(not _under_a_group(upper, lower, index) for index in typed):
        return True
    return any(
        label is not None
        and not label.typed_year
        and (above := _cell(upper, index)) is not None
        and above.field is not None
        and above.field not in catalogue.money
        for index, label in enumerate(lower)
    )


def _under_a_group(upper: Sequence[object], lower: Sequence[object], index: int) -> bool:
    """A merged group cell shows its text in its first column and None in the others."""
    if _cell(upper, index) is None:
        return any(_cell(upper, left) is not None for left in range(index))
    return _cell(upper, index + 1) is None and _cell(lower, index + 1) is not None


def _cell(row: Sequence[object], index: int) -> object:
    return row[index] if index < len(row) else None


def _unit_lines(header: Header, rows_above: Sequence[Sequence[object]]) -> dict[str, Decimal]:
    """Where a units line ("单位：亿元") above the header names the sheet's unit: the place as
    a message names it ("第2行「单位：亿元」") → the unit. A unit it cannot convert ("单位：
    万美元") is a fault of `header`."""
    places: dict[str, Decimal] = {}
    for number, row in enumerate(rows_above, start=1):
        for value in row:
            if isinstance(value, str) and "单位" in value:
                word = stated_unit(clean_text(value))
                if why := unit_fault(word.removeprefix("人民币")):
                    header.faults.append((number, None, f"「{parse_line(value)}」：{why}"))
                elif word:
                    places[f"第{number}行「{parse_line(value)}」"] = MONEY_UNITS[
                        word.removeprefix("人民币")
                    ]
    return places


# A note under a table: "注：表中金额单位为亿元", "说明：…" (a colon, so 注塑产业园 is a name).
NOTE_LINE = re.compile(r"^(?:注|备注|说明|附注|填表说明)\d*[:：]")


def note_text(raw: Sequence[object]) -> str | None:
    """The text of a note row (its one cell, starting 注：/说明：), else None."""
    texts = [value for value in raw if value not in (None, "")]
    if len(texts) == 1 and isinstance(texts[0], str) and NOTE_LINE.match(clean_text(texts[0])):
        return texts[0]
    return None


def state_unit(header: Header, place: str, unit: Decimal) -> None:
    """`place` states the sheet's unit: the columns without their own take it; a place stating
    another unit than one before stops the import naming both (issue 9 §3)."""
    for other, stated in header.unit_places.items():
        if stated != unit:
            header.faults.append(
                (
                    None,
                    None,
                    f"金额单位前后不一：{other}写明{UNIT_NAMES[stated]}，{place}写明"
                    f"{UNIT_NAMES[unit]}；请改为一致后再导入",
                )
            )
            return
    header.unit_places[place] = unit
    for index in header.sheet_unit_columns:
        header.units[index] = unit


def read_note_units(header: Header, rows: Sequence[Sequence[object]]) -> None:
    """A note under the table ("注：表中金额单位为亿元") states the sheet's unit; one naming
    columns ("注：总投资单位为亿元，年度计划投资单位为万元") states each column's (tryout 4 L15)."""
    for number in range(header.rows[-1] + 1, len(rows) + 1):
        note = note_text(rows[number - 1])
        if note and "单位" in note and _column_units(header, clean_text(note)):
            continue
        if note is None or "单位" not in note or (unit := unit_of(clean_text(note))) is None:
            if note and (why := unit_fault(stated_unit(clean_text(note)))):
                header.faults.append((number, None, f"「{parse_line(note)}」：{why}"))
            continue
        state_unit(header, f"第{number}行「{parse_line(note)}」", unit)


_CLAUSE_BREAK = re.compile(r"[,;。]")
_CLAUSE_NUMBER = re.compile(r"^\d+[.、]")


def _column_units(header: Header, note: str) -> bool:
    """Give each money column a note's clause names ("总投资单位为亿元") that clause's unit, the
    column's own header word standing first; False when no clause names a column."""
    named = False
    for clause in _CLAUSE_BREAK.split(NOTE_LINE.sub("", note)):
        head, _, rest = _CLAUSE_NUMBER.sub("", clause).partition("单位")
        label = read_label(header.catalogue, head) if head and rest else None
        unit = MONEY_UNITS.get(stated_unit(f"单位{rest}"))
        if label is None or label.field not in header.catalogue.money or unit is None:
            continue
        for index, name in header.columns.items():
            if name == label.field and index in header.sheet_unit_columns:
                header.units[index] = unit
                header.sheet_unit_columns.discard(index)
                named = True
    return named


def find_header(
    catalogue: Catalogue,
    rows: Sequence[Sequence[object]],
    expected: Expected | None = None,
    *,
    hidden_columns: Collection[int] = (),
    least: int = 2,
) -> Header | None:
    """The header among the first rows of a sheet (row 1 first), or None if there is none:
    the first row naming `least` known columns (two; one to say what a sheet whose header
    Guanmo cannot read does name).

    With `expected`, the words of the header and of the title above it are checked against
    the import's year and month (the facts at the end of this module), and the user's mapping
    names columns. Hidden columns are never read.
    """
    expected = expected or Expected()
    mapping = expected.mapping
    all_labels = [_labels(catalogue, row) for row in rows[:HEADER_SEARCH_ROWS]]
    top = next(
        (
            i
            for i, labels in enumerate(all_labels)
            if len(_known(catalogue, labels) | _mapped(catalogue, labels, mapping)) >= least
            or _heads_two_rows(catalogue, labels, all_labels[i + 1 : i + 2])
        ),
        None,
    )
    if top is None:
        return None
    bottom = top
    if top + 1 < len(all_labels) and _is_sub_header(
        catalogue, all_labels[top], all_labels[top + 1]
    ):
        bottom = top + 1
    elif top > 0 and any(
        label and label.field and _cell(rows[top], index) in (None, "")
        for index, label in enumerate(all_labels[top - 1])
    ):
        top -= 1
    upper = all_labels[top]
    # Group rows of any depth (tryout 4 L05, P09): the rows above the last are folded into one
    # upper row, each cell keeping the unit, year and period of the groups over it.
    while bottom > top and bottom + 1 < len(all_labels):
        folded = _fold(catalogue, upper, all_labels[bottom])
        if not _is_sub_header(catalogue, folded, all_labels[bottom + 1]):
            break
        upper, bottom = folded, bottom + 1
    header = _combine(
        catalogue, rows, all_labels, top, bottom, expected, frozenset(hidden_columns), upper
    )
    check_title(header, rows[:top], expected)
    return header


def _heads_two_rows(
    catalogue: Catalogue, upper: Sequence[Label | None], below: Sequence[list[Label | None]]
) -> bool:
    """Whether a row naming one known column heads a two-row header with the row below: "序号 |
    项目名称 | 当月 | 1—7月累计" over "完成投资 | 形象进度 | 完成投资 | …" (a county's commonest
    sheet) names its other columns only in the groups' second row."""
    if not _known(catalogue, upper) or not below or not _is_sub_header(catalogue, upper, below[0]):
        return False
    stacked = {column.label.field for column in _stacked(catalogue, upper, below[0], 0, 1)}
    return len(stacked - {None, catalogue.serial}) >= 2


def _mapped(
    catalogue: Catalogue, labels: Sequence[Label | None], mapping: Mapping[str, StrEnum | None]
) -> set[StrEnum]:
    return {
        found
        for label in labels
        if label and (found := mapping.get(_key(label.text))) and found != catalogue.serial
    }


def _combine(
    catalogue: Catalogue,
    rows: Sequence[Sequence[object]],
    all_labels: list[list[Label | None]],
    top: int,
    bottom: int,
    expected: Expected,
    hidden: frozenset[int],
    upper: list[Label | None],
) -> Header:
    lower = all_labels[bottom] if bottom != top else []
    header = Header(
        rows=tuple(range(top + 1, bottom + 2)), columns={}, units={}, catalogue=catalogue
    )
    unit_places = _unit_lines(header, rows[:top])
    stated_units: dict[int, Decimal | None] = {}
    chosen: dict[StrEnum, tuple[Label, str, str]] = {}  # field → label, shown, cell
    earlier_cumulatives: list[_Earlier] = []
    columns = list(_stacked(catalogue, upper, lower, top, bottom))
    for column in columns:
        typed = column.own.text if column.own else column.label.text
        if (month := _MONTH_COLUMN.match(_key(typed))) and 1 <= int(month.group(1)) <= 12:
            header.month_columns[column.index] = int(month.group(1))
    periods = catalogue.periods
    by_month = bool(
        periods
        and expected.month
        and len(set(header.month_columns.values())) >= MONTH_COLUMNS_LAYOUT
    )
    header.text = HEADER_JOIN.join(_shown(column) for column in columns)
    candidates = _part_candidates(catalogue, columns, expected)
    bare_years = _bare_year_columns(catalogue, columns)
    taken: list[Candidate] = []
    for column in columns:
        label, group = under_group(column.label, column.group), column.group
        typed = column.own.text if column.own else column.label.text
        shown = _shown(column)
        cell = f"{column_letter(column.index)}{column.row + 1}"
        keys = [_key(label.text)]
        if column.own is not None:
            keys += [
                _key(column.own.text),
                _key(shown),
                _key(f"{group.text if group else ''}{column.own.text}"),
            ]
        key = next((key for key in keys if key in expected.mapping), None)
        named = expected.mapping[key] if key is not None else ...
        why = ""
        if key in expected.earlier and (
            unfit := misfit(
                expected.earlier[key],
                sheet_header=header.text,
                period_word=period_named(shown),
                year=expected.year,
                month=expected.month,
            )
        ):
            header.notes.append(misfit_note(shown, key, named, unfit))
            why, named = expected.earlier[key].not_used, ...
        elif named is not ...:
            label = replace(label, field=named)
            why = expected.remembered.get(key) or (USER_NAMED if named else f"{USER_NAMED}忽略")
        else:
            why = next((expected.remembered[key] for key in keys if key in expected.remembered), "")
        reading = ColumnReading(
            column.index,
            shown,
            keys[-1] if len(keys) > 1 else keys[0],
            None,
            why,
            mapped_by=key if named is not ... else "",
        )
        if label.is_units_line:
            if why := unit_fault(label.unit_word):
                header.faults.append(
                    (column.row + 1, None, f"表头单元格{cell}「{label.text}」：{why}")
                )
            else:
                unit_places[f"表头单元格{cell}「{label.text}」"] = label.unit
            continue
        if label.unit and label.field not in catalogue.money and "单位" in label.text:
            # "序号（单位：亿元）": a unit in any header cell's parenthesis is the sheet's.
            unit_places[f"表头单元格{cell}「{label.text}」"] = label.unit
        if by_month and named is ... and column.index in header.month_columns:
            word = label.unit_word or (group.unit_word if group else "")
            if why := unit_fault(word):
                header.faults.append((column.row + 1, shown, f"表头单元格{cell}的{why}"))
            stated_units[column.index] = MONEY_UNITS.get(word)
            if header.month_columns[column.index] != expected.month:
                header.readings.append(replace(reading, why="逐月填报的月份列"))
                continue
            label = replace(label, field=periods.this_month, months=None)
        elif by_month and named is ... and label.field is None and _key(typed) in _MONTH_TOTALS:
            label = replace(label, field=periods.year_to_date)
        if named is ... and column.index in candidates:
            word = label.unit_word or (group.unit_word if group else "")
            if why := unit_fault(word):
                header.faults.append((column.row + 1, shown, f"表头单元格{cell}的{why}"))
            stated_units[column.index] = MONEY_UNITS.get(word)
            taken.append(candidates[column.index])
            if not candidates[column.index].also:  # else read as its own field too, below
                header.readings.append(
                    replace(reading, why=_PART_WHY[candidates[column.index].split])
                )
                continue
        if named is ... and column.index in bare_years:
            label, reading = _bare_year(
                header, label, reading, column.row + 1, bare_years, expected
            )
        if (
            group
            and group.field in catalogue.money
            and column.own
            and named is ...
            and _YEARS_SPAN.match(_key(column.own.text))
        ):
            parts = "、".join(each.own.text for each in columns if each.group is group and each.own)
            fault = (
                f"表头「{group.text}」分为分年度的几列（{parts}），没有总数列，"
                f"无法读取{group.field.value}；请加一列{group.field.value}合计后再导入"
            )
            if not any(each[2] == fault for each in header.faults):
                header.faults.append((column.row + 1, None, fault))
            header.readings.append(replace(reading, why="分年度的部分"))
            continue
        if (
            label.field is None
            and group
            and group.field
            and column.own
            and named is ...
            and _PART.match(_key(column.own.text))
        ):
            why = f"是其中项（「{group.field.value}」的一部分）"
            header.notes.append(f"「{shown}」{why}，未读取")
            header.readings.append(replace(reading, why=why))
            continue
        if label.field is None:
            if named is ...:
                header.unknown.append(label.text)
            header.readings.append(reading)
            continue
        if column.index in hidden:
            header.notes.append(f"「{shown}」所在的{column_letter(column.index)}列为隐藏列，未读取")
            header.readings.append(replace(reading, why="隐藏列"))
            continue
        if named is ... and (past := _earlier_cumulative(catalogue, label, group, expected)):
            word = past.unit_word or (group.unit_word if group else "")
            earlier_cumulatives.append(_Earlier(past, shown, column.row + 1, column.index, word))
            header.readings.append(replace(reading, why="此前时期的累计"))
            continue
        reason = set_aside(catalogue, label, expected) if named is ... else ""
        if reason:
            header.notes.append(f"「{shown}」{reason}，未读取")
            header.readings.append(replace(reading, why=reason))
            continue
        if label.field in header.fields:
            earlier = next(i for i, each in header.columns.items() if each == label.field)
            first, first_shown, first_cell = chosen[label.field]
            if not prefer(label, first, expected):
                if not prefer(first, label, expected):
                    header.faults.append(
                        (
                            column.row + 1,
                            None,
                            f"「{first_shown}」（{first_cell}）和「{shown}」（{cell}）都是"
                            f"{label.field.value}，表头没有写明哪一列是本次导入的数，无法判断"
                            "读哪一列；请删去或注明其中一列后再导入",
                        )
                    )
                header.repeated.append(label.text)
                header.readings.append(replace(reading, why="重复的列，只读第一列"))
                continue
            header.repeated.append(first.text)
            del header.columns[earlier]
            stated_units.pop(earlier, None)
            header.readings = [
                replace(each, field=None, why=f"另有写明{expected.year}年的列")
                if each.index == earlier
                else each
                for each in header.readings
            ]
        label = _group_period(catalogue, label, group)
        chosen[label.field] = label, shown, cell
        header.columns[column.index] = label.field
        header.readings.append(replace(reading, field=label.field))
        if label.field in catalogue.money and column.index not in stated_units:
            word = label.unit_word or (group.unit_word if group else "")
            if why := unit_fault(word):
                header.faults.append((column.row + 1, shown, f"表头单元格{cell}的{why}"))
            stated_units[column.index] = MONEY_UNITS.get(word)
        header.faults += period_faults(catalogue, label, shown, column.row + 1, expected)
    _settle_parts(header, taken, columns, expected, hidden)
    _set_aside_earlier(catalogue, header, earlier_cumulatives, expected, chosen, stated_units)
    if by_month:
        header.report_month = expected.month
        if expected.month not in header.month_columns.values():
            header.faults.append(
                (
                    header.rows[0],
                    None,
                    f"这是逐月填报的表（每月一列），但表头中没有{expected.month}月的列，"
                    f"无法读取{expected.month}月完成投资；请核对导入的月份",
                )
            )
    # A units line may stand beside the header too, so the sheet's unit is settled last.
    header.units = {index: unit or Decimal(1) for index, unit in stated_units.items()}
    header.sheet_unit_columns = {index for index, unit in stated_units.items() if unit is None}
    for place, unit in unit_places.items():
        state_unit(header, place, unit)
    header.faults += _error_cells(rows, top, bottom, hidden)
    return header


def _shown(column: _Stacked) -> str:
    """A column's header text as the column map shows it: "计划投资" under its group
    "2025年" is "2025年／计划投资"."""
    label = under_group(column.label, column.group)
    return f"{column.group.text}／{column.own.text}" if column.group and column.own else label.text


_PART_WHY = {
    YEARS: "分年度的部分，相加得出总数",
    QUARTERS: "分季度的部分，与全年核对或相加",
    HALVES: "分半年的部分，与全年核对或相加",
    COMPLETED_QUARTERS: "分季度的完成投资，相加得出累计",
}


def _bare_year_columns(catalogue: Catalogue, columns: Sequence[_Stacked]) -> dict[int, str]:
    """The columns headed by a year alone and standing under no group ("2025年（万元）"), by
    index → header text, when the catalogue has a plan for them to be and no column names the
    plan: such a column is the year's plan (tryout 7 of issue 9, L29), unless there are several
    (2024年 | 2025年 | 2026年 may as well split the total by year)."""
    if catalogue.planned is None or any(
        column.label.field == catalogue.planned for column in columns
    ):
        return {}
    return {
        column.index: column.label.text
        for column in columns
        if column.group is None and year_only(column.label)
    }


def year_named(text: str) -> int | None:
    """The year a header text names first ("2025年（万元）" → 2025), else None."""
    match = _YEAR_PREFIX.match(spell_dates(_key(text)))
    return int(match.group(1)) if match else None


def _bare_year(
    header: Header,
    label: Label,
    reading: ColumnReading,
    row: int,
    bare_years: Mapping[int, str],
    expected: Expected,
) -> tuple[Label, ColumnReading]:
    """A column headed by a year alone (`_bare_year_columns`): read as the year's plan with a
    note when it is the only one, the plan's fault naming its cell when it stands among others
    (whether they are the years' plans or the total's years is not known). Returns the label
    to read it by and its reading (`row`: its Excel row); a plan of another year is set aside
    as such, below."""
    planned = header.catalogue.planned
    if len(bare_years) > 1:
        named = [index for index, text in bare_years.items() if year_named(text) == expected.year]
        if reading.index != (named or list(bare_years))[0]:  # one fault, on the import's year
            return label, replace(reading, why="只写年份，无法判断")
        others = "、".join(
            f"「{text}」" for index, text in bare_years.items() if index != reading.index
        )
        year = expected.year or label.year
        header.part_faults.append(
            (
                planned,
                (
                    row,
                    reading.text,
                    f"表头单元格{column_letter(reading.index)}{row}「{reading.text}」只写年份，表中另有{others}列，无法判断是各年的"
                    f"{planned.value}还是总投资分年度的部分；如是计划投资，请将表头改为「{year}年"
                    f"计划投资」，如是总投资的分年度部分，请将这几列合并在「总投资」表头之下后再导入",
                ),
            )
        )
        return label, replace(reading, why="只写年份，无法判断")
    if expected.year and label.year != expected.year:
        return replace(label, field=planned), reading  # set aside as another year's plan
    why = f"只写年份，按{planned.value}读取"
    header.part_notes.append(
        (planned, f"「{reading.text}」只写年份，按{label.year}年计划投资（{planned.value}）读取")
    )
    return replace(label, field=planned), replace(reading, why=why)


def _part_candidates(
    catalogue: Catalogue, columns: Sequence[_Stacked], expected: Expected
) -> dict[int, Candidate]:
    """The columns that may be parts of a figure (guanmo.sheets.parts), by index: the years
    under a lifetime figure's group (总投资 over 2024年 | 2025年), the quarters or halves under a
    year's figure (2025年计划投资 over 一季度 | … or 1-3月 | …, 上半年 | 下半年), quarters or
    halves of the plan in columns of their own (一季度 | 二季度 beside 年度计划投资), and in a
    month's import the quarters of completed investment (一季度完成 | 二季度完成), two quarters
    at least (one is an earlier period's column, as 一季度完成 beside 7月完成 is)."""
    periods = catalogue.periods
    by_period = {periods.this_month, periods.year_to_date} if periods else set()
    found: dict[int, Candidate] = {}
    for column in columns:
        group, own = column.group, column.own
        if group and set_aside(catalogue, group, expected):
            continue  # parts of another year's figure (2024年计划投资 over its quarters)
        typed = (own or column.label).text
        key = spell_dates(_key(typed))
        row = column.row + 1
        place = {"group": id(group), "group_text": group.text} if group else {}
        # A part's cell names no field of its own and stands under its figure's group; one
        # naming a year and a figure ("2025年计划投资" under 总投资) is that figure and the
        # year's part of the total too (tryout 7 of issue 9).
        owner = group.field if group and own and own.field is None else None
        if owner in catalogue.lifetime and YEAR_PART.match(key):
            found[column.index] = Candidate(column.index, typed, row, YEARS, field=owner, **place)
        elif (
            group
            and group.field in catalogue.lifetime
            and own
            and own.year
            and own.field in catalogue.money - {group.field}
        ):
            found[column.index] = Candidate(
                column.index, typed, row, YEARS, field=group.field, also=own.field, **place
            )
        elif owner in catalogue.money and owner not in by_period and (part := planned_part(key)):
            split, number = part
            found[column.index] = Candidate(
                column.index, typed, row, split, field=owner, quarter=number, **place
            )
        elif (
            periods
            and expected.month
            and (group is None or group.field is None or group.field in by_period)
            and (quarter := completed_quarter(key, _key(group.text) if group else ""))
        ):
            found[column.index] = Candidate(
                column.index,
                typed,
                row,
                COMPLETED_QUARTERS,
                field=periods.year_to_date,
                quarter=quarter,
                **place,
            )
        elif (
            group is None
            and catalogue.planned
            and column.label.field is None
            and (part := planned_part(key, by_months=False))
            and part[0] == QUARTERS  # a bare 上半年 is a progress sheet's 1—6月 as much
        ):
            split, number = part
            found[column.index] = Candidate(
                column.index, typed, row, split, field=catalogue.planned, quarter=number
            )
    completed = {each.quarter for each in found.values() if each.split == COMPLETED_QUARTERS}
    if len(completed) < 2:
        found = {i: each for i, each in found.items() if each.split != COMPLETED_QUARTERS}
    # A figure's column among no years of the total is no year part: "合计 | 2025年计划投资"
    years = {each.group for each in found.values() if each.split == YEARS and not each.also}
    return {
        index: each
        for index, each in found.items()
        if not (each.split == YEARS and each.also and each.group not in years)
    }


def _settle_parts(
    header: Header,
    taken: list[Candidate],
    columns: Sequence[_Stacked],
    expected: Expected,
    hidden: frozenset[int],
) -> None:
    """Make the header's split figures of the part columns taken (guanmo.sheets.parts)."""
    if not taken:
        return
    members: dict[int, list[tuple[int, str]]] = {}
    for column in columns:
        if column.group is not None and column.own is not None:
            members.setdefault(id(column.group), []).append((column.index, column.own.text))
    periods = header.catalogue.periods
    settled = settle(
        taken,
        members,
        header.columns,
        {reading.index: reading.text for reading in header.readings},
        hidden=hidden,
        month=expected.month,
        year_to_date=periods.year_to_date if periods else None,
    )
    header.parts = settled.parts
    header.part_faults += settled.faults
    header.part_notes += settled.notes
    header.readings = [
        replace(reading, why=settled.why[reading.index])
        if reading.index in settled.why
        else reading
        for reading in header.readings
    ]


def monthly_fault(header: Header) -> str:
    """Why a month-by-month sheet ("1月 | 2月 | … | 12月", a column per month's investment)
    cannot be read as one month's progress ("" when it is no such sheet, or is read for the
    import's month, `Header.report_month`): without a month, reading one of its months would
    drop the others."""
    if header.report_month or len(set(header.month_columns.values())) < MONTH_COLUMNS_LAYOUT:
        return ""
    indexes = sorted(header.month_columns)
    cells = f"{column_letter(indexes[0])}—{column_letter(indexes[-1])}列"
    return (
        f"这是逐月填报的表（1月…12月），{cells}每列是一个月的完成投资；月度进度按"
        "「本月完成投资」和「1—M月累计完成投资」两列导入，请改为这两列（累计为1月至本月之和）"
        "后再导入"
    )


def _error_cells(
    rows: Sequence[Sequence[object]], top: int, bottom: int, hidden: frozenset[int]
) -> list[tuple[int | None, str | None, str]]:
    """A header cell holding an error value (#REF!) hides what its column is: a fault naming
    the cell, never a column passed over as unknown (issue 9 §5)."""
    faults: list[tuple[int | None, str | None, str]] = []
    for number in range(top, bottom + 1):
        for index, value in enumerate(rows[number]):
            if index in hidden or not isinstance(value, str) or value.strip() not in ERROR_VALUES:
                continue
            cell = f"{column_letter(index)}{number + 1}"
            faults.append(
                (
                    number + 1,
                    None,
                    f"表头单元格{cell}是错误值 {value.strip()}，无法知道这一列是什么；"
                    "请改正表头后再导入",
                )
            )
    return faults


# Facts a header or title states, checked against the import (issue 9 §3).

_TITLE_RANGE = re.compile(rf"(?<!\d)(\d{{1,2}})月?份?(?:[{DASHES}]+|至|到)(\d{{1,2}})月")
_TITLE_MONTH = re.compile(r"(?<!\d)(\d{1,2})月")
_TITLE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年(?!底|末)")
_NOT_A_TITLE = ("日期", "填报", "制表", "报送", "打印", "单位")
# A quarter in a title is the year to its last month: "第二季度" reports 1—6月.
_QUARTER = re.compile(r"第?([1-4一二三四])季度")
_QUARTER_NUMBERS = {"1": 1, "2": 2, "3": 3, "4": 4, "一": 1, "二": 2, "三": 3, "四": 4}
# A sheet or file named by year and month: 2025.06, 2025-06, 2025_6, 202506.
_YEAR_MONTH = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:[.\-/_](0?[1-9]|1[0-2])|(0[1-9]|1[0-2]))(?!\d)")


def _spell_year_month(text: str) -> str:
    """ "2025.06" → "2025年6月": a name written as year and month, as a title would say it."""
    return _YEAR_MONTH.sub(
        lambda match: f"{match.group(1)}年{int(match.group(2) or match.group(3))}月", text
    )


def column_letter(index: int) -> str:
    """Excel's letter of a 0-based column index: 0 → A."""
    return get_column_letter(index + 1)


def months_text(months: tuple[int, int]) -> str:
    """(1, 6) → "1-6月", (6, 6) → "6月"."""
    first, last = months
    return f"{last}月" if first == last else f"{first}-{last}月"


def set_aside(catalogue: Catalogue, label: Label, expected: Expected) -> str:
    """Why a money column naming another year is not read ("" when it is read): "2024年计划
    投资" is not 2025's plan, "至2023年底累计" is not the figure before 2025."""
    year = expected.year
    year_end = catalogue.periods.year_end if catalogue.periods else None
    if label.last_year and label.field in catalogue.money and label.field != year_end:
        return f"写明{label.last_year}，不是{year or '本'}年的数"
    if not (label.year and year and label.field in catalogue.money):
        return ""
    if catalogue.periods and label.field == catalogue.periods.year_end:
        return "" if label.year == year - 1 else f"写明{label.year}年底，不是{year - 1}年底的数"
    return "" if label.year == year else f"写明{label.year}年，不是{year}年的数"


def prefer(label: Label, chosen: Label, expected: Expected) -> bool:
    """Of two columns for one field, `label` is read rather than `chosen` only when it alone
    names the import's year; when neither does, nothing tells them apart."""
    return bool(expected.year) and label.year == expected.year != chosen.year


def _group_period(catalogue: Catalogue, label: Label, group: Label | None) -> Label:
    """A month or cumulative column under a group naming a period ("2025年1—6月") has the
    group's period: the year's to date its range (from 1月 under one month: "7月" over
    "累计完成投资" is 1—7月), the month its last month."""
    periods = catalogue.periods
    if not (periods and group and group.months) or label.months:
        return label
    first, last = group.months
    if label.field == periods.year_to_date:
        return replace(label, months=(1 if first == last else first, last))
    if label.field == periods.this_month:
        return replace(label, months=(group.months[1], group.months[1]))
    return label


def _earlier_cumulative(
    catalogue: Catalogue, label: Label, group: Label | None, expected: Expected
) -> Label | None:
    """A year's cumulative column naming an earlier period of the year (一至五月累计 in June's
    import), with its period; None for any other column."""
    periods = catalogue.periods
    if not (periods and expected.month) or label.field != periods.year_to_date:
        return None
    if label.year and expected.year and label.year != expected.year:
        return None  # another year's (set aside as such), never this year's month before
    label = _group_period(catalogue, label, group)
    if not label.months or label.months[0] != 1 or label.months[1] >= expected.month:
        return None
    return label


@dataclass(frozen=True)
class _Earlier:
    """A cumulative column naming an earlier period of the year than the import's."""

    label: Label
    shown: str
    row: int  # Excel's row number of its header cell
    index: int
    unit_word: str


def _set_aside_earlier(
    catalogue: Catalogue,
    header: Header,
    earlier: list[_Earlier],
    expected: Expected,
    chosen: Mapping[StrEnum, tuple[Label, str, str]],
    stated_units: dict[int, Decimal | None],
) -> None:
    """An earlier period's cumulative is another period's column (issue 9 §3, tryout 3). The
    month before's (1—5月累计 in June's import) beside the import's own cumulative, or beside a
    month column naming the import's month (6月完成), is the catalogue's previous cumulative,
    read to check the month's figures (fresh-eyes tryout fault 5). Any other beside the own
    cumulative, or beside a month column naming the import's month (一季度完成 beside 9月完成:
    the sheet is September's; tryout 4 P16), is left out with a note; alone, it stops the
    import as any other period's column does (a May sheet imported as June would add May's
    month to May's cumulative)."""
    periods = catalogue.periods
    if periods is None or expected.month is None:
        return
    this_month = chosen.get(periods.this_month)
    month_named = this_month is not None and this_month[0].months == (expected.month,) * 2
    has_own = periods.year_to_date in header.fields
    for each in earlier:
        label, shown = each.label, each.shown
        if (
            periods.previous
            and periods.previous not in header.fields
            and label.months == (1, expected.month - 1)
            and (has_own or month_named)
        ):
            header.columns[each.index] = periods.previous
            stated_units[each.index] = MONEY_UNITS.get(each.unit_word)
            header.readings = [
                replace(reading, field=periods.previous, why="")
                if reading.index == each.index
                else reading
                for reading in header.readings
            ]
            continue
        if not has_own and not month_named:
            header.faults += period_faults(catalogue, label, shown, each.row, expected)
            continue
        header.notes.append(
            f"「{shown}」写明{months_text(label.months)}，是此前时期的累计，"
            f"不是{months_text((1, expected.month))}的数，未读取"
        )


def period_faults(
    catalogue: Catalogue, label: Label, shown: str, row: int, expected: Expected
) -> list[tuple[int | None, str | None, str]]:
    """A month or cumulative column naming a period that is not the import's month."""
    month, periods = expected.month, catalogue.periods
    if not (month and periods and label.months):
        return []
    if label.field not in (periods.this_month, periods.year_to_date):
        return []
    wanted = (month, month) if label.field == periods.this_month else (1, month)
    if label.months == wanted:
        return []
    message = f"表头写明{months_text(label.months)}，与导入的{months_text(wanted)}不符"
    return [(row, shown, message)]


def check_title(header: Header, rows_above: Sequence[Sequence[object]], expected: Expected) -> None:
    """A title naming another year, or (for a month's import) another month, stops the import:
    "2025年1-6月重点项目进展" is not July's sheet."""
    for number, row in enumerate(rows_above, start=1):
        # A date beside 填报日期 is when the sheet was filed, not its period.
        filed = any(isinstance(v, str) and any(w in v for w in _NOT_A_TITLE) for v in row)
        for value in row if filed else map(period_text, row):
            if not isinstance(value, str) or any(word in value for word in _NOT_A_TITLE):
                continue
            text = clean_text(value)
            why, note = _title_check(text, expected)
            if why:
                header.faults.append((number, None, f"标题「{parse_line(value)}」{why}"))
            elif note:
                header.notes.append(f"标题「{parse_line(value)}」{note}")


def check_sheet_name(header: Header, name: str, expected: Expected) -> None:
    """A sheet name naming another period or year stops the import as a title does: a sheet
    named "1-6月" is not July's."""
    why, note = _title_check(_spell_year_month(clean_text(name)), expected)
    if why:
        header.faults.append((None, None, f"工作表名「{name}」{why}"))
    elif note:
        header.notes.append(f"工作表名「{name}」{note}")


def file_name_check(name: str, expected: Expected) -> tuple[str, str]:
    """Why a file's name ("6月进度.xlsx") contradicts the import's year or month ("" when it
    does not), and what the report says of a name writing an earlier cumulative beside the
    month ("1-5月及6月.xlsx"): the file name is one more place a period is written (issue 9
    §3), and of two periods in it neither is picked silently."""
    stem = name.rsplit(".", 1)[0] if "." in name else name
    why, note = _title_check(_spell_year_month(clean_text(stem)), expected)
    return (f"文件名「{name}」{why}" if why else "", f"文件名「{name}」{note}" if note else "")


def _title_check(text: str, expected: Expected) -> tuple[str, str]:
    """Why a title, sheet or file name contradicts the import's year or month, and a note when
    it names more than the month but nothing against it (("", "") when neither)."""
    text = spell_period(_spell_year_month(spell_dates(text)))
    text = _QUARTER.sub(lambda match: f"1-{3 * _QUARTER_NUMBERS[match.group(1)]}月", text)
    years = list(dict.fromkeys(int(year) for year in _TITLE_YEAR.findall(text)))
    years_note = ""
    if expected.year and years and expected.year not in years:
        named_years = "、".join(f"{year}年" for year in years)
        return f"写明{named_years}，与导入的{expected.year}年不符", ""
    if expected.year and len(years) > 1:  # "2025年…（含2024年结转项目）": another year, said
        named_years = "、".join(f"{year}年" for year in years)
        years_note = f"写有{named_years}：按本次导入的{expected.year}年读取"
    month = expected.month
    spans = _months_named(text)
    if not month or not spans:
        return "", years_note
    named = "、".join(months_text(span) for span in spans)
    agreeing = [span for span in spans if span in {(1, month), (month, month)}]
    if not agreeing:
        if len(spans) > 1:
            return f"写明{named}，与导入的{month}月不符", ""
        first, last = spans[0]
        wanted = (month, month) if first == last else (1, month)
        return f"写明{months_text(spans[0])}，与导入的{months_text(wanted)}不符", ""
    others = [span for span in spans if span not in agreeing]
    if not others:
        return "", years_note
    if all(first == 1 < last < month for first, last in others):
        earlier = "、".join(months_text(span) for span in others)
        return "", f"写有{named}：按本次导入的{month}月读取，{earlier}是此前时期的累计"
    return (
        f"写有{named}两个时期，无法确定是哪个时期的表（本次导入{month}月）；"
        "请核对后改为只写一个时期再导入"
    ), ""


def _months_named(text: str) -> list[tuple[int, int]]:
    """The periods a text names, in the order written: ranges ("1-5月" → (1, 5)) and single
    months outside them ("6月" → (6, 6)), each once."""
    found = [
        (match.start(), (int(match[1]), int(match[2]))) for match in _TITLE_RANGE.finditer(text)
    ]
    rest = _TITLE_RANGE.sub(lambda match: " " * len(match[0]), text)
    found += [
        (match.start(), (int(match[1]), int(match[1]))) for match in _TITLE_MONTH.finditer(rest)
    ]
    return list(dict.fromkeys(span for _, span in sorted(found)))
