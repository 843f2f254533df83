"""Figures that look typed in another unit than their column's (issue 9 §3).

Too small: a key project's 总投资 under 100万元, or a 年度计划投资 under 1% of its 总投资, in a
column whose unit nothing wrote (no title, units line, note or header word;
`Header.unit_assumed`), is most likely typed in 亿元 (tryout L7: 3.2 meaning 3.2亿元): the
ledger's are noted for the user to check, never changed; when more than half of such a
column's 总投资 figures are under 100万元, the whole column is likely 亿元 and the import stops
asking for the unit in the header (tryout 6 L47; key projects rarely cost under 100万元).

A month's completed investment under a ten-thousandth of the project's stored annual plan, or a
cumulative under a thousandth, is likely 亿元; either above ten times the total investment, 元;
a progress column whose every figure is implausible so stops the import (fresh-eyes tryout
fault 3).

Too large: a ledger figure over 1000亿元, or over 1000 times the median of its column (a slip
of one unit is 10000 times), is most likely typed in the unit below the column's (12500万元 in
a 亿元 column, tryout 4 L24): it stops the import naming the cell, since read as typed it would
put a figure thousands of times too large into every total. One over 100 times the median,
short of that, may be a real large project (300亿元 among 1亿元 ones): noted for the user to
check.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from statistics import median

from guanmo.ledger.columns import Field
from guanmo.sheets.advice import CONFIRM_WHERE
from guanmo.sheets.cells import MONEY_UNITS, UNIT_NAMES, WAN_PER_YI, format_wan
from guanmo.sheets.faults import SheetFault, cell_place, row_place
from guanmo.sheets.header import column_letter
from guanmo.sheets.table import Table

SMALL_TOTAL = Decimal(100)  # 万元: no key project costs less
SMALL_PLAN_SHARE = Decimal("0.01")  # of 总投资
ASSUMED = "表中未写明金额单位，按万元读取"
# Below these shares of the annual plan a progress figure read in 万元 is likely 亿元: a month
# of a key project is not a ten-thousandth of its year's plan, nor the year's cumulative a
# thousandth; above LARGE_TIMES its total investment it is likely 元.
SMALL_MONTH_SHARE = Decimal("0.0001")
SMALL_CUMULATIVE_SHARE = Decimal("0.001")
LARGE_TIMES = 10
_SHARE_WORDS = {SMALL_MONTH_SHARE: "万分之一", SMALL_CUMULATIVE_SHARE: "千分之一"}
ABSURD = Decimal(10_000_000)  # 万元 (1000亿元): no project of a city's list costs more
OUTLIER_FACTOR = 1000  # times the column's median: a slip, stopped
DOUBT_FACTOR = 100  # times the column's median: noted
_SLIPPED_INTO = {WAN_PER_YI: "万元", Decimal(100): "万元", Decimal(1): "元", Decimal("0.1"): "元"}
_CHECKED = (Field.TOTAL_INVESTMENT, Field.ANNUAL_PLAN, Field.PREVIOUS_YEAR_END)


def check_large_figures(tables: Iterable[Table]) -> list[str]:
    """Fault every figure too large to be typed in its column's unit, on its row: "第3行「总投资」：
    单元格E3为12500亿元（折合125000000万元），超过1000亿元，是本列中位数2.3亿元的5435倍，疑为
    以万元填报；请核对单位后再导入"; return the notes on figures merely far above the median. A
    figure summed from its parts (总投资 over its years) is checked as its sum, in its first
    part's unit: a year typed in 元 makes the whole total absurd."""
    notes = []
    for table in tables:
        header = table.header
        checked = [
            (name, header.units.get(index, Decimal(1)), _cell_of(index))
            for index, name in header.columns.items()
            if name in _CHECKED
        ]
        checked += [
            (parts.field, header.units.get(parts.columns[0][0], Decimal(1)), _sum_of(parts.texts))
            for parts in header.parts
            if parts.field in _CHECKED and parts.whole is None
        ]
        for name, unit, where in checked:
            notes += _large_figures(table, name, unit, where)
    return notes


