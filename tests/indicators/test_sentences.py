"""The sentences speeches and bulletins say about indicators, word for word (issue 12)."""

from dataclasses import replace
from decimal import Decimal as D

import pytest

from guanmo.figures.breakdown import break_down, break_down_by_hand, equal_weights
from guanmo.indicators.choices import Direction, Kind, RankBy
from guanmo.indicators.sentences import (
    Count,
    IndicatorLine,
    ceiling_used,
    counts_sentence,
    half_missed_lines,
    half_note,
    not_both_over_half_sentence,
    performance_sentence,
    places_summary,
    rank_change_sentence,
    target_sentence,
)
from guanmo.indicators.table import PeerFigures
from guanmo.indicators.targets import standing

GDP = IndicatorLine(
    name="地区生产总值",
    unit="亿元",
    places=1,
    value=D("988.3"),
    growth=D("9"),
    rank=3,
    group="全省",
    rank_by=RankBy.GROWTH,
)


def test_the_citys_gdp_sentence():
    assert (
        performance_sentence(6, "全市", GDP)
        == "1—6月，全市地区生产总值完成988.3亿元，同比增长9.0%，增速居全省第3位。"
    )


def test_a_countys_sentence_names_it_and_says_a_fall_and_a_shared_place():
    line = IndicatorLine(
        name="固定资产投资",
        unit="亿元",
        places=1,
        value=D("61.25"),
        growth=D("-3.04"),
        rank=2,
        tied=True,
        group="全市",
        rank_by=RankBy.GROWTH,
    )
    assert (
        performance_sentence(1, "武陟县", line)
        == "1月，武陟县固定资产投资完成61.3亿元，同比下降3.0%，增速并列全市第2位。"
    )


def test_a_ratio_is_reached_and_changes_in_points():
    line = IndicatorLine(
        name="高新技术产业增加值占比",
        unit="%",
        places=1,
        value=D("41.26"),
        growth=D("2.3"),
        rank=5,
        group="全市",
        rank_by=RankBy.VALUE,
        kind=Kind.RATIO,
    )
    assert (
        performance_sentence(9, "温县", line)
        == "1—9月，温县高新技术产业增加值占比达到41.3%，同比提高2.3个百分点，水平居全市第5位。"
    )


def test_a_level_amount_is_reached_not_completed():
    # 人均可支配收入 in 元 is a level the people reach, not a task done: its kind says so
    line = IndicatorLine(
        "城镇居民人均可支配收入", "元", 0, D("21673"), growth=D("6.1"), kind=Kind.AVERAGE
    )
    assert (
        performance_sentence(6, "武陟县", line)
        == "1—6月，武陟县城镇居民人均可支配收入达到21673元，同比增长6.1%。"
    )
    energy = IndicatorLine("单位GDP能耗", "吨标准煤/万元", 2, D("0.52"), kind=Kind.AVERAGE)
    assert (
        performance_sentence(6, "全市", energy) == "1—6月，全市单位GDP能耗达到0.52吨标准煤/万元。"
    )
    target = target_sentence(
        "农村居民人均可支配收入", D("9800"), "元", 0, D("52.1"), kind=Kind.AVERAGE
    )
    assert target == "农村居民人均可支配收入达到9800元，占全年目标任务的52.1%。"
    total = IndicatorLine("一般公共预算收入", "亿元", 2, D("12.5"))
    assert performance_sentence(6, "全市", total) == "1—6月，全市一般公共预算收入完成12.50亿元。"


