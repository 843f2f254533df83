"""Words in a header are facts checked against the import (issue 9 §3): the year's cumulative
is not the since-start one, a period or year that is not the import's is refused or set
aside, and each money column has its own unit. Each reported bulletin fault is rebuilt here."""

from decimal import Decimal

import pytest

from guanmo.figures.arithmetic import completion_rate
from guanmo.ledger.models import AnnualPlan, MonthlyProgress
from guanmo.ledger.services import import_ledger, import_progress
from tests.ledger.sheets import ledger_xlsx, xlsx

PLAN = Decimal(10000)


@pytest.fixture
def ledger(city):
    import_ledger(
        ledger_xlsx(
            [1, "甲项目", None, "武陟县", None, "续建", None, 50000, PLAN],
            [2, "乙项目", None, "温县", None, "续建", None, 20000, 4000],
        ),
        city=city,
        year=2025,
    )
    return city


def cumulative(name: str, month: int) -> Decimal:
    return MonthlyProgress.objects.get(project__name=name, month=month).cumulative_completed


def rate(name: str, month: int) -> Decimal:
    plan = AnnualPlan.objects.get(project__name=name, year=2025).planned_investment
    return completion_rate(cumulative(name, month), plan)


def test_a_since_start_cumulative_with_last_years_figure_gives_the_years_own(ledger):
    # The bulletin said 139.1% of plan: 开累 13910 was taken for the year's; the truth is 59.0%.
    sheet = xlsx(
        [
            ["2025年1-6月重点项目进展情况"],
            [
                "项目名称",
                "所在县区",
                "至上年底累计完成投资",
                "开累完成投资（万元）",
                "本月完成投资",
            ],
            ["甲项目", "武陟县", 8010, 13910, 900],
        ]
    )
    report = import_progress(sheet, city=ledger, year=2025, month=6)
    assert report.faults == []
    assert cumulative("甲项目", 6) == Decimal(5900)
    assert rate("甲项目", 6) == Decimal("59.0")
    assert (
        "工作表「Sheet1」没有本年累计完成投资列，本年累计按「开累完成投资（万元）」减"
        "「至上年底累计完成投资」算出" in report.notes
    )


def test_a_since_start_cumulative_alone_stops_the_import_and_says_why(ledger):
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "自开工累计完成投资", "形象进度"],
            ["甲项目", "武陟县", 13910, "主体施工"],
        ]
    )
    report = import_progress(sheet, city=ledger, year=2025, month=6)
    # Neither the sheet nor the ledger has 甲项目's figure at the end of 2024.
    assert [str(fault) for fault in report.faults] == [
        "第2行「开工累计完成投资」：是自开工以来的累计，不是本年累计完成投资；台账中也没有这个"
        "项目截至2024年底的累计完成投资，无法由开累算出本年累计，未导入（请在台账中填写截至上年底"
        "累计完成投资，或在表中填写本年累计）"
    ]
    assert not MonthlyProgress.objects.exists()


def test_a_since_start_cumulative_under_a_month_figure_still_needs_last_years_figure(ledger):
    # With only 本月 and 开累, deriving the year's from earlier months would ignore the 开累.
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "累计完成投资", None],
            [None, None, "本月", "开累"],
            ["甲项目", "武陟县", 900, 13910],
        ],
    )
    report = import_progress(sheet, city=ledger, year=2025, month=6)
    assert [(fault.row, fault.column) for fault in report.faults] == [(3, "开工累计完成投资")]


def test_last_years_figure_named_by_its_year_is_used_only_for_the_year_before(ledger):
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "至2023年底累计完成投资", "项目累计完成投资"],
            ["甲项目", "武陟县", 8010, 13910],
        ]
    )
    report = import_progress(sheet, city=ledger, year=2025, month=6)
    assert "工作表「Sheet1」「至2023年底累计完成投资」写明2023年底，不是2024年底的数，未读取" in (
        report.notes
    )
    assert [(fault.row, fault.column) for fault in report.faults] == [(2, "开工累计完成投资")]


