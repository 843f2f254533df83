"""Column-level doubts of a month's progress sheet, raised before any figure is derived: a
column whose unit nothing wrote and whose figures look typed in 亿元 or 元 (fresh-eyes tryout
fault 3), a column whose figures belong to another period than its header says (tryout 4 P01,
P34), and a mapping remembered from an earlier import that may not fit this sheet (tryout 4
P23). The arithmetic is in guanmo.ledger.unit_doubts and guanmo.ledger.period_doubts; this
module gathers each column's figures and what the ledger stores for them.
"""

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from statistics import median

from guanmo.figures.arithmetic import period_label
from guanmo.ledger.columns import Field
from guanmo.ledger.models import AnnualPlan, MonthlyProgress, Project
from guanmo.ledger.month_figures import Reported
from guanmo.ledger.period_doubts import (
    CumulativeFigure,
    MonthFigure,
    month_column_doubt,
    since_start_doubt,
)
from guanmo.ledger.services.progress_matching import KnownProject
from guanmo.ledger.unit_doubts import (
    DOUBT_FACTOR,
    OUTLIER_FACTOR,
    SMALL_CUMULATIVE_SHARE,
    SMALL_MONTH_SHARE,
    Figure,
    column_doubts,
    confirmable,
    month_slip_of,
    slip_of,
    tenfold_change,
)
from guanmo.ledger.year_end import PreviousYearEnd, previous_year_ends
from guanmo.regions.models import Region
from guanmo.sheets.advice import Channel, name_column, read_again
from guanmo.sheets.cells import format_wan
from guanmo.sheets.faults import REMEMBERED, USER_NAMED, row_place
from guanmo.sheets.header import column_letter
from guanmo.sheets.table import Row, Table

Matched = list[tuple[Table, Row, KnownProject]]


def header_text(table: Table, name: Field) -> str:
    return next((each.text for each in table.header.readings if each.field == name), name.value)


def reported_around(
    city: Region, year: int, month: int
) -> tuple[dict[int, Reported], dict[int, Reported]]:
    """Per project, the last report before `month` and the first after it, in one query."""
    earlier: dict[int, Reported] = {}
    later: dict[int, Reported] = {}
    reports = MonthlyProgress.objects.filter(project__city=city, year=year).exclude(month=month)
    for project_id, other, cumulative in reports.order_by("month").values_list(
        "project_id", "month", "cumulative_completed"
    ):
        if other < month:
            earlier[project_id] = other, cumulative
        else:
            later.setdefault(project_id, (other, cumulative))
    return earlier, later


def annual_plans(city: Region, year: int) -> dict[int, Decimal]:
    """Per project of the city, its annual plan (万元) for `year`."""
    return dict(
        AnnualPlan.objects.filter(project__city=city, year=year).values_list(
            "project_id", "planned_investment"
        )
    )


_DOUBTED = {
    Field.COMPLETED_THIS_MONTH: SMALL_MONTH_SHARE,
    Field.CUMULATIVE_COMPLETED: SMALL_CUMULATIVE_SHARE,
}


def unit_doubts(matched: Matched, *, city: Region, year: int) -> tuple[list[str], list[str]]:
    """(faults, notes) of the month's figures in columns whose unit nothing wrote, against each
    project's stored annual plan and total investment (guanmo.ledger.unit_doubts)."""
    plans = annual_plans(city, year)
    faults: list[str] = []
    notes: list[str] = []
    tables = {id(table): table for table, _, _ in matched}
    for table in tables.values():
        header = table.header
        # A figure summed from several columns (its quarters) is doubted once.
        for name in dict.fromkeys(header.field_of(index) for index in header.unit_assumed):
            if name not in _DOUBTED:
                continue
            figures = [
                Figure(row.number, amount, plans.get(project.pk), project.total_investment)
                for each, row, project in matched
                if each is table and (amount := row.values.get(name)) is not None
            ]
            column_faults, column_notes = column_doubts(
                table.sheet,
                header_text(table, name),
                figures,
                _DOUBTED[name],
                header.index_of(name),
            )
            faults += column_faults
            notes += column_notes
    return faults, notes


_PERIOD_FIELDS = {
    Field.COMPLETED_THIS_MONTH: Field.CUMULATIVE_COMPLETED,
    Field.CUMULATIVE_COMPLETED: Field.COMPLETED_THIS_MONTH,
    Field.CUMULATIVE_SINCE_START: Field.CUMULATIVE_COMPLETED,
}


