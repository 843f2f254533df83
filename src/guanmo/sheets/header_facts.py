"""Facts a sheet states around its columns, checked against the import (issue 9 §3): the unit
a units line or note states, the year or period a title, sheet name or file name names, and
the column naming another year or an earlier period, set aside with a note or refused."""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum

from guanmo.regions.names import clean_text
from guanmo.sheets.cells import (
    DASHES,
    MONEY_UNITS,
    UNIT_NAMES,
    parse_line,
)
from guanmo.sheets.header_model import (
    Expected,
    Header,
)
from guanmo.sheets.header_words import (
    Catalogue,
    Label,
    months_text,
    period_text,
    read_label,
    spell_dates,
    spell_period,
    spell_year_month,
    unit_fault,
    unit_of,
)
from guanmo.sheets.stated_units import money_word, stated_units


def unit_lines(header: Header, rows_above: Sequence[Sequence[object]]) -> dict[str, Decimal]:
    """Where a units line ("单位：亿元") above the header names the sheet's unit: the place as
    a message names it ("第2行「单位：亿元」") → the unit. A unit it cannot convert ("单位：
    万美元") is a fault of `header`."""
    places: dict[str, Decimal] = {}
    for stated in stated_units(rows_above):
        if why := unit_fault(stated.money):
            header.faults.append((stated.row, None, f"「{stated.text}」：{why}"))
        elif stated.money:
            places[stated.place] = MONEY_UNITS[stated.money]
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
            if note and (why := unit_fault(money_word(clean_text(note)))):
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
        unit = MONEY_UNITS.get(money_word(f"单位{rest}"))
        if label is None or label.field not in header.catalogue.money or unit is None:
            continue
        for index, name in header.columns.items():
            if name == label.field and index in header.sheet_unit_columns:
                header.units[index] = unit
                header.sheet_unit_columns.discard(index)
                named = True
    return named


# Facts a header or title states, checked against the import (issue 9 §3).

_TITLE_RANGE = re.compile(rf"(?<!\d)(\d{{1,2}})月?份?(?:[{DASHES}]+|至|到)(\d{{1,2}})月")
_TITLE_MONTH = re.compile(r"(?<!\d)(\d{1,2})月")
_TITLE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年(?!底|末)")
_NOT_A_TITLE = ("日期", "填报", "制表", "报送", "打印", "单位")
# A quarter in a title is the year to its last month: "第二季度" reports 1—6月.
_QUARTER_IN_TITLE = re.compile(r"第?([1-4一二三四])季度")
_QUARTER_NUMBERS = {"1": 1, "2": 2, "3": 3, "4": 4, "一": 1, "二": 2, "三": 3, "四": 4}


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


def group_period(catalogue: Catalogue, label: Label, group: Label | None) -> Label:
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


def earlier_cumulative(
    catalogue: Catalogue, label: Label, group: Label | None, expected: Expected
) -> Label | None:
    """A year's cumulative column naming an earlier period of the year (一至五月累计 in June's
    import), with its period; None for any other column."""
    periods = catalogue.periods
    if not (periods and expected.month) or label.field != periods.year_to_date:
        return None
    if label.year and expected.year and label.year != expected.year:
        return None  # another year's (set aside as such), never this year's month before
    label = group_period(catalogue, label, group)
    if not label.months or label.months[0] != 1 or label.months[1] >= expected.month:
        return None
    return label


@dataclass(frozen=True)
class Earlier:
    """A cumulative column naming an earlier period of the year than the import's."""

    label: Label
    shown: str
    row: int  # Excel's row number of its header cell
    index: int
    unit_word: str