def test_a_month_sheet_reads_its_year_to_date_column(ledger):
    # The bulletin said 9.0%: 年初至报告期累计完成投资 was not known, so the month's 900 became
    # the cumulative. The truth is 6070, 60.7% of plan.
    sheet = xlsx(
        [
            ["2025年6月重点项目进展情况（当月）"],
            ["序号", "项目名称", "所在县区", "当月完成投资", "年初至报告期累计完成投资"],
            [1, "甲项目", "武陟县", 900, 6070],
        ]
    )
    report = import_progress(sheet, city=ledger, year=2025, month=6)
    assert report.faults == []
    assert cumulative("甲项目", 6) == Decimal(6070)
    assert rate("甲项目", 6) == Decimal("60.7")


@pytest.mark.parametrize(
    "words",
    [
        ("本月完成", "本年累计"),
        ("当月投资", "当年累计"),
        ("本月完成投资", "1—6月累计"),
        ("当月完成投资（亿元）", "本年累计完成投资（亿元）"),
    ],
)
def test_month_and_year_to_date_words_offices_use(ledger, words):
    month_word, year_word = words
    scale = Decimal(10000) if "亿元" in month_word else Decimal(1)
    sheet = xlsx(
        [
            ["项目名称", "区域", month_word, year_word],
            ["甲项目", "武陟县", str(900 / scale), str(6070 / scale)],
        ]
    )
    report = import_progress(sheet, city=ledger, year=2025, month=6)
    assert report.faults == []
    assert cumulative("甲项目", 6) == Decimal(6070)


def test_bare_completed_under_a_period_group_is_the_years_cumulative(ledger):
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "6月份", "1-6月"],
            [None, None, "完成投资", "完成投资"],
            ["甲项目", "武陟县", 900, 6070],
        ]
    )
    report = import_progress(sheet, city=ledger, year=2025, month=6)
    assert report.faults == []
    progress = MonthlyProgress.objects.get(project__name="甲项目")
    assert (progress.completed_this_month, progress.cumulative_completed) == (900, 6070)


def test_a_title_naming_another_period_stops_the_import_naming_the_cell(ledger):
    # A 1-6月 sheet was accepted as July.
    sheet = xlsx(
        [
            ["2025年1-6月重点项目进展"],
            ["项目名称", "所在县区", "本月完成投资", "累计完成投资"],
            ["甲项目", "武陟县", 900, 6070],
        ]
    )
    report = import_progress(sheet, city=ledger, year=2025, month=7)
    assert [str(fault) for fault in report.faults] == [
        "第1行：标题「2025年1-6月重点项目进展」写明1-6月，与导入的1-7月不符"
    ]
    assert not MonthlyProgress.objects.exists()


def test_a_header_naming_another_period_stops_the_import_naming_the_column(ledger):
    sheet = xlsx(
        [
            ["重点项目进展", None, None, None, "填报日期：2025年8月3日"],
            ["项目名称", "所在县区", "6月份完成投资", "1—6月累计完成投资"],
            ["甲项目", "武陟县", 900, 6070],
        ]
    )
    report = import_progress(sheet, city=ledger, year=2025, month=7)
    assert [str(fault) for fault in report.faults] == [
        "第2行「6月份完成投资」：表头写明6月，与导入的7月不符",
        "第2行「1—6月累计完成投资」：表头写明1-6月，与导入的1-7月不符",
    ]


def test_a_sheet_name_naming_another_period_stops_the_import_naming_the_sheet(ledger):
    # Tryout P7a: a sheet named "1-6月" was accepted as July and June's cumulative stored as 1—7月.
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "本月完成投资", "累计完成投资"],
            ["甲项目", "武陟县", 700, 4900],
        ],
        title="1-6月",
    )
    report = import_progress(sheet, city=ledger, year=2025, month=7)
    assert [str(fault) for fault in report.faults] == [
        "工作表名「1-6月」写明1-6月，与导入的1-7月不符"
    ]
    assert not MonthlyProgress.objects.exists()


@pytest.mark.parametrize(
    ("title", "named"),
    [
        ("2025年上半年重点项目进展情况", "1-6月"),
        ("2025年一季度重点项目进展", "1-3月"),
        ("2025年第一季度重点项目进展", "1-3月"),
        ("2025年前三季度重点项目进展", "1-9月"),
        ("2025年6月份重点项目进展", "6月"),
    ],
)
def test_a_title_naming_a_period_in_words_stops_the_import(ledger, title, named):
    # Tryout P7b: "上半年" in the title was not read as 1—6月.
    sheet = xlsx(
        [
            [title],
            ["项目名称", "所在县区", "本月完成投资", "累计完成投资"],
            ["甲项目", "武陟县", 700, 4900],
        ]
    )
    report = import_progress(sheet, city=ledger, year=2025, month=7)
    wanted = "7月" if named == "6月" else "1-7月"
    assert [str(fault) for fault in report.faults] == [
        f"第1行：标题「{title}」写明{named}，与导入的{wanted}不符"
    ]
    assert not MonthlyProgress.objects.exists()


