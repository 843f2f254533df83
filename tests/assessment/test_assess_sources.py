"""`guanmo assess` filling sourced indicators (来源) from the test city's own ledger, indicators,
supervision, monthly reports and tour, with a values sheet for the rest or none at all.

The test city (tests/world.py) for 2025年1—3月: 武陟县 plans 1,200 + 2,000 and has done
400 + 120 (520 ÷ 3,200 = 16.25 → 16.3%); 温县 plans 1,000 + 800 and has done 400 + 260
(660 ÷ 1,800 = 36.67 → 36.7%). 固定资产投资 1—3月: 武陟县 33 against 30 (10.0%), 温县 40 against
50 (−20.0%).
"""

import json
import uuid
from datetime import date, datetime, time
from decimal import Decimal as D
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from openpyxl import load_workbook

import guanmo.assessment
from guanmo.assessment.definition import Inputs, Missing
from guanmo.assessment.objections import accept_objection, publish_result, raise_objection
from guanmo.assessment.services import issue_result, recompute, save_scheme
from guanmo.assessment.sheet_reading import Refused, read_scheme
from guanmo.assessment.source_selectors import fill_from_sources
from guanmo.assessment.sources import SourceCycle
from guanmo.documents.official import chinese_date
from guanmo.indicators.models import Indicator, IndicatorValue
from guanmo.observation import services
from guanmo.observation.models import Tour
from guanmo.observation.selectors import results_of
from guanmo.reporting.models import CountyReport, Period, ReviewStep, Status
from guanmo.supervision.models import Problem
from tests.assessment.city_sheets import listing_the_rest
from tests.assessment.letters import letter
from tests.assessment.test_assess_command import save_xlsx
from tests.observation.tours import build_tour

pytestmark = pytest.mark.django_db

