"""Every reader gets a cell as the sheet shows it and the unit the sheet states (issue 9,
tryout 8: I02/T03/S02 growth in a percent format, I03/I04/I04b/T05 units outside the header)."""

import pytest

from guanmo.sheets.cells import CellError
from guanmo.sheets.formats import open_workbook
from guanmo.sheets.number_formats import shown_value
from guanmo.sheets.stated_units import stated_units
from tests.sheets.files import formatted_xlsx


def _formatted(tmp_path, rows, formats):
    path = tmp_path / "表.xlsx"
    path.write_bytes(formatted_xlsx(rows, formats))
    return open_workbook(path)[0]


def test_a_fraction_in_a_percent_format_is_read_as_the_percent_excel_shows(tmp_path):
    sheet = _formatted(
        tmp_path,
        [["增速（%）", "占比（%）", "金额"], [0.099, 0.7, 125000000], [0.925, 5, 3]],
        {(2, 0): "0.0%", (2, 1): "0%", (3, 0): "0.0%", (2, 2): "0!.0,"},
    )

    assert shown_value(sheet, 2, 0, percent=True) == "9.9%"
    assert shown_value(sheet, 2, 1, percent=True) == "70%"
    assert shown_value(sheet, 3, 0, percent=True) == "92.5%"
    assert shown_value(sheet, 3, 1, percent=True) == 5  # General: the number held
    assert shown_value(sheet, 2, 2, percent=False) == "12500"


def test_a_percent_format_in_a_column_that_is_no_percentage_is_refused_naming_the_cell(
    tmp_path,
):
    sheet = _formatted(tmp_path, [["户数"], [0.25]], {(2, 0): "0%"})

    with pytest.raises(CellError, match="单元格A2设置为百分比格式，显示为25%"):
        shown_value(sheet, 2, 0, percent=False)


def test_a_title_a_money_line_a_measure_line_and_a_mixed_line_state_the_unit():
    rows = [
        ["2025年1—10月社会消费品零售总额（单位：万元）"],
        ["金额单位：万元"],
        [None, "计量单位：亿元"],
        ["单位：亿元、%"],
        ["填报单位：焦作市统计局", None, "单位名称"],
        ["2025年度目标任务（金额单位：万元）"],
        ["单位：%，亿元"],
    ]

    found = [(stated.row, stated.words) for stated in stated_units(rows)]

    assert found == [
        (1, ("万元",)),
        (2, ("万元",)),
        (3, ("亿元",)),
        (4, ("亿元",)),
        (6, ("万元",)),
        (7, ("亿元",)),
    ]
    assert stated_units(rows)[0].place == "第1行「2025年1—10月社会消费品零售总额（单位：万元）」"
