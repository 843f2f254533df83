"""A values sheet's column in another unit than the scheme's indicator is converted exactly or
refused, never read as the same figure (issue 9, tryout 8 S03: 185000元/亩 against 基准值=20)."""

from decimal import Decimal as D

import pytest

from guanmo.assessment.sheet_reading import Refused, read_scheme
from guanmo.assessment.values_sheet import UnitRoll, read_values
from guanmo.sheets.faults import ImportReport
from guanmo.sheets.table import Row
from tests.assessment.test_sheet_reading import HEADER, save

SCHEME = [
    [None, None, "亩均税收（万元/亩）", 60, "正向", "基准比值", "基准值=20"],
    [None, None, "单位能耗", 40, "逆向", "位次递减", "步长=25"],
]


def _values(tmp_path, header):
    definition, _ = read_scheme(save(tmp_path / "s.xlsx", HEADER, SCHEME))
    values = save(
        tmp_path / "v.xlsx",
        ["企业名称", header, "单位能耗"],
        [["甲公司", 185000, "0.8"], ["乙公司", "92500", 1.1]],
    )
    return read_values(values, definition)


def test_a_column_in_yuan_per_mu_is_converted_into_the_schemes_wan_per_mu(tmp_path):
    inputs, report = _values(tmp_path, "亩均税收（元/亩）")

    assert inputs.values["甲公司"]["亩均税收（万元/亩）"] == D("18.5")
    assert inputs.values["乙公司"]["亩均税收（万元/亩）"] == D("9.25")
    assert any("「亩均税收（元/亩）」以元/亩填报，已换算为万元/亩" in n for n in report.notes)


def test_a_column_in_the_schemes_own_unit_is_read_as_it_is(tmp_path):
    inputs, _ = _values(tmp_path, "亩均税收（万元/亩）")

    assert inputs.values["甲公司"]["亩均税收（万元/亩）"] == D(185000)


def test_a_column_in_a_unit_that_does_not_convert_is_refused(tmp_path):
    with pytest.raises(Refused) as refused:
        _values(tmp_path, "亩均税收（吨/亩）")

    faults = "；".join(str(fault) for fault in refused.value.report.faults)
    assert "表中有未识别的列：「亩均税收（吨/亩）」" in faults


def test_a_zones_known_short_name_is_one_of_the_citys_units():
    """S04: 高新区 and 示范区 are the city's zones (regions.names.region_named)."""
    roll = UnitRoll("焦作市", ("武陟县", "城乡一体化示范区", "焦作高新技术产业开发区"))

    assert roll.named("高新区") == "焦作高新技术产业开发区"
    assert roll.named("示范区") == "城乡一体化示范区"
    assert roll.named("武陟县产业集聚区") is None


def test_a_unit_named_by_its_short_name_is_said_in_the_report():
    """S2 of issue 9: the assumption is in the report (regions.names.naming)."""
    roll = UnitRoll("焦作市", ("武陟县", "城乡一体化示范区"))
    report = ImportReport("考核数据")
    row = Row("Sheet1", 3, {})

    assert roll.checked("武陟", row, report) == "武陟县"
    assert roll.checked("城乡一体化示范区", row, report) == "城乡一体化示范区"
    assert report.notes == ["工作表「Sheet1」第3行“武陟”按简称识别为武陟县"]
    assert roll.checked("陟", row, report) is None
    assert [str(fault) for fault in report.faults] == [
        "第3行「单位」：“陟”不是焦作市的考核单位；焦作市的考核单位为：武陟县、城乡一体化示范区"
    ]
