"""A month's two figures from whichever one was given: the rule the importer and the monthly
report grid share (plain arithmetic, no database)."""

from dataclasses import dataclass
from decimal import Decimal

from guanmo.figures.arithmetic import period_label
from guanmo.sheets.cells import format_wan

Reported = tuple[int, Decimal]  # (month, cumulative completed) of another month's report


@dataclass(frozen=True)
class MonthFigures:
    """This month's and the cumulative figure, or a fault blaming one of the two as typed."""

    completed_this_month: Decimal
    cumulative_completed: Decimal
    # both typed while months before were not reported: both kept as typed, said so
    note: str = ""
    fault: str = ""
    fault_on_cumulative: bool = True

    @property
    def ok(self) -> bool:
        return not self.fault


def unreported_months(month: int, earlier: Reported | None) -> str:
    """The months of the year between the last one reported (`earlier`, None for none) and
    `month`, as notes name them: "1—5月", "5月"; "" when there are none."""
    first, last = (earlier[0] + 1 if earlier else 1), month - 1
    if first > last:
        return ""
    return f"{first}月" if first == last else f"{first}—{last}月"


def previous_cumulative_note(month: int, earlier: Reported | None) -> str:
    """What a month's "上月累计" figure is when it is not last month's: "7月累计" (the latest
    earlier report, August having none) or "1—5月未报送，按0计"; "" when it is last month's
    (or January's 0, the year's start). The figure is never shown as last month's silently."""
    if earlier is None:
        months = unreported_months(month, None)
        return f"{months}未报送，按0计" if months else ""
    return "" if earlier[0] == month - 1 else f"{earlier[0]}月累计"


def derive_month_figures(
    completed_this_month: Decimal | None,
    cumulative_completed: Decimal | None,
    *,
    month: int,
    earlier: Reported | None,
    later: Reported | None = None,
    total_investment: Decimal | None = None,
    deductions: bool = False,
    cells: tuple[str, str] = ("", ""),
    year_said: bool = False,
) -> MonthFigures:
    """Derive the missing figure from the last cumulative reported earlier in the year (0 before
    the first report) and check the result: not below that (unless `deductions`, where a month
    typed below zero is a 核减 the office made, and only a cumulative below zero, or below that
    while the month is not typed below zero — blank, 0 or positive — is refused: issue 9,
    tryout 5 B24), not above the total investment, not above a later month's cumulative. At
    least one figure must be given. `cells` are where the sheet has the two figures ("C2",
    "D2"), named by a fault about them.

    Both typed and not adding up to the month before's cumulative (0 in January) is a fault
    naming both cells and the three figures, nothing stored: one of the two is wrong and only
    the office can say which (tryout 14 P6 of issue 9: a 累计 column holding 开累 was stored
    beside a note). A 累计 above the sum is said to look like 开累 unless `year_said` (the
    header says the figure is the year's: 本年累计, 1—M月累计). Where months before were not
    reported (a first stored month, or a gap) the two cannot be checked: both are kept as
    typed and the note says so (tryout 7 of issue 9)."""
    if completed_this_month is None and cumulative_completed is None:
        raise ValueError("本月完成投资与累计完成投资至少填写一项")
    typed_month = completed_this_month
    before_month, before = earlier or (0, Decimal(0))
    before_text = f"{before_month}月累计{format_wan(before)}万元" if earlier else "此前累计为0"
    note = disagreement = ""
    on_cumulative = True
    if cumulative_completed is None:
        cumulative_completed, on_cumulative = before + completed_this_month, False
    elif completed_this_month is None:
        completed_this_month = cumulative_completed - before
    elif before + completed_this_month != cumulative_completed:
        typed = f"本月完成{format_wan(completed_this_month)}万元"
        if unreported := unreported_months(month, earlier):
            note = (
                f"{unreported}未报送，无从核对本月与累计：{typed}、{period_label(month)}累计"
                f"{format_wan(cumulative_completed)}万元均按所填保存"
            )
        else:
            disagreement = _disagreement_fault(
                completed_this_month,
                cumulative_completed,
                (before_month, before) if earlier else None,
                cells,
                f"{period_label(month)}累计" if year_said else "累计",
            )
    cumulative = format_wan(cumulative_completed)
    fault = ""
    if cumulative_completed < 0:
        before_figure = f"{before_month}月累计{format_wan(before)}万元" if earlier else "此前累计0"
        fault = (
            f"本月核减{format_wan(-completed_this_month)}万元，超过{before_figure}，"
            f"累计将为负数（{cumulative}万元）"
        )
    elif cumulative_completed < before and not deductions:
        fault = f"累计{cumulative}万元，低于{before_text}"
    elif cumulative_completed < before and (typed_month is None or typed_month >= 0):
        fault = _falling_fault(cumulative_completed, before_text, typed_month, cells)
    elif total_investment and cumulative_completed > total_investment:
        fault = f"累计{cumulative}万元，超过总投资{format_wan(total_investment)}万元" + (
            far_above_total(cumulative_completed, total_investment)
        )
    elif later and cumulative_completed > later[1]:
        fault = f"累计{cumulative}万元，高于已报的{later[0]}月累计{format_wan(later[1])}万元"
    fault = fault or disagreement  # a falling or too large 累计 is the more telling fault
    return MonthFigures(completed_this_month, cumulative_completed, note, fault, on_cumulative)


