"""A 本月 typed in 元 in a 万元 column (5500000 for 550万元) is said as a unit slip of that
cell, first, with the arithmetic that shows it: never blamed on the cumulative or on 开累, never
said as the cumulative's overrun of 总投资 (issue 9: say exactly why; never a silent wrong
figure). Nothing of the sheet is stored."""

import pytest

from guanmo.ledger.services import import_progress
from tests.ledger.sheets import xlsx
from tests.ledger.test_tryout_kinds import month_figures

CHECK_UNIT = "疑为以元填报，未导入；请核对单位（表头、单位行或单元格所写）后再导入"


def _july(header: list[str], first: list[object], second: list[object]):
    """July's sheet: 甲项目 (武陟县, June's cumulative 4000, 8000 before 2025, 总投资 50000)
    with its 本月 550万元 typed in 元, 乙项目 (温县, June's 1200, 2500 before 2025) right."""
    return xlsx([header, ["甲项目", "武陟县", *first], ["乙项目", "温县", *second]])


CASES = [
    pytest.param(
        ["项目名称", "所在县区", "本月完成投资（万元）", "累计完成投资（万元）"],
        [5500000, 4550],
        [150, 1350],
        "工作表「Sheet1」第2行列C「本月完成投资（万元）」为5500000万元，大于1—7月累计4550万元"
        "（D2）；除以10000为550万元，正是1—7月累计减6月累计4000万元，",
        id="beside-a-bare-cumulative",
    ),
    pytest.param(
        ["项目名称", "所在县区", "本月完成投资（万元）", "开累完成投资（万元）"],
        [5500000, 12550],
        [150, 3850],
        "工作表「Sheet1」第2行列C「本月完成投资（万元）」为5500000万元，大于1—7月累计4550万元"
        "（由开累12550万元减截至2024年底累计8000万元算出）；除以10000为550万元，正是1—7月累计"
        "减6月累计4000万元，",
        id="beside-since-start-only",
    ),
    pytest.param(
        ["项目名称", "所在县区", "本月完成投资（万元）", "形象进度"],
        [5500000, "主体施工"],
        [150, "设备安装"],
        "工作表「Sheet1」第2行列C「本月完成投资（万元）」为5500000万元，超过总投资50000万元；"
        "除以10000为550万元，",
        id="without-a-cumulative",
    ),
]


@pytest.mark.parametrize(("header", "first", "second", "said"), CASES)
def test_a_month_typed_in_yuan_is_said_as_a_unit_slip_of_its_cell_first(
    june, header, first, second, said
):
    report = import_progress(_july(header, first, second), city=june, year=2025, month=7)

    lines = report.fault_lines
    assert lines[0] == said + CHECK_UNIT
    assert not any("开累" in line or "超过总投资" in line for line in lines[1:])
    assert not any("不能超过" in line for line in lines)
    assert month_figures(7) == {}


def test_a_month_in_wan_beside_its_cumulative_is_no_slip(june):
    sheet = _july(
        ["项目名称", "所在县区", "本月完成投资（万元）", "累计完成投资（万元）"],
        [550, 4550],
        [150, 1350],
    )

    report = import_progress(sheet, city=june, year=2025, month=7)

    assert report.fault_lines == []
    assert len(month_figures(7)) == 2