def remembered_misfits(
    tables: list[Table],
    months: list[tuple[int, Decimal]],
    *,
    failed: bool,
    channel: Channel = Channel.COMMAND,
) -> list[str]:
    """Faults put first when a figure column was read through a mapping remembered from an
    earlier import and the figures do not hold (a fault, or a month below zero): the mapping
    was given for a sheet of another period and may not fit this one (tryout 4 P23: 1—7月's
    完成投资=累计 on an 8月份 sheet stored 30万元 as 1—8月累计 with a 核减 of 4570万元).
    `months`: (row number, the month's figure) of each valid row; `failed`: whether any row
    or column has a fault."""
    deducted = next(((row, figure) for row, figure in months if figure < 0), None)
    if not failed and deducted is None:
        return []
    found = []
    for table in tables:
        for reading in table.header.readings:
            other = _PERIOD_FIELDS.get(reading.field)
            if other is None or not reading.why.startswith(REMEMBERED):
                continue
            why = (
                f"第{deducted[0]}行本月完成投资为{format_wan(deducted[1])}万元"
                if deducted is not None
                else "见下列错误"
            )
            found.append(
                f"工作表「{table.sheet}」「{reading.text}」按本市上次导入时指定的对应读作"
                f"「{reading.field.value}」（{reading.why}），读出的数不合（{why}），这一对应"
                f"可能不适用于本表，未导入；如该列是{other.value}，"
                f"请{name_column(reading.text, other.value, channel, said=False)}；"
                f"如确为{reading.field.value}，"
                f"请{name_column(reading.text, reading.field.value, channel, said=False)}"
                f"后{read_again(channel)}"
            )
    return found


def month_unit_slips(
    matched: Matched, *, city: Region, year: int, month: int
) -> tuple[list[str], set[int]]:
    """(faults, ids of the rows faulted) of typed 本月 figures most likely typed in the unit
    below their column's (`unit_doubts.month_slip_of`: 5500000 for 550万元), each naming its
    cell, checked before any period doubt or derivation so that the cell at fault is said
    first, not the cumulative nor 开累 beside it. The year's cumulative is the row's typed one,
    else its 开累 less its 截至上年底累计 (the row's, else the ledger's)."""
    typed = [
        (table, row, project, amount)
        for table, row, project in matched
        if (amount := row.values.get(Field.COMPLETED_THIS_MONTH)) is not None and amount > 0
    ]
    if not typed:
        return [], set()
    earlier, _ = reported_around(city, year, month)
    year_ends = {}
    if any(_since_start_only(table) for table, _, _, _ in typed):
        year_ends = previous_year_ends(Project.objects.filter(city=city), year)
    faults: list[str] = []
    slipped: set[int] = set()
    for table, row, project, amount in typed:
        header = table.header
        stored = earlier.get(project.pk)
        before = stored[1] if stored and stored[0] == month - 1 else None
        if before is None:
            before = row.values.get(Field.PREVIOUS_CUMULATIVE)
        index = header.index_of(Field.COMPLETED_THIS_MONTH)
        said = month_slip_of(
            amount,
            header.units.get(index, Decimal(1)) if index is not None else Decimal(1),
            month=month,
            cumulative=_year_cumulative(table, row, year_ends.get(project.pk), year),
            before=before,
            total=project.total_investment,
        )
        if said:
            faults.append(f"{row.place(Field.COMPLETED_THIS_MONTH)}{said}")
            slipped.add(id(row))
    return faults, slipped


def _since_start_only(table: Table) -> bool:
    fields = table.header.fields
    return Field.CUMULATIVE_SINCE_START in fields and Field.CUMULATIVE_COMPLETED not in fields


def _year_cumulative(
    table: Table, row: Row, year_end: PreviousYearEnd | None, year: int
) -> tuple[Decimal, str] | None:
    """The row's cumulative of the year (万元) and where it stands ("（D2）", "（由开累12550万元减
    截至2024年底累计8000万元算出）"), or None when the sheet gives none or it cannot be told."""
    header = table.header
    cumulative = row.values.get(Field.CUMULATIVE_COMPLETED)
    if cumulative is not None:
        index = header.index_of(Field.CUMULATIVE_COMPLETED)
        return cumulative, f"（{column_letter(index)}{row.number}）" if index is not None else ""
    since_start = row.values.get(Field.CUMULATIVE_SINCE_START)
    if not _since_start_only(table) or since_start is None:
        return None
    before = row.values.get(Field.PREVIOUS_YEAR_END)
    if before is None and year_end is not None:
        before = year_end.completed
    if before is None:
        return None
    return since_start - before, (
        f"（由开累{format_wan(since_start)}万元减截至{year - 1}年底累计{format_wan(before)}万元"
        "算出）"
    )


