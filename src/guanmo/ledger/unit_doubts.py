"""Figures that look typed in another unit than the 万元 a sheet without a written unit is read
in (issue 9 §3): the ledger's are noted for the user to check; a progress column whose every
figure is implausible against the stored plan stops the import (fresh-eyes tryout fault 3).

A key project's 总投资 under 100万元, or a 年度计划投资 under 1% of its 总投资, in a column whose
unit nothing wrote (no title, units line, note or header word; `Header.unit_assumed`), is most
likely typed in 亿元 (tryout L7: 3.2 meaning 3.2亿元). A month's completed investment under a
ten-thousandth of the project's stored annual plan, or a cumulative under a thousandth, is
likely 亿元; either above ten times the total investment, 元.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from guanmo.ledger.columns import Field
from guanmo.sheets.cells import format_wan
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


def unit_doubt_notes(tables: Iterable[Table]) -> list[str]:
    """One note per doubtful figure, in sheet and row order: "工作表「S」第2行「总投资」3.2万元
    不足100万元（表中未写明金额单位，按万元读取），请核对是否以亿元填报"."""
    notes = []
    for table in tables:
        header = table.header
        assumed = {header.columns.get(index) for index in header.unit_assumed}
        if not assumed:
            continue
        for row in table.rows:
            place = f"工作表「{row.sheet}」第{row.number}行"
            total = row.values.get(Field.TOTAL_INVESTMENT)
            plan = row.values.get(Field.ANNUAL_PLAN)
            if Field.TOTAL_INVESTMENT in assumed and total is not None and 0 < total < SMALL_TOTAL:
                notes.append(
                    f"{place}「{Field.TOTAL_INVESTMENT.value}」{format_wan(total)}万元，"
                    f"不足{SMALL_TOTAL}万元（{ASSUMED}），请核对是否以亿元填报"
                )
            if assumed & {Field.TOTAL_INVESTMENT, Field.ANNUAL_PLAN} and _below(
                plan, total, SMALL_PLAN_SHARE
            ):
                notes.append(
                    f"{place}「{Field.ANNUAL_PLAN.value}」{format_wan(plan)}万元，不足总投资"
                    f"{format_wan(total)}万元的1%（{ASSUMED}），请核对单位"
                )
    return notes


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
    sheet: str, column: str, figures: Sequence[Figure], small_share: Decimal
) -> tuple[list[str], list[str]]:
    """(faults, notes) for one progress column whose unit nothing wrote (`column` is its header
    text). A doubt every figure of the column shares is a fault naming the column and rows (the
    unit is ambiguous: the user must write it); a doubt of some rows is a note per row. A month
    may truly be small (work halted, a small 核减), so a month's small figures (`small_share`
    SMALL_MONTH_SHARE) are only ever noted; the cumulative's are refused."""
    small = [
        (figure, reference, "年度计划投资" if figure.plan else "总投资")
        for figure in figures
        if _below(figure.amount, reference := figure.plan or figure.total, small_share)
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
            notes.append(
                f"工作表「{sheet}」第{figure.row}行「{column}」{format_wan(figure.amount)}万元，"
                + relation.replace(word, f"{word}{format_wan(reference)}万元", 1)
                + f"（{ASSUMED}），请核对是否以{unit}填报"
            )
    return faults, notes
