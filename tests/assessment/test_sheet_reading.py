"""Reading the scheme and values sheets: settings rows, 目标完成 targets, money indicators read
in another unit, and faults that name their cell."""

import json
from decimal import Decimal as D
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from openpyxl import Workbook

from guanmo.assessment.definition import Weighting, shares
from guanmo.assessment.results import ShareClasses, VetoEffect
from guanmo.assessment.scheme import Aggregation, Form
from guanmo.assessment.sheet_reading import Refused, read_scheme
from guanmo.assessment.values_sheet import read_previous, read_values
from guanmo.assessment.weights import EntropyNormalisation, EntropyVariant

HEADER = ["一级指标", "权重", "二级指标", "权重/分值", "方向", "计分方法", "参数"]


def save(path: Path, header, rows) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    for row in [["2025年亩均效益评价"], header, *rows]:
        sheet.append(row)
    workbook.save(path)
    return path


FIRMS = [
    [None, None, "亩均税收（万元）", 45, "正向", "基准比值", "基准值=20"],
    [None, None, "新增产值", 35, "正向", "目标完成", None],
    [None, None, "单位能耗", 20, "逆向", "位次递减", "步长=25"],
    ["设置", None, "赋权方法", None, None, None, "熵权法"],
    ["设置", None, "熵权口径", None, None, None, "标准化=占比；平移=0.01；方向=不计"],
    ["设置", None, "等次", None, None, None, "A=20%；B=40%；C=35%；D=5%"],
    ["设置", None, "汇总方法", None, None, None, "TOPSIS"],
    ["一票否决", None, "环保违法", None, None, None, "不定等次"],
]


def test_settings_rows_set_the_method(tmp_path):
    definition, _ = read_scheme(save(tmp_path / "s.xlsx", HEADER, FIRMS))
    assert [(row.name, row.form, row.top_weight) for row in definition.indicators] == [
        ("亩均税收（万元）", Form.BENCHMARK_RATIO, None),
        ("新增产值", Form.TARGET_MET, None),
        ("单位能耗", Form.RANK_STEPS, None),
    ]
    assert definition.indicators[0].parameters == {"benchmark": D(20)}
    assert definition.weighting is Weighting.ENTROPY
    assert definition.entropy_variant == EntropyVariant(
        EntropyNormalisation.SHARE, shift=D("0.01"), direction="ignored"
    )
    assert definition.classes == ShareClasses()
    assert definition.aggregation is Aggregation.TOPSIS
    assert definition.aggregations[0] is Aggregation.TOPSIS
    assert definition.vetoes == ("环保违法",) and definition.veto_effect is VetoEffect.UNCLASSED


COUNTY_ROWS = [
    [None, None, "投资完成率", 60, "正向", "极值法", None],
    [None, None, "增速", 40, "正向", "Z分数", "中心=70；离散=5"],
]


def alternatives_read(tmp_path, rows, written: str):
    setting = ["设置", None, "标准化备选", None, None, None, written]
    return read_scheme(save(tmp_path / "s.xlsx", HEADER, [*rows, setting]))[0].alternatives


def test_a_z_score_alternative_states_its_scale_or_takes_the_schemes_own(tmp_path):
    """Issue 13: a Z分数 among the robustness check's alternatives was scored at 0 ± 1."""
    z = {"centre": D(60), "spread": D(10)}
    assert alternatives_read(tmp_path, COUNTY_ROWS[:1], "功效系数、Z分数（中心=60；离散=10）") == (
        (Form.EFFICACY_COEFFICIENT, {}),
        (Form.Z_SCORE, z),
    )
    assert alternatives_read(tmp_path, COUNTY_ROWS, "Z分数") == (
        (Form.Z_SCORE, {"centre": D(70), "spread": D(5)}),
    )
    with pytest.raises(Refused) as refused:
        alternatives_read(tmp_path, COUNTY_ROWS[:1], "功效系数、Z分数")
    (fault,) = refused.value.report.faults
    assert "标准化备选中的Z分数须写明中心和离散" in fault.message and fault.row == 4


def test_values_read_targets_money_in_another_unit_and_vetoes(tmp_path):
    definition, _ = read_scheme(save(tmp_path / "s.xlsx", HEADER, FIRMS))
    values = save(
        tmp_path / "v.xlsx",
        ["企业名称", "亩均税收（亿元）", "新增产值", "新增产值目标", "单位能耗", "环保违法"],
        [["甲公司", 0.0025, 120, 100, "0.8", None], ["乙公司", "0.0011", 90, 100, 1.1, "是"]],
    )
    inputs, report = read_values(values, definition)
    assert inputs.values["甲公司"] == {
        "亩均税收（万元）": D(25),
        "新增产值": D(120),
        "单位能耗": D("0.8"),
    }
    assert inputs.values["乙公司"]["亩均税收（万元）"] == D(11)
    assert inputs.targets == {"甲公司": {"新增产值": D(100)}, "乙公司": {"新增产值": D(100)}}
    assert inputs.vetoed == frozenset({"乙公司"})
    assert any("以亿元填报，已换算为万元" in note for note in report.notes)


