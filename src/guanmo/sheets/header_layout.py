"""How a header's rows make columns: each cell's label, a group cell over the cells below it
(a merged "完成投资" over 本月 | 1—6月累计), and whether a row is a header's second row or the
first project's (a year typed as a number, a date under 开工时间)."""

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from guanmo.sheets.header_words import (
    Catalogue,
    Label,
    column_key,
    period_text,
    read_label,
    spell_dates,
    year_only,
)
from guanmo.sheets.parts import (
    planned_part,
)


def row_labels(catalogue: Catalogue, row: Sequence[object]) -> list[Label | None]:
    """Each cell's label. In a row whose every number is a year (2024 | 2025 typed as numbers
    under 总投资, tryout 7 of issue 9), the numbers are years too ("2025年"): whether the row is
    a header row, `is_sub_header` decides by where they stand."""
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


def known_fields(catalogue: Catalogue, labels: Sequence[Label | None]) -> set[StrEnum]:
    return {
        label.field for label in labels if label and label.field and label.field != catalogue.serial
    }


@dataclass(frozen=True)
class Stacked:
    index: int
    label: Label
    group: Label | None  # the group cell above a lower label
    own: Label | None  # the lower (or only) cell as typed
    row: int  # 0-based index of the row the label stands in


def stacked(
    catalogue: Catalogue,
    upper: Sequence[Label | None],
    lower: Sequence[Label | None],
    top: int,
    bottom: int,
) -> Iterator[Stacked]:
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
        own, above = cell_at(lower, index), cell_at(upper, index)
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
                if group.field in catalogue.money and _TOTAL_PART.match(column_key(own.text)):
                    own = group  # "合计" under "总投资（万元）" is the 总投资 (tryout 4 L18)
                elif (
                    group.field
                    and group.field not in catalogue.money
                    and index == group_start
                    and under_a_group(upper, lower, index)
                ):
                    own = Label(own.text, group.field)
        label = own or above
        if label is not None:
            row = bottom if own is not None else top
            yield Stacked(index, label, group if own is not None else None, typed, row)


def _plan_part(catalogue: Catalogue, group: Label, own: Label) -> bool:
    """Whether a cell under a year's figure names a quarter or half of it ("1-3月", "上半年"
    under "年度计划投资"): a part, never joined with the group into a figure of a period
    ("1-3月年度计划投资" is no plan of its own)."""
    periods = catalogue.periods
    by_period = {periods.this_month, periods.year_to_date} if periods else set()
    return (
        group.field in catalogue.money
        and group.field not in by_period
        and planned_part(spell_dates(column_key(own.text))) is not None
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
    if group.unit_word or _MONEY_GROUP.search(column_key(group.text)):
        return True
    return catalogue.periods is not None and year_only(group) is not None


def fold(
    catalogue: Catalogue, upper: Sequence[Label | None], lower: Sequence[Label | None]
) -> list[Label | None]:
    """Two header rows as one group row for a row below them: each column's lower cell as typed,
    with the unit, year and period of the group over it ("计划投资" under "2025年" under "投资
    情况（万元）" is 2025's, in 万元), else its upper cell; None where a merged cell runs on."""
    folded: list[Label | None] = [None] * max(len(upper), len(lower))
    for column in stacked(catalogue, upper, lower, 0, 1):
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


def is_sub_header(
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
        for column in stacked(catalogue, upper, lower, 0, 1)
        if column.label.field and cell_at(lower, column.index)
    ]
    if known and 2 * len(known) >= len(filled):
        return True
    return all(under_a_group(upper, lower, index) for index, label in enumerate(lower) if label)


def _dates_under_columns(
    catalogue: Catalogue, upper: Sequence[Label | None], lower: Sequence[Label | None]
) -> bool:
    """Whether a date is typed right under a column naming a field that is no figure ("2024-03-01"
    under "开工时间"): the row is a project's, not a second header row (tryout 6 of issue 9,
    L49); a date under a figure's group ("完成投资" over 2025年6月) may still head a column."""
    return any(
        label is not None
        and label.typed_date
        and (above := cell_at(upper, index)) is not None
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
    if any(not under_a_group(upper, lower, index) for index in typed):
        return True
    return any(
        label is not None
        and not label.typed_year
        and (above := cell_at(upper, index)) is not None
        and above.field is not None
        and above.field not in catalogue.money
        for index, label in enumerate(lower)
    )


def under_a_group(upper: Sequence[object], lower: Sequence[object], index: int) -> bool:
    """A merged group cell shows its text in its first column and None in the others."""
    if cell_at(upper, index) is None:
        return any(cell_at(upper, left) is not None for left in range(index))
    return cell_at(upper, index + 1) is None and cell_at(lower, index + 1) is not None


def cell_at(row: Sequence[object], index: int) -> object:
    return row[index] if index < len(row) else None
