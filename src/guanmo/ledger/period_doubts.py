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

from guanmo.sheets.advice import Channel, name_column, read_again
from guanmo.sheets.cells import format_wan

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
) -> str:
    """The fault of a 累计 column (header text `column`) that holds 开累, naming each doubtful
    row with its arithmetic, or "". A row without 本月 is checked by its jump over the month
    before's cumulative (module docstring). Its advice on naming the column is the `channel`'s
    (`guanmo.sheets.advice`: the page's column map on the web, --map on the command line)."""
    said = []
    unchecked = False
    for figure in figures:
        excess = figure.cumulative - figure.before - (figure.this_month or 0)
        matches = bool(figure.year_end) and excess == figure.year_end
        if not matches and not _far(figure, excess):
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
    if not said:
        return ""
    return (
        f"工作表「{sheet}」「{column}」疑为自开工以来的累计（开累），不是本年累计，未导入："
        + "；".join(said)
        + f"。如是开累，请{name_column(column, '开工累计完成投资', channel)}"
        + ("并填写截至上年底累计" if unchecked else "")
        + f"；如确为本年累计，请{name_column(column, '累计完成投资', channel, said=False)}"
        + f"后{read_again(channel)}"
    )