def period_doubts(
    matched: Matched,
    *,
    city: Region,
    year: int,
    month: int,
    channel: Channel = Channel.COMMAND,
) -> list[str]:
    """Faults of columns whose figures belong to another period than their header says, against
    the cumulative stored for the month before and the ledger's 截至上年底累计
    (guanmo.ledger.period_doubts). A column the user names now is read as named."""
    earlier, _ = reported_around(city, year, month)
    tables = {id(table): table for table, _, _ in matched}
    year_ends = {}
    plans: dict[int, Decimal] = {}
    if any(_doubted(table, Field.CUMULATIVE_COMPLETED) for table in tables.values()):
        year_ends = previous_year_ends(Project.objects.filter(city=city), year)
        plans = annual_plans(city, year)
    faults: list[str] = []
    for table in tables.values():
        rows = [
            (row, earlier[project.pk][1], year_ends.get(project.pk), project.pk)
            for each, row, project in matched
            if each is table and earlier.get(project.pk, (None,))[0] == month - 1
        ]
        if _doubted(table, Field.COMPLETED_THIS_MONTH) and not table.header.fields & {
            Field.CUMULATIVE_COMPLETED,
            Field.CUMULATIVE_SINCE_START,
            Field.PREVIOUS_CUMULATIVE,
        }:
            figures = [
                MonthFigure(row.number, amount, before)
                for row, before, _, _ in rows
                if (amount := row.values.get(Field.COMPLETED_THIS_MONTH)) is not None
            ]
            text = header_text(table, Field.COMPLETED_THIS_MONTH)
            faults.append(month_column_doubt(table.sheet, text, figures, month, channel))
        # Without 本月 (no column, or a blank cell) the jump over the month before is checked.
        if _doubted(table, Field.CUMULATIVE_COMPLETED) and (
            Field.PREVIOUS_CUMULATIVE not in table.header.fields
        ):
            index = table.header.index_of(Field.CUMULATIVE_COMPLETED)
            figures = [
                CumulativeFigure(
                    row.number,
                    cumulative,
                    row.values.get(Field.COMPLETED_THIS_MONTH),
                    before,
                    end and end.completed,
                    plans.get(project_id),
                    f"{column_letter(index)}{row.number}" if index is not None else "",
                )
                for row, before, end, project_id in rows
                if (cumulative := row.values.get(Field.CUMULATIVE_COMPLETED)) is not None
            ]
            text = header_text(table, Field.CUMULATIVE_COMPLETED)
            faults.append(
                since_start_doubt(
                    table.sheet,
                    text,
                    figures,
                    year=year,
                    month=month,
                    channel=channel,
                    unit=table.header.units.get(index, Decimal(1))
                    if index is not None
                    else Decimal(1),
                )
            )
    return [fault for fault in faults if fault]


def _doubted(table: Table, name: Field) -> bool:
    """Whether the sheet has `name`'s column as Guanmo read it (not as the user named it now:
    a mapping remembered from another sheet may not fit this one; tryout 4 P23), outside a
    month-by-month sheet (whose months are its own check)."""
    reading = next((each for each in table.header.readings if each.field == name), None)
    return (
        reading is not None
        and not reading.why.startswith(USER_NAMED)
        and not table.header.report_month
    )


def usual_months(city: Region, year: int, month: int) -> dict[int, tuple[Decimal, str]]:
    """Per project of the city, its usual month (万元) from its other months of `year` stored
    with a positive 本月: their median, and how the reference is named ("已报1—4月本月完成投资
    中位数")."""
    months: dict[int, list[tuple[int, Decimal]]] = {}
    stored = MonthlyProgress.objects.filter(
        project__city=city, year=year, completed_this_month__gt=0
    ).exclude(month=month)
    for project_id, other, amount in stored.order_by("month").values_list(
        "project_id", "month", "completed_this_month"
    ):
        months.setdefault(project_id, []).append((other, amount))
    usual = {}
    for project_id, figures in months.items():
        named = "、".join(f"{other}月" for other, _ in figures)
        usual[project_id] = (
            Decimal(median(amount for _, amount in figures)),
            f"已报{named}本月完成投资" + ("中位数" if len(figures) > 1 else ""),
        )
    return usual