def set_aside_earlier(
    catalogue: Catalogue,
    header: Header,
    earlier: list[Earlier],
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
    why, note = _title_check(spell_year_month(clean_text(name)), expected)
    if why:
        header.faults.append((None, None, f"工作表名「{name}」{why}"))
    elif note:
        header.notes.append(f"工作表名「{name}」{note}")


@dataclass(frozen=True)
class SheetPeriod:
    """The one period a sheet's name or title names: "10月" (`text`), said by `place` (工作表名
    「10月」, 标题「2025年10月重点项目进展」), and whether it is the import's own (`agrees`)."""

    text: str
    place: str
    agrees: bool


def sheet_period(
    name: str, rows_above: Sequence[Sequence[object]], expected: Expected
) -> SheetPeriod | None:
    """The period a sheet is of, as its name, else its title, names it (one year, one month or
    span), or None when they name none, several, or periods that disagree with each other.
    A workbook keeping one sheet per month (10月 | 11月 | 12月) or per year is told apart by
    it: the import reads the sheets of its own period and leaves the others out (tryout 11 C).
    """
    places = [(f"工作表名「{name}」", spell_year_month(clean_text(name)))]
    for row in rows_above:
        if any(isinstance(v, str) and any(w in v for w in _NOT_A_TITLE) for v in row):
            continue
        places += [
            (f"标题「{parse_line(value)}」", clean_text(value))
            for value in map(period_text, row)
            if isinstance(value, str)
        ]
    first, years, spans = "", set(), set()
    for place, text in places:
        text = spell_period(spell_year_month(without_issue_dates(spell_dates(text))))
        text = _QUARTER_IN_TITLE.sub(
            lambda match: f"1-{3 * _QUARTER_NUMBERS[match.group(1)]}月", text
        )
        named_years = {int(year) for year in _TITLE_YEAR.findall(text)}
        named_spans = set(_months_named(text)) if expected.month else set()
        if named_years or named_spans:
            first = first or place
            years |= named_years
            spans |= named_spans
    if not first or len(years) > 1 or len(spans) > 1 or not (expected.year or expected.month):
        return None
    year, span = next(iter(years), None), next(iter(spans), None)
    month = expected.month
    agrees = expected.year in (None, year) or year is None
    agrees = agrees and span in (None, (1, month), (month, month))
    text = f"{year}年" if year and (year != expected.year or not span) else ""
    text += months_text(span) if span else ""
    return SheetPeriod(text, first, agrees)


def file_name_check(name: str, expected: Expected) -> tuple[str, str]:
    """Why a file's name ("6月进度.xlsx") contradicts the import's year or month ("" when it
    does not), and what the report says of a name writing an earlier cumulative beside the
    month ("1-5月及6月.xlsx"): the file name is one more place a period is written (issue 9
    §3), and of two periods in it neither is picked silently."""
    stem = name.rsplit(".", 1)[0] if "." in name else name
    why, note = _title_check(spell_year_month(clean_text(stem)), expected)
    return (f"文件名「{name}」{why}" if why else "", f"文件名「{name}」{note}" if note else "")


# A full date (年月日) under a title is the day it was issued (焦作市统计局　2025年7月15日 under
# 2025年1—6月…), not the period, unless 截至/截止/至 make it the period's end (截至2025年5月31日).
_ISSUE_DATE = re.compile(r"(?<!至)(?<!止)(?:19|20)\d\d年\d{1,2}月\d{1,2}日")


def without_issue_dates(text: str) -> str:
    """`text` (dates spelt by `spell_dates`) without the issue dates it writes, for the period
    checks: a 1—6月 report dated 2025年7月15日 is of 1—6月 (tryout 26 item 4: refused as 7月)."""
    return _ISSUE_DATE.sub("", text)


def _title_check(text: str, expected: Expected) -> tuple[str, str]:
    """Why a title, sheet or file name contradicts the import's year or month, and a note when
    it names more than the month but nothing against it (("", "") when neither)."""
    text = spell_period(spell_year_month(without_issue_dates(spell_dates(text))))
    text = _QUARTER_IN_TITLE.sub(lambda match: f"1-{3 * _QUARTER_NUMBERS[match.group(1)]}月", text)
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
