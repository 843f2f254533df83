"""How a robustness run ranks, and why a bulletin does not name a unit first or last (tryout 27,
item 1): runs ranked on two-decimal scores tied two units 0.0025 apart first in every run
(P(first) adding up to 200%, unsaid), and the sentence said 均未达到80.0% of 100.0% and 98.1%,
or of 50.7% against 50%."""

from decimal import Decimal as D

from guanmo.assessment.definition import Definition, IndicatorRow, Inputs
from guanmo.assessment.outcome import compute
from guanmo.assessment.scheme import Form
from guanmo.assessment.scheme_description import RANKING_NOTE

TWO = Definition(
    (
        IndicatorRow("项目建设", D(50), "投资完成率", D(50)),
        IndicatorRow("项目开工", D(50), "开工率", D(50)),
    )
)


def inputs(values: dict[str, tuple]) -> Inputs:
    return Inputs({unit: {"投资完成率": D(a), "开工率": D(b)} for unit, (a, b) in values.items()})


HUNDRED = {"benchmark": D(100)}

# 甲县 and 乙县 differ by 0.001 on 开工率: published both 100.00 (并列第一), but 甲县 is ahead in
# every run on the exact scores.
CLOSE = inputs({"甲县": (90, 80), "乙县": (90, "79.999"), "丙县": (60, 60)})


def test_runs_rank_on_exact_scores_and_p_first_adds_up_to_one():
    outcome = compute(TWO, CLOSE, runs=200, seed=3)
    lines = {line.unit: line for line in outcome.lines}
    assert lines["甲县"].rank == lines["乙县"].rank == 1  # published 并列
    assert lines["甲县"].spread.p_first == 1 and lines["乙县"].spread.p_first == 0
    assert sum(line.spread.p_first for line in outcome.lines) == 1
    assert sum(line.spread.p_last for line in outcome.lines) == 1
    assert outcome.sentences[0].startswith("综合得分并列第一名为甲县、乙县（100.00分）")


def test_units_with_the_same_exact_scores_tie_in_every_run():
    same = inputs({"甲县": (90, 80), "乙县": (90, 80), "丙县": (60, 60)})
    lines = {line.unit: line for line in compute(TWO, same, runs=50, seed=3).lines}
    assert lines["甲县"].spread.p_first == lines["乙县"].spread.p_first == 1


def test_the_rule_of_a_run_is_said_under_the_figures():
    outcome = compute(TWO, CLOSE, runs=20, seed=3)
    assert RANKING_NOTE in outcome.as_json()["robustness"]["notes"]
    assert "未经四舍五入" in RANKING_NOTE and "两位小数" in RANKING_NOTE


# 基准比值 (value ÷ 100 × 100), arithmetic and geometric runs (the default): 乙县 (75.5, 74.3)
# scores lowest, 74.90 against 甲县's 75.00, but 甲县 (60, 90) is lower by the geometric mean
# and in the arithmetic runs weighing 投资完成率 more: last in 57.5% of 200 runs (seed 1).
BENCHMARK = Definition(
    tuple(
        IndicatorRow("综合", None, row.name, D(50), form=Form.BENCHMARK_RATIO, parameters=HUNDRED)
        for row in TWO.indicators
    )
)


def test_a_unit_last_in_most_runs_but_not_lowest_is_said_so_not_均未达到():
    values = inputs({"甲县": (60, 90), "乙县": ("75.5", "74.3"), "丙县": (95, 95)})
    outcome = compute(BENCHMARK, values, runs=200, seed=1, threshold=D("0.5"))
    assert outcome.last.named == ["甲县"] and outcome.lines[-1].unit == "乙县"
    assert outcome.sentences[-1] == (
        "排名末位尚不能认定：本期得分最低的是乙县（74.90分），甲县、乙县均可能排在末位（在200次"
        "权重和方法变动的模拟中排在末位的比例分别为57.5%、42.5%），甲县末位概率达到50.0%，"
        "但其本期综合得分不是最低的，不作末位认定。"
    )


def test_several_units_reaching_the_threshold_are_said_so_and_none_is_named():
    values = inputs({"甲县": (90, 80), "乙县": (80, "90.1"), "丙县": (85, 85)})
    outcome = compute(BENCHMARK, values, runs=200, seed=1, threshold=D("0.3"))
    assert outcome.lines[0].unit == "乙县" and outcome.first.named == ["乙县", "甲县"]
    assert outcome.sentences[0].endswith(
        "（在200次权重和方法变动的模拟中居第一的比例分别为54.0%、38.5%、7.5%），"
        "乙县、甲县居首概率均达到30.0%，不能只认定一个单位。"
    )
    assert "均未达到" not in "".join(outcome.sentences)


def test_none_reaching_the_threshold_is_still_said_均未达到():
    values = inputs({"甲县": (90, 80), "乙县": (80, "90.1"), "丙县": (85, 85)})
    outcome = compute(BENCHMARK, values, runs=200, seed=1)
    assert outcome.first.named == []
    assert outcome.sentences[0].endswith("分别为54.0%、38.5%、7.5%），均未达到80.0%。")