def test_reached_or_completed_is_decided_by_the_indicators_kind_not_its_name_or_unit():
    # A task amount in 元 or per 亩 is done (完成), whatever its name or unit reads like; a level
    # whose name and unit say nothing of it (粮食单产 in 公斤) is reached (达到).
    subsidy = IndicatorLine("人均补助资金发放", "元", 0, D("3200"), kind=Kind.AMOUNT)
    assert performance_sentence(6, "温县", subsidy) == "1—6月，温县人均补助资金发放完成3200元。"
    transfer = target_sentence("土地流转", D("1.2"), "万亩/年", 1, D("60.0"), kind=Kind.AMOUNT)
    assert transfer == "土地流转完成1.2万亩/年，占全年目标任务的60.0%。"
    grain = IndicatorLine("粮食单产", "公斤", 0, D("452"), kind=Kind.AVERAGE)
    assert performance_sentence(6, "温县", grain) == "1—6月，温县粮食单产达到452公斤。"
    grain_target = target_sentence("粮食单产", D("452"), "公斤", 0, D("98.3"), kind=Kind.AVERAGE)
    assert grain_target == "粮食单产达到452公斤，占全年目标任务的98.3%。"


@pytest.mark.parametrize(
    ("name", "since", "before", "said"),
    [
        ("规模以上工业增加值", "上月", 3, "同比增长7.2%，增速居全市第4位，较上月后移1位。"),
        ("地区生产总值", "上季度", 6, "同比增长7.2%，增速居全市第4位，较上季度前移2位。"),
    ],
)
def test_a_place_and_its_move_are_said_once_in_one_sentence(name, since, before, said):
    line = IndicatorLine(name, "亿元", 1, None, D("7.2"), 4, group="全市", previous_rank=before)
    sentence = performance_sentence(6, "武陟县", replace(line, since=since))
    assert sentence == f"1—6月，武陟县{name}{said}"


def test_a_sentence_leaves_out_what_is_not_known():
    line = IndicatorLine(name="进出口总额", unit="亿元", places=2, value=D("3.5"))
    assert performance_sentence(3, "全市", line) == "1—3月，全市进出口总额完成3.50亿元。"


def test_a_growth_published_without_its_amount_is_said_alone():
    line = IndicatorLine(
        name="规模以上工业增加值",
        unit="亿元",
        places=1,
        value=None,
        growth=D("8.5"),
        rank=3,
        group="全市",
    )
    assert (
        performance_sentence(6, "武陟县", line)
        == "1—6月，武陟县规模以上工业增加值同比增长8.5%，增速居全市第3位。"
    )
    assert performance_sentence(6, "武陟县", IndicatorLine("进出口总额", "亿元", 2, None)) == ""


def test_the_seed_visits_sentence():
    parts = [
        Count(label="批次", value=D("18"), unit="批", places=0, growth=D("-33.3")),
        Count(label="人次", value=D("31"), unit="人次", places=0, growth=D("-66.7")),
    ]
    assert (
        counts_sentence("赴京访", parts) == "赴京访18批31人次，同比批次下降33.3%、人次下降66.7%。"
    )


def test_the_seed_poverty_sentence():
    assert (
        target_sentence("脱贫人口", D("4.98"), "万人", 2, D("67.5"))
        == "脱贫人口完成4.98万人，占全年目标任务的67.5%。"
    )


def test_a_figure_under_one_of_its_unit_is_said_in_the_smaller_unit_as_tables_show_it():
    assert (
        target_sentence("脱贫人口", D("0.12"), "万人", 2, D("40.0"))
        == "脱贫人口完成1200人，占全年目标任务的40.0%。"
    )
    line = IndicatorLine(name="新植枸杞", unit="万亩", places=1, value=D("0.35"))
    assert performance_sentence(6, "大封镇", line) == "1—6月，大封镇新植枸杞完成3500亩。"


def test_the_county_rank_change_sentence():
    assert (
        rank_change_sentence("固定资产投资", RankBy.GROWTH, "全市", rank=2, previous_rank=3)
        == "固定资产投资增速居全市第2位，较上月前移1位。"
    )
    assert (
        rank_change_sentence("一般公共预算收入", RankBy.VALUE, "全市", rank=4, previous_rank=4)
        == "一般公共预算收入完成量居全市第4位，位次与上月相同。"
    )
    assert (
        rank_change_sentence("固定资产投资", RankBy.GROWTH, "同类县", rank=1, previous_rank=None)
        == "固定资产投资增速居同类县第1位。"
    )
    assert rank_change_sentence("固定资产投资", RankBy.GROWTH, "全市", None, 3) == ""


