"""The firm list as .xlsx (the rows the page shows, cut to the user's scope by the caller)."""

from collections.abc import Sequence
from decimal import Decimal
from typing import BinaryIO

from openpyxl import Workbook

from guanmo.assessment.firms import FIRM_UNITS, SALES_PER_MU, TAX_PER_ENERGY, TAX_PER_MU
from guanmo.documents.xlsx import DECIMAL_FORMAT, INTEGER_FORMAT, MONEY_FORMAT, Column, write_table

COLUMNS = (
    Column("企业名称", 28),
    Column("统一社会信用代码", 22),
    Column("县（市、区）", 12),
    Column("园区", 16),
    Column("用地面积（亩）", 12, DECIMAL_FORMAT),
    Column("税收（万元）", 12, MONEY_FORMAT),
    Column("销售收入（万元）", 14, MONEY_FORMAT),
    Column(f"{TAX_PER_MU}（{FIRM_UNITS[TAX_PER_MU]}）", 14, MONEY_FORMAT),
    Column(f"{SALES_PER_MU}（{FIRM_UNITS[SALES_PER_MU]}）", 14, MONEY_FORMAT),
    Column(f"{TAX_PER_ENERGY}（{FIRM_UNITS[TAX_PER_ENERGY]}）", 16, MONEY_FORMAT),
    Column("综合得分", 10, "0.00"),
    Column("位次", 8, INTEGER_FORMAT),
    Column("等次", 8),
)


def write_firm_list(output: BinaryIO, title: str, lines: Sequence) -> None:
    """One sheet of `selectors.FirmLine`s: the register's figures, the per-亩 indicators as
    computed (full precision, shown to two decimals), and the score, rank and class as issued
    (blank when no result rated the firm)."""
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
                line.year.land_area,
                line.year.tax,
                line.year.sales,
                line.indicators[TAX_PER_MU],
                line.indicators[SALES_PER_MU],
                line.indicators[TAX_PER_ENERGY],
                Decimal(issued["score"]) if issued.get("score") else None,
                issued.get("rank"),
                issued.get("class"),
            ]
        )
    write_table(book.active, title=title, units=None, columns=COLUMNS, rows=rows, freeze_columns=1)
    book.active.title = "企业亩均效益"
    book.save(output)
