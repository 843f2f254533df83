"""Kinds of ledger sheet the fourth tryout of issue 9 tried (L04, L05, L06, L10, L15, L18, L21,
L24), built here in other figures and names: each gives exactly the figures a user expects, or
stops naming the cell."""

from datetime import datetime
from decimal import Decimal

import pytest

from guanmo.ledger.models import AnnualPlan, Project
from guanmo.ledger.services import import_ledger
from tests.ledger.sheets import xlsx

HEADER = ["序号", "项目名称", "所在县区", "建设性质", "总投资（万元）", "2025年计划投资（万元）"]


def faults(report) -> list[str]:
    return [str(fault) for fault in report.faults]


def figures() -> dict[str, tuple[str, Decimal, Decimal | None]]:
    """name → (county, total investment, 2025 plan)."""
    plans = dict(
        AnnualPlan.objects.filter(year=2025).values_list("project__name", "planned_investment")
    )
    return {
        project.name: (project.county.name, project.total_investment, plans.get(project.name))
        for project in Project.objects.select_related("county")
    }


@pytest.mark.parametrize("serials", [("1-1", "1-2", "1-3"), ("（1）", "（2）", "（3）")])
def test_a_bundle_s_sub_items_are_its_parts_not_projects(city, serials):
    """L21: a bundle (打捆3个) followed by its sub-items 1-1…: stored once, with its own figures;
    the sub-items are left out as its parts, never counted beside it."""
    sheet = xlsx(
        [
            HEADER,
            [1, "武陟县乡村道路提升工程（打捆3个）", "武陟县", "续建", 6000, 1500],
            [serials[0], "武陟县甲乡道路", "武陟县", "续建", 1000, 500],
            [serials[1], "武陟县乙乡道路", "武陟县", "续建", 2000, 500],
            [serials[2], "武陟县丙乡道路", "武陟县", "续建", 3000, 500],
            [2, "温县独立项目", "温县", "新开工", 4000, 1000],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == []
    assert figures() == {
        "武陟县乡村道路提升工程（打捆3个）": ("武陟县", Decimal(6000), Decimal(1500)),
        "温县独立项目": ("温县", Decimal(4000), Decimal(1000)),
    }
    assert [(left.row, left.reason) for left in report.left_out if left.row in (3, 4, 5)] == [
        (3, "子项目行（第2行打捆项目的组成部分）"),
        (4, "子项目行（第2行打捆项目的组成部分）"),
        (5, "子项目行（第2行打捆项目的组成部分）"),
    ]


def test_a_bundle_whose_sub_items_do_not_add_up_is_reported(city):
    """Bundle = Σ sub-items, checked per figure; a disagreement is said, the bundle kept."""
    sheet = xlsx(
        [
            HEADER,
            [1, "博爱县片区改造项目", "博爱县", "续建", 9000, 3000],
            ["1-1", "博爱县东片区", "博爱县", "续建", 2000, 1000],
            ["1-2", "博爱县西片区", "博爱县", "续建", 3000, 2000],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == []
    assert figures() == {"博爱县片区改造项目": ("博爱县", Decimal(9000), Decimal(3000))}
    assert (
        "工作表「Sheet1」第2行打捆项目与其子项目之和不符：「总投资」9000万元，子项目之和5000万元"
        in report.notes
    )


def test_a_bundle_row_without_figures_is_a_heading_over_its_sub_items(city):
    """A bundle line carrying no figure of its own: its sub-items are the projects."""
    sheet = xlsx(
        [
            HEADER,
            [1, "修武县农村供水工程（打捆2个）", "修武县", "续建", None, None],
            ["1-1", "修武县甲村供水", "修武县", "续建", 1200, 600],
            ["1-2", "修武县乙村供水", "修武县", "续建", 800, 400],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == []
    assert figures() == {
        "修武县甲村供水": ("修武县", Decimal(1200), Decimal(600)),
        "修武县乙村供水": ("修武县", Decimal(800), Decimal(400)),
    }


@pytest.mark.parametrize(
    ("total_header", "typed", "slip"),
    [
        ("总投资（亿元）", [2.3, 12500, 0.9, 1.6], "疑为以万元填报"),
        ("总投资（万元）", [23000, 125000000, 9000, 16000], "疑为以元填报"),
    ],
)
def test_an_absurdly_large_figure_stops_the_import_naming_the_cell(city, total_header, typed, slip):
    """L24: one cell of a 亿元 column typed in 万元 (12500 → 1.25万亿元), or of a 万元 column in
    元: the import stops naming the cell and the likely slip; nothing is written."""
    sheet = xlsx(
        [
            ["序号", "项目名称", "所在县区", "建设性质", total_header, "2025年计划投资（万元）"],
            [1, "温县甲项目", "温县", "续建", typed[0], 5000],
            [2, "温县乙项目", "温县", "续建", typed[1], 3000],
            [3, "温县丙项目", "温县", "新开工", typed[2], 900],
            [4, "温县丁项目", "温县", "新开工", typed[3], 900],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert len(report.faults) == 1, faults(report)
    fault = report.faults[0]
    assert (fault.row, fault.column) == (3, "总投资")
    assert "E3" in fault.message and slip in fault.message, fault.message
    assert not Project.objects.exists()


def test_a_large_project_among_small_ones_within_bounds_is_read(city):
    """A 300亿元 project beside 1亿元 ones is rare but real: not refused."""
    sheet = xlsx(
        [
            [
                "序号",
                "项目名称",
                "所在县区",
                "建设性质",
                "总投资（亿元）",
                "2025年计划投资（亿元）",
            ],
            [1, "孟州市大项目", "孟州市", "续建", 300, 30],
            [2, "孟州市小项目", "孟州市", "续建", 1, 0.5],
            [3, "孟州市中项目", "孟州市", "续建", 2, 1],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == []
    assert figures()["孟州市大项目"] == ("孟州市", Decimal(3000000), Decimal(300000))
    assert (
        "工作表「Sheet1」第2行列E「总投资（亿元）」为300亿元（折合3000000万元），"
        "是本列中位数2亿元的150倍，请核对是否以万元填报"
    ) in report.notes


def test_a_sign_off_footer_under_the_table_is_left_out(city):
    """L04: 填表人/审核人/联系电话 with the phone number under 总投资, and 填报日期 with a date
    serial: left out as the sheet's sign-off, said so; the projects read."""
    sheet = xlsx(
        [
            ["2025年焦作市重点项目台账"],
            HEADER,
            [1, "修武县签署甲项目", "修武县", "续建", 12000, 3000],
            [2, "修武县签署乙项目", "修武县", "新开工", 8000, 2000],
            ["填表人：王芳", "审核人：刘洋", "联系电话：", None, 13903912345, None],
            [None, None, "填报日期：", None, 45839, None],
            ["单位负责人（签字）：", None, None, "制表日期：2025年7月3日", None, None],
            ["审核人", "李强", "联系电话 0391-8888888", None, None, None],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == []
    assert set(figures()) == {"修武县签署甲项目", "修武县签署乙项目"}
    assert [str(left) for left in report.left_out if left.row > 4] == [
        "第5行为表尾签署行，未导入",
        "第6行为表尾签署行，未导入",
        "第7行为表尾签署行，未导入",
        "第8行为表尾签署行，未导入",
    ]


def test_a_three_row_header_s_plan_column_is_found(city):
    """L05: the plan under 投资情况（万元）/2025年 is read; no false 表中没有年度计划投资列."""
    sheet = xlsx(
        [
            ["序号", "项目名称", "所在县区", "建设性质", "投资情况（万元）", None, None, None],
            [None, None, None, None, "总投资", "截至2024年底累计完成", "2025年", None],
            [None, None, None, None, None, None, "计划投资", "其中：一季度"],
            [1, "沁阳市三行甲项目", "沁阳市", "续建", 30000, 6000, 12000, 3000],
            [2, "沁阳市三行乙项目", "沁阳市", "续建", 8000, 1600, 4000, 1000],
        ],
        merges=["A1:A3", "B1:B3", "C1:C3", "D1:D3", "E1:H1", "E2:E3", "F2:F3", "G2:H2"],
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == []
    assert figures() == {
        "沁阳市三行甲项目": ("沁阳市", Decimal(30000), Decimal(12000)),
        "沁阳市三行乙项目": ("沁阳市", Decimal(8000), Decimal(4000)),
    }
    assert not [note for note in report.notes if "没有年度计划投资列" in note]
    assert not [left for left in report.left_out if left.row == 3]


def test_a_figure_column_over_its_total_and_of_which_parts_reads_the_total(city):
    """L18: 总投资（亿元） merged over 合计 | 其中：中央投资, the plan over 小计 | 其中：专项债:
    the 合计 sub-column is the figure; the 其中 parts are not read, said so."""
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "总投资（亿元）", None, "2025年计划投资（万元）", None],
            [None, None, "合计", "其中：中央投资", "小计", "其中：专项债"],
            ["孟州市分项甲项目", "孟州市", 5, 1.2, 18000, 4000],
            ["孟州市分项乙项目", "孟州市", 0.8, 0, 3000, 0],
        ],
        merges=["A1:A2", "B1:B2", "C1:D1", "E1:F1"],
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == []
    assert figures() == {
        "孟州市分项甲项目": ("孟州市", Decimal(50000), Decimal(18000)),
        "孟州市分项乙项目": ("孟州市", Decimal(8000), Decimal(3000)),
    }
    assert (
        "工作表「Sheet1」「总投资（亿元）／其中：中央投资」是其中项（「总投资」的一部分），未读取"
        in report.notes
    )


@pytest.mark.parametrize(
    "note",
    [
        "注：总投资单位为亿元，年度计划投资单位为万元。",
        "说明：1.计划投资单位：万元；2.总投资单位：亿元。",
    ],
)
def test_a_note_naming_units_per_column_gives_each_column_its_unit(city, note):
    """L15: a note under the table naming the unit of each column: 总投资 in 亿元, the plan in
    万元, never the first unit for both."""
    sheet = xlsx(
        [
            ["2025年焦作市重点项目台账"],
            ["序号", "项目名称", "所在县区", "建设性质", "总投资", "2025年计划投资"],
            [1, "解放区注释甲项目", "解放区", "续建", 2.6, 3000],
            [2, "解放区注释乙项目", "解放区", "续建", 11.3, 15000],
            [note],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == []
    assert figures() == {
        "解放区注释甲项目": ("解放区", Decimal(26000), Decimal(3000)),
        "解放区注释乙项目": ("解放区", Decimal(113000), Decimal(15000)),
    }
    assert "工作表「Sheet1」「总投资」以亿元填报，已换算为万元" in report.notes
    assert not [each for each in report.notes if "未写明金额单位" in each]


def test_start_and_completion_dates_as_excel_serials_give_the_years(city):
    """L10: 开工时间/竣工时间 typed as date serials (45658 = 2025-01-01) in General format, or as
    dates and text: read as the project's start and end years."""
    sheet = xlsx(
        [
            [
                "项目名称",
                "所在县区",
                "总投资（万元）",
                "2025年计划投资（万元）",
                "开工时间",
                "竣工日期",
            ],
            ["温县日期甲项目", "温县", 10000, 2000, 45658, 46387],
            ["温县日期乙项目", "温县", 20000, 4000, datetime(2024, 3, 1), "2026年6月"],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == []
    assert dict(Project.objects.values_list("name", "start_year")) == {
        "温县日期甲项目": 2025,
        "温县日期乙项目": 2024,
    }
    assert dict(Project.objects.values_list("name", "end_year")) == {
        "温县日期甲项目": 2026,
        "温县日期乙项目": 2026,
    }


def test_a_number_in_a_date_column_that_is_no_date_is_a_fault(city):
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "总投资（万元）", "开工时间"],
            ["温县日期丙项目", "温县", 10000, 123],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert [(fault.row, fault.column) for fault in report.faults] == [(2, "开工时间")]


def test_sheets_named_for_a_stage_give_their_projects_stage(city):
    """L06: projects on sheets 续建项目 / 2025年新开工项目 and no stage column: the stage comes
    from the sheet's name, said so in the report."""
    header = ["序号", "项目名称", "所在县区", "总投资（万元）", "2025年计划投资（万元）"]
    sheet = xlsx(
        [header, [1, "博爱县续建表项目", "博爱县", 14000, 5000]],
        title="续建项目",
        more_sheets={"2025年新开工项目": [header, [1, "博爱县新开工表项目", "博爱县", 6600, 3000]]},
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == []
    assert dict(Project.objects.values_list("name", "stage")) == {
        "博爱县续建表项目": "续建",
        "博爱县新开工表项目": "新开工",
    }
    assert "工作表「续建项目」没有建设阶段列，按工作表名「续建项目」读作续建项目" in report.notes


def test_a_title_naming_a_stage_gives_the_stage_when_the_sheet_name_does_not(city):
    sheet = xlsx(
        [
            ["2025年焦作市重点前期项目表"],
            ["序号", "项目名称", "所在县区", "总投资（万元）", "2025年计划投资（万元）"],
            [1, "博爱县前期表项目", "博爱县", 50000, "待定"],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == []
    assert Project.objects.get().stage == "前期"


def test_sub_items_named_其中_under_a_bundle_are_its_parts(city):
    """A bundle whose sub-item rows are unnumbered and named "其中：…" / "子项目：…"."""
    sheet = xlsx(
        [
            HEADER,
            [1, "孟州市片区开发项目", "孟州市", "续建", 7000, 2000],
            [None, "其中：孟州市东区安置房", "孟州市", "续建", 4000, 1000],
            [None, "子项目：孟州市西区道路", "孟州市", "续建", 3000, 1000],
            [2, "孟州市独立项目", "孟州市", "新开工", 5000, 2000],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == []
    assert set(figures()) == {"孟州市片区开发项目", "孟州市独立项目"}
