"""Kinds of sheet the sixth tryout of issue 9 found ignored or unclear (L04/L17, P15, P26,
L29, L49, L10), built here in other names and figures: each gives exactly the figures a user
expects, or stops naming the row and column."""

from datetime import datetime
from decimal import Decimal
from io import BytesIO

import pytest

from guanmo.ledger.models import AnnualPlan, CompletedBeforeYear, MonthlyProgress, Project
from guanmo.ledger.services import import_ledger, import_progress
from tests.ledger.sheets import xlsx
from tests.ledger.test_tryout_kinds import month_figures, two_projects
from tests.sheets.files import Drawn, to_xls, to_xlsx


def faults(report) -> list[str]:
    return [str(fault) for fault in report.faults]


def plans(year: int) -> dict[str, Decimal]:
    return dict(
        AnnualPlan.objects.filter(year=year).values_list("project__name", "planned_investment")
    )


def befores(year: int) -> dict[str, Decimal]:
    return dict(
        CompletedBeforeYear.objects.filter(year=year).values_list("project__name", "completed")
    )


GROUPED = Drawn(
    rows=[
        ["序号", "项目名称", "所在县区", "投资情况（万元）", None, None, "备注"],
        [None, None, None, "总投资", "2026年计划", "截至上年底累计", None],
        [1, "铝基新材料", "沁阳市", 126000, 30000, 41000, None],
        [2, "冷链物流中心", "马村区", 9500, 4000, 2600, None],
    ],
    merged=[(1, 0, 2, 0), (1, 1, 2, 1), (1, 2, 2, 2), (1, 3, 1, 5), (1, 6, 2, 6)],
)


@pytest.mark.parametrize("write", [to_xlsx, to_xls])
def test_short_figures_under_a_money_group_are_read_with_the_group_s_word(city, write):
    """L04/L17: "2026年计划" and "截至上年底累计" under a merged "投资情况（万元）" are the year's
    plan and the figure at last year's end, in 万元: never ignored, the plan never left unset."""
    report = import_ledger(BytesIO(write(GROUPED)), city=city, year=2026)
    assert faults(report) == []
    assert plans(2026) == {"铝基新材料": Decimal(30000), "冷链物流中心": Decimal(4000)}
    assert befores(2026) == {"铝基新材料": Decimal(41000), "冷链物流中心": Decimal(2600)}
    assert not [note for note in report.notes if "未设置2026年计划投资" in note]
    assert Project.objects.get(name="铝基新材料").total_investment == Decimal(126000)


def test_report_period_columns_are_the_month_and_the_year_s_cumulative(city):
    """P15: 报告期完成投资 in a month's import is the month's; 年初至报告期末累计完成投资 the
    year's cumulative; both in 亿元 as their headers say; the report says how 报告期 was read."""
    two_projects(city)
    sheet = xlsx(
        [
            ["项目名称", "县区", "报告期完成投资（亿元）", "年初至报告期末累计完成投资（亿元）"],
            ["沁阳市铝精深加工", "沁阳市", 0.09, 0.54],
            ["修武县云台山康养小镇", "修武县", 0.15, 0.9],
        ]
    )
    report = import_progress(sheet, city=city, year=2025, month=6)
    assert faults(report) == []
    assert month_figures(6) == {
        "沁阳市铝精深加工": (Decimal(900), Decimal(5400)),
        "修武县云台山康养小镇": (Decimal(1500), Decimal(9000)),
    }
    assert any("报告期完成投资" in note and "6月" in note for note in report.notes), report.notes


def test_a_missing_column_names_the_columns_not_understood_and_how_to_map_them(city):
    """The refusal of a sheet whose money columns are not understood names them and suggests
    --map, never only "表头中没有这一列"."""
    two_projects(city)
    sheet = xlsx(
        [
            ["项目名称", "县区", "月度完成额（亿元）", "年度完成额（亿元）"],
            ["沁阳市铝精深加工", "沁阳市", 0.09, 0.54],
        ]
    )
    report = import_progress(sheet, city=city, year=2025, month=6)
    (fault,) = faults(report)
    assert "未识别的列：「月度完成额（亿元）」、「年度完成额（亿元）」" in fault
    assert "--map '年度完成额（亿元）=累计完成投资'" in fault  # 年度: the year's, not the month's
    assert not MonthlyProgress.objects.exists()


def test_a_note_row_with_figures_below_the_data_is_left_out_with_a_note(city):
    """P26: "注：本月全市完成投资 | | 12.5 | 亿元" under the rows is a note, not a project row."""
    two_projects(city)
    sheet = xlsx(
        [
            ["项目名称", "县区", "本月完成投资（万元）", "本年累计完成投资（万元）"],
            ["沁阳市铝精深加工", "沁阳市", 900, 5400],
            ["修武县云台山康养小镇", "修武县", 1500, 9000],
            ["说明：本月全市完成投资", None, 12.5, "亿元"],
        ]
    )
    report = import_progress(sheet, city=city, year=2025, month=6)
    assert faults(report) == []
    assert month_figures(6) == {
        "沁阳市铝精深加工": (Decimal(900), Decimal(5400)),
        "修武县云台山康养小镇": (Decimal(1500), Decimal(9000)),
    }
    assert "第4行为注释行，未导入" in [str(left) for left in report.left_out]
    assert any("第4行" in note and "注释行" in note for note in report.notes), report.notes