def test_a_missing_target_column_and_a_bad_parameter_are_named(tmp_path):
    rows = [list(row) for row in FIRMS]
    rows[0][6] = "基准=20；封顶=45"
    with pytest.raises(Refused) as refused:
        read_scheme(save(tmp_path / "s.xlsx", HEADER, rows))
    assert [str(fault) for fault in refused.value.report.faults] == [
        "第3行「参数」：基准比值没有参数“封顶”；可用参数：基准值、基准、上年均值倍数"
    ]
    definition, _ = read_scheme(save(tmp_path / "ok.xlsx", HEADER, FIRMS))
    values = save(tmp_path / "v.xlsx", ["企业名称", "亩均税收（万元）", "新增产值", "单位能耗"], [])
    with pytest.raises(Refused) as refused:
        read_values(values, definition)
    assert "第2行「新增产值目标」：表头中没有这一列" in [
        str(f) for f in refused.value.report.faults
    ]


def test_hand_weights_that_are_missing_are_refused(tmp_path):
    rows = [
        ["项目建设", 60, "投资完成率", 30, "正向", None, None],
        ["项目建设", 60, "新开工", None, "正向", None, None],
    ]
    with pytest.raises(Refused) as refused:
        read_scheme(save(tmp_path / "s.xlsx", HEADER, rows))
    assert [str(f) for f in refused.value.report.faults] == [
        "「权重/分值」：二级指标“新开工”没有权重或分值"
    ]


def test_previous_ranks_as_typed(tmp_path):
    ranks, _ = read_previous(
        save(
            tmp_path / "p.xlsx", ["县区", "位次"], [["甲县", "第2位"], ["乙县", 1], ["合计", None]]
        )
    )
    assert ranks == {"甲县": 2, "乙县": 1}


FIRM_VALUES = [
    ["甲公司", 0.0025, 120, 100, "0.8", None],
    ["乙公司", "0.0011", 90, 100, 1.1, "是"],
    ["丙公司", 0.0018, 80, 100, 0.9, None],
    ["丁公司", 0.0009, 100, 120, 1.5, None],
    ["戊公司", 0.003, 60, 100, 0.7, None],
]


def assess_json(scheme: Path, values: Path, *extra: str) -> dict:
    out = StringIO()
    arguments = ["--scheme", str(scheme), "--values", str(values), "--format", "json", *extra]
    call_command("assess", *arguments, stdout=out, stderr=StringIO())
    return json.loads(out.getvalue())


def test_a_firms_scheme_by_entropy_and_topsis_through_the_command(tmp_path):
    scheme = save(tmp_path / "s.xlsx", HEADER, FIRMS)
    values = save(
        tmp_path / "v.xlsx",
        ["企业名称", "亩均税收（亿元）", "新增产值", "新增产值目标", "单位能耗", "环保违法"],
        FIRM_VALUES,
    )
    result = assess_json(scheme, values, "--runs", "100")
    assert result["method"] == {
        "normalisation": ["benchmark_ratio", "target_met", "rank_steps"],
        "aggregation": "topsis",
        "weighting": "entropy",
        "entropy_variant": {
            "normalisation": "share",
            "shift": "0.01",
            "zero_rule": "0·ln0=0",
            "direction": "ignored",
        },
    }
    # Four places each, half up: their sum is 1 give or take the rounding of three weights.
    assert abs(sum(D(weight) for weight in result["weights"].values()) - 1) <= D("0.00015")
    assert {"weighting", "weights", "aggregation"} <= set(result["sensitivity"])
    vetoed = next(unit for unit in result["units"] if unit["unit"] == "乙公司")
    assert (vetoed["rank"], vetoed["class"]) == (None, None)  # 不定等次
    assert [unit["class"] for unit in result["units"][:4]] == ["B", "B", "C", "D"]
    assert all(unit["contributions"] == {} for unit in result["units"])  # TOPSIS: no points


def test_without_runs_nobody_is_tested_and_the_sentences_follow_the_ranks(tmp_path):
    scheme = save(tmp_path / "s.xlsx", HEADER, FIRMS[:3])
    values = save(
        tmp_path / "v.xlsx",
        ["企业名称", "亩均税收（万元）", "新增产值", "新增产值目标", "单位能耗"],
        [row[:5] for row in FIRM_VALUES],
    )
    result = assess_json(scheme, values, "--runs", "0")
    assert result["sensitivity"] == {}
    assert all(unit["rank_interval"] is None for unit in result["units"])
    assert result["sentences"][1].startswith("排名末位的是")


def test_weights_not_totalling_100_are_taken_in_proportion_and_said(tmp_path):
    rows = [
        ["项目建设", 60, "投资完成率", 30, "正向", None, None],
        ["服务保障", 60, "问题办结天数", 40, "负向", None, None],
    ]
    definition, report = read_scheme(save(tmp_path / "s.xlsx", HEADER, rows))
    assert "一级指标的权重合计为120，按各自占比折算为100分" in report.notes
    assert shares(definition) == {"投资完成率": D("0.5"), "问题办结天数": D("0.5")}


