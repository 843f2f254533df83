"""Sources (来源) as plain data: the words a scheme names them in, and each domain's measure
computed by the domain's own rule from facts made here, worked by hand."""

from dataclasses import replace
from datetime import date
from decimal import Decimal as D

import pytest

from guanmo.assessment.definition import (
    Definition,
    IndicatorRow,
    Inputs,
    Missing,
    NothingToCount,
)
from guanmo.assessment.source_measures import (
    IndicatorFacts,
    LedgerFacts,
    MonthReport,
    ParkSourceFacts,
    ProjectStart,
    ReportingFacts,
    SupervisionFacts,
    TourScores,
    completion_rates,
    growths,
    new_starts,
    on_time_rates,
    park_figures,
    park_land_per_mu,
    reports_on_time,
    reports_returned,
    solved_on_time_counts,
    started_on_time,
    target_completions,
    tour_scores,
)
from guanmo.assessment.sources import (
    Domain,
    Measure,
    SourceCycle,
    Sourced,
    SourceError,
    merge_sourced,
    parse_source,
)
from guanmo.attraction.land import ParcelFacts, park_land
from guanmo.attraction.parks import ParkFacts
from guanmo.indicators.arithmetic import Reading
from guanmo.indicators.choices import Kind
from guanmo.indicators.targets import standing
from guanmo.observation.results import Method, ScoreCard, tour_results
from guanmo.progress.report import UnitTotals
from guanmo.supervision.figures import ProblemFacts, by_county

CYCLE = SourceCycle(2025, 9)


@pytest.mark.parametrize(
    ("written", "text"),
    [
        ("台账:年度计划完成率", "台账:年度计划完成率"),
        ("台账：完成率", "台账:年度计划完成率"),
        ("观摩:县区得分", "观摩:县区得分"),
        ("观摩:县区得分:中位数", "观摩:县区得分:中位数"),
        ("督办:按期办结率", "督办:按期办结率"),
        ("督办：按期解决率", "督办:按期办结率"),
        ("月报:按时报送次数", "月报:按时报送次数"),
        ("月报:退回次数", "月报:退回次数"),
        ("指标:固定资产投资:增速", "指标:固定资产投资:增速"),
        ("指标：一般公共预算收入：目标完成率", "指标:一般公共预算收入:目标完成率"),
        ("园区：主导产业收入占比", "园区:主导产业占比"),
        ("园区:亩均投资", "园区:投资强度"),
    ],
)
def test_a_source_is_read_in_the_words_schemes_write_and_written_back_in_one(written, text):
    assert parse_source(written).text == text


def test_the_measures_are_those_of_their_domains():
    assert parse_source("台账:新开工项目数").measure is Measure.NEW_STARTS
    assert parse_source("指标:固定资产投资:增速").indicator == "固定资产投资"
    assert parse_source("观摩:县区得分:中位数").method is Method.MEDIAN
    assert parse_source("督办:按期办结数").domain is Domain.SUPERVISION


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("统计:增速", "来源应以台账、观摩、督办、月报、指标、园区之一开头"),
        ("台账:按时报送次数", "台账可用：台账:年度计划完成率、台账:新开工项目数、台账:按期开工率"),
        ("指标:增速", "应写成“指标:指标名称:增速”"),
        ("观摩:县区得分:随便", "评分方法“随便”无法识别"),
    ],
)
def test_a_source_not_known_is_refused_saying_what_is(written, said):
    with pytest.raises(ValueError, match=said):
        parse_source(written)


def test_a_cycle_month_out_of_the_year_is_refused():
    with pytest.raises(ValueError, match="月份应为1至12"):
        SourceCycle(2025, 13)


# 台账: 甲县 plan 1,000 and 375 done (37.5%); 乙县 plan 0 (no rate). Starts by 30 September:
# 甲县 新开工 A (planned 1 March, started 10 March), 新开工 B (planned 1 May, not started: due,
# 逾期未开工 though it reported no investment either), 新开工 C (planned 1 December: not due),
# 前期 D planned 1 August (overdue, due), 前期 E planned 1 November (not due), 续建 F (no plan,
# building: not a start), 新开工 G (no plan: not due, whatever it invested): 1 of 3 = 33.3%.
LEDGER = LedgerFacts(
    CYCLE,
    [
        UnitTotals("甲县", 2, D("1000"), D("375")),
        UnitTotals("乙县", 1, D("0"), D("20")),
    ],
    [
        ProjectStart("甲县", "新开工", date(2025, 3, 1), D("120"), date(2025, 3, 10)),
        ProjectStart("甲县", "新开工", date(2025, 5, 1), D("0")),
        ProjectStart("甲县", "新开工", date(2025, 12, 1), D("0")),
        ProjectStart("甲县", "前期", date(2025, 8, 1), D("0")),
        ProjectStart("甲县", "前期", date(2025, 11, 1), D("0")),
        ProjectStart("甲县", "续建", None, D("500")),
        ProjectStart("甲县", "新开工", None, D("80")),
        ProjectStart("乙县", "续建", None, D("20")),
    ],
)


