"""Dashboard warnings from indicator figures: a fall of three or more places, a target behind
its node by more than the set points, a year-end forecast below 100% (strict thresholds)."""

from decimal import Decimal

from guanmo.figures.breakdown import break_down, equal_weights
from guanmo.indicators.choices import Direction, Kind, RankBy
from guanmo.indicators.models import Indicator
from guanmo.indicators.report import build_report, latest_report, latest_reports
from guanmo.indicators.sentences import rank_change_sentence
from guanmo.indicators.table import PeerFigures
from guanmo.indicators.targets import standing
from guanmo.indicators.warnings import (
    IndicatorWarningKind,
    falling_warnings,
    report_warnings,
    target_warnings,
    warnings_of,
)
from tests.indicators.pages import indicator_city, store_growths
from tests.world import YEAR


def line(region: str, rank: int | None, change: int | None, tied: bool = False) -> PeerFigures:
    return PeerFigures(region, None, None, None, rank, tied, change, None, None, None)


def test_a_fall_of_three_places_is_warned_and_of_two_is_not():
    warnings = falling_warnings(
        "固定资产投资",
        "全市",
        [
            line("武陟县", 10, -3),
            line("温县", 6, -2),
            line("博爱县", 1, 4),
            line("孟州市", 5, None),
        ],
    )
    assert [(w.kind, w.region) for w in warnings] == [(IndicatorWarningKind.FALLING, "武陟县")]
    # The pattern, word for word: 固定资产投资增速居全市第2位，较上月前移1位。
    assert warnings[0].message == "武陟县固定资产投资增速居全市第10位，较上月后移3位。"


def test_a_tied_place_is_said_as_shared():
    (warning,) = falling_warnings("进出口总额", "全省", [line("焦作市", 5, -4, tied=True)])
    assert warning.message == "焦作市进出口总额增速并列全省第5位，较上月后移4位。"


def test_a_fall_is_said_on_the_basis_the_indicator_is_ranked_on():
    # Ranked on its value (脱贫人口), a place has no 增速; a ratio's change is its 增幅.
    (by_value,) = falling_warnings("脱贫人口", "全市", [line("温县", 9, -5)], rank_by=RankBy.VALUE)
    assert by_value.message == "温县脱贫人口完成量居全市第9位，较上月后移5位。"
    (ratio,) = falling_warnings(
        "城镇化率", "全市", [line("温县", 7, -3)], rank_by=RankBy.GROWTH, kind=Kind.RATIO
    )
    assert ratio.message == "温县城镇化率增幅居全市第7位，较上月后移3位。"


def test_the_falling_warning_is_the_rank_sentence_of_the_region():
    # One sentence for a place and its move, in the report and in the warnings alike.
    (warning,) = falling_warnings("固定资产投资", "全市", [line("武陟县", 10, -3)], among=8)
    assert warning.message == "武陟县" + rank_change_sentence(
        "固定资产投资", RankBy.GROWTH, "全市", 10, 7, among=8
    )


def test_behind_the_node_by_more_than_the_set_points():
    # 7.38万人 broken down equally to 0.01: by May 7.38 × 5/12 = 3.075, half-up 3.08万人 due,
    # 41.7% of the target. 2.0 done is 27.1%: 14.6 points behind; the year is heading for
    # 2.0 ÷ 3.075 = 65.0%.
    breakdown = break_down(Decimal("7.38"), equal_weights(), Decimal("0.01"))
    figures = standing(month=5, target=Decimal("7.38"), done=Decimal("2.0"), breakdown=breakdown)
    assert (figures.node_target, figures.node_progress) == (Decimal("3.08"), Decimal("41.7"))
    assert figures.vs_node == Decimal("-14.6")
    assert figures.forecast_rate == Decimal("65.0")
    warnings = target_warnings("武陟县", "脱贫人口", figures, Decimal(5))
    assert [w.message for w in warnings] == [
        "武陟县脱贫人口完成目标的27.1%，低于序时进度14.6个百分点。",
        "武陟县脱贫人口按以往进度推算，全年预计完成目标的65.0%。",
    ]
    assert [w.kind for w in target_warnings("武陟县", "脱贫人口", figures, Decimal("14.8"))] == [
        IndicatorWarningKind.SHORT_FORECAST
    ]


def test_a_small_ceiling_is_warned_on_the_node_the_table_shows_and_said_to_break_its_quota():
    # tryout 17: 马村区 2 赴京访批次 of 2 by November; the table's node is 1 批, said in the
    # warning, but the pace is the exact share 11/12 = 91.67% (tryout 29 item 2: not the
    # node's 50%): 超序时进度8.3个百分点; the year is heading over the ceiling:
    # 预计突破全年控制数, not 完不成全年目标, at 2 ÷ (2 × 11/12) = 109.1%, not 200.0%.
    plan = break_down(Decimal(2), equal_weights(), Decimal(1), ceiling=True)
    figures = standing(
        month=11, target=Decimal(2), done=Decimal(2), breakdown=plan, direction=Direction.LOWER
    )
    warnings = target_warnings("马村区", "赴京访批次", figures, Decimal(5), unit="批")
    assert [(w.kind, w.kind.label, w.message) for w in warnings] == [
        (
            IndicatorWarningKind.BEHIND_NODE,
            "落后序时进度",
            "马村区赴京访批次已用全年控制数的100.0%（序时控制数1批），超序时进度8.3个百分点。",
        ),
        (
            IndicatorWarningKind.OVER_CEILING,
            "预计突破全年控制数",
            "马村区赴京访批次按以往进度推算，全年预计突破全年控制数，达到控制数的109.1%。",
        ),
    ]