def _cell_of(index: int) -> Callable[[int], str]:
    """How a fault names a column's figure in row `number`: "单元格E3"."""
    return lambda number: f"单元格{column_letter(index)}{number}"


def _sum_of(texts: str) -> Callable[[int], str]:
    """How a fault names a figure summed from its parts: "2024年、2025年、2026年之和"."""
    return lambda number: f"{texts}之和"


def _large_figures(
    table: Table, name: Field, unit: Decimal, where: Callable[[int], str]
) -> list[str]:
    """Faults (on the rows) and notes of one column's figures too large for `unit`; `where`
    names a row's figure: "单元格E3"."""
    notes = []
    given = [row.values[name] for row in table.rows if row.values.get(name)]
    middle = median(given) if len(given) >= 3 else None
    for row in table.rows:
        amount = row.values.get(name)
        times = (amount / middle).quantize(Decimal(1)) if amount and middle else 0
        if not amount or not (amount > ABSURD or times > DOUBT_FACTOR):
            continue
        figure, read_as, if_slipped = _slip_figure(amount, unit)
        cell = where(row.number) + figure
        why = [f"超过{format_wan(ABSURD / WAN_PER_YI)}亿元"] if amount > ABSURD else []
        if times > DOUBT_FACTOR:
            why.append(f"是本列中位数{_typed(middle, unit)}的{times}倍")
        slip = f"疑为以{slipped_into(unit)}填报"
        if amount > ABSURD or times > OUTLIER_FACTOR:
            row.fault(
                name, f"{cell}，{read_as}{'，'.join(why)}，{slip}{if_slipped}；请核对单位后再导入"
            )
        else:
            own = row.header is not None and row.header.index_of(name) is not None
            notes.append(
                f"{row.place(name)}{figure if own else cell}，{read_as}"
                f"{why[0]}，请核对是否{slip.removeprefix('疑为')}{if_slipped}"
            )
    return notes


def _slip_figure(amount: Decimal, unit: Decimal) -> tuple[str, str, str]:
    """How a too-large figure (万元) of a column in `unit` is named: in a 亿元 column, typed and
    in 万元 ("为12500亿元（折合125000000万元）", "", ""); in a 万元 column, where the two are one,
    the number typed, the unit it was read in and what it would be in 元 ("为150000000",
    "按万元读取", "，若为元则折合15000万元"; tryout 25 [9]: "为150000000万元（折合150000000万元）"
    said the same figure twice)."""
    if unit != 1:
        return f"为{_typed(amount, unit)}（折合{format_wan(amount)}万元）", "", ""
    return (
        f"为{format_wan(amount)}",
        "按万元读取",
        f"，若为元则折合{format_wan(amount * MONEY_UNITS['元'])}万元",
    )


# A year's plan this many times its project's total investment or more: the total is a figure
# in 亿元 typed under a 万元 header (12 for 120000), not a plan over its total.
PLAN_OVER_TOTAL_SLIP = 1000


def total_below_plan_slip(total: Decimal, plan: Decimal) -> str:
    """Why a total investment (万元) PLAN_OVER_TOTAL_SLIP times below its year's plan or more is
    the likely slip: "年度计划投资30000万元是其2500倍，疑为总投资以亿元填报（若为亿元则折合
    120000万元）"; "" when the plan is merely over it (then the plan is at fault). Tryout 25
    [3]: 总投资 12 under （万元） was reported as the plan exceeding it."""
    if total <= 0 or plan < total * PLAN_OVER_TOTAL_SLIP:
        return ""
    times = (plan / total).quantize(Decimal(1))
    return (
        f"年度计划投资{format_wan(plan)}万元是其{times}倍，疑为总投资以亿元填报"
        f"（若为亿元则折合{format_wan(total * WAN_PER_YI)}万元）"
    )


def slipped_into(unit: Decimal) -> str:
    """The unit a figure far too large for its column's `unit` was most likely typed in: 万元
    in a 亿元 column, 元 in a 万元 one."""
    return _SLIPPED_INTO.get(unit, "其他单位")


