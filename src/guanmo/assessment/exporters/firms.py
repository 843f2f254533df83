"""The firm list as .xlsx (the rows the page shows, in its order, cut to the user's scope by the
caller), through the project's one table writer with typed columns: the figures the result used,
the per-亩 indicators unrounded (shown to two decimals, so they recompute in the sheet), and a
更正 column saying each corrected value (原值→更正值, who accepted it and when)."""

from collections.abc import Sequence
from decimal import Decimal
from typing import BinaryIO

from openpyxl import Workbook

from guanmo.assessment.firms import (
    FIRM_UNITS,
    LAND_AREA,
    SALES_PER_MU,
    TAX_PER_ENERGY,
    TAX_PER_MU,
)
from guanmo.documents.xlsx import DECIMAL_FORMAT, INTEGER_FORMAT, MONEY_FORMAT, Column, write_table

COLUMNS = (
    Column("企业名称", 28),
    Column("统一社会信用代码", 22),
    Column("县（市、区）", 12),
    Column("园区", 16),
    Column("用地面积（亩）", 12, DECIMAL_FORMAT),
    Column("税收（万元）", 12, MONEY_FORMAT),
    Column("销售收入（万元）", 14, MONEY_FORMAT),
    Column("综合能耗（吨标准煤）", 14, DECIMAL_FORMAT),
    Column(f"{TAX_PER_MU}（{FIRM_UNITS[TAX_PER_MU]}）", 14, MONEY_FORMAT),
    Column(f"{SALES_PER_MU}（{FIRM_UNITS[SALES_PER_MU]}）", 14, MONEY_FORMAT),
    Column(f"{TAX_PER_ENERGY}（{FIRM_UNITS[TAX_PER_ENERGY]}）", 16, MONEY_FORMAT),
    Column("综合得分", 10, "0.00"),
    Column("位次", 8, INTEGER_FORMAT),
    Column("等次", 8),
    Column("更正（经异议）", 60),
)


def write_firm_list(output: BinaryIO, title: str, lines: Sequence) -> None:
    """One sheet of `selectors.FirmLine`s: the figures the result used (the register's, or as
    an accepted objection corrected them), the per-亩 indicators computed from them (full
    precision, shown to two decimals), the score, rank and class as issued (blank when no
    result rated the firm), and its corrections (`Correction.text`, "" for none)."""
    book = Workbook()
    rows = []
    for line in lines:
        issued = line.line or {}
        rows.append(
            [
                line.firm.name,
                line.firm.credit_code,
                line.firm.county.name if line.firm.county else "",
                line.firm.park,
                line.figures[LAND_AREA],
                line.figures["税收"],
                line.figures["销售收入"],
                line.figures["综合能耗"],
                line.indicators[TAX_PER_MU],
                line.indicators[SALES_PER_MU],
                line.indicators[TAX_PER_ENERGY],
                Decimal(issued["score"]) if issued.get("score") else None,
                issued.get("rank"),
                issued.get("class"),
                "；".join(correction.text for correction in line.corrections),
            ]
        )
    write_table(book.active, title=title, units=None, columns=COLUMNS, rows=rows, freeze_columns=1)
    book.active.title = "企业亩均效益"
    book.save(output)
