"""A table's title says only the figures there are, each with its unit: no "—亿元" for a group
whose value is not reported (规模以上工业增加值 comes as a growth only), no "增减—个百分点"."""

from dataclasses import replace
from decimal import Decimal as D

from guanmo.indicators.choices import Kind
from guanmo.indicators.models import Indicator, PeerGroup
from guanmo.indicators.report import IndicatorReport, IndicatorTable
from guanmo.indicators.report_output import table_title
from guanmo.indicators.table import GroupFigure
from guanmo.regions.models import Region

CITY = Region(name="焦作市", kind=Region.Kind.CITY)
REPORT = IndicatorReport(
    CITY, 2025, 11, PeerGroup(name="焦作市各县（市、区）", short_name="全市"), []
)


def _title(name: str, unit: str, kind: Kind, value: str | None, growth: str | None) -> str:
    indicator = Indicator(name=name, unit=unit, kind=kind, places=1)
    figure = GroupFigure(D(value) if value else None, D(growth) if growth else None)
    return table_title(REPORT, IndicatorTable(indicator, figure, []))


def test_a_title_gives_the_groups_value_and_growth_with_their_units():
    assert _title("固定资产投资", "亿元", Kind.AMOUNT, "1172.2", "5.4") == (
        "固定资产投资（全市：1172.2亿元，增速5.4%）"
    )
    assert _title("高新技术产业增加值占比", "%", Kind.RATIO, "40.9", "0.3") == (
        "高新技术产业增加值占比（全市：40.9%，增减+0.3个百分点）"
    )


def test_a_title_leaves_out_a_figure_there_is_not():
    assert _title("规模以上工业增加值", "亿元", Kind.AMOUNT, None, "7.1") == (
        "规模以上工业增加值（全市：增速7.1%）"
    )
    assert _title("高新技术产业增加值占比", "%", Kind.RATIO, "40.9", None) == (
        "高新技术产业增加值占比（全市：40.9%）"
    )
    assert _title("脱贫人口", "万人", Kind.AMOUNT, "3.2", None) == "脱贫人口（全市：3.2万人）"
    assert _title("新植面积", "亩", Kind.AMOUNT, None, None) == "新植面积"


def test_a_reported_total_growth_is_shown_as_reported_though_members_lack_their_amounts():
    # tryout 17: every member's growth and the city's reported 7.1% were shown, but the title
    # said 全市合计：缺解放区…数据，不计算. Only with no total to show is the lack said.
    industry = Indicator(name="规模以上工业增加值", unit="亿元", kind=Kind.AMOUNT, places=1)
    reported = GroupFigure(None, D("7.1"), lacking=("解放区", "中站区"), growth_reported=True)
    assert table_title(REPORT, IndicatorTable(industry, reported, [])) == (
        "规模以上工业增加值（全市：增速7.1%（报送））"
    )
    lacking = GroupFigure(None, None, lacking=("解放区", "中站区"))
    assert table_title(REPORT, IndicatorTable(industry, lacking, [])) == (
        "规模以上工业增加值（全市合计：缺解放区、中站区数据，不计算）"
    )


def test_a_note_under_the_table_names_the_growths_taken_as_reported():
    from guanmo.indicators.report_output import growth_note
    from guanmo.indicators.table import PeerFigures

    def line(region: str, reported: bool) -> PeerFigures:
        return PeerFigures(region, D(1), D(1), D("7.0"), 1, False, None, None, None, None, reported)

    gdp = Indicator(
        name="地区生产总值", unit="亿元", kind=Kind.AMOUNT, places=1, comparable_prices=True
    )
    total = GroupFigure(D(2), D("7.1"), growth_reported=True)
    both = IndicatorTable(gdp, total, [line("解放区", True), line("温县", True)])
    assert growth_note(REPORT, both) == (
        "注：全市及各地区增速为报送数（可比价），不由表中本期与上年同期数值计算。"
    )
    mixed = IndicatorTable(
        gdp, GroupFigure(D(2), D("7.0")), [line("解放区", True), line("温县", False)]
    )
    assert growth_note(REPORT, mixed) == (
        "注：解放区增速为报送数（可比价），不由表中本期与上年同期数值计算；"
        "其余增速按本期与上年同期数值计算。"
    )
    derived = IndicatorTable(gdp, GroupFigure(D(2), D("7.0")), [line("温县", False)])
    assert growth_note(REPORT, derived) == ""
    # tryout 21 (9): a growth at current prices (一般公共预算收入) is not said to be 可比价
    revenue = Indicator(name="一般公共预算收入", unit="亿元", kind=Kind.AMOUNT, places=2)
    assert growth_note(REPORT, replace(both, indicator=revenue)) == (
        "注：全市及各地区增速为报送数，不由表中本期与上年同期数值计算。"
    )