COUNTY = [
    ["项目建设", 40, "投资完成率", 20, "正向", "极值法", None],
    [None, None, "新开工", 20, "正向", "极值法", None],
    ["亩均效益", 30, "亩均税收", 30, "正向", "极值法", None],
]


def test_a_row_under_a_deduction_with_the_first_level_blank_is_another_deduction(tmp_path):
    """Issue 13, tryout 23: 扣分 written once (一级指标 and 总上限 on its first row only), the
    row below continues 扣分; it is never an indicator of the 一级指标 above the items."""
    rows = [
        *COUNTY,
        ["扣分", 3, "一般安全事故", 1, None, None, "上限=2"],
        [None, None, "督查问题", D("0.3"), None, None, None],
    ]
    definition, report = read_scheme(save(tmp_path / "s.xlsx", HEADER, rows))
    assert [row.name for row in definition.indicators] == ["投资完成率", "新开工", "亩均税收"]
    assert [(rule.item, rule.points_each) for rule in definition.adjustment_rules] == [
        ("一般安全事故", D(-1)),
        ("督查问题", D("-0.3")),
    ]
    assert definition.deduction_cap == D(3)
    assert any("第7行" in note and "扣分" in note for note in report.notes)


def test_a_repeated_deduction_with_its_cap_blank_takes_the_cap_written_once(tmp_path):
    rows = [
        *COUNTY,
        ["扣分", 3, "一般安全事故", 1, None, None, None],
        ["扣分", None, "督查问题", D("0.3"), None, None, None],
    ]
    definition, _ = read_scheme(save(tmp_path / "s.xlsx", HEADER, rows))
    assert definition.deduction_cap == D(3)
    rows[-1][1] = 2
    with pytest.raises(Refused) as refused:
        read_scheme(save(tmp_path / "t.xlsx", HEADER, rows))
    assert [str(f) for f in refused.value.report.faults] == [
        "第7行「权重」：各扣分事项的总上限不一致：第6行为3，第7行为2"
    ]


def test_a_missing_column_is_advised_by_renaming_its_header_not_by_a_map_option(tmp_path):
    """Issue 13, tryout 23: `guanmo assess` advised `--map`, an option it lacks; the advice for
    the assessment sheets is to rename the header, which the command and the upload both read."""
    definition, _ = read_scheme(save(tmp_path / "ok.xlsx", HEADER, FIRMS))
    header = ["企业名称", "亩均税收（万元）", "新增产值", "新增产值计划数", "单位能耗"]
    with pytest.raises(Refused) as refused:
        read_values(save(tmp_path / "v.xlsx", header, []), definition)
    said = "；".join(str(f) for f in refused.value.report.faults)
    assert "--map" not in said
    assert "将该列的表头改为「新增产值目标」后重新导入" in said


def test_veto_items_with_different_treatments_are_refused_naming_both_rows(tmp_path):
    """Issue 13, tryout 30: one treatment for every veto item (the engine places the vetoed
    units one way); a scheme mixing them is refused naming each row and its treatment."""
    rows = [
        *COUNTY,
        ["一票否决", None, "重大安全事故", None, None, None, "排在末位"],
        ["一票否决", None, "信访稳定", None, None, None, "不定等次"],
    ]
    with pytest.raises(Refused) as refused:
        read_scheme(save(tmp_path / "s.xlsx", HEADER, rows))
    assert [str(f) for f in refused.value.report.faults] == [
        "第7行「参数」：各一票否决事项的否决后处理须一致：第6行“重大安全事故”为排在末位，"
        "第7行“信访稳定”为不定等次；请各项写同一处理"
    ]
    rows[-1][-1] = "排在末位"
    definition, _ = read_scheme(save(tmp_path / "t.xlsx", HEADER, rows))
    assert definition.veto_effect is VetoEffect.LAST


def test_a_first_level_name_repeated_on_each_row_with_its_weight_once_is_one_group(tmp_path):
    """Issue 13, tryout 30: cells unmerged write the 一级指标 on every row and its weight on the
    first only (or on each, equal); read as one group. Different weights are refused, naming
    both rows."""
    rows = [list(row) for row in COUNTY]
    rows[1][0] = "项目建设"
    definition, _ = read_scheme(save(tmp_path / "s.xlsx", HEADER, rows))
    assert [row.top for row in definition.indicators] == ["项目建设", "项目建设", "亩均效益"]
    assert [row.top_weight for row in definition.indicators] == [D(40), D(40), D(30)]
    rows[1][1] = 40
    definition, _ = read_scheme(save(tmp_path / "t.xlsx", HEADER, rows))
    assert [row.top_weight for row in definition.indicators] == [D(40), D(40), D(30)]
    rows[1][1] = 30
    with pytest.raises(Refused) as refused:
        read_scheme(save(tmp_path / "u.xlsx", HEADER, rows))
    assert [str(f) for f in refused.value.report.faults] == [
        "第4行「权重」：一级指标“项目建设”的权重不一致：第3行为40，第4行为30"
    ]
