"""A table's title says only the figures there are, each with its unit: no "—亿元" for a group
whose value is not reported (规模以上工业增加值 comes as a growth only), no "增减—个百分点"."""

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