MONTH_SLIP = Decimal(10_000)  # 元 typed in a 万元 column, 万元 in a 亿元 one
CHECK_UNIT = "请核对单位（表头、单位行或单元格所写）后再导入"
FIT = Decimal(1)  # 万元: a 元 figure divided into 万元 agrees within this


def month_slip_of(
    amount: Decimal,
    unit: Decimal,
    *,
    month: int,
    cumulative: tuple[Decimal, str] | None,
    before: Decimal | None,
    total: Decimal | None,
) -> str:
    """Why a typed 本月 (`amount`, 万元, read in its column's `unit`) is most likely typed in the
    unit below the column's (5500000 for 550万元 in a 万元 column), or "". MONTH_SLIP times
    smaller it fits, and as read it cannot be:
    - beside the year's `cumulative` (万元, and where it stands: "（D2）", "（由开累…算出）")
      with the cumulative of the month before (`before`, 0 in January) known: it exceeds the
      cumulative while the month before's plus it divided adds up to it (within FIT, a 元
      figure's rounding to 万元);
    - otherwise: it exceeds LARGE_TIMES the project's `total` investment while divided it is
      within the cumulative, itself within the total (with no cumulative, within the total;
      a cumulative far above the total too is the whole column's unit: `column_doubts`).
    Rule: issue 9, a 本月 typed in 元 is said of its own cell, never blamed on the cumulative
    or 开累 beside it (a cumulative merely below the month is the two figures' conflict)."""
    read = amount / MONTH_SLIP
    if amount <= 0:
        return ""
    period = "1月累计" if month == 1 else f"1—{month}月累计"
    before = Decimal(0) if month == 1 else before
    fit = ""
    within = cumulative[0] if cumulative is not None else total
    if cumulative is not None and before is not None:
        year, where = cumulative
        if not (year < amount and abs(before + read - year) < FIT):
            return ""
        against = f"大于{period}{format_wan(year)}万元{where}"
        if month > 1:
            adds = "正是" if before + read == year else "与"
            fit = f"{adds}{period}减{month - 1}月累计{format_wan(before)}万元"
            fit += "，" if adds == "正是" else "相差不到1万元，"
    elif total and within is not None and read <= within <= total < amount / LARGE_TIMES:
        against = f"超过总投资{format_wan(total)}万元"
    else:
        return ""
    return (
        f"为{_typed(amount, unit)}，{against}；除以{MONTH_SLIP}为{format_wan(read / unit)}"
        f"{UNIT_NAMES.get(unit, '万元')}，{fit}疑为以{slipped_into(unit)}填报，未导入；{CHECK_UNIT}"
    )


def _typed(amount: Decimal, unit: Decimal) -> str:
    """A figure in 万元 as its column has it typed: "2.3亿元"."""
    return f"{format_wan(amount / unit)}{UNIT_NAMES.get(unit, '万元')}"


def unit_doubt_notes(tables: Iterable[Table]) -> list[str]:
    """One note per doubtful figure, in sheet and row order: "工作表「S」第2行「总投资」3.2万元
    不足100万元（表中未写明金额单位，按万元读取），请核对是否以亿元填报"."""
    notes = []
    for table in tables:
        header = table.header
        assumed = {header.field_of(index) for index in header.unit_assumed}
        if not assumed:
            continue
        for row in table.rows:
            total = row.values.get(Field.TOTAL_INVESTMENT)
            plan = row.values.get(Field.ANNUAL_PLAN)
            if Field.TOTAL_INVESTMENT in assumed and total is not None and 0 < total < SMALL_TOTAL:
                notes.append(
                    f"{row.place(Field.TOTAL_INVESTMENT)}{format_wan(total)}万元，"
                    f"不足{SMALL_TOTAL}万元（{ASSUMED}），请核对是否以亿元填报"
                )
            if assumed & {Field.TOTAL_INVESTMENT, Field.ANNUAL_PLAN} and _below(
                plan, total, SMALL_PLAN_SHARE
            ):
                notes.append(
                    f"{row.place(Field.ANNUAL_PLAN)}{format_wan(plan)}万元，不足总投资"
                    f"{format_wan(total)}万元的1%（{ASSUMED}），请核对单位"
                )
    return notes


