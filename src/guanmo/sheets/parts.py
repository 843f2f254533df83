"""A figure a sheet splits into columns, read as the sum of its parts or checked against them.

Offices split a figure under a merged group cell, or in columns of their own (issue 9):

- 总投资 over 2024年 | 2025年 | 2026年 (or 2025年以前 | 2025年 | 2026年以后): a project's total is
  all its years, so it is their sum; the 2025年 part is neither the total nor the year's plan;
- 2025年计划投资 over 全年 | 一季度 | 二季度 | 三季度 | 四季度: 全年 is the plan, checked against
  the four quarters when each is filled; quarters written as months (1-3月 | … | 10-12月) or
  halves (上半年 | 下半年) are read alike, and so are quarters in columns of their own beside
  (or without) the plan's column (tryout 7 of issue 9);
- 一季度完成 | 二季度完成 | 三季度完成 in September's progress sheet: the year's cumulative to
  September is their sum, when the quarters run exactly to the import's month.

Without a column of the whole, the figure is the parts' sum (a blank part counts 0, said in the
report; every part blank, the figure is blank); with one (合计, 全年, the sheet's own 1—9月累计),
that column is the figure and a row whose filled parts do not add up to it is a fault naming
the row. A part that cannot be read is a fault naming its cell, never passed over; a column of
a period after the import's (四季度 in September) must be blank.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from openpyxl.utils import get_column_letter

from guanmo.sheets import cells

# What a figure is split by: its years (总投资), the quarters or halves of a year's plan, or the
# quarters of completed investment; and how many parts make a whole year, by split.
YEARS, QUARTERS, HALVES, COMPLETED_QUARTERS = "年度", "季度", "半年", "完成季度"
_WHOLE_YEAR = {QUARTERS: [1, 2, 3, 4], HALVES: [1, 2]}

# Under a figure over a project's whole life (总投资): one of its years, "2025年", "2024年度",
# "2024", "2025年以前", "2026年及以后", "以后年度"; or what it holds in a year, "2025年计划".
YEAR_PART = re.compile(r"^(?:(?:19|20)\d\d年|(?:19|20)\d\d$|(?:以前|以后|往|今后|后续)年度?$)")
# A quarter's column: "一季度", "第二季度", "3季度", "四季度计划", "一季度完成投资".
_QUARTER = re.compile(r"^第?([1-4一二三四])季度(.*)$")
_QUARTER_NUMBERS = {"1": 1, "2": 2, "3": 3, "4": 4, "一": 1, "二": 2, "三": 3, "四": 4}
QUARTER_NAMES = {1: "一季度", 2: "二季度", 3: "三季度", 4: "四季度"}
# What follows a quarter in a column of its plan, and of its completed investment.
_PLANNED = frozenset({"", "计划", "计划投资", "投资", "计划数"})
_COMPLETED = frozenset({"完成", "完成投资", "投资完成", "完成额", "完成投资额", "实际完成"})


def quarter_of(key: str) -> tuple[int, str] | None:
    """(quarter, what follows it) of a column header key: "第二季度完成" → (2, "完成")."""
    match = _QUARTER.match(key)
    return (_QUARTER_NUMBERS[match.group(1)], match.group(2)) if match else None


def planned_quarter(key: str) -> int | None:
    """The quarter a column of a year's figure holds ("一季度", "四季度计划"), else None."""
    found = quarter_of(key)
    return found[0] if found and found[1] in _PLANNED else None


# A quarter or half of a year's plan written as its months ("1-3月", "7—12月计划") or as a half
# ("上半年", "下半年计划") (tryout 7 of issue 9: left unread before).
_MONTHS_PART = re.compile(rf"^(\d{{1,2}})月?(?:[{cells.DASHES}]+|至|到)(\d{{1,2}})月份?(.*)$")
_HALF = re.compile(r"^([上下])半年度?(.*)$")
_MONTH_SPANS = {
    (1, 3): (QUARTERS, 1),
    (4, 6): (QUARTERS, 2),
    (7, 9): (QUARTERS, 3),
    (10, 12): (QUARTERS, 4),
    (1, 6): (HALVES, 1),
    (7, 12): (HALVES, 2),
}


