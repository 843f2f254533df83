"""Indicator and target sheets read as they show: a growth in a percent format is the percent
Excel shows, and the unit the sheet states in its title or a 金额单位/计量单位 line is the
figures' unit (issue 9, tryout 8: I02, I03, I04, I04b, T03, T05)."""

from decimal import Decimal

import pytest

from guanmo.indicators.models import IndicatorValue, Target
from guanmo.indicators.sheet_import import import_indicators
from guanmo.indicators.target_import import import_targets
from tests.sheets.files import formatted_xlsx


def _xlsx(tmp_path, rows, formats=None, name="一般公共预算收入"):
    path = tmp_path / "表.xlsx"
    path.write_bytes(formatted_xlsx(rows, formats or {}, name))
    return path


def _value(city, indicator, region):
    return IndicatorValue.objects.get(
        indicator__city=city, indicator__name=indicator, region__name=region, year=2025, month=6
    )


def test_growth_in_a_percent_format_is_stored_as_the_percent_shown(city, tmp_path):
    rows = [
        ["2025年1—6月固定资产投资"],
        ["地区", "1—6月累计（亿元）", "同比增长（%）", "位次"],
        ["武陟县", 107, 0.099, 1],
        ["温县", 98.5, -0.035, 2],
    ]
    formats = {(3, 2): "0.0%", (4, 2): "0.0%"}
    path = _xlsx(tmp_path, rows, formats, name="固定资产投资")

    report = import_indicators(path, city=city, year=2025, month=6)

    assert report.ok, [str(f) for f in report.faults]
    assert _value(city, "固定资产投资", "武陟县").reported_growth == Decimal("9.9")
    assert _value(city, "固定资产投资", "温县").reported_growth == Decimal("-3.5")


@pytest.mark.parametrize(
    "lines",
    [
        [["2025年1—6月一般公共预算收入（单位：万元）"]],
        [["2025年1—6月一般公共预算收入"], ["金额单位：万元"]],
        [["2025年1—6月一般公共预算收入"], [None, None, "计量单位：万元"]],
        [["2025年1—6月一般公共预算收入"], ["单位：万元、%"]],
    ],
)
def test_the_unit_a_title_or_a_line_states_converts_the_figures(city, tmp_path, lines):
    rows = [*lines, ["地区", "1—6月", "增长（%）"], ["武陟县", 12345.6, 4.2], ["温县", 987000, 3]]
    path = _xlsx(tmp_path, rows)

    report = import_indicators(path, city=city, year=2025, month=6)

    assert report.ok, [str(f) for f in report.faults]
    assert _value(city, "一般公共预算收入", "武陟县").value == Decimal("1.23456")
    assert _value(city, "一般公共预算收入", "温县").value == Decimal("98.7")
    assert any("以万元填报" in note and "已换算为亿元" in note for note in report.notes)
    assert not any("未注明单位" in note for note in report.notes)


def test_a_stated_unit_that_disagrees_with_the_headers_is_refused_naming_the_cell(city, tmp_path):
    rows = [
        ["2025年1—6月一般公共预算收入（单位：万元）"],
        ["地区", "1—6月（亿元）", "增长（%）"],
        ["武陟县", 1.2, 4.2],
    ]
    path = _xlsx(tmp_path, rows)

    report = import_indicators(path, city=city, year=2025, month=6)

    assert [str(fault) for fault in report.faults] == [
        "第2行「1—6月（亿元）」：表头写明单位为亿元，第1行「2025年1—6月一般公共预算收入（单位：万元）」"
        "写明单位为万元，两者不一致；请改为一致后再导入"
    ]
    assert not IndicatorValue.objects.exists()


def test_growth_targets_in_a_percent_format_are_kept_as_the_percent_shown(city, tmp_path):
    rows = [
        ["2025年度各县（市、区）主要经济指标目标任务"],
        ["县（市、区）", "固定资产投资增长（%）", "一般公共预算收入（亿元）"],
        ["武陟县", 0.08, 27.5],
        ["温县", 0.075, 16],
    ]
    path = _xlsx(tmp_path, rows, {(3, 1): "0.0%", (4, 1): "0.0%"}, name="目标")

    report = import_targets(path, city=city, year=2025)

    assert report.ok, [str(f) for f in report.faults]
    growth = {
        t.region.name: t.growth for t in Target.objects.filter(indicator__name="固定资产投资")
    }
    assert growth == {"武陟县": Decimal("8"), "温县": Decimal("7.5")}


def test_a_target_sheets_title_states_the_amounts_unit(city, tmp_path):
    rows = [
        ["2025年度各县（市、区）主要经济指标目标任务（金额单位：万元）"],
        ["县（市、区）", "固定资产投资增长（%）", "一般公共预算收入"],
        ["武陟县", 8, 275000],
    ]
    path = _xlsx(tmp_path, rows, name="目标")

    report = import_targets(path, city=city, year=2025)

    assert report.ok, [str(f) for f in report.faults]
    target = Target.objects.get(indicator__name="一般公共预算收入", region__name="武陟县")
    assert target.amount == Decimal("27.5")
    assert not any("未注明单位" in note for note in report.notes)


def test_a_ratios_group_header_in_percent_states_its_columns_unit(city, tmp_path):
    # tryout 29 item 7: 「高新技术产业增加值占比（%）／绝对值」未注明单位 under a （%） header
    from tests.indicators.sheets import write
    from tests.sheets.files import Drawn

    drawn = Drawn(
        [
            ["2025年1—6月高新技术产业增加值占比"],
            ["地区", "高新技术产业增加值占比（%）", None],
            [None, "绝对值", "上年同期"],
            ["武陟县", 35.2, 33.0],
            ["温县", 28.4, 29.1],
        ],
        name="高新技术产业增加值占比",
        merged=[(2, 1, 2, 2), (2, 0, 3, 0)],
    )

    report = import_indicators(write(tmp_path, drawn), city=city, year=2025, month=6)

    assert report.ok, [str(f) for f in report.faults]
    assert _value(city, "高新技术产业增加值占比", "武陟县").value == Decimal("35.2")
    assert not [note for note in report.notes if "未注明单位" in note]