def test_the_completion_rate_is_the_bulletins_and_none_without_a_plan():
    found = completion_rates(LEDGER, ["甲县", "乙县", "丙县"])
    assert found["甲县"].value == D("37.5")
    assert "累计完成投资375.00万元，年度计划投资1,000.00万元" in found["甲县"].origin
    assert found["乙县"].value is None and "没有下达年度计划投资" in found["乙县"].origin
    assert found["丙县"].value is None


def test_new_starts_count_the_new_projects_with_investment_and_none_is_a_real_zero():
    found = new_starts(LEDGER, ["甲县", "乙县"])
    assert found["甲县"].value == 2
    assert found["乙县"].value == 0


def test_started_on_time_is_started_over_due_by_the_cycles_end():
    found = started_on_time(LEDGER, ["甲县", "乙县"])
    assert found["甲县"].value == D("33.3")
    assert "应开工重点项目3个，已开工1个" in found["甲县"].origin
    assert found["乙县"].value is None


def test_a_new_start_without_a_planned_date_is_not_due_and_its_leaving_out_is_said():
    """Last stop, item 6: 新开工 G (no planned 开工) is not due, but was left out silently."""
    found = started_on_time(LEDGER, ["甲县", "乙县"])
    said = "另有1个新开工项目未填计划开工日期，无从判断是否按期开工，未计入"
    assert found["甲县"].value == D("33.3") and found["甲县"].origin.endswith(said)
    assert "未填计划开工日期" not in found["乙县"].origin


# 观摩: two judges score 甲县's two sites and 乙县's one; 丙县 is not on the tour.
CARDS = [
    ScoreCard("张", "", "甲一", "甲县", {"进度": D("90")}),
    ScoreCard("王", "", "甲一", "甲县", {"进度": D("86")}),
    ScoreCard("张", "", "甲二", "甲县", {"进度": D("80")}),
    ScoreCard("王", "", "甲二", "甲县", {"进度": D("81")}),
    ScoreCard("张", "", "乙一", "乙县", {"进度": D("70")}),
    ScoreCard("王", "", "乙一", "乙县", {"进度": D("75")}),
]


def test_the_tour_score_is_the_tours_county_result_and_none_for_a_county_not_seen():
    facts = TourScores(
        CYCLE, "2025年第二次重点项目观摩", CARDS, Method.MEAN, first_day=date(2025, 6, 10)
    )
    found = tour_scores(facts, ["甲县", "乙县", "丙县"])
    # 甲一 (90 + 86) / 2 = 88, 甲二 80.5: 甲县 84.25; 乙县 72.5
    assert found["甲县"].value == D("84.25")
    assert found["乙县"].value == D("72.50")
    regions = {r.region: r.score for r in tour_results(CARDS, method=Method.MEAN).regions}
    assert found["甲县"].value == regions["甲县"]
    # where the score came from (tryout 19): the tour's score, which tour, when
    assert found["甲县"].origin == (
        "观摩评比得分：「2025年第二次重点项目观摩」（2025年6月10日），2个观摩点，算术平均，第1位"
    )
    assert found["丙县"].value is None and "没有本单位的观摩点得分" in found["丙县"].origin


def test_a_source_may_name_the_tours_method_instead_of_its_own():
    facts = TourScores(CYCLE, "观摩", CARDS, Method.MEAN)
    assert tour_scores(facts, ["乙县"], Method.MEDIAN)["乙县"].value == D("72.50")


def test_without_a_tour_in_the_cycle_no_county_has_a_score():
    found = tour_scores(TourScores(CYCLE), ["甲县"])
    assert found["甲县"] == Sourced(None, "2025年1—9月没有已评分的观摩活动")


