"""The unit a sheet states outside its header: in its title ("…（单位：万元）"), or in a line of
its own ("单位：亿元", "金额单位：万元", "计量单位：万元", the mixed "单位：亿元、%", "单位：个、
万元"), or in a note ("注：表中单位为亿元"); the money unit among them (`money_word`).

Every reader asks here: the ledger's `read_workbook` (guanmo.sheets.header_facts), the
indicators, targets and travel readers (issue 9, tryout 8: I03/I04/I04b/T05, a title's 万元 read
as 亿元 made 98.7亿元 987000亿元). What a unit word means (万元 into 亿元, 小时 into minutes) is
the reader's to say; a word it cannot use is refused by the reader, naming the line
(`StatedUnit.place`).
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass

from guanmo.sheets.cells import MONEY_UNITS, parse_line

# 单位 where it states a unit: at a line's start, after a bracket or separator, or in
# 金额单位/计量单位/数量单位/面积单位/价格单位 — not 填报单位 or 单位名称 (an organisation).
# Also 表中/本表/表内单位为… ("注：表中单位为亿元"; not 责任单位为…). A statement ends at the
# next one ("面积单位：亩；金额单位：亿元").
_KINDS = "(?:金额|计量|数量|面积|价格|货币|时间)"
_STATED = re.compile(
    rf"(?:(?:^|(?<=[(（\s,，;；:：、。])|{_KINDS})单位(?:为|是)?|(?<=[表中内])单位(?:为|是))"
    rf"\s*[:：]?\s*(?:人民币)?((?:(?!{_KINDS}?单位)[^()（）。])*)"
)
_SEPARATORS = re.compile(r"[、,，;；\s]+")
_PERCENT = frozenset({"%", "％", "百分比", "百分点"})
_NOT_A_UNIT = re.compile(r"[\d为是的名称]")
_LONGEST_WORD = 5


@dataclass(frozen=True)
class StatedUnit:
    """A line stating units: its Excel row, its text on one line, the unit words it states in
    order ("单位：亿元、%" → ("亿元",): a percent sign says only that growths are in %)."""

    row: int
    text: str
    words: tuple[str, ...]

    @property
    def money(self) -> str:
        """The money unit word the line states (`money_word`), "" for none."""
        return next((word for word in self.words if is_money_word(word)), "")

    @property
    def place(self) -> str:
        """How a message names it: 第1行「…（单位：万元）」."""
        return f"第{self.row}行「{self.text}」"


def unit_words(text: str) -> tuple[str, ...]:
    """The unit words `text` states after 单位 ("金额单位：万元" → ("万元",)); () for none."""
    words: list[str] = []
    for match in _STATED.finditer(text):
        for part in _SEPARATORS.split(match.group(1)):
            if not part or part in _PERCENT:
                continue
            if len(part) > _LONGEST_WORD or _NOT_A_UNIT.search(part):
                break  # "单位：亿元，增速为%": the statement has ended
            words.append(part)
    return tuple(dict.fromkeys(words))


def is_money_word(word: str) -> bool:
    """Whether a stated unit word is a money unit: one Guanmo converts (MONEY_UNITS: 亿元, 万, 千元)
    or any other 元 (万美元, refused by the reader) — not 万人, 个, 亩."""
    return word in MONEY_UNITS or word.endswith("元")


def money_word(text: str) -> str:
    """The money unit word `text` states after 单位 ("单位：个、亿元" → "亿元", "金额单位：万元" →
    "万元", "单位：万美元" → "万美元" for the reader to refuse); "" for none ("单位：万人",
    "填报单位：万达集团")."""
    return next((word for word in unit_words(text) if is_money_word(word)), "")


_BRACKETED = re.compile(r"[(（]([^()（）]*)[)）]")


def without_stated_units(text: str) -> str:
    """`text` (a title, the lines above a header joined by spaces) as a message quotes it,
    without what states its units: "温县台账（计量单位：亿元）" → "温县台账", "温县台账
    单位：个、万元" → "温县台账"."""
    text = _BRACKETED.sub(lambda match: "" if unit_words(match.group(1)) else match.group(0), text)
    for match in _STATED.finditer(text):
        if unit_words(match.group(0)):  # from 单位 (金额单位, 计量单位: the whole word) on
            return text[: match.start()].strip()
    return text.strip()


def stated_units(rows: Sequence[Sequence[object]], first_row: int = 1) -> list[StatedUnit]:
    """Every line of `rows` (the rows above a header; the first is Excel row `first_row`)
    stating a unit, in order, with the words it states."""
    found = []
    for number, row in enumerate(rows, start=first_row):
        for value in row:
            if isinstance(value, str) and "单位" in value:
                text = parse_line(value)
                if words := unit_words(text):
                    found.append(StatedUnit(number, text, words))
    return found