def test_who_has_not_reached_both_over_half():
    assert not_both_over_half_sentence(["武陟县", "温县"]) == "未实现“双过半”的有：武陟县、温县。"
    missed = {"武陟县": ["固定资产投资", "一般公共预算收入"], "温县": ["脱贫人口"]}
    assert (
        not_both_over_half_sentence(["武陟县", "温县"], missed=missed)
        == "未实现“双过半”的有：武陟县（固定资产投资、一般公共预算收入）、温县（脱贫人口）。"
    )
    assert not_both_over_half_sentence([]) == "各县（市、区）均实现“双过半”。"


def test_a_ceilings_sentence_says_the_share_of_the_ceiling_used():
    assert (
        target_sentence("赴京访批次", D("21"), "批", 0, D("58.3"), lower_is_better=True)
        == "赴京访批次21批，已用全年控制数的58.3%。"
    )


@pytest.mark.parametrize(
    ("done", "used", "vs_pace", "said"),
    [
        # 25 of 30 批 by June: 83.3% used against a pace of 50.0%: over it, which is behind.
        ("25", "83.3", "33.3", "25批，已用全年控制数的83.3%，超序时进度33.3个百分点。"),
        # under the pace is good for a ceiling, said so, never read as behind
        (
            "10",
            "33.3",
            "-16.7",
            "10批，已用全年控制数的33.3%，低于序时进度16.7个百分点（控制较好）。",
        ),
        (
            "0",
            "0.0",
            "-100.0",
            "0批，已用全年控制数的0.0%，低于序时进度100.0个百分点（控制较好）。",
        ),
    ],
)
def test_a_ceiling_is_said_against_its_pace_as_a_ceiling(done, used, vs_pace, said):
    sentence = target_sentence(
        "赴京访批次", D(done), "批", 0, D(used), lower_is_better=True, vs_pace=D(vs_pace)
    )
    assert sentence == f"赴京访批次{said}"


def test_a_ceilings_sentence_names_the_node_it_is_judged_against():
    # tryout 17: the sentence compares with the node the table shows (1 of 2 批 by November,
    # rounded down), said, so that 超序时进度50.0 is not read against time progress (+8.3).
    sentence = target_sentence(
        "马村区赴京访批次",
        D(2),
        "批",
        0,
        D("100.0"),
        lower_is_better=True,
        vs_pace=D("50.0"),
        node_target=D(1),
    )
    assert (
        sentence
        == "马村区赴京访批次2批，已用全年控制数的100.0%（序时控制数1批），超序时进度50.0个百分点。"
    )


def test_a_quota_broken_down_by_june_and_used_up_in_december_is_within_its_pace():
    # 赴京访批次控制在12批以内, all twelve monthly parts in the first half (2 a month to June):
    # by December 12 used is 100.0% of the quota against a cumulative node of 100.0%: up to
    # it, said 未超序时进度 (README's word; tryout 17 read 已达 as praise), not "持平" (which
    # reads as unchanged); 13 would be over it.
    by_june = break_down_by_hand(D(12), [D(2)] * 6 + [D(0)] * 6, D(1))
    used_up = standing(
        month=12, target=D(12), done=D(12), breakdown=by_june, direction=Direction.LOWER
    )
    assert (used_up.node_target, used_up.completion_rate, used_up.vs_pace) == (
        D(12),
        D("100.0"),
        D("0.0"),
    )
    said = target_sentence(
        "赴京访批次",
        D(12),
        "批",
        0,
        used_up.completion_rate,
        lower_is_better=True,
        vs_pace=used_up.vs_pace,
    )
    assert said == "赴京访批次12批，已用全年控制数的100.0%，未超序时进度。"
    assert "持平" not in said
    over = standing(
        month=12, target=D(12), done=D(13), breakdown=by_june, direction=Direction.LOWER
    )
    assert ceiling_used(over.completion_rate, over.vs_pace) == (
        "已用全年控制数的108.3%，超序时进度8.3个百分点"
    )


