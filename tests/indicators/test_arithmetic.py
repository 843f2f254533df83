"""An indicator's figures among its peers: growth (reported or derived), a group's growth from
its summed amounts, competition ranks by growth or value and direction, rank changes, the
difference from the group in 个百分点, a ratio's change in 个百分点."""

from decimal import Decimal as D

import pytest

from guanmo.figures.changes import rank_change_text
from guanmo.indicators.arithmetic import (
    Reading,
    Rule,
    comparable_rate,
    group_growth,
    group_total,
    growth,
    peer_ranks,
    previous_period,
    rank_disagreements,
    vs_group,
)
from guanmo.indicators.choices import Direction, Frequency, Kind, RankBy

VISITS = Rule(kind=Kind.AMOUNT, direction=Direction.LOWER, rank_by=RankBy.VALUE, places=0)
INVESTMENT = Rule(kind=Kind.AMOUNT, direction=Direction.HIGHER, rank_by=RankBy.GROWTH, places=2)
URBANISATION = Rule(kind=Kind.RATIO, direction=Direction.HIGHER, rank_by=RankBy.VALUE, places=1)


def test_seed_visits_growth_is_derived_from_the_two_amounts():
    # 赴京访18批31人次 against 27批93人次 last year: 批次下降33.3%, 人次下降66.7%.
    assert growth(Reading("全市", D("18"), last_year=D("27")), Kind.AMOUNT) == D("-33.3")
    assert growth(Reading("全市", D("31"), last_year=D("93")), Kind.AMOUNT) == D("-66.7")


def test_a_reported_growth_wins_over_the_one_the_amounts_give():
    # GDP growth is at comparable prices: 988.3 against 890.0 would be 11.0%, the bureau says 9.0.
    gdp = Reading("全市", D("988.3"), last_year=D("890.0"), reported_growth=D("9.0"))
    assert growth(gdp, Kind.AMOUNT) == D("9.0")
    assert growth(Reading("全市", D("988.3"), last_year=D("890.0")), Kind.AMOUNT) == D("11.0")


@pytest.mark.parametrize("last_year", [None, D("0")])
def test_growth_is_undefined_without_last_years_figure(last_year):
    assert growth(Reading("温县", D("12"), last_year=last_year), Kind.AMOUNT) is None


def test_a_ratio_changes_in_points_never_in_percent():
    # 城镇化率 55.2% → 56.0%: 0.8个百分点 (in percent it would be 1.4%).
    assert growth(Reading("温县", D("56.0"), last_year=D("55.2")), Kind.RATIO) == D("0.8")


def test_a_groups_growth_comes_from_summed_amounts_not_the_mean_of_rates():
    readings = [
        Reading("武陟县", D("120"), last_year=D("100")),  # +20.0%
        Reading("温县", D("30"), last_year=D("40")),  # −25.0%
    ]
    rates = [growth(reading, Kind.AMOUNT) for reading in readings]
    assert rates == [D("20.0"), D("-25.0")]
    assert sum(rates) / len(rates) == D("-2.5")  # what averaging the rates would wrongly say
    assert group_total(readings) == D("150")
    assert group_growth(readings, Kind.AMOUNT) == D("7.1")  # 150 against 140: +7.14…%


def test_a_groups_reported_growth_is_taken_as_reported():
    readings = [Reading("武陟县", D("120"), last_year=D("100"))]
    assert group_growth(readings, Kind.AMOUNT, reported=D("9.0")) == D("9.0")


def test_a_group_with_a_missing_figure_has_no_total_and_no_growth():
    readings = [Reading("武陟县", D("120"), last_year=D("100")), Reading("温县", D("30"))]
    assert group_total(readings) == D("150")
    assert group_growth(readings, Kind.AMOUNT) is None
    assert group_total([*readings, Reading("博爱县", None)]) is None


def test_a_ratio_groups_figure_is_only_what_is_reported():
    # 56% and 40% say nothing of the group's rate without the populations behind them.
    readings = [Reading("武陟县", D("56"), last_year=D("55")), Reading("温县", D("40"), D("39"))]
    assert group_growth(readings, Kind.RATIO) is None
    assert group_total(readings, Kind.RATIO) is None


def test_ranks_by_growth_share_a_place_and_leave_the_missing_unranked():
    readings = [
        Reading("武陟县", D("110"), last_year=D("100")),  # 10.0
        Reading("温县", D("56"), last_year=D("50")),  # 12.0
        Reading("博爱县", D("220"), last_year=D("200")),  # 10.0 (并列第2)
        Reading("修武县", D("50")),  # no last year: no growth, no rank
        Reading("孟州市", D("30"), last_year=D("40")),  # −25.0
    ]
    assert peer_ranks(readings, INVESTMENT) == [2, 1, 2, None, 4]


def test_reported_growths_are_ranked_as_shown():
    # 9.04 and 9.01 both print as 9.0, the rate as published: they share first place.
    readings = [
        Reading("武陟县", None, reported_growth=D("9.04")),
        Reading("温县", None, reported_growth=D("9.01")),
        Reading("博爱县", None, reported_growth=D("8.5")),
    ]
    assert [growth(r, Kind.AMOUNT) for r in readings] == [D("9.0"), D("9.0"), D("8.5")]
    assert peer_ranks(readings, INVESTMENT) == [1, 1, 3]


def test_lower_is_better_ranks_the_fewest_visits_first():
    readings = [
        Reading("武陟县", D("5")),
        Reading("温县", D("0")),
        Reading("博爱县", D("3")),
        Reading("修武县", D("3")),
    ]
    assert peer_ranks(readings, VISITS) == [4, 1, 2, 2]


