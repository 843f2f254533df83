"""Kinds of sheet the new-user tryout of issue 9 tried (its L1, L3, L5, P5, P7d, H6, H10–H12),
built here in other figures: each gives exactly the figures a user expects, or stops naming
the row. Kinds pinned elsewhere are not repeated (two-row period headers without a county
column, merged county cells, blank and unreadable figures on re-import, periods in titles,
sheet names and headers, 开累, formulas without values, --map, 其中 lines)."""

from datetime import datetime
from decimal import Decimal
from io import BytesIO

from guanmo.ledger.models import AnnualPlan, MonthlyProgress, Project
from guanmo.ledger.services import import_ledger, import_progress
from tests.ledger.sheets import ledger_xlsx, xlsx
from tests.sheets.files import Drawn, to_csv, to_xls, to_xlsx


def faults(report) -> list[str]:
    return [str(fault) for fault in report.faults]


def ledger_figures() -> dict[str, tuple[str, Decimal, Decimal | None]]:
    """name → (county, total investment, 2025 plan)."""
    plans = dict(
        AnnualPlan.objects.filter(year=2025).values_list("project_id", "planned_investment")
    )
    return {
        project.name: (project.county.name, project.total_investment, plans.get(project.pk))
        for project in Project.objects.select_related("county")
    }


def month_figures(month: int) -> dict[str, tuple[Decimal, Decimal]]:
    return {
        progress.project.name: (progress.completed_this_month, progress.cumulative_completed)
        for progress in MonthlyProgress.objects.filter(year=2025, month=month).select_related(
            "project"
        )
    }


def test_a_units_line_at_the_right_of_the_filing_line_puts_the_sheet_in_yi(city):
    """L1: "单位：亿元" stands in column I of the 填报单位 line; last year's plan stands beside
    this year's; a hidden row and a 合计 in 亿元 to four places."""
    drawn = Drawn(
        [
            ["焦作市2025年市级重点项目台账"],
            ["填报单位：市项目办", None, None, None, None, None, None, None, "单位：亿元"],
            [
                "序号",
                "项目名称",
                "县（市、区）",
                "总投资",
                "2024年计划投资",
                "2025年计划投资",
                "建设起止时间",
                "挂钩市领导",
            ],
            [1, "武陟县算力融合中心", "武陟县", 7.25, 3.0, 2.4, "2024-2026", "张三"],
            [2, "温县小计量仪器产业园", "温县", 3.0917, None, 1.2345, datetime(2025, 3, 1), "李四"],
            [3, "孟州市已调出项目", "孟州市", 1.0, None, 0.5, "2025-2026", "王五"],
            [None, "合计", None, 10.3417, 3.0, 3.6345],
        ],
        hidden_rows={6},
    )
    report = import_ledger(BytesIO(to_xlsx(drawn)), city=city, year=2025)
    assert faults(report) == []
    assert ledger_figures() == {
        "武陟县算力融合中心": ("武陟县", Decimal(72500), Decimal(24000)),
        "温县小计量仪器产业园": ("温县", Decimal(30917), Decimal(12345)),
    }
    project = Project.objects.get(name="温县小计量仪器产业园")
    assert (project.start_year, project.leader_in_charge) == (2025, "李四")
    assert [str(row) for row in report.left_out] == [
        "第6行为隐藏行，未导入",
        "第7行为合计行，未导入",
    ]
    assert not [note for note in report.notes if "不符" in note]


