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

The user who knows better names the column with --map, and the doubt is not raised.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from guanmo.sheets.cells import format_wan

FIRST_MONTH_DOUBTED = 3  # in February a month above January's is common


@dataclass(frozen=True)
class MonthFigure:
    """A 本月 figure (万元) and the cumulative stored for the month before, of one row."""

    row: int  # Excel's row number
    amount: Decimal
    before: Decimal


def month_column_doubt(sheet: str, column: str, figures: Sequence[MonthFigure], month: int) -> str:
    """The fault of a 本月 column (header text `column`) that holds 1—M月, or "": more than half
    of the rows with an earlier cumulative above 0 are not below it."""
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
        f"请将该列指定为「累计完成投资」（--map '{column}=累计完成投资'）；如确为本月，请指定"
        f"（--map '{column}=本月完成投资'）后重新导入"
    )


@dataclass(frozen=True)
class CumulativeFigure:
    """A row's 累计 and 本月 figures (万元), the cumulative stored for the month before, and the
    project's 截至上年底累计完成投资 (None when the ledger has none)."""

    row: int
    cumulative: Decimal
    this_month: Decimal
    before: Decimal
    year_end: Decimal | None


def since_start_doubt(
    sheet: str, column: str, figures: Sequence[CumulativeFigure], *, year: int, month: int
) -> str:
    """The fault of a 累计 column (header text `column`) that holds 开累, naming each doubtful
    row with its arithmetic, or ""."""
    said = []
    unchecked = False
    for figure in figures:
        excess = figure.cumulative - figure.before - figure.this_month
        matches = bool(figure.year_end) and excess == figure.year_end
        far = figure.before > 0 and excess > max(figure.this_month, figure.before)
        if not matches and not far:
            continue
        arithmetic = (
            f"第{figure.row}行{format_wan(figure.cumulative)}万元减{month - 1}月累计"
            f"{format_wan(figure.before)}万元、本月完成{format_wan(figure.this_month)}万元，"
            f"多出{format_wan(excess)}万元，"
        )
        if matches:
            arithmetic += f"正是台账中截至{year - 1}年底累计{format_wan(excess)}万元"
        elif figure.year_end is None:
            unchecked = True
            arithmetic += f"比{month - 1}月累计还多（台账中没有截至{year - 1}年底累计，无法核对）"
        else:
            arithmetic += (
                f"比{month - 1}月累计还多（台账中截至{year - 1}年底累计"
                f"{format_wan(figure.year_end)}万元）"
            )
        said.append(arithmetic)
    if not said:
        return ""
    return (
        f"工作表「{sheet}」「{column}」疑为自开工以来的累计（开累），不是本年累计，未导入："
        + "；".join(said)
        + "。如是开累，请将该列指定为「开工累计完成投资」"
        f"（--map '{column}=开工累计完成投资'）"
        + ("并填写截至上年底累计" if unchecked else "")
        + f"；如确为本年累计，请指定（--map '{column}=累计完成投资'）后重新导入"
    )
