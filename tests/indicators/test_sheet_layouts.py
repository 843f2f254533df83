"""Rows and layouts of an indicator sheet as bureaus send them: 本月止累计, 小计 rows, and
layouts the reader does not read refused saying how to lay the sheet out (issue 9, tryout 8)."""

from decimal import Decimal

from guanmo.indicators.models import IndicatorValue
from guanmo.indicators.sheet_import import import_indicators
from tests.indicators.sheets import write
from tests.sheets.files import Drawn


def _retail(city, region: str) -> IndicatorValue:
    return IndicatorValue.objects.get(
        indicator__city=city,
        indicator__name="社会消费品零售总额",
        region__name=region,
        year=2025,
        month=10,
    )


def test_benyuezhi_leiji_is_the_cumulative_value(city, tmp_path):
    """I10: the 统计局's 「本月止累计」 beside 「比上年同期增长±%」."""
    drawn = Drawn(
        [
            ["2025年1—10月各县（市、区）社会消费品零售总额"],
            [None, None, None, "单位：亿元"],
            ["县（市、区）", "本月止累计", "比上年同期增长±%", "位次"],
            ["解放区", 98.7, 4.2, 1],
            ["中站区", 31.2, 3.8, 2],
        ],
        name="社会消费品零售总额",
    )

    report = import_indicators(write(tmp_path, drawn), city=city, year=2025, month=10)

    assert report.ok, [str(f) for f in report.faults]
    jiefang = _retail(city, "解放区")
    assert (jiefang.value, jiefang.reported_growth) == (Decimal("98.7"), Decimal("4.2"))


def test_subtotal_rows_are_left_out_with_a_note(city, tmp_path):
    """I11: 「城区小计」「县（市）小计」 are totals of some units, not regions."""
    drawn = Drawn(
        [
            ["地区", "1—10月（亿元）", "同比增长（%）"],
            ["城区小计", 129.9, None],
            ["解放区", 98.7, 4.2],
            ["中站区", 31.2, 3.8],
            ["县（市）小计", 88.1, None],
            ["武陟县", 88.1, 6.0],
        ],
        name="社会消费品零售总额",
    )

    report = import_indicators(write(tmp_path, drawn), city=city, year=2025, month=10)

    assert report.ok, [str(f) for f in report.faults]
    assert _retail(city, "武陟县").value == Decimal("88.1")
    assert [str(left) for left in report.left_out] == [
        "第2行为小计行，未导入",
        "第5行为小计行，未导入",
    ]


def test_regions_as_columns_are_refused_saying_how_to_lay_the_sheet_out(city, tmp_path):
    """I05: 指标名称 | 计量单位 | 全市 | 解放区 …"""
    drawn = Drawn(
        [
            ["2025年1—10月分县（市、区）主要经济指标"],
            ["指标名称", "计量单位", "全市", "解放区", "中站区"],
            ["社会消费品零售总额", "亿元", 633.9, 98.7, 31.2],
        ],
        name="分县区",
    )

    report = import_indicators(write(tmp_path, drawn), city=city, year=2025, month=10)

    assert [str(f) for f in report.faults] == [
        "第2行「指标名称」：指标排在行上（地区排在列上，或一县一表）的表式暂不支持；请改为地区"
        "为行、指标为列：第一列写地区，每个指标一列（或一组列：累计、增速、位次）"
    ]
    assert not IndicatorValue.objects.exists()


def test_one_sheet_per_county_is_refused_not_read_with_its_unit_column_as_regions(city, tmp_path):
    """I06: 指标名称 | 单位 | 本月止累计 | 同比增长（%）, one sheet per county."""
    drawn = Drawn(
        [
            ["解放区主要经济指标（2025年1—10月）"],
            ["指标名称", "单位", "本月止累计", "同比增长（%）"],
            ["社会消费品零售总额", "亿元", 98.7, 4.2],
        ],
        name="解放区",
    )

    report = import_indicators(write(tmp_path, drawn), city=city, year=2025, month=10)

    assert [(f.sheet, f.column) for f in report.faults] == [("解放区", "指标名称")]
    assert "表式暂不支持" in report.faults[0].message
    assert not IndicatorValue.objects.exists()


def test_a_county_list_headed_xian_shi_is_read_as_the_regions_column(city, tmp_path):
    """Tryout 21 (13): 县（市） was said to be 没有“地区”列 where 县（市、区） was read."""
    for header in ("县（市）", "县 （市）", "县市区"):
        drawn = Drawn(
            [
                ["2025年1—10月社会消费品零售总额"],
                [header, "本月止累计（亿元）", "比上年同期增长±%"],
                ["修武县", 50.5, 4.2],
                ["武陟县", 31.2, 3.8],
            ],
            name="社会消费品零售总额",
        )

        report = import_indicators(write(tmp_path, drawn), city=city, year=2025, month=10)

        assert not report.faults, header
        assert _retail(city, "修武县").value == Decimal("50.5")