# 督办 as of 30 September: 甲县 three problems, one solved by its deadline, one solved late,
# one overdue: on time 1 of 3 known = 33.3%. 乙县 one not yet due; 丙县 none raised.
def problem(county: str, deadline: date, solved_on: date | None) -> ProblemFacts:
    return ProblemFacts("市住建局", county, date(2025, 3, 1), deadline, solved_on, bool(solved_on))


PROBLEMS = [
    problem("甲县", date(2025, 4, 1), date(2025, 3, 20)),
    problem("甲县", date(2025, 4, 1), date(2025, 5, 2)),
    problem("甲县", date(2025, 6, 1), None),
    problem("乙县", date(2025, 12, 1), None),
]


def test_problems_solved_on_time_and_the_rate_are_the_supervision_bulletins():
    counties = by_county(PROBLEMS, as_of=date(2025, 9, 30), names=["甲县", "乙县", "丙县"])
    facts = SupervisionFacts(CYCLE, counties)
    counts = solved_on_time_counts(facts, ["甲县", "乙县", "丙县"])
    assert [counts[u].value for u in ("甲县", "乙县", "丙县")] == [1, 0, 0]
    rates = on_time_rates(facts, ["甲县", "乙县", "丙县"])
    assert rates["甲县"].value == D("33.3")
    assert rates["乙县"].value is None and rates["丙县"].value is None


# 月报: deadlines the 5th of the next month. 甲县 on time in January, late in February, not
# submitted in March (returned twice in February); 乙县's March report approved with no
# submission on record.
def month(unit: str, number: int, submitted: date | None, **extra) -> MonthReport:
    return MonthReport(unit, number, date(2025, number + 1, 5), submitted, **extra)


REPORTS = ReportingFacts(
    SourceCycle(2025, 3),
    date(2025, 10, 1),
    [
        month("甲县", 1, date(2025, 2, 5)),
        month("甲县", 2, date(2025, 3, 6), returned=2),
        month("甲县", 3, None),
        month("乙县", 1, date(2025, 2, 1)),
        month("乙县", 3, None, unrecorded=True),
    ],
)


def test_reports_on_time_count_first_submissions_by_the_deadline():
    found = reports_on_time(REPORTS, ["甲县"])
    assert found["甲县"].value == 1
    assert "应报3期，按时报送1期，逾期报送1期" in found["甲县"].origin


def test_returned_reports_count_every_return():
    assert reports_returned(REPORTS, ["甲县"])["甲县"].value == 2


def test_a_report_reviewed_without_a_submission_on_record_leaves_the_unit_without_a_value():
    for measure in (reports_on_time, reports_returned):
        found = measure(REPORTS, ["乙县", "丙县"])
        assert found["乙县"].value is None and "3月月报没有提交记录" in found["乙县"].origin
        assert found["丙县"].value is None


def test_growth_is_the_indicator_reports_and_a_target_completion_its_standing():
    facts = IndicatorFacts(
        CYCLE,
        "固定资产投资",
        Kind.AMOUNT,
        {"甲县": Reading("甲县", D("110"), D("100")), "乙县": Reading("乙县", D("50"), None)},
        {"甲县": standing(month=9, target=D("200"), done=D("110"))},
    )
    grown = growths(facts, ["甲县", "乙县", "丙县"])
    assert grown["甲县"].value == D("10.0")
    assert grown["乙县"].value is None and grown["丙县"].value is None
    done = target_completions(facts, ["甲县", "乙县"])
    assert done["甲县"].value == D("55.0")
    assert done["乙县"].value is None


# 园区 for 2025年1—9月: 甲园区 主营业务收入 1,500,000万元, of which its leading industries
# 894,000 (59.6%), 86 规上企业; 乙园区 gave its figures without the leading industries'; 丙园区
# gave none. Land by 30 September: 甲园区 12.5 + 7.5 亩 supplied, taxes 300 and 150 (450 ÷ 20 =
# 22.50万元/亩), a third parcel supplied in October not counted; 乙园区 supplied 10 亩 with no tax
# given.
PARKS = ParkSourceFacts(
    CYCLE,
    ["甲园区", "乙园区", "丙园区"],
    [
        ParkFacts(
            "甲园区", revenue=D(1500000), leading_revenue=D(894000), enterprises_above_size=86
        ),
        ParkFacts("乙园区", revenue=D(980000), enterprises_above_size=57),
    ],
    {
        "甲园区": park_land(
            [
                ParcelFacts("一号地", D("12.5"), supplied_on=date(2024, 5, 1), tax=D(300)),
                ParcelFacts("二号地", D("7.5"), supplied_on=date(2025, 9, 30), tax=D(150)),
                ParcelFacts("三号地", D(40), supplied_on=date(2025, 10, 1), tax=D(4000)),
            ],
            CYCLE.last_day,
        ),
        "乙园区": park_land(
            [ParcelFacts("四号地", D(10), supplied_on=date(2025, 1, 1))], CYCLE.last_day
        ),
        "丙园区": park_land([], CYCLE.last_day),
    },
)