def planned_part(key: str, *, by_months: bool = True) -> tuple[str, int] | None:
    """(split, number) of a column holding a part of a year's plan: "二季度" and "4-6月" are
    (季度, 2), "上半年" and "1-6月" (半年, 1); None for any other column (a range that is no
    quarter or half, "1-5月", a quarter's completed investment). Without `by_months`, only the
    words count (a bare "1-6月" of its own is a progress sheet's cumulative as much as a plan's
    half)."""
    if (quarter := planned_quarter(key)) is not None:
        return QUARTERS, quarter
    if (half := _HALF.match(key)) and half.group(2) in _PLANNED:
        return HALVES, 1 if half.group(1) == "上" else 2
    months = _MONTHS_PART.match(key) if by_months else None
    if months is None or months.group(3) not in _PLANNED:
        return None
    return _MONTH_SPANS.get((int(months.group(1)), int(months.group(2))))


def completed_quarter(key: str, group_key: str) -> int | None:
    """The quarter whose completed investment a column holds: "一季度完成", or "一季度" under a
    group naming 完成 ("完成投资（万元）"); None for any other column."""
    found = quarter_of(key)
    if found is None:
        return None
    quarter, rest = found
    if rest in _COMPLETED or (not rest and "完成" in group_key):
        return quarter
    return None


@dataclass(frozen=True)
class Parts:
    """The columns one figure is split into, and how the figure is read from them."""

    field: StrEnum
    split: str  # what each part is: "年度" or "季度"
    columns: tuple[tuple[int, str], ...]  # (column index, its header text as typed), in order
    group: str = ""  # the merged group cell over them ("总投资（万元）"), "" when none
    whole: int | None = None  # the column of the whole (合计, 全年), read as `field`
    whole_text: str = ""  # its header text as the map shows it ("总投资（万元）／合计")
    named: str = ""  # how the report names the figure ("1—9月累计完成投资"); field's label if ""
    # columns of a period after the import's ("四季度" in September): (index, period), and the
    # import's month, for the fault a figure in one of them is
    later: tuple[tuple[int, str], ...] = ()
    until: int | None = None

    @property
    def texts(self) -> str:
        """The parts' header texts: "2024年、2025年、2026年"."""
        return "、".join(text for _, text in self.columns)

    @property
    def indexes(self) -> set[int]:
        return {index for index, _ in (*self.columns, *self.later)}

    def note(self, sheet: str) -> str:
        """How the report says the figure was read from its parts."""
        named = self.named or self.field.value
        under = f"「{self.group}」下" if self.group else ""
        if self.whole is None:
            return (
                f"工作表「{sheet}」{named}按{under}分{self.split}各列（{self.texts}）之和读取"
                "（空白的列按0计）"
            )
        return (
            f"工作表「{sheet}」{named}取「{self.whole_text}」列，并与分{self.split}各列"
            f"（{self.texts}）之和核对"
        )


@dataclass
class PartsRead:
    """One row's reading of a split figure: the figure (None when not read from the parts),
    faults as (column index, message), and a note."""

    value: Decimal | None = None
    faults: list[tuple[int, str]] = field(default_factory=list)
    note: str = ""


def read_parts(
    parts: Parts,
    raw: Sequence[object],
    units: dict[int, Decimal],
    number: int,
    whole: Decimal | None,
    *,
    signed: bool = False,
) -> PartsRead:
    """Row `number`'s figure from its parts (`raw` its cells, `units` each part's multiplier
    into 万元, `whole` the figure its whole column gives): the sum when there is no whole column;
    with one, a fault when every part is filled and their sum differs, a note when some are
    blank. Every part is read exactly (Decimal); one that cannot be read is a fault naming its
    cell; a figure in a later period's column is a fault naming its cell."""
    read = PartsRead()
    amounts: dict[int, Decimal] = {}
    for index, _ in parts.columns:
        try:
            amount = cells.parse_money(raw[index], units[index], signed=signed)
        except cells.CellError as error:
            why = str(error).removeprefix("单元格").removesuffix("，无法读取")
            read.faults.append(
                (index, f"单元格{_address(index, number)}{why}，无法相加得出{parts.field.value}")
            )
            continue
        if amount is not None:
            amounts[index] = amount
    for index, period in parts.later:
        try:
            amount = cells.parse_money(raw[index], units[index], signed=signed)
        except cells.CellError:
            amount = Decimal(0)  # a figure of another period, readable or not
        if amount is not None:
            read.faults.append(
                (
                    index,
                    f"单元格{_address(index, number)}填有{period}的完成投资，晚于本次导入的"
                    f"{parts.until}月，是另一时期的数，未导入",
                )
            )
    if read.faults or not amounts:
        return read
    total = sum(amounts.values(), Decimal(0))
    if parts.whole is None:
        read.value = total
        return read
    if whole is None:
        return read
    blank = [text for index, text in parts.columns if index not in amounts]
    named = parts.named or parts.field.value
    if blank:
        read.note = (
            f"第{number}行分{parts.split}的列有空白（{'、'.join(blank)}），{named}取"
            f"「{parts.whole_text}」{cells.format_wan(whole)}万元，未与各{parts.split}之和核对"
        )
    elif total != whole:
        read.faults.append(
            (
                parts.whole,
                f"「{parts.whole_text}」{cells.format_wan(whole)}万元不等于分{parts.split}各列"
                f"（{parts.texts}）之和{cells.format_wan(total)}万元，未导入",
            )
        )
    return read