@pytest.mark.parametrize(
    ("label", "named"),
    [
        ("上半年累计完成投资", "1-6月"),
        ("前三季度完成投资", "1-9月"),
        ("1-12月累计完成投资", "1-12月"),
    ],
)
def test_a_header_naming_a_period_in_words_stops_the_import(ledger, label, named):
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "本月完成投资", label],
            ["甲项目", "武陟县", 700, 4900],
        ]
    )
    report = import_progress(sheet, city=ledger, year=2025, month=7)
    assert [str(fault) for fault in report.faults] == [
        f"第1行「{label}」：表头写明{named}，与导入的1-7月不符"
    ]


def test_a_sheet_named_for_the_imports_month_and_a_yearly_plan_header_are_accepted(ledger):
    sheet = xlsx(
        [
            ["2025年度重点项目进展情况"],
            ["项目名称", "所在县区", "年度计划投资", "本月完成投资", "1-7月累计完成投资"],
            ["甲项目", "武陟县", 10000, 700, 4900],
        ],
        title="7月",
    )
    report = import_progress(sheet, city=ledger, year=2025, month=7)
    assert report.faults == []
    assert cumulative("甲项目", 7) == Decimal(4900)


def test_a_title_naming_another_year_stops_the_import(ledger):
    sheet = xlsx(
        [
            ["2024年重点项目进展情况"],
            ["项目名称", "所在县区", "累计完成投资"],
            ["甲项目", "武陟县", 6070],
        ]
    )
    report = import_progress(sheet, city=ledger, year=2025, month=6)
    assert [str(fault) for fault in report.faults] == [
        "第1行：标题「2024年重点项目进展情况」写明2024年，与导入的2025年不符"
    ]


def test_last_years_plan_column_is_never_this_years_plan(city):
    # Last year's 2024年计划投资 column was stored as the 2025 plan.
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "总投资", "2024年计划投资", "2025年计划投资"],
            ["甲项目", "武陟县", 50000, 9000, 12000],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert report.faults == []
    assert AnnualPlan.objects.get().planned_investment == 12000
    assert "工作表「Sheet1」「2024年计划投资」写明2024年，不是2025年的数，未读取" in report.notes


def test_of_two_plan_columns_the_one_naming_the_year_is_taken_wherever_it_stands(city):
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "总投资", "年度计划投资", "2025年计划投资"],
            ["甲项目", "武陟县", 50000, 9000, 12000],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert AnnualPlan.objects.get().planned_investment == 12000
    plan_columns = [use for use in report.columns if "计划投资" in use.header]
    assert [(use.field, use.note) for use in plan_columns] == [
        ("", "另有写明2025年的列"),
        ("年度计划投资", ""),
    ]


def test_a_plan_column_naming_only_another_year_leaves_the_plan_unset(city):
    sheet = xlsx(
        [["项目名称", "所在县区", "总投资", "2024年计划投资"], ["甲项目", "温县", 5000, 900]]
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert report.faults == []
    assert not AnnualPlan.objects.exists()
    assert "表中没有年度计划投资列，未设置2025年计划投资" in report.notes


def test_each_money_column_has_its_own_unit_from_header_units_line_or_cell(city):
    sheet = xlsx(
        [
            ["单位：万元"],
            ["项目名称", "所在县区", "总投资（亿元）", "年度计划投资（元）"],
            ["甲项目", "武陟县", "12.5", 300000000],
            ["乙项目", "温县", "8000万元", "0.2亿元"],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert report.faults == []
    plans = dict(AnnualPlan.objects.values_list("project__name", "planned_investment"))
    assert plans == {"甲项目": Decimal(30000), "乙项目": Decimal(2000)}
    units = {use.field: use.unit for use in report.columns if use.unit}
    assert units == {"总投资": "亿元", "年度计划投资": "元"}