def test_a_parks_own_figures_are_its_sources_and_a_county_has_none():
    units = ["甲园区", "乙园区", "丙园区", "甲县"]
    share = park_figures(PARKS, units, Measure.LEADING_SHARE)
    assert share["甲园区"] == Sourced(
        D("59.6"),
        "2025年1—9月主营业务收入1,500,000.00万元，其中主导产业894,000.00万元，占59.6%",
    )
    assert share["乙园区"] == Sourced(None, "2025年1—9月园区主要指标未填报主导产业占比")
    assert share["丙园区"] == Sourced(None, "没有2025年1—9月的园区主要指标")
    assert share["甲县"] == Sourced(None, "甲县不是园区")
    counted = park_figures(PARKS, units[:2], Measure.ENTERPRISES_ABOVE_SIZE)
    assert [counted[unit].value for unit in units[:2]] == [D(86), D(57)]
    assert counted["甲园区"].origin == "2025年1—9月规上企业数86家"


def test_tax_per_mu_is_the_parks_land_supplied_by_the_cycles_end():
    taxed = park_land_per_mu(PARKS, ["甲园区", "乙园区", "丙园区", "甲县"], Measure.TAX_PER_MU)
    assert taxed["甲园区"] == Sourced(D("22.50"), "截至2025年9月底已供地20亩，亩均税收22.50万元/亩")
    assert taxed["乙园区"] == Sourced(None, "截至2025年9月底已供地10亩，没有填报税收的已供地地块")
    assert taxed["丙园区"].value is None and taxed["甲县"] == Sourced(None, "甲县不是园区")


def test_tax_per_mu_is_over_the_land_of_the_parcels_with_tax_and_says_so():
    land = park_land(
        [
            ParcelFacts("一号地", D(30), supplied_on=date(2024, 5, 1), tax=D(40)),
            ParcelFacts("二号地", D(270), supplied_on=date(2024, 5, 1)),
        ],
        CYCLE.last_day,
    )
    facts = ParkSourceFacts(CYCLE, ["甲园区"], [], {"甲园区": land})

    taxed = park_land_per_mu(facts, ["甲园区"], Measure.TAX_PER_MU)

    assert taxed["甲园区"] == Sourced(  # 40 ÷ 30, not ÷ 300 (0.13)
        D("1.33"),
        "截至2025年9月底已供地300亩，亩均税收1.33万元/亩（按有税收数据的1宗地、30亩计算）",
    )


# Merging: 甲县 and 乙县 rated, 戊园区 exempt; the source has no value for 乙县.
DEFINITION = Definition(
    (
        IndicatorRow("项目", None, "完成率", D(60), source="台账:年度计划完成率"),
        IndicatorRow("服务", None, "办结天数", D(40)),
    )
)
SOURCED = {
    "完成率": {
        "甲县": Sourced(D("37.5"), "2025年1—9月重点项目2个"),
        "乙县": Sourced(None, "2025年没有下达年度计划投资的重点项目"),
        "戊园区": Sourced(None, "无"),
    }
}
GIVEN = Inputs(
    {
        "甲县": {"完成率": None, "办结天数": D(10)},
        "乙县": {"完成率": None, "办结天数": D(12)},
        "戊园区": {"完成率": None, "办结天数": None},
    },
    exempt=frozenset({"戊园区"}),
)


def test_a_missing_sourced_value_stops_the_run_naming_unit_indicator_and_source():
    with pytest.raises(SourceError, match="乙县“完成率”（台账:年度计划完成率）无数值：2025年没有"):
        merge_sourced(GIVEN, DEFINITION, SOURCED)


