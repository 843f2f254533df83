"""A task sheet that mixes units in one column (300亩 and 20座, or a 亩 header over a cell
saying 座) is refused by import-indicators and import-targets, naming the cell, and nothing is
kept (issue 12: "a sheet that mixes 亩 and 座 in one column is refused")."""

from decimal import Decimal

import pytest

from guanmo.indicators.models import Indicator, IndicatorValue, Target
from guanmo.indicators.sheet_import import import_indicators
from guanmo.indicators.target_import import import_targets
from tests.indicators.sheets import bulletin, jiaozuo_rows, write
from tests.sheets.files import Drawn


@pytest.fixture
def planting(city):
    return Indicator.objects.create(city=city, name="新植面积", unit="亩", places=0)


MIXED = [
    pytest.param("累计", ["300亩", "20座"], ["300亩", "20座"], id="units-in-cells"),
    pytest.param("累计（亩）", [300, "20座"], ["20座"], id="header-亩-cell-座"),
]

# What each refused cell is told (tryout 17: "不是数字：12000亩" for every cell hid the
# conflict): the cell's unit against the column's.
SAID = {
    "300亩": "不是数字：「300亩」（本列单位为亩，格内只填数字）",
    "20座": "单位不一致：「20座」的单位是座，本列为亩（“新植面积”）",
}


@pytest.mark.parametrize(("header", "cells", "refused"), MIXED)
def test_import_indicators_refuses_a_column_mixing_units(
    city, planting, tmp_path, header, cells, refused
):
    drawn = Drawn(
        [["地区", f"1—6月{header}"], ["武陟县", cells[0]], ["温县", cells[1]]], name="新植面积"
    )

    report = import_indicators(write(tmp_path, drawn), city=city, year=2025, month=6)

    faults = [str(fault) for fault in report.faults]
    assert faults == [
        f"第{row}行「1—6月{header}」：{SAID[cell]}"
        for row, cell in ((2, cells[0]), (3, cells[1]))
        if cell in refused
    ]
    assert not IndicatorValue.objects.exists()


@pytest.mark.parametrize(("header", "cells", "refused"), MIXED)
def test_import_targets_refuses_a_column_mixing_units(
    city, planting, tmp_path, header, cells, refused
):
    header = header.replace("累计", "新植面积")
    drawn = Drawn([["县（市、区）", header], ["武陟县", cells[0]], ["温县", cells[1]]], name="目标")

    report = import_targets(write(tmp_path, drawn), city=city, year=2025)

    assert [str(fault) for fault in report.faults] == [
        f"第{row}行「{header}」：{SAID[cell]}"
        for row, cell in ((2, cells[0]), (3, cells[1]))
        if cell in refused
    ]
    assert not Target.objects.exists()


def test_a_header_unit_beside_the_units_line_wins_and_the_report_says_so(city, tmp_path):
    report = import_indicators(
        write(tmp_path, bulletin(jiaozuo_rows())), city=city, year=2025, month=6
    )

    assert report.ok, [str(f) for f in report.faults]
    assert (
        "工作表「主要指标」「一般公共预算收入（万元）／绝对值」表头写明单位为万元，按表头读取"
        "（第2行「单位：亿元、%」所写亿元用于未写单位的列）" in report.notes
    )
    revenue = IndicatorValue.objects.get(indicator__name="一般公共预算收入", region__name="武陟县")
    assert revenue.value == Decimal("1.23456")


def test_a_unit_column_saying_another_kind_refuses_its_cell_and_keeps_nothing(
    city, planting, tmp_path
):
    # tryout 21 (2): 地区 | 新植面积 | 单位 with 120 亩 / 3 座 / 80 亩 stored 3座 as 3亩.
    drawn = Drawn(
        [
            ["地区", "新植面积", "单位"],
            ["武陟县", 120, "亩"],
            ["温县", 3, "座"],
            ["博爱县", 80, "亩"],
        ],
        name="新植面积",
    )

    report = import_indicators(write(tmp_path, drawn), city=city, year=2025, month=6)

    assert [str(fault) for fault in report.faults] == [
        "第3行「新植面积」：单元格C3单位为座，指标“新植面积”的单位是亩，无法换算（同一列不能混填不同单位的数）"
    ]
    assert not IndicatorValue.objects.exists()


def test_a_unit_column_converts_each_rows_figure_into_the_indicators_unit(city, tmp_path):
    cotton = Indicator.objects.create(city=city, name="压减棉花", unit="万亩", places=2)
    drawn = Drawn(
        [["地区", "压减棉花", "单位"], ["武陟县", 12000, "亩"], ["温县", "1.5", "万亩"]],
        name="压减棉花",
    )

    report = import_indicators(write(tmp_path, drawn), city=city, year=2025, month=6)

    assert not report.faults
    stored = dict(
        IndicatorValue.objects.filter(indicator=cotton).values_list("region__name", "value")
    )
    assert stored == {"武陟县": Decimal("1.2"), "温县": Decimal("1.5")}
    assert any("按各行单位列换算（单元格C2为亩）" in note for note in report.notes), report.notes
