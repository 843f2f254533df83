"""A table's figures are numbers under their column's Excel format, or under a format of their
own where a column's rows differ (`Formatted`: an amount in each row's unit and decimals)."""

import io
from decimal import Decimal

from openpyxl import Workbook, load_workbook

from guanmo.documents.xlsx import RATE_FORMAT, Column, Formatted, places_format, write_table


def _written(columns, rows):
    workbook = Workbook()
    header = write_table(workbook.active, title="目标", units=None, columns=columns, rows=rows)
    output = io.BytesIO()
    workbook.save(output)
    return load_workbook(io.BytesIO(output.getvalue())).active, header


def test_places_format_gives_that_many_decimals():
    assert [places_format(places) for places in (0, 1, 2, 4)] == ["0", "0.0", "0.00", "0.0000"]


def test_a_figure_with_a_format_of_its_own_is_written_under_it():
    columns = [Column("指标"), Column("年度目标"), Column("完成率", number_format=RATE_FORMAT)]
    rows = [
        ["脱贫人口", Formatted(Decimal("7.38"), places_format(2)), Decimal("67.5")],
        ["固定资产投资", Formatted(Decimal("1200.5"), places_format(1)), Decimal("9.1")],
        ["新增就业", Formatted(None, places_format(0)), None],
    ]
    sheet, header = _written(columns, rows)

    first = header + 1
    assert [sheet.cell(first + at, 2).value for at in range(3)] == [7.38, 1200.5, None]
    assert [sheet.cell(first + at, 2).number_format for at in range(3)] == ["0.00", "0.0", "0"]
    assert sheet.cell(first, 3).value == 0.675
    assert sheet.cell(first, 3).number_format == "0.0%"


def test_a_rate_with_a_format_of_its_own_is_still_written_as_excel_percent():
    columns = [Column("完成率")]
    sheet, header = _written(columns, [[Formatted(Decimal("86.8"), RATE_FORMAT)]])

    assert sheet.cell(header + 1, 1).value == 0.868
    assert sheet.cell(header + 1, 1).number_format == "0.0%"