def small_totals_faults(tables: Iterable[Table]) -> list[SheetFault]:
    """A 总投资 column whose unit nothing wrote (`Header.unit_assumed`) where more than half of
    the figures given are under SMALL_TOTAL (100万元) stops the import: a city's key projects
    rarely cost under 100万元 each, so such a column is far likelier typed in 亿元 (tryout 6
    L47: 5.2 meaning 5.2亿元 stored as 5.2万元), and which unit it is only the user can say.
    Fewer small figures are noted (`unit_doubt_notes`). The fault names the column, the rows
    and one figure, and asks for the unit in the header; the import has no unit option."""
    faults = []
    for table in tables:
        header = table.header
        for index in header.unit_assumed:
            if header.columns.get(index) != Field.TOTAL_INVESTMENT:
                continue
            given = [
                (row.number, amount)
                for row in table.rows
                if (amount := row.values.get(Field.TOTAL_INVESTMENT))
            ]
            small = [(number, amount) for number, amount in given if 0 < amount < SMALL_TOTAL]
            if not small or len(small) * 2 <= len(given):
                continue
            text = header.shown(index) or Field.TOTAL_INVESTMENT.value
            shown = "、".join(str(number) for number, _ in small[:10])
            more = f"等{len(small)}行" if len(small) > 10 else "行"
            number, amount = small[0]
            faults.append(
                SheetFault(
                    table.sheet,
                    header.rows[0],
                    Field.TOTAL_INVESTMENT.value,
                    f"「{text}」列未写明金额单位，按万元读取时{len(given)}个项目中有{len(small)}"
                    f"个不足{SMALL_TOTAL}万元（第{shown}{more}，如第{number}行"
                    f"{format_wan(amount)}万元）；重点项目总投资很少不足{SMALL_TOTAL}万元，"
                    f"疑为以亿元填报。请在表头写明单位，如「{text}（万元）」或「{text}（亿元）」，"
                    "再导入",
                )
            )
    return faults


def _below(figure: Decimal | None, reference: Decimal | None, share: Decimal) -> bool:
    """Whether a positive figure is under `share` of a positive reference."""
    return bool(figure and reference and 0 < figure < reference * share)


@dataclass(frozen=True)
class Figure:
    """A progress figure read in 万元 with what it is compared with: the project's stored
    annual plan (None when there is none) and total investment."""

    row: int  # Excel's row number
    amount: Decimal
    plan: Decimal | None
    total: Decimal | None


def column_doubts(
    sheet: str,
    column: str,
    figures: Sequence[Figure],
    small_share: Decimal,
    index: int | None = None,
) -> tuple[list[str], list[str]]:
    """(faults, notes) for one progress column whose unit nothing wrote (`column` is its header
    text, `index` its place when one column gives it, naming each cell noted). A doubt every
    figure of the column shares is a fault naming the column and rows (the unit is ambiguous:
    the user must write it); a doubt of some rows is a note per row. A month may truly be small
    (work halted, a small 核减), so a month's small figures (`small_share` SMALL_MONTH_SHARE)
    are only ever noted here, and only against total investment: one small against the plan
    is refused whatever unit its column states, unless confirmed
    (`progress_doubts.small_month_slips`, tryout 20 F1). The cumulative's are refused."""
    month = small_share == SMALL_MONTH_SHARE
    small = [
        (figure, reference, "年度计划投资" if figure.plan else "总投资")
        for figure in figures
        if not (month and figure.plan)
        and _below(figure.amount, reference := figure.plan or figure.total, small_share)
    ]
    large = [
        (figure, figure.total, "总投资")
        for figure in figures
        if figure.total and figure.amount > figure.total * LARGE_TIMES
    ]
    checked = [figure for figure in figures if figure.amount > 0 and (figure.plan or figure.total)]
    share = _SHARE_WORDS[small_share]
    faults: list[str] = []
    notes: list[str] = []
    for doubtful, unit in ((small, "亿元"), (large, "元")):
        if not doubtful:
            continue
        relations = [
            f"不到{word}的{share}" if unit == "亿元" else f"超过{word}的{LARGE_TIMES}倍"
            for _, _, word in doubtful
        ]
        if len(doubtful) == len(checked) and (unit == "元" or small_share != SMALL_MONTH_SHARE):
            rows = "、".join(str(figure.row) for figure, _, _ in doubtful)
            first, reference, word = doubtful[0]
            faults.append(
                f"工作表「{sheet}」「{column}」列未写明金额单位，按万元读取，第{rows}行都"
                f"{relations[0]}（如第{first.row}行{format_wan(first.amount)}万元，{word}"
                f"{format_wan(reference)}万元），疑为以{unit}填报；请在表头写明单位"
                f"（如「{column}（{unit}）」）后再导入"
            )
            continue
        for (figure, reference, word), relation in zip(doubtful, relations, strict=True):
            place = (
                cell_place(sheet, figure.row, index, column)
                if index is not None
                else f"{row_place(sheet, figure.row)}「{column}」"
            )
            notes.append(
                f"{place}{format_wan(figure.amount)}万元，"
                + relation.replace(word, f"{word}{format_wan(reference)}万元", 1)
                + f"（{ASSUMED}），请核对是否以{unit}填报"
            )
    return faults, notes