def _address(index: int, number: int) -> str:
    return f"{get_column_letter(index + 1)}{number}"


# Settling a header's split figures: which candidate columns make a figure, and how.


@dataclass(frozen=True)
class Candidate:
    """A header column that may be a part of a figure (see `settle`)."""

    index: int
    typed: str  # its own header text ("2025年", "一季度完成")
    row: int  # Excel's row number of its header cell
    split: str  # YEARS, QUARTERS, HALVES or COMPLETED_QUARTERS
    group: int | None = None  # which merged group cell it stands under (None: none)
    group_text: str = ""
    field: StrEnum | None = None  # the figure it is part of (a completed quarter's: the import's)
    # the field its own header names besides ("2025年计划投资" under 总投资): read as that too
    also: StrEnum | None = None
    quarter: int | None = None  # which quarter (or half) of the year it holds


@dataclass
class Settled:
    """What a header's candidate columns come to: the split figures, the faults (the figure
    they stop, and the row, column and message) and notes, and why each candidate column is not
    read as a field of its own. A fault stops only an import that reads its figure."""

    parts: list[Parts] = field(default_factory=list)
    faults: list[tuple[StrEnum, tuple[int | None, str | None, str]]] = field(default_factory=list)
    notes: list[tuple[StrEnum, str]] = field(default_factory=list)  # by the figure, as faults
    why: dict[int, str] = field(default_factory=dict)


def settle(
    candidates: Sequence[Candidate],
    members: dict[int, list[tuple[int, str]]],
    columns: dict[int, StrEnum],
    shown: dict[int, str],
    *,
    hidden: frozenset[int] = frozenset(),
    month: int | None = None,
    year_to_date: StrEnum | None = None,
) -> Settled:
    """The split figures among `candidates`: parts under each merged group (`members`: group →
    every (index, typed text) under it), and the completed quarters of a month's sheet.
    `columns` are the header's columns read as fields (index → field), `shown` every column's
    header text as the map shows it. A figure given twice, a split that leaves its sum unknown
    (other columns under the group, a quarter missing) or a hidden part is a fault."""
    settled = Settled()
    for candidate in candidates:
        if candidate.index in hidden and candidate.field:
            settled.faults.append(
                (
                    candidate.field,
                    (
                        candidate.row,
                        shown[candidate.index],
                        f"所在的{get_column_letter(candidate.index + 1)}列为隐藏列，是分"
                        f"{candidate.split.removeprefix('完成')}的一部分，不读取就无法得出"
                        f"{candidate.field.value}；请取消隐藏或删去该列后再导入",
                    ),
                )
            )
    if settled.faults:
        return settled
    grouped: dict[tuple[str, int | None], list[Candidate]] = {}
    for candidate in candidates:
        grouped.setdefault((candidate.split, candidate.group), []).append(candidate)
    completed = [each for each in candidates if each.split == COMPLETED_QUARTERS]
    for (split, group), parts in grouped.items():
        if split != COMPLETED_QUARTERS:
            _settle_group(settled, parts, members.get(group, []), columns, shown)
    if completed and month and year_to_date:
        _settle_completed(settled, completed, columns, shown, month, year_to_date)
    return settled


