"""Loading a city's ledger: messy sheets in, exact projects, key lists and annual plans out."""

from decimal import Decimal

import pytest

from guanmo.ledger.models import AnnualPlan, KeyListEntry, Project
from guanmo.ledger.services import import_ledger
from tests.ledger.sheets import ledger_xlsx, xlsx

CODE = "2024-410823-04-01-000123"


def key_lists(project: Project) -> set[tuple[int, str]]:
    return set(project.key_lists.values_list("year", "level"))


def plans(project: Project) -> dict[int, Decimal]:
    return dict(project.annual_plans.values_list("year", "planned_investment"))


def test_messy_ledger_imports_without_hand_editing(city):
    sheet = xlsx(
        [
            ["焦作市2025年市重点建设项目台账"],
            ["（第一批）"],
            [None, None, None, None, None, None, None, None, None, None, "单位：亿元"],
            [
                "序号",
                "项目\n名称",
                "项目代码",
                "县（市、区）",
                "项目业主",
                "项目性质",  # 项目类型 is the category (产业项目, 基础设施), not this
                "建设年限",
                "投资情况",
                None,
                "包抓市领导",
                "驻工地专员",
                "备注",
            ],
            [None, None, None, None, None, None, None, "总投资", "2025年\n计划投资（万元）"],
            ["一、先进制造业项目（2个）"],
            [
                "1",
                " 武陟县高端装备产业园项目\n（一期）",
                "2024—410823—04—01—000123",
                "武陟",
                "焦作装备有限公司",
                "新建",
                "2024.3—2026.12",
                "１２.５",
                "30，000",
                "张三",
                "李四",
                "",
            ],
            [],
            [
                2,
                "温县食品加工项目",
                None,
                "温县",
                "温县食品公司",
                "续建",
                "2023-2025年",
                "0.8",
                "5000万元",
                "王五",
                None,
                "已开工",
            ],
            ["二、现代服务业项目（1个）"],
            [
                3,
                "示范区物流园项目",
                None,
                "示范区",
                "物流公司",
                "前期工作",
                "2025",
                2,
                None,
                None,
                None,
                None,
            ],
            [None, "合计", None, None, None, None, None, 15.3, 35000],
        ],
        merges=["A1:L1", "H4:I4", "A4:A5", "B4:B5"],
    )

    report = import_ledger(sheet, city=city, year=2025)

    assert report.faults == []
    assert (report.created, report.updated) == (3, 0)
    assert report.notes[:3] == [
        # the header's 万元 beats the units line's 亿元 for its column, and the report says so
        "工作表「Sheet1」「年度计划投资」表头写明万元，与第3行「单位：亿元」所写亿元不同，"
        "按表头读取（表头所写单位更具体）",
        "工作表「Sheet1」有未识别的列，已忽略：备注",
        "工作表「Sheet1」「总投资」以亿元填报，已换算为万元",
    ]
    # a short name taken for a county is said (regions.names.naming)
    assert [note for note in report.notes if "简称" in note] == [
        "工作表「Sheet1」第7行列D「县（市、区）」“武陟”按简称识别为武陟县",
        "工作表「Sheet1」第11行列D「县（市、区）」“示范区”按简称识别为城乡一体化示范区",
    ]
    # each way a figure is written beyond its digits is said (tryout 10)
    assert (
        "工作表「Sheet1」第7行列H「投资情况／总投资」为全角数字，按半角数字读取（如「１２.５」读作12.5）"
        in (report.notes)
    )
    machinery = Project.objects.get(code=CODE)
    assert machinery.name == "武陟县高端装备产业园项目（一期）"
    assert machinery.county.name == "武陟县"
    assert machinery.owner == "焦作装备有限公司"
    # 新建 is the statistical 建设性质, not the key-project stage: the stage is not invented
    assert (machinery.stage, machinery.construction_nature) == ("", "新建")
    assert (machinery.start_year, machinery.end_year) == (2024, 2026)
    assert machinery.total_investment == Decimal("125000")
    assert machinery.leader_in_charge == "张三"
    assert machinery.site_commissioner == "李四"
    assert machinery.industry == "先进制造业"  # carried from the category heading
    assert plans(machinery) == {2025: Decimal("30000")}
    assert key_lists(machinery) == {(2025, "市")}

    food = Project.objects.get(name="温县食品加工项目")
    assert (food.county.name, food.stage, food.total_investment) == ("温县", "续建", Decimal(8000))
    assert plans(food) == {2025: Decimal(5000)}
    park = Project.objects.get(name="示范区物流园项目")
    assert (park.county.name, park.stage, park.industry) == (
        "城乡一体化示范区",
        "前期",
        "现代服务业",
    )
    assert (park.start_year, park.end_year) == (2025, 2025)
    assert plans(park) == {}  # a blank annual plan sets none