def test_a_place_among_few_with_figures_is_said_against_them():
    few = IndicatorLine(
        name="地区生产总值",
        unit="亿元",
        places=1,
        value=D("988.3"),
        growth=D("9"),
        rank=2,
        group="全省",
        among=3,
    )
    assert (
        performance_sentence(6, "全市", few)
        == "1—6月，全市地区生产总值完成988.3亿元，同比增长9.0%，增速在全省有数据的3个中居第2位。"
    )
    assert (
        rank_change_sentence(
            "固定资产投资", RankBy.GROWTH, "全市", rank=2, previous_rank=3, among=3
        )
        == "固定资产投资增速在全市有数据的3个中居第2位，较上月前移1位。"
    )


def placed(rank, change=None, tied=False) -> PeerFigures:
    return PeerFigures("武陟县", None, None, None, rank, tied, change, None, None, None)


def test_a_countys_page_sums_up_its_places_before_the_table():
    lines = [
        (placed(2, 1), None),
        (placed(5, -3), None),
        (placed(1, None, tied=True), None),
        (placed(None), None),
    ]
    assert (
        places_summary("焦作市各县（市、区）", lines)
        == "在焦作市各县（市、区）中，3项指标有位次，其中居前三位2项；较上期前移1项、后移1项。"
    )


def test_places_among_those_with_a_figure_are_never_counted_with_places_among_all():
    # 12 counties have 固定资产投资 and 规上工业; only the 6 rural ones have 脱贫人口 and 日光温室:
    # second of 6 and second of 12 are not one kind of place, so each set is summed up alone.
    lines = [
        (placed(2, 1), None),
        (placed(7, -1), None),
        (placed(2, None), 6),
        (placed(5, -2), 6),
    ]
    assert places_summary("焦作市各县（市、区）", lines) == (
        "在焦作市各县（市、区）中，2项指标有位次，其中居前三位1项；较上期前移1项、后移1项。"
        "在焦作市各县（市、区）有数据的6个中，2项指标有位次，其中居前三位1项；"
        "较上期后移1项。"
    )
    # a zero move is left out (tryout 17: 后移0项), and none at all said so
    assert places_summary("全市", [(placed(2, 1), None)]).endswith("较上期前移1项。")
    assert places_summary("全市", [(placed(2, 0), None)]).endswith("较上期位次均未变化。")


def test_a_groups_size_is_said_unless_its_name_says_it():
    from guanmo.indicators.views import sized

    assert sized("全省18个省辖市", 18) == "全省18个省辖市"
    assert sized("焦作市各县（市、区）", 11) == "焦作市各县（市、区）（11个）"


def test_a_ratios_target_sentence_says_the_distance_in_points():
    said = target_sentence(
        "高新技术产业增加值占比", D("44.2"), "%", 1, None, kind=Kind.RATIO, vs_target=D("-0.8")
    )
    assert said == "高新技术产业增加值占比达到44.2%，低于目标0.8个百分点。"


def test_a_count_where_lower_is_better_is_not_said_to_be_completed():
    """赴京访 batches are not a task done: "赴京访批次完成3批" praised what is to be kept down."""
    line = IndicatorLine(
        name="赴京访批次",
        unit="批",
        places=0,
        value=D("18"),
        growth=D("-33.3"),
        rank=2,
        group="全市",
        rank_by=RankBy.VALUE,
        lower_is_better=True,
    )
    assert (
        performance_sentence(6, "武陟县", line)
        == "1—6月，武陟县赴京访批次18批，同比下降33.3%，数量由少到多居全市第2位。"
    )


