"""A cycle's values sheet read as it shows: a rate typed as a fraction in a percent format is
the percent Excel shows (issue 9, tryout 8 S02: 投资完成率（%） 0.925 shown 92.5%)."""

from decimal import Decimal as D

import pytest

from guanmo.assessment.sheet_reading import Refused, read_scheme
from guanmo.assessment.values_sheet import read_values
from tests.assessment.test_sheet_reading import HEADER, save
from tests.sheets.files import formatted_xlsx

SCHEME = [
    [None, None, "投资完成率（%）", 60, "正向", "基准比值", "基准值=100"],
    [None, None, "单位能耗", 40, "逆向", "位次递减", "步长=25"],
]


def _values(path, rows, formats):
    header = ["企业名称", "投资完成率（%）", "单位能耗"]
    path.write_bytes(formatted_xlsx([["2025年度综合考核指标数值"], header, *rows], formats))
    return path


def test_a_rate_in_a_percent_format_is_read_as_the_percent_shown(tmp_path):
    definition, _ = read_scheme(save(tmp_path / "s.xlsx", HEADER, SCHEME))
    values = _values(
        tmp_path / "v.xlsx",
        [["甲公司", 0.925, 0.8], ["乙公司", 0.853, 1.1]],
        {(3, 1): "0.0%", (4, 1): "0.0%"},
    )

    inputs, _ = read_values(values, definition)

    assert inputs.values["甲公司"]["投资完成率（%）"] == D("92.5")
    assert inputs.values["乙公司"]["投资完成率（%）"] == D("85.3")


def test_a_percent_format_in_a_column_that_is_no_percentage_is_refused(tmp_path):
    definition, _ = read_scheme(save(tmp_path / "s.xlsx", HEADER, SCHEME))
    values = _values(tmp_path / "v.xlsx", [["甲公司", 92.5, 0.8]], {(3, 2): "0%"})

    with pytest.raises(Refused) as refused:
        read_values(values, definition)

    assert any(
        "单元格C3设置为百分比格式，显示为80%" in str(fault) for fault in refused.value.report.faults
    )