def test_yi_figures_are_converted_to_wan_exactly(city):
    sheet = xlsx(
        [
            ["单位：亿元"],
            ["项目名称", "所在县区", "总投资", "年度计划投资"],
            ["甲项目", "温县", 1.23456, "0.0001"],
        ]
    )
    import_ledger(sheet, city=city, year=2025)
    project = Project.objects.get()
    assert project.total_investment == Decimal("12345.6")
    assert plans(project) == {2025: Decimal("1")}


def test_location_gives_the_county_when_there_is_no_county_column(city):
    sheet = xlsx(
        [
            ["项目名称", "建设地点", "总投资"],
            ["甲项目", "武陟县詹店镇", 100],
            ["乙项目", "孟州产业集聚区", 100],
        ]
    )
    assert import_ledger(sheet, city=city, year=2025).ok
    assert dict(Project.objects.values_list("name", "county__name")) == {
        "甲项目": "武陟县",
        "乙项目": "孟州市",
    }
    assert Project.objects.get(name="甲项目").location == "武陟县詹店镇"


def test_industry_column_wins_over_the_heading(city):
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "总投资", "行业"],
            ["一、工业项目"],
            ["甲项目", "温县", 100, "装备制造"],
        ]
    )
    import_ledger(sheet, city=city, year=2025)
    assert Project.objects.get().industry == "装备制造"


def test_rows_go_on_the_key_list_of_the_year_and_level_given(city):
    import_ledger(
        ledger_xlsx([1, "甲项目", None, "温县", None, None, None, 100, 50]),
        city=city,
        year=2025,
        level="省",
    )
    assert key_lists(Project.objects.get()) == {(2025, "省")}


def test_levels_column_names_every_list_a_project_is_on(city):
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "总投资", "重点级别"],
            ["甲项目", "温县", 100, "省、市"],
            ["乙项目", "温县", 100, "省重点"],
            ["丙项目", "温县", 100, None],
        ]
    )
    import_ledger(sheet, city=city, year=2025, level="市")
    assert {p.name: key_lists(p) for p in Project.objects.all()} == {
        "甲项目": {(2025, "省"), (2025, "市")},
        "乙项目": {(2025, "省")},
        "丙项目": {(2025, "市")},
    }


def test_reimport_updates_projects_matched_by_code_or_by_name_and_never_deletes(city):
    import_ledger(
        ledger_xlsx(
            [
                1,
                "甲项目",
                CODE,
                "武陟县",
                "甲公司",
                "续建",
                "2024-2026",
                1000,
                300,
                "发改委",
                "张三",
            ],
            [2, "乙项目", None, "温县", "乙公司", "续建", "2024-2026", 2000, 500, "工信局", "李四"],
            [
                3,
                "丙项目",
                None,
                "孟州市",
                "丙公司",
                "续建",
                "2024-2026",
                3000,
                800,
                "住建局",
                "王五",
            ],
        ),
        city=city,
        year=2025,
    )
    report = import_ledger(
        ledger_xlsx(
            [
                1,
                "甲项目（更名）",
                CODE,
                "武陟县",
                "甲公司",
                "续建",
                "2024-2026",
                1200,
                300,
                "发改委",
                "张三",
            ],
            [
                2,
                "乙 项 目",
                None,
                "温县",
                "乙公司",
                "竣工",
                "2024-2026",
                2000,
                600,
                "工信局",
                "李四",
            ],
            [
                3,
                "丁项目",
                None,
                "温县",
                "丁公司",
                "新开工",
                "2025-2027",
                900,
                100,
                "商务局",
                "赵六",
            ],
            year=2026,
        ),
        city=city,
        year=2026,
    )

    assert report.faults == []
    assert (report.created, report.updated) == (1, 2)
    assert Project.objects.count() == 4  # 丙项目 is not in the new sheet and stays
    first = Project.objects.get(code=CODE)
    assert (first.name, first.total_investment) == ("甲项目（更名）", Decimal(1200))
    assert key_lists(first) == {(2025, "市"), (2026, "市")}
    assert plans(first) == {2025: Decimal(300), 2026: Decimal(300)}
    second = Project.objects.get(county__name="温县", stage="竣工")  # matched by its name
    assert second.name == "乙项目"  # kept as stored: only spaces differ (tryout 7 of issue 9)
    assert plans(second) == {2025: Decimal(500), 2026: Decimal(600)}


