"""Progress columns whose figures belong to another period than their header says (issue 9:
never a silent wrong figure; fresh-eyes tryout 4, P01 and P34): plain arithmetic over the
figures of one column and what the ledger stores, giving the fault that stops the import or "".

- A 本月 column, on a sheet giving no cumulative, whose figures are for most rows not below the
  cumulative already reported for the month before (from March on) holds the year's cumulative:
  a key project's month is not the sum of all the months before it, row after row.
- A 累计 column whose figure exceeds the month before's cumulative plus the month's own by the
  project's 截至上年底累计完成投资, or by more than both the month and that earlier cumulative
  (no revision of earlier months is that large; from a cumulative above 0), is since the start
  of construction (开累).
- A 累计 column on a row without 本月 (no such column, or its cell blank) whose jump over the
  month before's cumulative is the project's 截至上年底累计完成投资, or exceeds both that earlier
  cumulative and the year's whole annual plan (or, with no plan in the ledger, is more than
  JUMP_TIMES times that earlier cumulative), is 开累 too: the jump would be the month's own
  figure, and one month is not more than all the months before and the whole year's plan
  (tryout 7: 开累 45000 over May's 7500 gave a 本月 of 37500, 1.9 times the year's 20000).

The user who knows better names the column with --map, and the doubt is not raised.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from guanmo.ledger.unit_doubts import slipped_into
from guanmo.sheets.advice import Channel, name_column, read_again
from guanmo.sheets.cells import UNIT_NAMES, format_wan

FIRST_MONTH_DOUBTED = 3  # in February a month above January's is common
JUMP_TIMES = 3  # without 本月 or a plan: a jump more than 3 times all the months before


@dataclass(frozen=True)
class MonthFigure:
    """A 本月 figure (万元) and the cumulative stored for the month before, of one row."""

    row: int  # Excel's row number
    amount: Decimal
    before: Decimal


def month_column_doubt(
    sheet: str,
    column: str,
    figures: Sequence[MonthFigure],
    month: int,
    channel: Channel = Channel.COMMAND,
) -> str:
    """The fault of a 本月 column (header text `column`) that holds 1—M月, or "": more than half
    of the rows with an earlier cumulative above 0 are not below it. Its advice on naming the
    column is the `channel`'s (`guanmo.sheets.advice`)."""
    if month < FIRST_MONTH_DOUBTED:
        return ""
    compared = [figure for figure in figures if figure.before > 0]
    doubtful = [figure for figure in compared if figure.amount >= figure.before]
    if not doubtful or len(doubtful) * 2 <= len(compared):
        return ""
    rows = "、".join(str(figure.row) for figure in doubtful)
    first = doubtful[0]
    period = f"1—{month}月累计"
    return (
        f"工作表「{sheet}」「{column}」第{rows}行{'都' if len(doubtful) > 1 else ''}不小于已报的"
        f"{month - 1}月累计（如第{first.row}行{format_wan(first.amount)}万元，{month - 1}月累计"
        f"{format_wan(first.before)}万元），本月列疑为累计数（{period}），未导入；如确为{period}，"
        f"请{name_column(column, '累计完成投资', channel)}；如确为本月，"
        f"请{name_column(column, '本月完成投资', channel, said=False)}后{read_again(channel)}"
    )


@dataclass(frozen=True)
class CumulativeFigure:
    """A row's 累计 and 本月 figures (万元; 本月 None when the sheet gives none), the cumulative
    stored for the month before, the project's 截至上年底累计完成投资 and its annual plan for the
    year (each None when the ledger has none)."""

    row: int
    cumulative: Decimal
    this_month: Decimal | None
    before: Decimal
    year_end: Decimal | None
    plan: Decimal | None = None
    cell: str = ""  # where the sheet has the 累计: "E4"


def _far(figure: CumulativeFigure, excess: Decimal) -> bool:
    """Whether `excess` (累计 less the month before's and the month's own) is beyond any revision
    or month: above both the month and the earlier cumulative; with no 本月, above both the
    earlier cumulative and the year's plan (JUMP_TIMES the earlier cumulative with no plan)."""
    if figure.before <= 0:
        return False
    if figure.this_month is not None:
        return excess > max(figure.this_month, figure.before)
    if figure.plan is None:
        return excess > figure.before * JUMP_TIMES
    return excess > max(figure.before, figure.plan)


def _how_far(figure: CumulativeFigure, month: int) -> str:
    before = f"{month - 1}月累计"
    if figure.this_month is not None:
        return f"比{before}还多"
    if figure.plan is None:
        return f"是{before}的{JUMP_TIMES}倍以上（台账中没有本年计划）"
    return f"比{before}还多，也超过本年计划{format_wan(figure.plan)}万元"