def small_month_slips(
    matched: Matched, *, city: Region, year: int, month: int, confirmed: bool
) -> tuple[list[str], list[str]]:
    """(faults, notes) of typed 本月 figures far below the project's usual month, whatever unit
    the column states (tryout 20 F1: 0.55 typed for 0.55亿元 in a （万元） column of a 本月-only
    sheet was stored as 0.55万元): a fault naming the cell, the reference and the likely unit
    (`unit_doubts.tenfold_change`, `slip_of`: a ten-thousandth is 亿元), unless `confirmed`
    (--confirm-changes, the page's 确认修改): then a note. The usual month and how far below
    it is doubted, in this order (the existing unit-slip bounds of `unit_doubts`):
    - the median of the project's other months of the year stored with a positive 本月, a
      month under its 1/DOUBT_FACTOR (a hundredth);
    - its annual plan, a month under SMALL_MONTH_SHARE of it (a ten-thousandth, the bound the
      column doubts note by);
    - the sheet's other rows' median share of total investment times its own total, a month
      under its 1/OUTLIER_FACTOR (a thousandth, as a column's median is doubted).
    A month of 0 or below (halted work, a 核减) is never doubted."""
    typed = [
        (row, project, amount)
        for _, row, project in matched
        if (amount := row.values.get(Field.COMPLETED_THIS_MONTH)) is not None and amount > 0
    ]
    if not typed:
        return [], []
    usual = usual_months(city, year, month)
    plans = annual_plans(city, year)
    faults: list[str] = []
    notes: list[str] = []
    for row, project, amount in typed:
        reference = _usual_month(row, project, typed, usual, plans)
        if reference is None:
            continue
        bound, named, relation, month_size = reference
        if amount >= bound:
            continue
        power = tenfold_change(month_size, amount)
        if power is None:
            continue
        figure = (
            f"{row.place(Field.COMPLETED_THIS_MONTH)}为{format_wan(amount)}万元，不到{named}的"
            f"{relation}，{slip_of(power)}"
        )
        (notes if confirmed else faults).append(confirmable(figure, confirmed))
    return faults, notes


# How far below each reference a month is doubted, by the words the message gives it.
_BELOW = {
    "百分之一": Decimal(1) / DOUBT_FACTOR,
    "万分之一": SMALL_MONTH_SHARE,
    "千分之一": Decimal(1) / OUTLIER_FACTOR,
}


def _usual_month(
    row: Row,
    project: KnownProject,
    typed: list[tuple[Row, KnownProject, Decimal]],
    usual: Mapping[int, tuple[Decimal, str]],
    plans: Mapping[int, Decimal],
) -> tuple[Decimal, str, str, Decimal] | None:
    """(the figure below which the row's month is doubted, the reference as named, the share's
    words, the month it makes: the plan's twelfth) by `small_month_slips`' order; None with no
    reference."""
    if project.pk in usual:
        figure, named = usual[project.pk]
        shown = format_wan(figure.quantize(Decimal("0.01"), ROUND_HALF_UP))
        named = f"本项目平常月份（{named}{shown}万元）"
        return figure * _BELOW["百分之一"], named, "百分之一", figure
    if plans.get(project.pk):
        plan = plans[project.pk]
        named = f"年度计划投资{format_wan(plan)}万元"
        return plan * _BELOW["万分之一"], named, "万分之一", plan / 12
    shares = [
        other / each.total_investment
        for other_row, each, other in typed
        if other_row is not row and each.total_investment
    ]
    if not project.total_investment or len(shares) < 2:
        return None
    figure = Decimal(median(shares)) * project.total_investment
    shown = format_wan(figure.quantize(Decimal("0.01"), ROUND_HALF_UP))
    named = f"按表中其他项目本月占总投资比例的中位数折算的本月{shown}万元"
    return figure * _BELOW["千分之一"], named, "千分之一", figure


