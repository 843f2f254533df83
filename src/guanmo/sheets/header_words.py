"""The words of a header: what one header cell says (its field, unit, year and period), by a
domain's `Catalogue` of columns and the words offices head them with.

Years and months are read as offices write them (二〇二四年, 24年, 一至五月, 上半年); a unit after
a column's name (（万元）, /亿元) is set aside as the column's unit. A user may name columns
(`parse_mapping`). Finding where a header stands is guanmo.sheets.header's.
"""

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from functools import cached_property
from typing import TypeVar

from openpyxl.utils import get_column_letter

from guanmo.regions.names import clean_text
from guanmo.sheets.cells import (
    DASHES,
    MONEY_UNITS,
    parse_line,
)
from guanmo.sheets.measures import split_unit
from guanmo.sheets.stated_units import money_word

_BRACKETS = str.maketrans("[]【】〔〕", "()()()")
# A unit after a column's name: "总投资（千元）", "(单位:万美元)", "总投资亿元", "总投资/亿元"
# (issue 9 §3, tryout 2 LU).
_UNIT = re.compile(
    r"\((?:金额)?(?:单位[:]?)?(?:人民币)?([^()]{0,4}?元|亿|万|百万)\)|/?(亿元|万元|千元|百万元)$"
)
# A unit a line states: "单位：万元", "金额单位为亿元", "（单位：万美元）".
_YEAR_PREFIX = re.compile(r"^((?:19|20)\d\d)年度?")
# "至2024年底累计完成投资": the figure at the end of a named year.
_YEAR_END = re.compile(r"^(?:截至|截止|至)?((?:19|20)\d\d)年(?:底|末)")
_MONTH_RANGE = re.compile(
    rf"^(?:截至|截止)?(\d{{1,2}})月?份?(?:[{DASHES}]+|至|到)(\d{{1,2}})月(?:份|底|末)?"
    rf"|^(?:截至|截止)(\d{{1,2}})月(?:份|底|末)?|\((\d{{1,2}})[{DASHES}](\d{{1,2}})月\)$"
)
_ONE_MONTH = re.compile(r"^(\d{1,2})月份?")
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
    return bool(_YEAR_STATED.search(spell_period(spell_year_month(spell_dates(_key(text))))))


_PERIOD_NAMED = re.compile(
    rf"(?:19|20)\d\d年(?:底|末)?|(?<!\d)\d{{1,2}}(?:[{DASHES}至到]\d{{1,2}})?月份?|季度|上年|去年"
)


def period_named(text: str) -> str:
    """The period a header names, as written in digits ("6月", "1-6月", "2025年", "上年"), or
    "" when it names none (本月, 当月 and 本年累计 are the import's own period)."""
    found = _PERIOD_NAMED.search(spell_period(spell_year_month(spell_dates(_key(text)))))
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
    # figures that are not money, by the unit they are stored in ("亩", "人"): a unit the sheet
    # states for them is converted exactly or refused (guanmo.sheets.measures)
    measures: Mapping[StrEnum, str] = field(default_factory=dict)
    measure_places: Mapping[StrEnum, int] = field(default_factory=dict)  # decimals kept
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

    def named(text: str, name: str) -> StrEnum:
        found = field_named(catalogue, name)
        if found is None:
            known = "、".join(catalogue.by_label)
            raise ValueError(f"「{text}」中的“{name}”不是可导入的字段；可用：{known}、{IGNORE}")
        return found

    return parse_pairs(texts, named, form="“Excel列名=字段”，如“区域=所在县区”")


_Named = TypeVar("_Named")


def parse_pairs(
    texts: Sequence[str], named: Callable[[str, str], _Named], *, form: str
) -> dict[str, _Named | str | None]:
    """`--map '表头=…'` options → header key (`column_key`) → what `named(text, right side)`
    makes of the right side (raising ValueError saying why not); 忽略 gives None and 按系统识别
    FORGET. `form` says how an option is written, for the message of one without “=”. Shared
    by the ledger's imports (表头=字段) and import-indicators (表头=指标名称:度量)."""
    mapping: dict[str, _Named | str | None] = {}
    for text in texts:
        header, sep, name = text.rpartition("=")
        if not sep or not header.strip() or not name.strip():
            raise ValueError(f"「{text}」应写成{form}")
        if name.strip() == IGNORE:
            mapping[_key(header)] = None
        elif name.strip() == FORGET:
            mapping[_key(header)] = FORGET
        else:
            mapping[_key(header)] = named(text, name.strip())
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
    measure_word: str = ""  # a non-money unit after a measured column's name ("万人")


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


def unit_of(text: str) -> Decimal | None:
    """The multiplier into 万元 a units line states (MONEY_UNITS): 亿元 10000, 千元 0.1; None for
    none or for a unit word Guanmo cannot convert (`stated_units.money_word` gives the word)."""
    return MONEY_UNITS.get(money_word(text))


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
    if key.startswith(("单位", "金额单位")) and (word := money_word(key)):
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
    if found is None and periods and key not in periods.words:
        found = _short_form(catalogue, key)
    measure_word = ""
    if catalogue.measures:
        name, measure_word = split_unit(key)
        if found is None and catalogue.by_key.get(name) in catalogue.measures:
            found = catalogue.by_key[name]
        if found not in catalogue.measures:
            measure_word = ""
    if found is None and periods and key in periods.words:
        if months and months[0] == months[1] and key != "累计":
            found = periods.this_month
        elif months or year:
            found = periods.year_to_date
    return Label(
        parse_line(value),
        found,
        unit,
        word,
        year=year,
        months=months,
        last_year=last_year,
        measure_word=measure_word,
    )


def _short_form(catalogue: Catalogue, key: str) -> StrEnum | None:
    """The field a cumulative's header names without its last words, as offices shorten them:
    截至上月累计完成 for 截至上月累计完成投资, 开工以来累计 for 开工以来累计完成投资 (tryout 14
    P10b). Only a header saying 累计, of a catalogue with periods (the ledger's), is read so:
    "计划" is no short 计划投资, and a land sheet's bare "累计" no 累计投资."""
    if "累计" not in key:
        return None
    for rest in ("投资", "完成投资"):
        if found := catalogue.by_key.get(_key(key + rest)):
            return found
    return None


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


def period_text(value: object) -> object:
    """A date typed as a header or title cell (2025-06-01 shown 2025年6月) as the period it
    names, "2025年6月", read as the text would be (tryout 4 P07c); any other value as it is."""
    if isinstance(value, datetime):
        return f"{value.year}年{value.month}月"
    return value


def year_named(text: str) -> int | None:
    """The year a header text names first ("2025年（万元）" → 2025), else None."""
    match = _YEAR_PREFIX.match(spell_dates(_key(text)))
    return int(match.group(1)) if match else None


# A sheet or file named by year and month: 2025.06, 2025-06, 2025_6, 202506.
_YEAR_MONTH = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:[.\-/_](0?[1-9]|1[0-2])|(0[1-9]|1[0-2]))(?!\d)")


def spell_year_month(text: str) -> str:
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