def since_start_doubt(
    sheet: str,
    column: str,
    figures: Sequence[CumulativeFigure],
    *,
    year: int,
    month: int,
    channel: Channel = Channel.COMMAND,
    unit: Decimal = Decimal(1),
) -> str:
    """The fault of a 累计 column (header text `column`) that holds 开累, naming each doubtful
    row with its arithmetic, or "". A row without 本月 is checked by its jump over the month
    before's cumulative (module docstring). Its advice on naming the column is the `channel`'s
    (`guanmo.sheets.advice`: the page's column map on the web, --map on the command line).
    A doubtful row whose figures fit a unit slip (`unit_slip_of`) better than 开累 is said to
    be one, naming the cell's likely unit against the column's `unit`, and no remap is advised
    for it (tryout 20 F4: a 单位：亿元 line over 万元 figures, one cell in 元, were blamed on
    开累 and the column's remap advised)."""
    said = []
    slips: list[tuple[int, str]] = []
    unchecked = False
    for figure in figures:
        excess = figure.cumulative - figure.before - (figure.this_month or 0)
        matches = bool(figure.year_end) and excess == figure.year_end
        if not matches and not _far(figure, excess):
            continue
        if not matches and (slip := unit_slip_of(figure, month)):
            slips.append((figure.row, slip))
            continue
        month_part = (
            "（本月完成未填）"
            if figure.this_month is None
            else f"、本月完成{format_wan(figure.this_month)}万元"
        )
        arithmetic = (
            f"第{figure.row}行{format_wan(figure.cumulative)}万元减{month - 1}月累计"
            f"{format_wan(figure.before)}万元{month_part}，多出{format_wan(excess)}万元，"
        )
        if matches:
            arithmetic += f"正是台账中截至{year - 1}年底累计{format_wan(excess)}万元"
        elif figure.year_end is None:
            unchecked = True
            arithmetic += f"{_how_far(figure, month)}（台账中没有截至{year - 1}年底累计，无法核对）"
        else:
            arithmetic += (
                f"{_how_far(figure, month)}（台账中截至{year - 1}年底累计"
                f"{format_wan(figure.year_end)}万元）"
            )
        said.append(arithmetic)
    slipped = (
        f"工作表「{sheet}」「{column}」按{UNIT_NAMES.get(unit, '万元')}读取，"
        + _slips_text(slips, month)
        + f"，疑为以{slipped_into(unit)}填报，未导入；"
        + "请核对单位（表头、单位行或单元格所写）后再导入"
        if slips
        else ""
    )
    if not said:
        return slipped
    return (
        (f"{slipped}。" if slipped else "")
        + f"工作表「{sheet}」「{column}」疑为自开工以来的累计（开累），不是本年累计，未导入："
        + "；".join(said)
        + f"。如是开累，请{name_column(column, '开工累计完成投资', channel)}"
        + ("并填写截至上年底累计" if unchecked else "")
        + f"；如确为本年累计，请{name_column(column, '累计完成投资', channel, said=False)}"
        + f"后{read_again(channel)}"
    )


SLIP = Decimal(10_000)  # a figure typed in 万元 under 亿元, or in 元 under 万元
SLIPS_SAID = 3  # rows beyond this are named by number, one shown with its arithmetic


def _slips_text(slips: list[tuple[int, str]], month: int) -> str:
    """The rows fitting a unit slip: each with its arithmetic, or beyond SLIPS_SAID rows their
    numbers and the first's arithmetic."""
    if len(slips) <= SLIPS_SAID:
        return "；".join(text for _, text in slips)
    rows = "、".join(str(row) for row, _ in slips)
    return f"第{rows}行的累计除以{SLIP}后都正合本年进度（如{slips[0][1]}）"


def unit_slip_of(figure: CumulativeFigure, month: int) -> str:
    """The arithmetic of a row whose 累计 (and 本月, when given) read SLIP times too large fit
    the month before's cumulative, or "": divided by SLIP the 累计 is not below it and, with
    本月, adds up with 本月 (as typed or divided too); without 本月 it exceeds it by no more
    than the earlier cumulative or the year's plan. "第4行（E4）120005000万元除以10000为12000.5
    万元，正是4月累计9400.5万元加本月2600万元". No ratio to the month before's cumulative: the
    slip is SLIP times this month's cumulative, not the earlier one (tryout 31, finding 4: "都约为
    4月累计的一万倍" beside "约13333倍")."""
    if figure.before <= 0:
        return ""
    read = figure.cumulative / SLIP
    jump = read - figure.before
    if jump < 0:
        return ""
    if figure.this_month is not None:
        fits = jump in (figure.this_month, figure.this_month / SLIP)
    else:
        fits = jump <= max(figure.before, figure.plan or 0)
    if not fits:
        return ""
    cell = f"（{figure.cell}）" if figure.cell else ""
    before = f"{month - 1}月累计{format_wan(figure.before)}万元"
    fit = (
        f"正是{before}加本月{format_wan(jump)}万元"
        if figure.this_month is not None
        else f"比{before}多{format_wan(jump)}万元，合乎一个月的进度"
    )
    return (
        f"第{figure.row}行{cell}{format_wan(figure.cumulative)}万元除以{SLIP}为"
        f"{format_wan(read)}万元，{fit}"
    )
