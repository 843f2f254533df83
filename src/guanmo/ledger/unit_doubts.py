"""Figures that look typed in another unit than the 万元 a sheet without a written unit is read
in (issue 9 §3): noted for the user to check, never refused and never changed.

A key project's 总投资 under 100万元, or a 年度计划投资 under 1% of its 总投资, in a column whose
unit nothing wrote (no title, units line, note or header word; `Header.unit_assumed`), is most
likely typed in 亿元 (tryout L7: 3.2 meaning 3.2亿元).
"""

from collections.abc import Iterable
from decimal import Decimal

from guanmo.ledger.columns import Field
from guanmo.sheets.cells import format_wan
from guanmo.sheets.table import Table

SMALL_TOTAL = Decimal(100)  # 万元: no key project costs less
SMALL_PLAN_SHARE = Decimal("0.01")  # of 总投资


def unit_doubt_notes(tables: Iterable[Table]) -> list[str]:
    """One note per doubtful figure, in sheet and row order: "工作表「S」第2行「总投资」3.2万元
    不足100万元（表中未写明金额单位，按万元读取），请核对是否以亿元填报"."""
    notes = []
    for table in tables:
        header = table.header
        assumed = {header.columns[index] for index in header.unit_assumed}
        if not assumed:
            continue
        for row in table.rows:
            place = f"工作表「{row.sheet}」第{row.number}行"
            total = row.values.get(Field.TOTAL_INVESTMENT)
            plan = row.values.get(Field.ANNUAL_PLAN)
            if Field.TOTAL_INVESTMENT in assumed and total is not None and 0 < total < SMALL_TOTAL:
                notes.append(
                    f"{place}「{Field.TOTAL_INVESTMENT.value}」{format_wan(total)}万元，"
                    f"不足{SMALL_TOTAL}万元（表中未写明金额单位，按万元读取），请核对是否以亿元填报"
                )
            if (
                assumed & {Field.TOTAL_INVESTMENT, Field.ANNUAL_PLAN}
                and total
                and plan
                and plan < total * SMALL_PLAN_SHARE
            ):
                notes.append(
                    f"{place}「{Field.ANNUAL_PLAN.value}」{format_wan(plan)}万元，不足总投资"
                    f"{format_wan(total)}万元的1%（表中未写明金额单位，按万元读取），请核对单位"
                )
    return notes