@pytest.mark.parametrize(("total", "agrees"), [(61300, True), (61400, False)])
def test_a_bottom_row_labelled_only_by_the_whole_city_is_the_total_row(city, total, agrees):
    """L29: "全市（2个）" alone in the 县区 column under the rows, with figures, is the total row,
    checked against every row: no "各项目之和0万元", and a real disagreement still noted."""
    sheet = xlsx(
        [
            ["序号", "项目名称", "所在县区", "总投资（万元）", "2026年计划投资（万元）"],
            [1, "智能装备产业园", "武陟县", 52000, 12000],
            [2, "冷链物流中心", "马村区", 9300, 4000],
            [None, None, "全市（2个）", total, 16000],
        ]
    )
    report = import_ledger(sheet, city=city, year=2026)
    assert faults(report) == []
    assert "第4行为合计行，未导入" in [str(left) for left in report.left_out]
    disagreements = [note for note in report.notes if "不符" in note]
    if agrees:
        assert disagreements == []
    else:
        assert disagreements == [
            "工作表「Sheet1」第4行合计与各项目之和不符：列D「总投资（万元）」合计61400万元，"
            "各项目之和61300万元"
        ]
    assert Project.objects.count() == 2


@pytest.mark.parametrize("write", [to_xlsx, to_xls])
def test_dates_typed_in_the_first_project_row_keep_it_a_project_row(city, write):
    """L49: dates in 开工时间/竣工时间 of the first row below the header are its data, never a
    second header row swallowing the first project."""
    drawn = Drawn(
        rows=[
            ["序号", "项目名称", "所在县区", "开工时间", "竣工时间", "总投资（万元）"],
            [1, "智能装备产业园", "武陟县", datetime(2024, 3, 1), datetime(2026, 12, 31), 52000],
            [2, "冷链物流中心", "马村区", datetime(2025, 5, 1), datetime(2027, 6, 30), 9300],
        ]
    )
    report = import_ledger(BytesIO(write(drawn)), city=city, year=2026)
    assert faults(report) == []
    stored = {p.name: (p.start_year, p.end_year) for p in Project.objects.all()}
    assert stored == {"智能装备产业园": (2024, 2026), "冷链物流中心": (2025, 2027)}


def test_dashes_and_none_in_the_year_end_figure_are_noted_as_not_set(city):
    """L10: "—", "/", "无" in 截至上年底累计 of 新开工 projects set nothing, and the report says so
    (never silently, never stored as 0 the sheet did not write)."""
    sheet = xlsx(
        [
            [
                "项目名称",
                "所在县区",
                "建设性质",
                "总投资（万元）",
                "截至2025年底累计完成投资（万元）",
            ],
            ["智能装备产业园", "武陟县", "续建", 52000, 18000],
            ["怀药深加工", "温县", "新开工", 8600, "—"],
            ["氢能产业园", "中站区", "新开工", 80000, "无"],
            ["数字经济产业园", "城乡一体化示范区", "新开工", 45000, "/"],
        ]
    )
    report = import_ledger(sheet, city=city, year=2026)
    assert faults(report) == []
    assert befores(2026) == {"智能装备产业园": Decimal(18000)}
    assert (
        "工作表「Sheet1」第3、4、5行列E「截至2025年底累计完成投资（万元）」填写「—」「无」「/」，按未填写处理，"
        "未设置；如为0请填0"
    ) in report.notes


def test_a_blank_mark_on_a_stored_figure_says_the_stored_figure_is_kept(city):
    """Tryout 10, L13b: "/" or "—" over a figure the ledger holds keeps it, and the note says
    保留原值 with the figure, not 未设置."""
    header = ["项目名称", "所在县区", "年度计划投资（万元）", "总投资（万元）"]
    first = xlsx(
        [header, ["怀药深加工", "温县", 3000, 8600], ["氢能产业园", "中站区", None, 80000]]
    )
    assert import_ledger(first, city=city, year=2025).ok
    again = xlsx([header, ["怀药深加工", "温县", "/", 8600], ["氢能产业园", "中站区", "—", 80000]])
    report = import_ledger(again, city=city, year=2025)
    assert faults(report) == []
    assert dict(AnnualPlan.objects.values_list("project__name", "planned_investment")) == {
        "怀药深加工": Decimal(3000)
    }
    assert (
        "工作表「Sheet1」第2行列C「年度计划投资（万元）」填写「/」，按未填写处理，保留原值（第2行3000万元）；"
        "如为0请填0"
    ) in report.notes
    assert (
        "工作表「Sheet1」第3行列C「年度计划投资（万元）」填写「—」，按未填写处理，未设置；如为0请填0"
    ) in report.notes
