"""One pass of a scheme over a cycle, on hand-worked schemes: a 亩均效益 scheme in points,
a county scheme on min-max scores under each aggregation, and the what-if."""

from decimal import Decimal as D

import pytest

from guanmo.assessment.aggregation import AdjustmentRule
from guanmo.assessment.results import UNRATED, ShareClasses, ThresholdClasses
from guanmo.assessment.scheme import Aggregation, Cycle, Form, Indicator, Scheme, assess, what_if
from guanmo.assessment.scoring import Direction


def ratio(name, points, benchmark):
    return Indicator(
        name,
        D(1),
        form=Form.BENCHMARK_RATIO,
        parameters={"points": D(points), "benchmark": D(benchmark)},
    )


# 亩均税收 45 against 20万元, 亩均销售收入 35 against 400万元, 单位能耗税收 20 against 2.
PER_MU = Scheme(
    (ratio("亩均税收", 45, 20), ratio("亩均销售收入", 35, 400), ratio("单位能耗税收", 20, 2)),
    classes=ShareClasses(),
    adjustment_rules=(AdjustmentRule("国家级荣誉", D("0.5"), cap=D(1)),),
)
FIRMS = {
    "甲公司": {"亩均税收": D(30), "亩均销售收入": D(500), "单位能耗税收": D(3)},  # 45+35+20
    "乙公司": {"亩均税收": D(10), "亩均销售收入": D(200), "单位能耗税收": D(1)},  # 22.5+17.5+10
    "丙公司": {"亩均税收": D(20), "亩均销售收入": D(300), "单位能耗税收": D("1.5")},  # 45+26.25+15
    "丁公司": {"亩均税收": D(5), "亩均销售收入": D(100), "单位能耗税收": D("0.5")},  # 25
    "戊公司": {"亩均税收": D(0), "亩均销售收入": D(0), "单位能耗税收": D(0)},  # 0
    "小作坊": {"亩均税收": D(900), "亩均销售收入": D(1), "单位能耗税收": D(1)},
}


def test_a_per_mu_scheme_scores_in_points_adds_bonuses_and_classes_by_share():
    cycle = Cycle(FIRMS, counts={"乙公司": {"国家级荣誉": 1}}, exempt=frozenset({"小作坊"}))
    assessment = assess(PER_MU, cycle)
    assert assessment.contributions["丙公司"] == {
        "亩均税收": D(45),
        "亩均销售收入": D("26.25"),
        "单位能耗税收": D(15),
    }
    table = [(r.unit, r.score, r.rank, r.grade) for r in assessment.results]
    assert table == [
        ("甲公司", D("100.00"), 1, "A"),
        ("乙公司", D("50.50"), 3, "B"),  # 50 + 0.5 加分
        ("丙公司", D("86.25"), 2, "B"),
        ("丁公司", D("25.00"), 4, "C"),
        ("戊公司", D("0.00"), 5, "D"),
        ("小作坊", None, None, UNRATED),
    ]


def test_a_vetoed_firm_is_placed_last_whatever_its_score():
    cycle = Cycle(FIRMS, vetoed=frozenset({"丙公司"}), exempt=frozenset({"小作坊"}))
    results = {r.unit: (r.rank, r.grade) for r in assess(PER_MU, cycle).results}
    assert results["丙公司"] == (5, "D")
    assert results["戊公司"] == (4, "C")


COUNTIES = Scheme(
    (
        Indicator("投资完成率", D("0.6")),
        Indicator("问题办结天数", D("0.4"), direction=Direction.NEGATIVE),
    ),
    classes=ThresholdClasses(),
)
VALUES = {
    "甲县": {"投资完成率": D(10), "问题办结天数": D(5)},
    "乙县": {"投资完成率": D(20), "问题办结天数": D(3)},
    "丙县": {"投资完成率": D(30), "问题办结天数": D(1)},
}


def test_min_max_scores_weighted_arithmetic():
    assessment = assess(COUNTIES, Cycle(VALUES))
    assert assessment.scores["乙县"] == {"投资完成率": D(50), "问题办结天数": D(50)}
    assert assessment.contributions["丙县"] == {"投资完成率": D(60), "问题办结天数": D(40)}
    assert [(r.score, r.rank, r.grade) for r in assessment.results] == [
        (D("0.00"), 3, "不合格"),
        (D("50.00"), 2, "不合格"),
        (D("100.00"), 1, "优秀"),
    ]


def test_the_same_scheme_aggregated_geometrically_and_by_topsis():
    geometric = assess(
        Scheme(COUNTIES.indicators, aggregation=Aggregation.GEOMETRIC), Cycle(VALUES)
    )
    # 甲县's zeros are raised to the floor 1: 1^0.6 × 1^0.4 = 1.
    assert [r.score for r in geometric.results] == [D("1.00"), D("50.00"), D("100.00")]
    assert geometric.contributions["甲县"] == {}
    by_topsis = assess(Scheme(COUNTIES.indicators, aggregation=Aggregation.TOPSIS), Cycle(VALUES))
    # 甲县 is the anti-ideal on both, 丙县 the ideal.
    assert [r.score for r in by_topsis.results][::2] == [D("0.00"), D("100.00")]
    assert by_topsis.results[1].rank == 2


def test_target_met_takes_each_units_own_target():
    scheme = Scheme(
        (Indicator("新开工项目", D(1), form=Form.TARGET_MET, parameters={"points": D(10)}),)
    )
    cycle = Cycle(
        {"甲县": {"新开工项目": D(9)}, "乙县": {"新开工项目": D(9)}},
        targets={"甲县": {"新开工项目": D(12)}, "乙县": {"新开工项目": D(8)}},
    )
    assert [r.score for r in assess(scheme, cycle).results] == [D("7.50"), D("10.00")]


def test_a_rated_unit_missing_a_value_is_refused():
    values = {**VALUES, "乙县": {"投资完成率": None, "问题办结天数": D(3)}}
    with pytest.raises(ValueError, match="乙县缺少指标“投资完成率”的得分"):
        assess(COUNTIES, Cycle(values))


def test_what_if_recomputes_every_unit_with_one_value_changed():
    cycle = Cycle(VALUES)
    # 甲县 at 40: 投资完成率 min-max 100, 0, 50 → 甲 60, 乙 0 + 20 = 20, 丙 30 + 40 = 70.
    result = what_if(COUNTIES, cycle, "甲县", "投资完成率", D(40))
    assert (result.before.score, result.before.rank) == (D("0.00"), 3)
    assert (result.after.score, result.after.rank, result.after.grade) == (D("60.00"), 2, "合格")
    assert cycle.values["甲县"]["投资完成率"] == D(10)
    with pytest.raises(ValueError, match="没有单位“丁县”"):
        what_if(COUNTIES, cycle, "丁县", "投资完成率", D(1))
    with pytest.raises(ValueError, match="没有指标或加减分事项“GDP”"):
        what_if(COUNTIES, cycle, "甲县", "GDP", D(1))