# How a refusal that the user may override asks him to (import-ledger and import-progress,
# and their pages): a figure doubted as a unit slip may be real.
CONFIRM_CHANGES = f"如确需修改，请核对后确认修改{CONFIRM_WHERE}再导入"
# The same for a figure typed for the first time (a month far below the project's usual one).
CONFIRM_FIGURES = f"如确为此数，请核对后确认{CONFIRM_WHERE}再导入"


def confirmable(doubt: str, confirmed: bool) -> str:
    """A doubt the user may override (a likely unit slip, a sheet of last month sent again), as
    a note once he has confirmed ("…；已按确认导入"), else as a refusal saying how to confirm
    ("…，未导入；如确为此数，请核对后确认（导入页勾选“确认修改”，命令行加 --confirm-changes）再
    导入"; `ImportReport.said` keeps the page's words only on the web)."""
    return f"{doubt}；已按确认导入" if confirmed else f"{doubt}，未导入；{CONFIRM_FIGURES}"


# A stored figure changed by a re-import this many times or more, up or down, is doubted as a
# unit slip (tryout 11 A: "1.2万" in a （万元） column overwrote a 12000万元 total).
TENFOLD = Decimal(10)
# The slip a change by 10^power most likely is: a figure typed in 亿元 into a 万元 column is
# a ten-thousandth of the stored one; in 元, ten thousand times it.
_SLIPS = {-4: "疑为以亿元填报", 4: "疑为以元填报"}
_POWER_WORDS = {1: "十", 2: "百", 3: "千", 4: "万", 5: "十万", 6: "百万", 7: "千万", 8: "亿"}


def tenfold_change(stored: Decimal, typed: Decimal) -> int | None:
    """The power of ten nearest to typed/stored when the typed figure is ten times the stored
    one or more, or a tenth or less (12000 → 1.2 gives -4, 1200 → 12000 gives 1); None for a
    change under tenfold, or when either is zero or negative (nothing to compare). Figures in
    万元. Source: issue 9 §5 (never a silent wrong figure), tryout 11 A."""
    if stored <= 0 or typed <= 0:
        return None
    ratio = typed / stored
    if TENFOLD**-1 < ratio < TENFOLD:
        return None
    return int(ratio.log10().to_integral_value(ROUND_HALF_UP))


def slip_of(power: int) -> str:
    """The likely slip behind a change by 10^power: "疑为以亿元填报" for -4."""
    return _SLIPS.get(power, "疑为小数点位置或单位有误")


def times_text(stored: Decimal, typed: Decimal, power: int) -> str:
    """How the typed figure stands to the stored one: "是其万分之一", "是其10倍", "约为其千分之一"
    (约 when the ratio is not exactly the power of ten)."""
    exact = typed == stored * Decimal(10) ** power
    said = "是其" if exact else "约为其"
    if power > 0:
        return f"{said}{10**power}倍"
    words = _POWER_WORDS.get(-power, f"10的{-power}次方")
    return f"{said}{words}分之一"
