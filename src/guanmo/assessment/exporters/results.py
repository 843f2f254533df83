"""A result's ranking and breakdown as the results page shows them, as .xlsx: from what the
result kept (the issued JSON and its page's tables, `Result.figures`), so that the file is the
page, computed once."""

from collections.abc import Mapping
from decimal import Decimal
from typing import BinaryIO

from openpyxl import Workbook

from guanmo.assessment.exporters.text import BREAKDOWN_TAIL
from guanmo.documents.xlsx import RATE_FORMAT, Column, write_table
from guanmo.figures.formatting import UNDEFINED

POINTS_FORMAT = "0.00"


def _points(text: str) -> Decimal | None:
    """A breakdown cell kept as text (60.00, —) as the number it shows."""
    return None if text == UNDEFINED else Decimal(text)


def _percent(probability: str | None) -> Decimal | None:
    return None if probability is None else Decimal(probability) * 100


def write_unit_results(
    output: BinaryIO, title: str, issued: Mapping, figures: Mapping, indicators: list[str]
) -> None:
    """One sheet: each unit's place (并列 said), name (一票否决 said), score, class, change,
    90% rank interval, P(first), P(last), then its points by indicator, 加分, 扣分 and score as
    the page's breakdown; `issued` is the result's output, `figures` its page's tables."""
    stored = {unit["unit"]: unit for unit in issued["units"]}
    breakdown = {row[0]: row[1:] for row in figures["breakdown"]}
    columns = [
        Column("位次", 8),
        Column("单位", 18),
        Column("综合得分", 10, POINTS_FORMAT),
        Column("等次", 8),
        Column("位次变化", 10),
        Column("90%位次区间", 12),
        Column("居首概率", 10, RATE_FORMAT),
        Column("末位概率", 10, RATE_FORMAT),
        *(Column(f"{name}（分）", 14, POINTS_FORMAT) for name in indicators),
        *(Column(f"{name}（分）", 10, POINTS_FORMAT) for name in BREAKDOWN_TAIL[:2]),
    ]
    rows = []
    for line in figures["lines"]:
        unit = stored[line["unit"]]
        interval = unit["rank_interval"]
        points = breakdown[line["label"]]
        rows.append(
            [
                line["rank"],
                line["label"],
                _points(unit["score"] or UNDEFINED),
                unit["class"] or UNDEFINED,
                line["change"],
                "{}—{}".format(*interval) if interval else UNDEFINED,
                _percent(unit["p_first"]),
                _percent(unit["p_last"]),
                *(_points(cell) for cell in points[:-1]),
            ]
        )
    book = Workbook()
    write_table(book.active, title=title, units=None, columns=columns, rows=rows, freeze_columns=2)
    book.active.title = "考核结果"
    book.save(output)