def test_a_value_given_overrides_the_source_and_says_so():
    given = replace(GIVEN, values={**GIVEN.values, "乙县": {"完成率": D("80"), "办结天数": D(12)}})
    filled = merge_sourced(given, DEFINITION, SOURCED, given_by="数值表《数值.xlsx》").inputs
    assert filled.values["甲县"]["完成率"] == D("37.5")
    assert filled.values["乙县"]["完成率"] == D("80")
    assert filled.origins["甲县"]["完成率"] == "台账:年度计划完成率（2025年1—9月重点项目2个）"
    assert filled.origins["乙县"]["完成率"] == "数值表《数值.xlsx》（覆盖台账:年度计划完成率）"
    assert "办结天数" not in filled.origins["甲县"]


def test_the_scheme_may_leave_a_unit_without_a_sourced_value_unrated():
    definition = Definition(DEFINITION.indicators, missing=Missing.EXEMPT)
    filled = merge_sourced(GIVEN, definition, SOURCED)
    assert filled.inputs.exempt == {"乙县", "戊园区"}
    assert filled.inputs.values["乙县"]["完成率"] is None
    assert filled.notes == [
        "乙县“完成率”（台账:年度计划完成率）无数值：2025年没有下达年度计划投资的重点项目；"
        "按考核办法，乙县不参评"
    ]


def test_the_scheme_may_count_a_missing_sourced_value_as_zero():
    definition = Definition(DEFINITION.indicators, missing=Missing.ZERO)
    filled = merge_sourced(GIVEN, definition, SOURCED).inputs
    assert filled.values["乙县"]["完成率"] == 0
    assert filled.origins["乙县"]["完成率"].endswith("；按考核办法计为0")
    assert filled.values["戊园区"]["完成率"] is None  # exempt: nothing to fill


def test_sources_and_the_missing_rule_freeze_with_the_definition_and_origins_with_inputs():
    definition = Definition(DEFINITION.indicators, missing=Missing.EXEMPT)
    assert Definition.from_dict(definition.as_dict()) == definition
    filled = merge_sourced(GIVEN, definition, SOURCED).inputs
    assert Inputs.from_dict(filled.as_dict()) == filled


def test_a_scheme_frozen_before_sources_reads_and_freezes_the_same():
    plain = Definition((IndicatorRow("项目", None, "完成率", D(60)),))
    data = plain.as_dict()
    assert "missing" not in data and "source" not in data["indicators"][0]
    assert "origins" not in Inputs({"甲县": {"完成率": D(1)}}).as_dict()


# 按期办结率 for 1—9月: 甲县 33.3%; 乙县 had no problem solved or overdue (0 ÷ 0).
RATE_DEFINITION = Definition(
    (IndicatorRow("服务", None, "按期办结率", D(1), source="督办:按期办结率"),),
    nothing_to_count=NothingToCount.FULL,
)


def rates_sourced() -> dict:
    counties = by_county(PROBLEMS, as_of=date(2025, 9, 30), names=["甲县", "乙县"])
    return {"按期办结率": on_time_rates(SupervisionFacts(CYCLE, counties), ["甲县", "乙县"])}


def test_a_rate_with_nothing_to_count_is_said_so_by_its_source():
    found = rates_sourced()["按期办结率"]
    assert found["乙县"].nothing_to_count and found["乙县"].value is None
    assert not found["甲县"].nothing_to_count
    (planless,) = started_on_time(LEDGER, ["乙县"]).values()
    assert planless.nothing_to_count


def test_a_rate_with_nothing_to_count_is_100_percent_when_the_scheme_says_so_in_notes_and_origin():
    given = Inputs({"甲县": {}, "乙县": {}})
    filled = merge_sourced(given, RATE_DEFINITION, rates_sourced())
    assert filled.inputs.values["乙县"]["按期办结率"] == 100
    assert filled.inputs.values["甲县"]["按期办结率"] == D("33.3")
    rule = "2025年1—9月没有已办结或逾期的督办问题；按考核办法无考核事项按100%计"
    assert filled.inputs.origins["乙县"]["按期办结率"] == f"督办:按期办结率（{rule}）"
    assert filled.notes == [f"乙县“按期办结率”（督办:按期办结率）{rule}"]
    assert Definition.from_dict(RATE_DEFINITION.as_dict()) == RATE_DEFINITION


def test_without_the_rule_a_rate_with_nothing_to_count_stops_the_run_saying_what_to_set():
    definition = replace(RATE_DEFINITION, nothing_to_count=NothingToCount.MISSING)
    with pytest.raises(SourceError, match="设置“无考核事项”为按100%计"):
        merge_sourced(Inputs({"甲县": {}, "乙县": {}}), definition, rates_sourced())
