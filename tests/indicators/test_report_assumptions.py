"""Every assumption an indicator or target import makes is in its report, each note about a
cell naming it by sheet, row, column letter and header (issue 9 §8; tryout 14)."""

from guanmo.indicators.sheet_import import import_indicators
from tests.indicators.sheets import write
from tests.sheets.files import Drawn


def test_a_row_with_stray_text_and_no_region_is_listed_as_left_out(city, tmp_path):
    drawn = Drawn(
        [
            ["地区", "1—10月（亿元）", "同比增长（%）", "备注"],
            ["解放区", 98.7, 4.2, None],
            [None, None, None, "数据来源：市统计局"],
            ["武陟县", 88.1, 6.0, None],
        ],
        name="社会消费品零售总额",
    )

    report = import_indicators(write(tmp_path, drawn), city=city, year=2025, month=10)

    assert report.ok, [str(f) for f in report.faults]
    assert (
        "  工作表「社会消费品零售总额」第3行为非数据行（没有地区名称和数值，"
        "只有「数据来源：市统计局」），未导入" in report.lines()
    )