# A cumulative this many times its total investment is no overrun but a unit slip.
SLIP_TIMES = 100


def far_above_total(cumulative: Decimal, total_investment: Decimal) -> str:
    """What a cumulative SLIP_TIMES its total investment or more is said to be, "" below: the
    unit is wrong (tryout 20 F4: 万元 figures under a 单位：亿元 line, the column named by the
    user, were refused as 「超过总投资」 alone, naming no unit). The column's unit is not known
    here, so both common slips are named."""
    times = (cumulative / total_investment).quantize(Decimal(1))
    if times < SLIP_TIMES:
        return ""
    return (
        f"，是总投资的{times}倍，疑为金额单位有误（如万元的数填在亿元的列、元的数填在万元的列），"
        "请核对该列单位"
    )


def _disagreement_fault(
    this_month: Decimal,
    cumulative: Decimal,
    earlier: Reported | None,
    cells: tuple[str, str],
    label: str,
) -> str:
    """Why a month's two typed figures cannot both stand: 本月 plus the month before's
    cumulative is not the typed 累计 (tryout 14 P6). A 累计 above it, under a header that does
    not say it is the year's (`label` "累计"), is said to look like 开累 (自开工累计)."""
    month_cell, cumulative_cell = (f"（{cell}）" if cell else "" for cell in cells)
    before_text = f"{earlier[0]}月累计{format_wan(earlier[1])}" if earlier else "此前累计0"
    expected = this_month + (earlier[1] if earlier else Decimal(0))
    since_start = ""
    if label == "累计" and cumulative > expected:
        since_start = f"，多出{format_wan(cumulative - expected)}万元，疑为开累（自开工累计）"
    return (
        f"本月完成{format_wan(this_month)}万元{month_cell}加{before_text}万元为"
        f"{format_wan(expected)}万元，与所填{label}{format_wan(cumulative)}万元{cumulative_cell}"
        f"不符{since_start}，未导入（请核对两数）"
    )


def _falling_fault(
    cumulative: Decimal, before_text: str, typed_month: Decimal | None, cells: tuple[str, str]
) -> str:
    """Why a cumulative below the month before's cannot stand while 本月 is not typed below zero
    (tryout 5 B24 for a positive month; issue 9 for a blank or 0 one): only a 核减 typed as a
    negative month says the office meant the cumulative to fall."""
    month_cell, cumulative_cell = (f"（{cell}）" if cell else "" for cell in cells)
    if typed_month is None:
        month = f"本月完成投资未填写{month_cell}"
    else:
        positive = "为正数" if typed_month > 0 else ""
        month = f"本月完成{format_wan(typed_month)}万元{month_cell}{positive}"
    return (
        f"累计{format_wan(cumulative)}万元{cumulative_cell}，低于{before_text}，而{month}，"
        "两数相互矛盾（核减时本月应填负数）"
    )


def deduction_note(
    month: int,
    completed_this_month: Decimal,
    cumulative_completed: Decimal,
    earlier: Reported | None,
) -> str:
    """What a month below zero (核减) is said to be, "" for any other month: "本月为负数（核减）：
    本月完成投资-20万元，1—4月累计100万元，比3月累计120万元减少20万元" (fresh-eyes tryout fault 2:
    a deduction is read as typed and stated, never refused or clipped)."""
    if completed_this_month >= 0:
        return ""
    fell = ""
    if earlier is not None and cumulative_completed < earlier[1]:
        fell = (
            f"，比{earlier[0]}月累计{format_wan(earlier[1])}万元减少"
            f"{format_wan(earlier[1] - cumulative_completed)}万元"
        )
    period = "1月累计" if month == 1 else f"1—{month}月累计"
    return (
        f"本月为负数（核减）：本月完成投资{format_wan(completed_this_month)}万元，"
        f"{period}{format_wan(cumulative_completed)}万元{fell}"
    )