def test_a_target_on_its_node_gives_no_warning():
    breakdown = break_down(Decimal(12), equal_weights(), Decimal(1))
    figures = standing(month=6, target=Decimal(12), done=Decimal(6), breakdown=breakdown)
    assert (figures.vs_node, figures.forecast_rate) == (Decimal("0.0"), Decimal("100.0"))
    assert target_warnings("温县", "新植枸杞", figures, Decimal(0)) == []


def test_a_growth_target_has_no_node_and_no_forecast():
    figures = standing(month=6, target_growth=Decimal(10), growth=Decimal(3))
    assert target_warnings("温县", "固定资产投资", figures, Decimal(0)) == []


def test_the_month_report_gives_the_fall_and_the_target_warnings(world):
    indicator_city(world)
    report = latest_report(world.city)
    assert (report.year, report.month) == (YEAR, 5)
    warnings = report_warnings(report, Decimal(5))
    assert [(w.kind, w.region, w.indicator) for w in warnings] == [
        (IndicatorWarningKind.FALLING, "武陟县", "固定资产投资"),
        (IndicatorWarningKind.BEHIND_NODE, "武陟县", "脱贫人口"),
        (IndicatorWarningKind.SHORT_FORECAST, "武陟县", "脱贫人口"),
    ]
    april = build_report(world.city, YEAR, 4)
    assert report_warnings(april, Decimal(5)) == []


def test_a_ceiling_used_ahead_of_its_node_and_heading_over_it_is_warned():
    # 赴京访批次控制在36批以内: 21 批 by June is 58.3% of the ceiling against a node of 50.0%,
    # heading for 116.7% of it. Under the ceiling's pace (15 批) nothing is warned.
    breakdown = break_down(Decimal(36), equal_weights(), Decimal(1))
    over = standing(
        month=6,
        target=Decimal(36),
        done=Decimal(21),
        breakdown=breakdown,
        direction=Direction.LOWER,
    )
    warned = target_warnings("武陟县", "赴京访批次", over, Decimal(5), unit="批")
    assert [w.message for w in warned] == [
        "武陟县赴京访批次已用全年控制数的58.3%（序时控制数18批），超序时进度8.3个百分点。",
        "武陟县赴京访批次按以往进度推算，全年预计突破全年控制数，达到控制数的116.7%。",
    ]
    under = standing(
        month=6,
        target=Decimal(36),
        done=Decimal(15),
        breakdown=breakdown,
        direction=Direction.LOWER,
    )
    assert target_warnings("武陟县", "赴京访批次", under, Decimal(0)) == []


def test_a_partial_latest_month_keeps_every_indicators_own_latest_warnings(world):
    # Tryout 12: two indicators imported for June (a month only partly in) hid May's warnings.
    # Each indicator is judged on its own latest month, and each warning says which month.
    city = indicator_city(world)
    revenue = Indicator.objects.get(city=world.city, name="一般公共预算收入")
    retail = Indicator.objects.get(city=world.city, name="社会消费品零售总额")
    for indicator in (revenue, retail):
        places = range(1, len(city.units) + 1)
        store_growths(indicator, city.units, 5, {p: Decimal(20 - p) for p in places})
        june = {p: Decimal(20 - p) for p in places}
        june[1] = Decimal(1)  # the first unit falls from 1st to last
        store_growths(indicator, city.units, 6, june)
    warnings = warnings_of(latest_reports(world.city), Decimal(5))
    first = city.units[0].name
    assert [(w.kind, w.region, w.indicator, w.period) for w in warnings] == [
        (IndicatorWarningKind.FALLING, first, "一般公共预算收入", "2025年1—6月"),
        (IndicatorWarningKind.FALLING, first, "社会消费品零售总额", "2025年1—6月"),
        (IndicatorWarningKind.FALLING, "武陟县", "固定资产投资", "2025年1—5月"),
        (IndicatorWarningKind.BEHIND_NODE, "武陟县", "脱贫人口", "2025年1—5月"),
        (IndicatorWarningKind.SHORT_FORECAST, "武陟县", "脱贫人口", "2025年1—5月"),
    ]


def test_a_county_office_is_warned_of_its_own_indicators_only(world):
    indicator_city(world)
    warnings = warnings_of(latest_reports(world.city, world.wuzhi), Decimal(5))
    assert {w.region for w in warnings} == {"武陟县"}
    assert len(warnings) == 3
    assert warnings_of(latest_reports(world.city, world.wenxian), Decimal(5)) == []