def resent_last_month(
    matched: Matched,
    accepted: Mapping[int, tuple[Decimal, Decimal]],
    *,
    city: Region,
    year: int,
    month: int,
    confirmed: bool,
) -> tuple[list[str], list[str]]:
    """(faults, notes) of a county whose every accepted row (two or more) gives a cumulative
    equal to the one stored for the month before, with no 本月 typed, so that every month
    derives to 0: most likely last month's sheet sent again (tryout 20 F2), refused naming the
    county and rows unless `confirmed` (then noted). One project at 0 is only the derivation's
    note: a single project may truly stand still. `accepted`: per project id, the (this month,
    cumulative) figures read for it."""
    earlier, _ = reported_around(city, year, month)
    by_county: dict[int, list[tuple[Row, bool]]] = {}
    for _, row, project in matched:
        figures = accepted.get(project.pk)
        if figures is None:
            continue
        before = earlier.get(project.pk)
        same = (
            row.values.get(Field.COMPLETED_THIS_MONTH) is None
            and before is not None
            and before[0] == month - 1
            and figures == (Decimal(0), before[1])
        )
        by_county.setdefault(project.county_id, []).append((row, same))
    doubted = {
        county: [row for row, _ in rows]
        for county, rows in by_county.items()
        if len(rows) >= 2 and all(same for _, same in rows)
    }
    names = dict(Region.objects.filter(pk__in=doubted).values_list("pk", "name"))
    faults: list[str] = []
    notes: list[str] = []
    for county, rows in doubted.items():
        sheets = "、".join(dict.fromkeys(f"工作表「{row.sheet}」" for row in rows))
        numbers = "、".join(str(row.number) for row in rows)
        said = (
            f"{names[county]}的{len(rows)}个项目（{sheets}第{numbers}行）{period_label(month)}"
            f"累计与已报的{month - 1}月累计完全相同，本月完成投资均为0，疑为重复上报上月数据"
        )
        (notes if confirmed else faults).append(confirmable(said, confirmed))
    return faults, notes


def later_months_notes(
    matched: Matched,
    accepted: Mapping[int, tuple[Decimal, Decimal]],
    *,
    city: Region,
    year: int,
    month: int,
) -> list[str]:
    """Notes of a month corrected after later months of the year are stored (tryout 20 F3): per
    project whose cumulative changes, when the first later month stored no longer adds up (its
    1—M月累计 less the corrected cumulative is not its 本月), the later months named with their
    figures and what the user must do. The rule: an import of one month writes that month only;
    later months' stored figures are never recomputed, since whether they were typed or derived
    is not kept and only the office knows which of the two figures is right."""
    changed = {
        project_id: cumulative
        for project_id, cumulative in MonthlyProgress.objects.filter(
            project__city=city, year=year, month=month, project_id__in=list(accepted)
        ).values_list("project_id", "cumulative_completed")
        if accepted[project_id][1] != cumulative
    }
    if not changed:
        return []
    later: dict[int, list[tuple[int, Decimal, Decimal]]] = {}
    for project_id, other, this_month, cumulative in (
        MonthlyProgress.objects.filter(project_id__in=list(changed), year=year, month__gt=month)
        .order_by("month")
        .values_list("project_id", "month", "completed_this_month", "cumulative_completed")
    ):
        later.setdefault(project_id, []).append((other, this_month, cumulative))
    notes = []
    for _, row, project in matched:
        months = later.get(project.pk)
        if project.pk not in changed or not months:
            continue
        corrected = accepted[project.pk][1]
        first, this_month, cumulative = months[0]
        if corrected + this_month == cumulative:
            continue
        name = row.values.get(Field.NAME) or row.values.get(Field.CODE)
        named = "、".join(f"{other}月" for other, _, _ in months)
        notes.append(
            f"{row_place(row.sheet, row.number)}「{name}」{month}月累计由"
            f"{format_wan(changed[project.pk])}万元改为{format_wan(corrected)}万元，已存的{first}月"
            f"（本月完成{format_wan(this_month)}万元，{period_label(first)}累计"
            f"{format_wan(cumulative)}万元）与之不再相加（{format_wan(corrected)}+"
            f"{format_wan(this_month)}={format_wan(corrected + this_month)}万元）；"
            f"导入只改{month}月，{named}已存数字未改动（以后各月不随之重算）。请核对后重新导入"
            f"{first}月进度：如{month}月的更正也应计入以后各月累计，请更正{named}的累计；"
            f"如{first}月累计无误，请更正{first}月的本月完成投资（已审核通过的月报须先重新打开"
            "再在月报中更正）"
        )
    return notes
