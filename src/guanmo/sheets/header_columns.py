"""Reading a header's columns: each column's field (or why it is not read), its unit, and the
figures split into columns (guanmo.sheets.parts): years of 总投资, quarters or halves of the
plan, quarters of completed investment; a column headed by a year alone is the year's plan."""

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from decimal import Decimal
from enum import StrEnum

from guanmo.sheets.cells import (
    ERROR_VALUES,
    MONEY_UNITS,
    UNIT_NAMES,
)
from guanmo.sheets.faults import USER_NAMED
from guanmo.sheets.header_facts import (
    Earlier,
    earlier_cumulative,
    group_period,
    period_faults,
    prefer,
    set_aside,
    set_aside_earlier,
    state_unit,
    unit_lines,
)
from guanmo.sheets.header_layout import (
    Stacked,
    stacked,
)
from guanmo.sheets.header_model import (
    ColumnReading,
    Expected,
    Header,
)
from guanmo.sheets.header_words import (
    Catalogue,
    Label,
    column_key,
    column_letter,
    period_named,
    spell_dates,
    under_group,
    unit_fault,
    year_named,
    year_only,
)
from guanmo.sheets.measures import MeasureError, column_unit, split_unit
from guanmo.sheets.parts import (
    COMPLETED_QUARTERS,
    HALVES,
    QUARTERS,
    YEAR_PART,
    YEARS,
    Candidate,
    completed_quarter,
    planned_part,
    settle,
)
from guanmo.sheets.remembered import HEADER_JOIN, misfit, misfit_note
from guanmo.sheets.stated_units import stated_units as unit_statements

# A column of a month-by-month sheet: "1月", "2月份", "3月完成投资" (one column per month).
MONTH_COLUMN = re.compile(r"^(\d{1,2})月份?(?:完成投资|完成|投资|投资额)?$")
MONTH_COLUMNS_LAYOUT = 3  # so many single-month columns make a month-by-month sheet
# A month-by-month sheet's row total, the year's cumulative when no later month is filled.
_MONTH_TOTALS = frozenset({"合计", "累计", "总计"})
_PART = re.compile(r"^其中")
# A figure split by years ("总投资" over 2025年以前 | 2025年 | 2026年以后, tryout 5 A02): no
# column of it is the whole, so the import stops naming the group (issue 9: never a part as
# the whole).
_YEARS_SPAN = re.compile(r"^\d{4}年(?:及)?(?:以前|以后|之前|之后|前|后)$")


def read_columns(
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
    unit_places = unit_lines(header, rows[:top])
    stated_units: dict[int, Decimal | None] = {}
    chosen: dict[StrEnum, tuple[Label, str, str]] = {}  # field → label, shown, cell
    measured: dict[int, tuple[str, str, str, int]] = {}  # index → text, shown, cell, row
    earlier_cumulatives: list[Earlier] = []
    columns = list(stacked(catalogue, upper, lower, top, bottom))
    for column in columns:
        typed = column.own.text if column.own else column.label.text
        if (month := MONTH_COLUMN.match(column_key(typed))) and 1 <= int(month.group(1)) <= 12:
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
        keys = [column_key(label.text)]
        if column.own is not None:
            keys += [
                column_key(column.own.text),
                column_key(shown),
                column_key(f"{group.text if group else ''}{column.own.text}"),
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
            header.notes.append(misfit_note(shown, key, named, unfit, expected.channel))
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
        elif (
            by_month and named is ... and label.field is None and column_key(typed) in _MONTH_TOTALS
        ):
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
            and _YEARS_SPAN.match(column_key(column.own.text))
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
            and _PART.match(column_key(column.own.text))
        ):
            why = f"是其中项（「{group.field.value}」的一部分）"
            header.notes.append(f"「{shown}」{why}，未读取")
            header.readings.append(replace(reading, why=why))
            continue
        if column.index in hidden and (label.field is not None or named is ...):
            # a hidden column is left out whether understood or not: said so, never 未识别
            header.notes.append(f"「{shown}」所在的{column_letter(column.index)}列为隐藏列，未读取")
            header.readings.append(replace(reading, why="隐藏列"))
            continue
        if label.field is None:
            if named is ...:
                header.unknown.append(label.text)
                header.unknown_indexes.append(column.index)
            header.readings.append(reading)
            continue
        if named is ... and (past := earlier_cumulative(catalogue, label, group, expected)):
            word = past.unit_word or (group.unit_word if group else "")
            earlier_cumulatives.append(Earlier(past, shown, column.row + 1, column.index, word))
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
        label = group_period(catalogue, label, group)
        chosen[label.field] = label, shown, cell
        header.columns[column.index] = label.field
        header.readings.append(replace(reading, field=label.field))
        if label.field in catalogue.measures:
            measured[column.index] = (label.text, shown, cell, column.row + 1)
        if label.field in catalogue.money and column.index not in stated_units:
            word = label.unit_word or (group.unit_word if group else "")
            if why := unit_fault(word):
                header.faults.append((column.row + 1, shown, f"表头单元格{cell}的{why}"))
            stated_units[column.index] = MONEY_UNITS.get(word)
        header.faults += period_faults(catalogue, label, shown, column.row + 1, expected)
    _settle_parts(header, taken, columns, expected, hidden)
    set_aside_earlier(catalogue, header, earlier_cumulatives, expected, chosen, stated_units)
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
    _header_units_said(header)
    _measure_units(header, measured, rows[:top])
    header.faults += _error_cells(rows, top, bottom, hidden)
    return header


def _header_units_said(header: Header) -> None:
    """A column whose header names another unit than a line or note states for the sheet is
    read in its header's, the more specific (issue 9 §3: the unit is decided per column), and
    the report says so, naming both."""
    for place, unit in header.unit_places.items():
        for index, own in header.units.items():
            if index in header.sheet_unit_columns or own == unit or index not in header.columns:
                continue
            header.notes.append(
                f"「{header.text_of(index)}」表头写明{UNIT_NAMES[own]}，与{place}所写"
                f"{UNIT_NAMES[unit]}不同，按表头读取（表头所写单位更具体）"
            )


def _measure_units(
    header: Header,
    measured: dict[int, tuple[str, str, str, int]],
    rows_above: Sequence[Sequence[object]],
) -> None:
    """Each measured column's unit (guanmo.sheets.measures): its own word, else a units line's
    of its kind, else the stored unit; a word of another kind is a fault naming the cell."""
    lines = unit_statements(rows_above)
    for index, (text, shown, cell, row) in measured.items():
        name = header.columns.get(index)
        if name not in header.catalogue.measures:
            continue
        own = split_unit(column_key(text))[1]
        try:
            header.measures[index] = column_unit(name, header.catalogue.measures[name], own, lines)
        except MeasureError as error:
            header.faults.append((row, shown, f"表头单元格{cell}「{text}」：{error}"))


def _shown(column: Stacked) -> str:
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


def _bare_year_columns(catalogue: Catalogue, columns: Sequence[Stacked]) -> dict[int, str]:
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


_BARE_HALF = re.compile(r"^[上下]半年度?$")


def _part_candidates(
    catalogue: Catalogue, columns: Sequence[Stacked], expected: Expected
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
        key = spell_dates(column_key(typed))
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
            and (quarter := completed_quarter(key, column_key(group.text) if group else ""))
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
            # a bare 上半年 is a progress sheet's 1—6月 as much; 上半年计划 is the plan's
            and (part[0] == QUARTERS or _BARE_HALF.match(key) is None)
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
    columns: Sequence[Stacked],
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