def test_a_place_on_the_amount_says_so_never_read_as_a_place_on_the_growth():
    # tryout 17: "脱贫人口完成0.84万人，同比增长2.1%，在全市有数据的6个中居第1位" read as if the
    # growth were first; the first place is for the amount.
    line = IndicatorLine(
        "脱贫人口", "万人", 2, D("0.84"), D("2.1"), 1, group="全市", rank_by=RankBy.VALUE, among=6
    )
    assert (
        performance_sentence(11, "温县", line)
        == "1—11月，温县脱贫人口完成8400人，同比增长2.1%，完成量在全市有数据的6个中居第1位。"
    )
    by_growth = replace(line, rank_by=RankBy.GROWTH)
    assert performance_sentence(11, "温县", by_growth).endswith("增速在全市有数据的6个中居第1位。")
    assert (
        rank_change_sentence("脱贫人口", RankBy.VALUE, "全市", 1, 3)
        == "脱贫人口完成量居全市第1位，较上月前移2位。"
    )
    assert (
        rank_change_sentence("赴京访批次", RankBy.VALUE, "全市", 1, 1, lower_is_better=True)
        == "赴京访批次数量由少到多居全市第1位，位次与上月相同。"
    )


# 双过半 on the page (issue 12, tryout 12): a "—" says why, and who missed says what.


def test_why_a_target_is_not_judged_by_both_over_half():
    # 贫困村退出 broken down to fall due mostly after June: 49.8% due by June, under half
    late = break_down_by_hand(
        D("10.00"), [D(0)] * 5 + [D("4.98")] + [D("0.84")] * 5 + [D("0.82")], D("0.01")
    )
    seen = standing(month=6, target=D("10.00"), done=D("3"), breakdown=late)
    assert half_note(seen) == "按分解到6月底应完成49.8%，不足一半，不评双过半"
    ceiling = standing(month=6, target=D(36), done=D(12), direction=Direction.LOWER)
    assert half_note(ceiling) == "控制数（越低越好），不评双过半"
    level = standing(month=6, target=D("56"), done=D("55.2"), kind=Kind.RATIO)
    assert half_note(level) == "达到类指标（比率、人均值），不评双过半"
    judged = break_down(D(12), equal_weights(), D(1))
    assert half_note(standing(month=6, target=D(12), done=D(5), breakdown=judged)) == ""
    missing = standing(month=6, target=D(12), breakdown=judged)
    assert half_note(missing) == "缺本期数据，无法评价双过半"
    # outside the half year nothing is judged and nothing needs saying
    assert half_note(standing(month=5, target=D(12), done=D(5), breakdown=judged)) == ""


def test_who_missed_both_over_half_and_on_what():
    behind = standing(month=6, target=D("1000"), done=D("482"))
    slow = standing(month=6, target_growth=D("10"), growth=D("8"))
    over = standing(month=6, target=D("7.38"), done=D("4.98"))
    said = half_missed_lines(
        [
            ("武陟县", "固定资产投资", behind),
            ("武陟县", "一般公共预算收入", slow),
            ("温县", "脱贫人口", over),
            ("温县", "固定资产投资", behind),
        ],
        ["温县", "武陟县"],
    )
    assert said == [
        "温县：时间过半、任务未过半：固定资产投资（完成48.2%）",
        "武陟县：时间过半、任务未过半：固定资产投资（完成48.2%）；"
        "增速未达目标：一般公共预算收入（增长8.0%，目标增长10.0%）",
    ]


def test_a_reported_rank_that_disagrees_is_said_with_the_computed_one():
    from guanmo.indicators.sentences import rank_disagreement, rank_disagreement_reason

    assert rank_disagreement(3, 2) == "上报位次第3位，按数据计算第2位"
    assert rank_disagreement(1, None) == "上报位次第1位，按数据无法排名"
    assert rank_disagreement(2, 2) == rank_disagreement(None, 4) == ""
    reason = rank_disagreement_reason(RankBy.GROWTH, Kind.AMOUNT, "全省18个省辖市")
    assert reason.startswith("位次按增速在“全省18个省辖市”中由报送数据计算")
    assert "按数值" in rank_disagreement_reason(RankBy.VALUE, Kind.AMOUNT, "全市")


def test_first_of_two_with_data_is_not_counted_as_a_top_three_place():
    # tryout 21 (7): 同类县 of six, five indicators with data for two: 居前三位5项 was claimed.
    lines = [(placed(1), 2), (placed(2), 2), (placed(1, 1), 2)]
    assert places_summary("同类县", lines) == (
        "在同类县中，3项指标只有2个单位有数据，不计前三位；较上期前移1项。"
    )
