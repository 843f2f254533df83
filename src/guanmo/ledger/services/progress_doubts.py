"""Column-level doubts of a month's progress sheet, raised before any figure is derived: a
column whose unit nothing wrote and whose figures look typed in 亿元 or 元 (fresh-eyes tryout
fault 3), a column whose figures belong to another period than its header says (tryout 4 P01,
P34), and a mapping remembered from an earlier import that may not fit this sheet (tryout 4
P23). The arithmetic is in guanmo.ledger.unit_doubts and guanmo.ledger.period_doubts; this
module gathers each column's figures and what the ledger stores for them.
"""

from decimal import Decimal

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
    SMALL_CUMULATIVE_SHARE,
    SMALL_MONTH_SHARE,
    Figure,
    column_doubts,
)
from guanmo.ledger.year_end import previous_year_ends
from guanmo.regions.models import Region
from guanmo.sheets.advice import Channel, name_column, read_again
from guanmo.sheets.cells import format_wan
from guanmo.sheets.faults import REMEMBERED, USER_NAMED
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
            figures = [
                CumulativeFigure(
                    row.number,
                    cumulative,
                    row.values.get(Field.COMPLETED_THIS_MONTH),
                    before,
                    end and end.completed,
                    plans.get(project_id),
                )
                for row, before, end, project_id in rows
                if (cumulative := row.values.get(Field.CUMULATIVE_COMPLETED)) is not None
            ]
            text = header_text(table, Field.CUMULATIVE_COMPLETED)
            faults.append(
                since_start_doubt(
                    table.sheet, text, figures, year=year, month=month, channel=channel
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