def _settle_group(
    settled: Settled,
    parts: list[Candidate],
    members: list[tuple[int, str]],
    columns: dict[int, StrEnum],
    shown: dict[int, str],
) -> None:
    """Parts under one merged group (`members`: every column under it), or plan parts in
    columns of their own (一季度 | 二季度 beside 年度计划投资: no group, no members)."""
    first = parts[0]
    name, split, group = first.field, first.split, first.group_text
    texts = "、".join(each.typed for each in parts)
    indexes = {each.index for each in parts}
    under = {index for index, _ in members}
    if first.group is None:  # the plan's own column, wherever it stands, is the whole
        whole = next((index for index, each in columns.items() if each == name), None)
    else:
        whole = next((index for index in under if columns.get(index) == name), None)
    elsewhere = next((i for i, each in columns.items() if each == name and i not in under), None)
    others = [
        f"「{typed}」"
        for index, typed in members
        if index not in indexes and index != whole and not typed.startswith("其中")
    ]
    complete = split == YEARS or sorted(each.quarter for each in parts) == _WHOLE_YEAR[split]
    where = f"表头「{group}」分为" if group else "表中有"
    if elsewhere is not None and whole is None:
        settled.faults.append(
            (
                name,
                (
                    first.row,
                    None,
                    f"「{shown[elsewhere]}」和「{group}」下分{split}各列（{texts}）都是"
                    f"{name.value}，无法判断读哪个；请删去其中之一后再导入",
                ),
            )
        )
    elif whole is None and (others or not complete):
        if split == YEARS:
            message = (
                f"表头「{group}」下除分年度的列（{texts}）外还有{'、'.join(others)}，无法确定"
                f"{name.value}是哪几列之和；请加一列{name.value}合计后再导入"
            )
        else:
            besides = f"，另有{'、'.join(others)}" if others else f"，不是{_ALL[split]}齐全"
            message = (
                f"{where}分{split}的几列（{texts}）{besides}，没有全年（合计）列，"
                f"无法读取{name.value}；请加一列全年合计后再导入"
            )
        settled.faults.append((name, (first.row, None, message)))
    elif whole is not None and (others or not complete):
        why = f"「{group}」下分{split}的列（{texts}）" if group else f"分{split}的列（{texts}）"
        why += f"之外还有{'、'.join(others)}" if others else f"不是{_ALL[split]}齐全"
        settled.notes.append(
            (name, f"{why}，{name.value}取「{shown[whole]}」列，未与分{split}各列之和核对")
        )
        settled.why.update(dict.fromkeys(indexes, f"分{split}的部分，未读取"))
    else:
        settled.parts.append(
            Parts(
                name,
                split,
                tuple((each.index, each.typed) for each in parts),
                group=group,
                whole=whole,
                whole_text=shown[whole] if whole is not None else "",
            )
        )


# What "every part" is called in a message, by split.
_ALL = {QUARTERS: "四个季度", HALVES: "上下半年"}


def _settle_completed(
    settled: Settled,
    completed: list[Candidate],
    columns: dict[int, StrEnum],
    shown: dict[int, str],
    month: int,
    year_to_date: StrEnum,
) -> None:
    """Completed investment by quarters: the year's cumulative to `month` is the sum of the
    quarters up to it when `month` ends a quarter and each of them has its column."""
    texts = "、".join(each.typed for each in completed)
    last = month // 3
    present = {each.quarter for each in completed}
    own = next((index for index, each in columns.items() if each == year_to_date), None)
    period = f"1—{month}月累计完成投资"
    why = ""
    if month % 3:
        why = f"{month}月不是季末，加不出{period}"
    elif missing := [QUARTER_NAMES[q] for q in range(1, last + 1) if q not in present]:
        why = f"没有{'、'.join(missing)}的列，加不出{period}"
    if why and own is not None:
        settled.notes.append(
            (
                year_to_date,
                f"分季度的完成投资列（{texts}）{why}，未读取；{period}取「{shown[own]}」列",
            )
        )
        settled.why.update(dict.fromkeys((each.index for each in completed), "分季度，未读取"))
        return
    if why:
        ask = "补上缺少的季度列或" if month % 3 == 0 else ""
        settled.faults.append(
            (
                year_to_date,
                (
                    completed[0].row,
                    None,
                    f"表中是分季度的完成投资列（{texts}），{why}；请{ask}填写{period}后再导入",
                ),
            )
        )
        return
    groups = {each.group_text for each in completed}
    settled.parts.append(
        Parts(
            year_to_date,
            QUARTERS,
            tuple(
                (each.index, each.typed)
                for each in sorted(completed, key=lambda each: each.quarter or 0)
                if (each.quarter or 0) <= last
            ),
            group=groups.pop() if len(groups) == 1 else "",
            whole=own,
            whole_text=shown[own] if own is not None else "",
            named=period,
            later=tuple(
                (each.index, QUARTER_NAMES[each.quarter or 0])
                for each in completed
                if (each.quarter or 0) > last
            ),
            until=month,
        )
    )