def test_subtotal_and_total_labels_in_the_serial_column_under_a_name_ending_in_subtotal(city):
    """H6: a project named "…小计" with its own county and stage is a project; the 小计 and 合计
    typed in the 序号 column below it are totals rows, checked and left out."""
    sheet = xlsx(
        [
            ["序号", "项目名称", "所在县区", "建设性质", "总投资", "年度计划投资"],
            [1, "解放区便民服务小计", "解放区", "续建", 1200, 600],
            ["小计", None, None, None, 1200, 600],
            [1, "山阳区总计量检测站", "山阳区", "新开工", 2500, 900],
            ["合计", None, None, None, 3700, 1500],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert faults(report) == []
    assert ledger_figures() == {
        "解放区便民服务小计": ("解放区", Decimal(1200), Decimal(600)),
        "山阳区总计量检测站": ("山阳区", Decimal(2500), Decimal(900)),
    }
    assert [str(row) for row in report.left_out] == [
        "第3行为小计行，未导入",
        "第5行为合计行，未导入",
    ]
    assert not [note for note in report.notes if "不符" in note]


def test_a_column_in_yuan_under_a_wan_units_line_with_a_merged_total_label(city):
    """H12: 总投资（元） under 单位：万元, and 总计 merged over 序号 and 项目名称 above the rows."""
    drawn = Drawn(
        [
            ["单位：万元"],
            ["序号", "项目名称", "所在县区", "建设性质", "总投资（元）", "年度计划投资"],
            ["总计", None, None, None, 880000000, 31000],
            [1, "武陟县数据中心二期", "武陟县", "续建", 560000000, 21000],
            [2, "博爱县竹木加工园", "博爱县", "新开工", 320000000, 10000],
        ],
        merged=[(3, 0, 3, 1)],
    )
    report = import_ledger(BytesIO(to_xlsx(drawn)), city=city, year=2025)
    assert faults(report) == []
    assert ledger_figures() == {
        "武陟县数据中心二期": ("武陟县", Decimal(56000), Decimal(21000)),
        "博爱县竹木加工园": ("博爱县", Decimal(32000), Decimal(10000)),
    }
    assert [str(row) for row in report.left_out] == ["第3行为合计行，未导入"]
    assert not [note for note in report.notes if "不符" in note]


def test_one_xls_sheet_per_county_after_a_summary_sheet(city):
    """L3: a BIFF workbook whose first sheet sums the counties; each county's sheet has a merged
    title and no county column, and its plan is 本年度计划（万元）."""
    summary = Drawn([["县区", "项目数", "总投资"], ["解放区", 2, 15000], ["孟州市", 1, 26000]])
    summary.name = "汇总"
    sheets = [summary]
    for county, rows in {
        "解放区": [
            ["解放区老旧小区提升", "续建", 10000, 3000],
            ["解放区智慧停车场", "新开工", 5000, 2000],
        ],
        "孟州市": [["孟州市皮毛产业园三期", "续建", 26000, 7000]],
    }.items():
        drawn = Drawn(
            [
                [f"{county}2025年市重点项目台账"],
                ["序号", "项目名称", "建设性质", "总投资（万元）", "本年度计划（万元）"],
                *([number, *row] for number, row in enumerate(rows, start=1)),
            ],
            name=county,
            merged=[(1, 0, 1, 4)],
        )
        sheets.append(drawn)
    report = import_ledger(BytesIO(to_xls(*sheets)), city=city, year=2025)
    assert faults(report) == []
    assert ledger_figures() == {
        "解放区老旧小区提升": ("解放区", Decimal(10000), Decimal(3000)),
        "解放区智慧停车场": ("解放区", Decimal(5000), Decimal(2000)),
        "孟州市皮毛产业园三期": ("孟州市", Decimal(26000), Decimal(7000)),
    }
    assert report.sheets == ["解放区", "孟州市"]
    assert "工作表「汇总」为各县合计，已与各县工作表核对（2个县区，一致），未导入" in report.notes


def test_a_gbk_csv_with_thousands_separators_and_the_unit_in_its_title(city):
    """L5: the unit in brackets in the title line; figures typed "88,000.00" and "12,500.5"."""
    drawn = Drawn(
        [
            ["2025年重点项目台账（单位：万元）"],
            ["项目名称", "所在县区", "建设性质", "总投资", "年度计划投资"],
            ["武陟县高铁新区开发", "武陟县", "续建", "88,000.00", "12,500.5"],
            ["温县四大怀药加工园", "温县", "新开工", "6,600", "3300"],
        ]
    )
    report = import_ledger(BytesIO(to_csv(drawn, "gbk")), city=city, year=2025)
    assert faults(report) == []
    assert ledger_figures() == {
        "武陟县高铁新区开发": ("武陟县", Decimal(88000), Decimal("12500.5")),
        "温县四大怀药加工园": ("温县", Decimal(6600), Decimal(3300)),
    }


def two_projects(city) -> None:
    report = import_ledger(
        ledger_xlsx(
            [1, "修武县云台山康养小镇", None, "修武县", None, "续建", None, 60000, 15000],
            [2, "沁阳市铝精深加工", None, "沁阳市", None, "续建", None, 33000, 9000],
        ),
        city=city,
        year=2025,
    )
    assert report.ok


def test_a_progress_gbk_csv_in_the_words_counties_use(city):
    """P5: 当年累计 before 本月完成, thousands separators, in GBK."""
    two_projects(city)
    drawn = Drawn(
        [
            ["项目名称", "所在县区", "当年累计", "本月完成", "形象进度"],
            ["修武县云台山康养小镇", "修武县", "6,400.00", "6,400", "土方施工"],
            ["沁阳市铝精深加工", "沁阳市", "1500", "1,500", "设备进场"],
        ]
    )
    report = import_progress(BytesIO(to_csv(drawn, "gbk")), city=city, year=2025, month=1)
    assert faults(report) == []
    assert month_figures(1) == {
        "修武县云台山康养小镇": (Decimal(6400), Decimal(6400)),
        "沁阳市铝精深加工": (Decimal(1500), Decimal(1500)),
    }


def test_the_unit_in_each_period_group_of_a_two_row_progress_header(city):
    """H11: 本月（亿元） and 1—10月累计（亿元） each over 完成投资 and a text column."""
    two_projects(city)
    drawn = Drawn(
        [
            ["序号", "项目名称", "所在县区", "本月（亿元）", None, "1—10月累计（亿元）", None],
            [None, None, None, "完成投资", "形象进度", "完成投资", "占年度计划%"],
            [1, "沁阳市铝精深加工", "沁阳市", 0.03, "投产", 0.26, None],
            [2, "修武县云台山康养小镇", "修武县", 0.0125, "主体施工", 1.05, None],
        ],
        merged=[(1, 0, 2, 0), (1, 1, 2, 1), (1, 2, 2, 2), (1, 3, 1, 4), (1, 5, 1, 6)],
    )
    report = import_progress(BytesIO(to_xlsx(drawn)), city=city, year=2025, month=10)
    assert faults(report) == []
    assert month_figures(10) == {
        "沁阳市铝精深加工": (Decimal(300), Decimal(2600)),
        "修武县云台山康养小镇": (Decimal(125), Decimal(10500)),
    }


def test_a_cumulative_of_another_year_beside_the_months_figure_is_never_this_years(city):
    """P7d: "2024年1-7月累计完成投资" is set aside; the month's figure stands alone and the
    year's cumulative is derived from it, saying so, never taken from last year's column."""
    two_projects(city)
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "本月完成投资", "2024年1-7月累计完成投资"],
            ["沁阳市铝精深加工", "沁阳市", 700, 4900],
        ]
    )
    report = import_progress(sheet, city=city, year=2025, month=7)
    assert faults(report) == []
    assert month_figures(7) == {"沁阳市铝精深加工": (Decimal(700), Decimal(700))}
    assert [note for note in report.notes if "2024年" in note] == [
        "工作表「Sheet1」「2024年1-7月累计完成投资」写明2024年，不是2025年的数，未读取"
    ]
    assert (
        "工作表「Sheet1」第2行「沁阳市铝精深加工」：2025年1—6月未报送完成投资，累计按此前为0算出（1—7月累计700万元）"
        in report.notes
    )


def test_a_name_short_of_its_county_or_near_a_ledger_name_is_no_match(city):
    """H10: "云台山康养小镇" is not 修武县云台山康养小镇 and "铝精深加工二期" not 沁阳市铝精深加工:
    the rows are refused, each named, and nothing is stored."""
    two_projects(city)
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "本月完成投资", "累计完成投资"],
            ["云台山康养小镇", "修武县", 100, 900],
            ["铝精深加工二期", "沁阳市", 50, 50],
        ]
    )
    report = import_progress(sheet, city=city, year=2025, month=3)
    assert faults(report) == [
        "第2行「项目名称」：修武县的台账中没有这个项目，请先导入台账",
        "第3行「项目名称」：沁阳市的台账中没有这个项目，请先导入台账",
    ]
    assert not MonthlyProgress.objects.exists()