HEADER = ["一级指标", "权重", "二级指标", "权重/分值", "方向", "计分方法", "参数", "来源"]
SOURCED_ROWS = [
    ["项目建设", 60, "投资完成率", 40, "正向", "极值法", None, "台账:年度计划完成率"],
    [None, None, "固定资产投资增速", 20, "正向", "极值法", None, "指标：固定资产投资：增速"],
    ["服务保障", 40, "问题办结天数", 40, "负向", "极值法", None, None],
]


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("assess", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def fixed_asset_investment(world) -> None:
    indicator = Indicator.objects.create(city=world.city, name="固定资产投资", unit="亿元")
    for region, value, last_year in ((world.wuzhi, 33, 30), (world.wenxian, 40, 50)):
        IndicatorValue.objects.create(
            indicator=indicator,
            region=region,
            year=2025,
            month=3,
            value=D(value),
            last_year_value=D(last_year),
        )


@pytest.fixture
def files(world, tmp_path) -> dict[str, Path]:
    fixed_asset_investment(world)
    return {
        "scheme": save_xlsx(tmp_path / "考核办法.xlsx", "考核办法", HEADER, SOURCED_ROWS),
        "values": listing_the_rest(
            save_xlsx(
                tmp_path / "数值.xlsx",
                "数值",
                ["县区", "问题办结天数"],
                [["武陟县", 10], ["温县", 20]],
            ),
            world.city,
        ),
    }


def arguments(files: dict[str, Path], *extra: str) -> list[str]:
    given = [argument for key, path in files.items() for argument in (f"--{key}", str(path))]
    return [*given, "--year", "2025", "--month", "3", "--runs", "0", *extra]


def test_sourced_indicators_are_filled_from_the_ledger_and_the_indicators(files):
    output, said = run(*arguments(files, "--format", "json"))
    result = json.loads(output)
    # 武陟县 has the lower completion rate and the higher growth: 0 + 20 + 40 = 60.00;
    # 温县 100 × 0.4 + 0 + 0 = 40.00.
    ranked = [u for u in result["units"] if u["rank"] is not None]  # the rest 不参评
    assert [(u["unit"], u["score"], u["rank"]) for u in ranked] == [
        ("武陟县", "60.00", 1),
        ("温县", "40.00", 2),
    ]
    assert set(result) == {"units", "weights", "method", "sensitivity", "robustness", "sentences"}
    assert (
        "数据来源：武陟县“投资完成率”：台账:年度计划完成率（2025年1—3月重点项目2个，"
        "累计完成投资520.00万元，年度计划投资3,200.00万元）" in said
    )
    assert "数据来源：温县“固定资产投资增速”：指标:固定资产投资:增速（2025年1—3月" in said


def test_the_text_report_lists_where_each_sourced_value_came_from(files):
    output, _ = run(*arguments(files))
    listed = output.split("数据来源：\n")[1].splitlines()
    rated = [line for line in listed if line.startswith(("武陟县", "温县"))]
    assert len(rated) == 4  # two units × two sourced indicators (the city's others 不参评)
    assert listed[0].startswith("武陟县“投资完成率”：台账:年度计划完成率（")


def test_an_exempt_units_sourced_values_are_not_listed_but_it_is_said_unrated(files, tmp_path):
    """Issue 13: the sources' lines were printed for units 不参评, whose values count for
    nothing; each is said once, 不参评, in the text, the .xlsx and the preview's rows."""
    output, _ = run(*arguments(files))
    listed = output.split("数据来源：\n")[1].splitlines()
    assert "修武县：不参评" in listed
    assert not [line for line in listed if line.startswith("修武县“")]
    workbook = tmp_path / "结果.xlsx"
    run(*arguments(files, "--format", "xlsx", "-o", str(workbook)))
    rows = list(load_workbook(workbook)["数据来源"].iter_rows(values_only=True))
    assert [row for row in rows if row[0] == "修武县"] == [("修武县", "—", "不参评")]


def test_a_value_in_the_values_sheet_overrides_its_source(files, tmp_path, world):
    files["values"] = listing_the_rest(
        save_xlsx(
            tmp_path / "覆盖.xlsx",
            "数值",
            ["县区", "投资完成率", "问题办结天数"],
            [["武陟县", 90, 10], ["温县", None, 20]],
        ),
        world.city,
    )
    output, said = run(*arguments(files, "--format", "json"))
    # 武陟县 90 against 温县's sourced 36.7: 40 + 20 + 40 = 100.00
    assert json.loads(output)["units"][0]["score"] == "100.00"
    assert "武陟县“投资完成率”：数值表《覆盖.xlsx》（覆盖台账:年度计划完成率）" in said


def test_a_unit_without_a_sourced_value_stops_the_run_naming_unit_and_source(files, world):
    IndicatorValue.objects.filter(region=world.wenxian).delete()
    with pytest.raises(
        CommandError, match="温县“固定资产投资增速”（指标:固定资产投资:增速）无数值"
    ):
        run(*arguments(files))


@pytest.fixture
def toured(world, files, tmp_path) -> dict[str, Path]:
    """The test city's tour of 18 June scored: 武陟县's sites 86 from every judge counted,
    温县's 80; the scheme adds the tour's county score to the completion rate."""
    tour = build_tour(world)
    services.open_scoring(tour)
    for site in tour.sites.all():
        points = dict(
            zip(
                CRITERIA,
                ("22", "20", "23", "21") if site.project.county == world.wuzhi else ("20",) * 4,
                strict=True,
            )
        )
        for judge in tour.judges.all():
            if not services.recused(judge, site):
                services.submit_scores(judge, site, points=points, submission=uuid.uuid4())
    rows = [
        SOURCED_ROWS[0],
        ["观摩", 20, "观摩得分", 20, "正向", "极值法", None, "观摩:县区得分"],
        SOURCED_ROWS[2],
    ]
    return {**files, "scheme": save_xlsx(tmp_path / "观摩.xlsx", "考核办法", HEADER, rows)}


def test_the_tour_score_is_the_county_score_of_the_cycles_tour(toured, world):
    output, said = run(*arguments(toured, "--format", "json"), "--month", "6")
    tour = Tour.objects.get()
    scores = {region.region: region.score for region in results_of(tour).regions}
    assert scores == {"武陟县": D("86.00"), "温县": D("80.00")}
    day = chinese_date(tour.first_day)
    assert (
        f"武陟县“观摩得分”：观摩:县区得分（观摩评比得分：「2025年第二次重点项目观摩」（{day}），2个观摩点"
        in said
    )
    # 一级 weights 60, 20, 40 of 120: 武陟县 0 + 100 / 6 + 100 / 3 = 50.00
    first = json.loads(output)["units"][0]
    assert (first["unit"], first["score"]) == ("武陟县", "50.00")


def test_a_tour_after_the_cycle_gives_no_county_a_score(toured):
    with pytest.raises(
        CommandError, match="武陟县“观摩得分”（观摩:县区得分）无数值：2025年1—3月没有已评分"
    ):
        run(*arguments(toured))


def test_sources_need_the_cycle(files):
    with pytest.raises(CommandError, match="须用 --year 和 --month 指明考核周期"):
        call_command("assess", "--scheme", str(files["scheme"]), "--values", str(files["values"]))


def test_indicators_without_a_source_need_a_values_sheet(files):
    with pytest.raises(CommandError, match="问题办结天数没有注明来源，须用 --values"):
        run("--scheme", str(files["scheme"]), "--year", "2025", "--month", "3")


def test_a_source_not_known_is_refused_naming_its_row_and_column(files, tmp_path):
    rows = [[*SOURCED_ROWS[0][:7], "台账:按时报送次数"], *SOURCED_ROWS[1:]]
    scheme = save_xlsx(tmp_path / "错误.xlsx", "考核办法", HEADER, rows)
    with pytest.raises(Refused) as refused:
        read_scheme(scheme)
    [fault] = refused.value.report.faults
    assert (fault.row, fault.column) == (3, "来源")
    assert "台账可用" in fault.message


CRITERIA = ("比规模", "比进度", "比质量", "比效益")
ALL_SOURCED = [
    ["投资完成率", 50, "正向", "极值法", "台账:年度计划完成率"],
    ["按期办结率", 30, "正向", "极值法", "督办:按期办结率"],
    ["按时报送次数", 20, "正向", "极值法", "月报:按时报送次数"],
]


def supervised(world) -> None:
    """武陟县: one problem solved by its deadline, one overdue at 31 March (50.0%); 温县: one
    solved late (0.0%)."""
    department = world.users["department"].department
    for project, deadline, solved in (
        ("武陟装备", date(2025, 3, 10), date(2025, 3, 8)),
        ("武陟物流", date(2025, 3, 20), None),
        ("温县文旅", date(2025, 2, 10), date(2025, 2, 20)),
    ):
        Problem.objects.create(
            project=world.projects[project],
            problem_type="land",
            text="用地手续",
            department=department,
            deadline=deadline,
            source=Problem.Source.CITY_OFFICE,
            raised_on=date(2025, 2, 1),
            solved_on=solved,
            status=Problem.Status.CONFIRMED if solved else Problem.Status.OPEN,
        )


def reported(world) -> None:
    """Periods for January–March (deadline the 5th of the next month): 武陟县 submits every
    month by the deadline; 温县 in January by the deadline, in February a day late after a
    return, and not at all in March."""
    submissions = {
        world.wuzhi: {1: [date(2025, 2, 3)], 2: [date(2025, 3, 5)], 3: [date(2025, 4, 1)]},
        world.wenxian: {1: [date(2025, 2, 4)], 2: [date(2025, 3, 6), date(2025, 3, 8)], 3: []},
    }
    for month in (1, 2, 3):
        period = Period.objects.create(
            city=world.city, year=2025, month=month, deadline=date(2025, month + 1, 5)
        )
        for county, months in submissions.items():
            days = months[month]
            report = CountyReport.objects.create(
                period=period,
                county=county,
                status=Status.APPROVED if days else Status.DRAFT,
            )
            for number, day in enumerate(days):
                at = timezone.make_aware(datetime.combine(day, time(10)))
                if number:
                    step = ReviewStep.objects.create(report=report, action=ReviewStep.Action.RETURN)
                    ReviewStep.objects.filter(pk=step.pk).update(at=at)
                step = ReviewStep.objects.create(report=report, action=ReviewStep.Action.SUBMIT)
                ReviewStep.objects.filter(pk=step.pk).update(at=at)


def test_a_scheme_wholly_sourced_needs_no_values_sheet_and_may_leave_units_unrated(
    world, tmp_path, settings
):
    settings.GUANMO_TODAY = date(2025, 4, 20)
    supervised(world)
    reported(world)
    rows = [
        [None, None, name, weight, way, form, None, source]
        for name, weight, way, form, source in ALL_SOURCED
    ]
    rows.append(["设置", None, "缺失数据", None, None, None, "不参评", None])
    scheme = save_xlsx(tmp_path / "全部来源.xlsx", "考核办法", HEADER, rows)
    output, said = run(
        "--scheme", str(scheme), "--year", "2025", "--month", "3", "--runs", "0", "--format", "json"
    )
    units = {u["unit"]: u for u in json.loads(output)["units"]}
    # 武陟县: 16.3% (min), 50.0% (max), 3 on time (max): 0 + 30 + 20 = 50.00
    # 温县: 36.7% (max), 0.0% (min), 1 on time (min): 50 + 0 + 0 = 50.00, tied
    assert (units["武陟县"]["score"], units["武陟县"]["rank"]) == ("50.00", 1)
    assert (units["温县"]["score"], units["温县"]["rank"]) == ("50.00", 1)
    others = [u for name, u in units.items() if name not in ("武陟县", "温县")]
    assert others and all(u["class"] == "不参评" for u in others)
    assert "提示：修武县“投资完成率”（台账:年度计划完成率）无数值" in said
    assert (
        "温县“按时报送次数”：月报:按时报送次数（2025年1—3月应报3期，按时报送1期，逾期报送1期）"
        in said
    )
    assert (
        "武陟县“按期办结率”：督办:按期办结率（2025年1—3月按期办结1个，已办结1个，逾期未办结1个）"
        in said
    )


def test_sourced_values_freeze_with_the_result_and_recompute_exactly(files, world):
    definition, _ = read_scheme(files["scheme"])
    given = Inputs({"武陟县": {"问题办结天数": D(10)}, "温县": {"问题办结天数": D(20)}})
    filled = fill_from_sources(
        world.city, SourceCycle(2025, 3), definition, given, today=date(2025, 4, 20)
    )
    scheme = save_scheme(world.city, "2025年第一季度", "综合考核", definition, ["武陟县", "温县"])
    result = issue_result(scheme, filled.inputs, runs=20, seed=1)
    result.refresh_from_db()
    assert result.inputs["values"]["武陟县"]["投资完成率"] == "16.3"
    assert result.inputs["origins"]["温县"]["投资完成率"].startswith("台账:年度计划完成率（")
    assert result.definition["indicators"][0]["source"] == "台账:年度计划完成率"
    IndicatorValue.objects.all().delete()  # the domains change; the issued result does not
    assert recompute(result).as_json() == result.output


def test_the_shipped_example_names_a_source_for_every_indicator():
    example = Path(guanmo.assessment.__file__).parent / "examples" / "县区综合考核.csv"
    definition, _ = read_scheme(example)
    assert [row.source for row in definition.indicators] == [
        "台账:年度计划完成率",
        "台账:新开工项目数",
        "台账:按期开工率",
        "观摩:县区得分",
        "督办:按期办结率",
        "月报:按时报送次数",
        "指标:固定资产投资:增速",
    ]
    assert definition.missing is Missing.STOP


def test_an_accepted_objection_to_a_sourced_value_says_so_in_its_origin(files, world):
    definition, _ = read_scheme(files["scheme"])
    given = Inputs({"武陟县": {"问题办结天数": D(10)}, "温县": {"问题办结天数": D(20)}})
    filled = fill_from_sources(
        world.city, SourceCycle(2025, 3), definition, given, today=date(2025, 4, 20)
    )
    scheme = save_scheme(world.city, "2025年第一季度", "综合考核", definition, ["武陟县", "温县"])
    result = publish_result(scheme, filled.inputs, runs=0)
    objection = raise_objection(
        result,
        attachment=letter(),
        unit="武陟县",
        indicator="投资完成率",
        value=D("40"),
        reason="漏报一个项目",
    )
    corrected = accept_objection(objection)
    origin = corrected.inputs["origins"]["武陟县"]["投资完成率"]
    assert origin.startswith("采纳异议更正（原台账:年度计划完成率（2025年1—3月重点项目2个")
    assert D(corrected.inputs["values"]["武陟县"]["投资完成率"]) == 40
    assert recompute(corrected).as_json() == corrected.output


def test_the_xlsx_has_a_sheet_saying_where_each_sourced_value_came_from(files, tmp_path):
    output = tmp_path / "结果.xlsx"
    run(*arguments(files, "--format", "xlsx", "-o", str(output)))
    sheet = load_workbook(output)["数据来源"]
    rows = [row for row in sheet.iter_rows(values_only=True) if row[0] in ("武陟县", "温县")]
    assert [row[:2] for row in rows] == [
        ("武陟县", "投资完成率"),
        ("武陟县", "固定资产投资增速"),
        ("温县", "投资完成率"),
        ("温县", "固定资产投资增速"),
    ]
    assert rows[2][2].startswith(
        "台账:年度计划完成率（2025年1—3月重点项目2个，累计完成投资660.00万元"
    )


def test_a_scheme_without_sources_still_needs_its_values_sheet(tmp_path):
    rows = [[*row[:7], None] for row in SOURCED_ROWS]
    scheme = save_xlsx(tmp_path / "无来源.xlsx", "考核办法", HEADER, rows)
    with pytest.raises(CommandError, match="没有注明来源，须用 --values 指定指标数值表"):
        run("--scheme", str(scheme))