def test_reimporting_the_same_sheet_changes_nothing(city):
    rows = [1, "甲项目", CODE, "武陟县", "甲公司", "续建", "2024-2026", 1000, 300, "发改委", "张三"]
    import_ledger(ledger_xlsx(rows), city=city, year=2025)
    report = import_ledger(ledger_xlsx(rows), city=city, year=2025)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 1)
    assert report.notes == []
    assert (KeyListEntry.objects.count(), AnnualPlan.objects.count()) == (1, 1)


def test_annual_plan_is_replaced_for_its_year(city):
    row = [1, "甲项目", None, "温县", None, None, None, 1000, 300]
    import_ledger(ledger_xlsx(row), city=city, year=2025)
    row[8] = 450
    report = import_ledger(ledger_xlsx(row), city=city, year=2025)
    assert (report.created, report.updated) == (0, 1)
    assert plans(Project.objects.get()) == {2025: Decimal(450)}


def test_a_blank_code_does_not_erase_a_known_one(city):
    import_ledger(
        ledger_xlsx([1, "甲项目", CODE, "武陟县", None, None, None, 1000, 300]),
        city=city,
        year=2025,
    )
    import_ledger(
        ledger_xlsx([1, "甲项目", None, "武陟县", "甲公司", None, None, 1000, 300]),
        city=city,
        year=2025,
    )
    project = Project.objects.get()
    assert (project.code, project.owner) == (CODE, "甲公司")


def test_dry_run_reports_what_it_would_do_and_writes_nothing(city):
    report = import_ledger(
        ledger_xlsx([1, "甲项目", None, "温县", None, None, None, 100, 50]),
        city=city,
        year=2025,
        dry_run=True,
    )
    assert (report.ok, report.created) == (True, 1)
    assert report.summary == "检查通过（试运行，未写入）：将新增1个项目，更新0个项目。"
    assert not Project.objects.exists()


def test_unknown_level_is_a_programming_error(city):
    with pytest.raises(ValueError, match="级别"):
        import_ledger(ledger_xlsx(), city=city, year=2025, level="国")


def test_a_single_year_and_month_in_the_years_gives_the_start_year_with_a_note(city):
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "总投资", "建设起止年限"],
            ["博爱县年限写法丙", "博爱县", 10000, "2025.06"],
            ["博爱县年限写法丁", "博爱县", 10000, "2024.3—2026.12"],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert report.ok, report.faults
    years = {
        name: (start, end)
        for name, start, end in Project.objects.values_list("name", "start_year", "end_year")
    }
    assert years == {"博爱县年限写法丙": (2025, None), "博爱县年限写法丁": (2024, 2026)}
    assert [note for note in report.notes if "起止年限" in note] == [
        "工作表「Sheet1」第2行列D「建设起止年限」只写了开工年份（2025年），竣工年份未设置"
    ]


def test_figures_in_yuan_are_converted_with_a_note_and_a_fraction_of_a_yuan_is_refused(city):
    def sheet(total: object) -> object:
        return xlsx(
            [
                ["单位：元"],
                ["项目名称", "所在县区", "总投资"],
                ["武陟县数字农业示范园", "武陟县", total],
            ]
        )

    report = import_ledger(sheet(12345678.5), city=city, year=2025)
    assert [(fault.row, fault.column) for fault in report.faults] == [(3, "总投资")]
    assert "12345678.5元换算为1234.56785万元，超过4位小数" in report.faults[0].message
    assert not Project.objects.exists()

    report = import_ledger(sheet(12345678), city=city, year=2025)
    assert report.ok, report.faults
    assert Project.objects.get().total_investment == Decimal("1234.5678")
    assert "工作表「Sheet1」「总投资」以元填报，已换算为万元" in report.notes