def test_values_are_ranked_on_their_stored_exact_figures_and_tie_only_when_equal():
    # 脱贫人口 in 万人 shown to two decimals: 0.0512 and 0.0487 both show as 0.05, yet 512 and
    # 487 people are not a tie; 0.0500 and 0.05 are the same figure and share the place.
    poverty = Rule(kind=Kind.AMOUNT, direction=Direction.HIGHER, rank_by=RankBy.VALUE, places=2)
    readings = [
        Reading("城关镇", D("0.0512")),
        Reading("七贤镇", D("0.0487")),
        Reading("郇封镇", D("0.0500")),
        Reading("周庄镇", D("0.05")),
    ]
    assert peer_ranks(readings, poverty) == [1, 4, 2, 2]
    # 56.04% and 56.01% both show as 56.0%, but the first is the higher share.
    assert peer_ranks(
        [Reading("武陟县", D("56.04")), Reading("温县", D("56.01"))], URBANISATION
    ) == [
        1,
        2,
    ]


def test_a_real_zero_is_ranked_by_the_direction_and_a_missing_figure_is_not_ranked():
    # 贫困村退出: a town that delisted no village has a figure, 0, and is last; a town that
    # sent nothing has no place.
    villages = Rule(kind=Kind.AMOUNT, direction=Direction.HIGHER, rank_by=RankBy.VALUE, places=0)
    readings = [
        Reading("城关镇", D("0")),
        Reading("七贤镇", D("2")),
        Reading("郇封镇", None),
        Reading("周庄镇", D("1")),
    ]
    assert peer_ranks(readings, villages) == [3, 1, None, 2]
    # Fewer being better (赴京访批次), the 0 is first.
    assert peer_ranks(readings, VISITS) == [1, 3, None, 2]


def test_when_every_figure_is_equal_no_place_is_given():
    # Eight towns that all delisted 0 villages by June are not all 并列第1位: nothing separates
    # them, so none has a place (and none "falls" four places when one delists a village).
    villages = Rule(kind=Kind.AMOUNT, direction=Direction.HIGHER, rank_by=RankBy.VALUE, places=0)
    readings = [Reading(town, D("0")) for town in ("城关镇", "七贤镇", "郇封镇")] + [
        Reading("周庄镇", None)
    ]
    assert peer_ranks(readings, villages) == [None, None, None, None]


def test_the_only_reading_with_a_figure_is_not_ranked():
    # 焦作市 alone of 全省18个省辖市 has a growth: "第1位（共1个）" would be no place at all.
    readings = [
        Reading("焦作市", D("110"), last_year=D("100")),
        Reading("郑州市", None),
        Reading("洛阳市", D("50")),
    ]
    assert peer_ranks(readings, INVESTMENT) == [None, None, None]


def test_rank_changes_across_months_against_last_month_and_last_year():
    def ranks(*growths: str) -> list[int | None]:
        readings = [
            Reading(name, D(100) + D(rate), last_year=D(100))
            for name, rate in zip(("武陟县", "温县", "博爱县"), growths, strict=True)
        ]
        return peer_ranks(readings, INVESTMENT)

    june_last_year = ranks("5", "9", "7")  # [3, 1, 2]
    may = ranks("8", "6", "7")  # [1, 3, 2]
    june = ranks("7", "9", "8")  # [3, 1, 2]
    assert (may, june) == ([1, 3, 2], [3, 1, 2])
    said = [rank_change_text(m, j) for m, j in zip(may, june, strict=True)]
    assert said == ["较上月后移2位", "较上月前移2位", "位次与上月相同"]
    said_year = [
        rank_change_text(y, j, since="去年同期") for y, j in zip(june_last_year, june, strict=True)
    ]
    assert said_year == ["位次与去年同期相同"] * 3


def test_the_previous_period_of_a_quarterly_indicator_is_the_last_quarter():
    assert previous_period(6, Frequency.MONTHLY) == 5
    assert previous_period(1, Frequency.MONTHLY) is None
    assert previous_period(6, Frequency.QUARTERLY) == 3
    assert previous_period(3, Frequency.QUARTERLY) is None
    with pytest.raises(ValueError, match="季度"):
        previous_period(5, Frequency.QUARTERLY)


def test_the_difference_from_the_group_is_in_points_of_growth_or_of_the_ratio():
    county = Reading("武陟县", D("112.5"), last_year=D("100"))  # 12.5%
    assert comparable_rate(county, INVESTMENT) == D("12.5")
    assert vs_group(county, D("9.0"), INVESTMENT) == D("3.5")
    ratio = Reading("温县", D("51.26"))
    assert vs_group(ratio, D("55.0"), URBANISATION) == D("-3.7")  # 51.3 − 55.0
    assert vs_group(Reading("博爱县", D("30")), None, INVESTMENT) is None


def test_a_reported_rank_that_disagrees_with_the_computed_one_is_named():
    readings = [
        Reading("武陟县", D("110"), last_year=D("100"), reported_rank=1),
        Reading("温县", D("112"), last_year=D("100"), reported_rank=2),
        Reading("博爱县", D("90"), last_year=D("100"), reported_rank=3),
    ]
    ranks = peer_ranks(readings, INVESTMENT)
    assert rank_disagreements(readings, ranks) == [("武陟县", 1, 2), ("温县", 2, 1)]


def test_an_averages_group_figure_is_only_what_is_reported():
    # 人均可支配收入 of two counties cannot be summed: the populations behind them differ.
    readings = [Reading("武陟县", D("21000"), D("20000")), Reading("温县", D("18000"), D("17000"))]
    assert growth(readings[0], Kind.AVERAGE) == D("5.0")
    assert group_total(readings, Kind.AVERAGE) is None
    assert group_growth(readings, Kind.AVERAGE) is None
    assert group_growth(readings, Kind.AVERAGE, reported=D("5.6")) == D("5.6")
