"""Where a project lies, from the sheet's layout when its rows do not say: county headings, one
sheet per county, a title, the project code; projects in several counties or of the city
itself; 建设性质, the stage and 项目类型 each in its own field (issue 9 §4–§6)."""

from decimal import Decimal
from io import BytesIO

import pytest

from guanmo.ledger.models import MonthlyProgress, Project
from guanmo.ledger.services import import_ledger, import_progress
from tests.ledger.sheets import xlsx
from tests.sheets.case_files import case_file
from tests.sheets.files import Drawn, to_xls, to_xlsx


def placed() -> dict[str, tuple[str, ...]]:
    """Each project's counties, the one counting it first."""
    return {
        project.name: (project.county.name, *(c.name for c in project.other_counties.all()))
        for project in Project.objects.select_related("county").prefetch_related("other_counties")
    }


def faults(report) -> list[str]:
    return [str(fault) for fault in report.faults]


# C04: a city list grouped by county ------------------------------------------------------------

SEVEN_COUNTIES = {
    "武陟县年产10万吨高端铝合金型材项目": ("武陟县",),
    "武陟县城区供水管网改造工程": ("武陟县",),
    "武陟县新能源汽车零部件产业园": ("武陟县",),
    "温县怀药深加工及冷链物流园": ("温县",),
    "温县太极拳文化旅游区提升工程": ("温县",),
    "孟州市皮毛产业园污水处理厂": ("孟州市",),
    "孟州市高端装备制造产业园": ("孟州市",),
}


@pytest.mark.parametrize(
    "name",
    [
        "A_合计在上_其中行_县区标题带数.xlsx",
        "A2_合计在上_县区标题带数_无其中行.xlsx",
        "B_县区标题_小计_合计在下.xlsx",
        "C_县区只在标题行_无县区列.xlsx",
        "D_按县排序_县小计_无标题行.xlsx",
    ],
)
def test_a_list_grouped_by_county_imports_its_seven_projects_in_their_counties(city, name):
    report = import_ledger(case_file("C04", name), city=city, year=2025)
    assert faults(report) == []
    assert report.created == 7
    assert placed() == SEVEN_COUNTIES
    assert not [note for note in report.notes if "不符" in note]
    # a county heading never writes a field of the projects under it
    assert set(Project.objects.values_list("industry", flat=True)) == {""}
    assert sum(Project.objects.values_list("total_investment", flat=True)) == Decimal(280500)


def test_counties_taken_from_headings_are_said(city):
    report = import_ledger(case_file("C04", "C_县区只在标题行_无县区列.xlsx"), city=city, year=2025)
    assert [note for note in report.notes if "取自" in note] == [
        # each heading quoted whole, as typed (tryout 18 (6a))
        "工作表「2025年市重点项目」第5、6、7行未填所在县区，取自标题行「一、武陟县」",
        "工作表「2025年市重点项目」第10、11行未填所在县区，取自标题行「二、温县」",
        "工作表「2025年市重点项目」第14、15行未填所在县区，取自标题行「三、孟州市」",
    ]
    assert [str(left) for left in report.left_out][:2] == [
        "第4行为标题行，未导入",
        "第8行为小计行，未导入",
    ]


def test_numbered_county_headings_with_counted_figures_place_their_rows(city):
    sheet = xlsx(
        [
            ["项目名称", "建设单位", "总投资", "年度计划投资"],
            ["（一）温县（2个）", None, 3000, 700],
            ["温县融合计算中心", "温县数据公司", 1000, 300],
            ["综合计量检测中心", "温县市场监管局", 2000, 400],
            ["（二）孟州市（1个）", None, 500, 100],
            ["孟州市物流园", "孟州物流公司", 500, 100],
            ["合  计", None, 3500, 800],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert faults(report) == []
    assert placed() == {
        "温县融合计算中心": ("温县",),
        "综合计量检测中心": ("温县",),
        "孟州市物流园": ("孟州市",),
    }


def test_a_county_column_that_contradicts_its_heading_is_a_fault(city):
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "总投资"],
            ["一、温县"],
            ["甲项目", "孟州市", 1000],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert faults(report) == [
        "第3行：所在标题行为温县，「所在县区」列为孟州市，不一致，未写入任何数据"
    ]


def test_a_category_heading_still_names_the_industry_when_the_sheet_has_no_such_column(city):
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "总投资"],
            ["一、武陟县"],
            ["（一）先进制造业项目（1个）"],
            ["甲项目", None, 1000],
        ]
    )
    assert import_ledger(sheet, city=city, year=2025).ok
    project = Project.objects.get()
    assert (project.county.name, project.industry) == ("武陟县", "先进制造业")


# C05: one sheet per county ---------------------------------------------------------------------

FIVE_COUNTIES = {
    "武陟县年产10万吨高端铝合金型材项目": ("武陟县",),
    "武陟县新能源汽车零部件产业园": ("武陟县",),
    "温县怀药深加工及冷链物流园": ("温县",),
    "孟州市高端装备制造产业园": ("孟州市",),
    "孟州市皮毛产业园污水处理厂": ("孟州市",),
}


@pytest.mark.parametrize(
    "name",
    ["a_每县一表_地点只写乡镇.xlsx", "b_每县一表_无地点列.xlsx", "c_每县一表_地点写县加乡镇.xlsx"],
)
def test_one_sheet_per_county_puts_every_project_in_its_sheets_county(city, name):
    report = import_ledger(case_file("C05", name), city=city, year=2025)
    assert faults(report) == []
    assert placed() == FIVE_COUNTIES


def test_a_town_only_location_takes_the_county_from_the_sheet_name_and_says_so(city):
    report = import_ledger(case_file("C05", "a_每县一表_地点只写乡镇.xlsx"), city=city, year=2025)
    assert "工作表「温县」第3行未填所在县区，取自工作表名「温县」" in report.notes
    assert Project.objects.get(name="温县怀药深加工及冷链物流园").location == "祥云镇"


def test_a_sheet_title_names_the_county_when_the_sheet_name_does_not(city):
    sheet = xlsx(
        [["温县2025年市重点项目台账"], ["项目名称", "总投资"], ["甲项目", 1000]],
        title="Sheet1",
        more_sheets={"Sheet2": [["孟州市重点项目"], ["项目名称", "总投资"], ["乙项目", 500]]},
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert faults(report) == []
    assert placed() == {"甲项目": ("温县",), "乙项目": ("孟州市",)}
    assert (
        "工作表「Sheet1」第3行未填所在县区，取自表头标题「温县2025年市重点项目台账」"
        in report.notes
    )


def test_a_sheet_whose_layout_names_no_county_is_one_fault_naming_its_sheet(city):
    sheet = xlsx(
        [["2025年重点项目台账"], ["项目名称", "总投资"], ["甲项目", 1000], ["乙项目", 500]],
        title="台账",
        more_sheets={"温县": [["项目名称", "总投资"], ["丙项目", 500]]},
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert [report.describe(fault) for fault in report.faults] == [
        "工作表「台账」第2行「所在县区」：表头中没有这一列（或「建设地点」），"
        "第3、4行的县区也无法从标题行、工作表名、表头标题或项目代码得知"
    ]
    assert not Project.objects.exists()


# C03: a system export: the county in the project code, 项目类型 beside 建设性质 -----------------

C03_PROJECTS = {
    # name: (county, stage, statistical nature, category, total, plan)
    "马村区装配式建筑产业基地": ("马村区", "续建", "", "产业项目", Decimal(125000), Decimal(30000)),
    "山阳区数字经济产业园一期": ("山阳区", "", "新建", "产业项目", Decimal(86000), Decimal(15000)),
    "中站区固废综合利用项目": ("中站区", "", "扩建", "基础设施", Decimal(32500), Decimal(9800)),
}


def c03_projects() -> dict[str, tuple]:
    return {
        project.name: (
            project.county.name,
            project.stage,
            project.construction_nature,
            project.category,
            project.total_investment,
            project.annual_plans.get().planned_investment,
        )
        for project in Project.objects.select_related("county")
    }


@pytest.mark.parametrize(
    "name",
    [
        "项目基础信息导出_原样.xlsx",
        "项目基础信息导出_加县区列.xlsx",
        "项目基础信息导出_加县区列_项目类型改名.xlsx",
    ],
)
def test_a_system_export_keeps_stage_nature_and_category_apart(city, name):
    report = import_ledger(case_file("C03", name), city=city, year=2025)
    assert faults(report) == []
    assert c03_projects() == C03_PROJECTS


def test_the_county_is_read_from_the_project_code_when_no_column_gives_it(city):
    report = import_ledger(case_file("C03", "项目基础信息导出_原样.xlsx"), city=city, year=2025)
    assert "工作表「sheet1」第2、3、4行未填所在县区，取自项目代码的区划代码" in report.notes


def test_a_project_code_of_another_county_or_outside_the_city_is_refused(city):
    sheet = xlsx(
        [
            ["项目名称", "项目代码", "所在县区", "总投资"],
            ["甲项目", "2401-410804-04-01-300001", "温县", 1000],
            ["乙项目", "2401-410102-04-01-300002", "温县", 1000],
            ["丙项目", "2401-410800-04-01-300003", "温县", 1000],  # coded by the city itself
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert faults(report) == [
        "第2行：「所在县区」列为温县，「项目代码」为2401-410804-04-01-300001（马村区），"
        "不一致，未写入任何数据",
        "第3行「项目代码」：区划代码410102是中原区，不在焦作市",
    ]


def test_a_code_naming_no_real_region_is_a_fault_on_the_code(city):
    sheet = xlsx(
        [
            ["项目名称", "项目代码", "所在县区", "总投资"],
            ["甲项目", "2401-419999-04-01-300001", "温县", 1000],
        ]
    )
    assert faults(import_ledger(sheet, city=city, year=2025)) == [
        "第2行「项目代码」：2401-419999-04-01-300001的区划代码419999不存在（GB/T 2260）"
    ]


def test_a_category_in_the_construction_column_names_that_column(city):
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "项目类别", "建设性质", "建设阶段", "总投资"],
            ["甲项目", "温县", "社会民生", "改建", "续建", 1000],
            ["乙项目", "温县", "基础设施", "产业项目", "续建", 1000],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert faults(report) == [
        "第3行「建设性质」：无法识别「产业项目」，应为新开工、续建、竣工、前期（项目阶段）"
        "或新建、扩建、改建、迁建、恢复（统计建设性质）"
    ]


def test_stage_column_and_statistical_nature_column_each_set_their_field(city):
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "项目类别", "建设性质", "建设阶段", "总投资"],
            ["甲项目", "温县", "社会民生", "改建", "新开工", 1000],
        ]
    )
    assert import_ledger(sheet, city=city, year=2025).ok
    project = Project.objects.get()
    assert (project.stage, project.construction_nature, project.category) == (
        "新开工",
        "改建",
        "社会民生",
    )


def test_a_statistical_nature_leaves_a_known_stage_alone(city):
    header = ["项目名称", "所在县区", "建设性质", "总投资"]
    import_ledger(xlsx([header, ["甲项目", "温县", "续建", 1000]]), city=city, year=2025)
    import_ledger(xlsx([header, ["甲项目", "温县", "扩建", 1000]]), city=city, year=2025)
    project = Project.objects.get()
    assert (project.stage, project.construction_nature) == ("续建", "扩建")


# C07: across counties and the city itself ------------------------------------------------------


def test_projects_in_several_counties_or_of_the_city_are_placed_and_said(city):
    report = import_ledger(case_file("C07", "台账_跨县区与市直.xlsx"), city=city, year=2025)
    assert faults(report) == []
    assert placed() == {
        "沁河武陟温县段综合治理工程": ("武陟县", "温县"),
        "焦作至温县快速通道": ("解放区", "温县"),
        "全市农村公路提质改造工程": ("焦作市",),
        "市中心医院新院区二期": ("焦作市",),
        "示范区职业教育园区": ("城乡一体化示范区",),
        "温县太极拳文化旅游区提升工程": ("温县",),
    }
    assert report.notes == [
        "工作表「台账」第7行列C「所在县区」“示范区”按简称识别为城乡一体化示范区",
        "工作表「台账」第3行「沁河武陟温县段综合治理工程」位于武陟县、温县，"
        "由武陟县（首个填写的县区）计入县区排名",
        "工作表「台账」第4行「焦作至温县快速通道」位于解放区、温县，"
        "由解放区（首个填写的县区）计入县区排名",
        "工作表「台账」第5行「全市农村公路提质改造工程」为市级项目（全市），"
        "计入全市合计，不参加县区排名",
        "工作表「台账」第6行「市中心医院新院区二期」为市级项目（市直），"
        "计入全市合计，不参加县区排名",
    ]
    assert Project.objects.get(name="市中心医院新院区二期").is_city_level


def test_a_lead_county_column_chooses_the_county_that_counts(city):
    sheet = xlsx(
        [
            ["项目名称", "所在县（市、区）", "牵头县区", "总投资"],
            ["南水北调配套工程", "温县；孟州市；武陟", "孟州", 9000],
            ["黄河滩区治理", "温县/武陟县", "沁阳市", 9000],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert faults(report) == ["第3行「牵头县区」：「沁阳市」不在所在县区「温县/武陟县」之中"]
    fixed = xlsx(
        [
            ["项目名称", "所在县（市、区）", "牵头县区", "总投资"],
            ["南水北调配套工程", "温县；孟州市；武陟", "孟州", 9000],
        ]
    )
    report = import_ledger(fixed, city=city, year=2025)
    assert placed() == {"南水北调配套工程": ("孟州市", "武陟县", "温县")}  # others in city order
    assert (
        "工作表「Sheet1」第2行「南水北调配套工程」位于孟州市、温县、武陟县，"
        "由孟州市（牵头县区）计入县区排名"
    ) in report.notes


def test_a_second_import_changes_the_counties_a_project_lies_in(city):
    header = ["项目名称", "所在县区", "总投资"]
    import_ledger(xlsx([header, ["甲项目", "武陟县、温县", 1000]]), city=city, year=2025)
    report = import_ledger(xlsx([header, ["甲项目", "武陟县", 1000]]), city=city, year=2025)
    assert (report.created, report.updated) == (0, 1)
    assert placed() == {"甲项目": ("武陟县",)}


def test_monthly_progress_finds_projects_of_several_counties_and_of_the_city(city):
    header = ["项目名称", "所在县区", "总投资", "年度计划投资"]
    rows = [["沁河治理工程", "武陟县、温县", 9000, 3000], ["市中心医院", "市直", 9000, 3000]]
    assert import_ledger(xlsx([header, *rows]), city=city, year=2025).ok
    progress = xlsx(
        [
            ["项目名称", "所在县区", "本月完成投资", "1—4月累计完成投资"],
            ["沁河治理工程", "武陟县、温县", 100, 400],
            ["市中心医院", "全市", 200, 800],
        ]
    )
    report = import_progress(progress, city=city, year=2025, month=4)
    assert faults(report) == []
    assert dict(MonthlyProgress.objects.values_list("project__name", "cumulative_completed")) == {
        "沁河治理工程": Decimal(400),
        "市中心医院": Decimal(800),
    }


def test_one_unknown_county_among_several_is_named_alone(city):
    sheet = xlsx([["项目名称", "所在县区", "总投资"], ["甲项目", "武陟县、郑东新区", 1000]])
    assert faults(import_ledger(sheet, city=city, year=2025)) == [
        "第2行「所在县区」：郑东新区不是焦作市的县区或园区（焦作市的县区：解放区、中站区、马村区、山阳区、修武县、博爱县、武陟县、温县、沁阳市、孟州市、城乡一体化示范区）"
    ]


def test_the_city_named_by_its_own_name_is_a_city_level_project(city):
    sheet = xlsx([["项目名称", "所在县区", "总投资"], ["甲项目", "焦作市", 1000]])
    assert import_ledger(sheet, city=city, year=2025).ok
    assert Project.objects.get().is_city_level


# C14: 待定, dates and year-months --------------------------------------------------------------


def test_typed_figures_and_a_date_for_the_years_read_right(city):
    report = import_ledger(case_file("C14", "a_常见写法_应能读.xlsx"), city=city, year=2025)
    assert faults(report) == []
    project = Project.objects.get(name="温县项目七 起止年限为日期格")
    assert (project.start_year, project.end_year) == (2024, None)


def test_what_needs_a_decision_is_refused_row_by_row_and_the_rest_is_read(city):
    report = import_ledger(case_file("C14", "b_待定_约数_区间_小数年份.xlsx"), city=city, year=2025)
    assert faults(report) == [
        "第4行「总投资」：不是数字：约5000",
        "第5行「总投资」：不是数字：5-8亿元",
        "第8行「总投资」：不是数字：3500（含设备）",
    ]


def test_a_pending_plan_of_a_preparatory_project_is_blank_with_a_note(city):
    sheet = xlsx(
        [
            [
                "项目名称",
                "所在县区",
                "建设性质",
                "起止年限",
                "总投资（万元）",
                "年度计划投资（万元）",
            ],
            ["孟州项目一", "孟州市", "前期", "2025-2027", 8000, "待定"],
            ["孟州项目二", "孟州市", None, 2024.3, 9000, "暂无"],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert faults(report) == []
    assert report.notes == [
        "工作表「Sheet1」第2行列F「年度计划投资（万元）」填写「待定」，按未填写处理（未设置该项）",
        "工作表「Sheet1」第3行列F「年度计划投资（万元）」填写「暂无」，按未填写处理（未设置该项）",
        "工作表「Sheet1」第3行列D「起止年限」只写了开工年份（2024年），竣工年份未设置",
    ]
    assert not Project.objects.filter(annual_plans__isnull=False).exists()
    assert Project.objects.get(name="孟州项目二").start_year == 2024


def test_a_pending_plan_of_a_project_under_construction_is_a_fault(city):
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "建设性质", "总投资", "年度计划投资"],
            ["甲项目", "温县", "续建", 8000, "待定"],
            ["乙项目", "温县", "前期", "待定", 100],
        ]
    )
    assert faults(import_ledger(sheet, city=city, year=2025)) == [
        "第2行「年度计划投资」：「待定」：续建项目应填写年度计划投资",
        "第3行「总投资」：「待定」：新增项目应填写总投资",
    ]


def test_a_pending_plan_never_clears_a_stored_one(city):
    header = ["项目名称", "所在县区", "建设性质", "总投资", "年度计划投资"]
    import_ledger(xlsx([header, ["甲项目", "温县", "前期", 8000, 500]]), city=city, year=2025)
    import_ledger(xlsx([header, ["甲项目", "温县", "前期", 8000, "待定"]]), city=city, year=2025)
    assert Project.objects.get().annual_plans.get().planned_investment == Decimal(500)


# C01: a two-row merged header with the place in a column of its own ---------------------------


def test_a_detail_sheet_with_a_merged_header_reads_its_stage_words(city):
    report = import_ledger(
        case_file("C01", "项目明细表_区域改为所在县区.xlsx"), city=city, year=2025
    )
    assert faults(report) == []
    assert dict(Project.objects.values_list("name", "stage")) == {
        "武陟县年产10万吨高端铝合金型材项目": "续建",  # 在建
        "温县怀药深加工及冷链物流园": "前期",
        "武陟县城区供水管网改造工程": "竣工",
    }


def test_two_digit_years_with_months_are_read_as_this_century(city):
    report = import_ledger(
        case_file("C01", "项目明细表_区域起止挂钩改名.xlsx"), city=city, year=2025
    )
    assert faults(report) == []
    assert set(Project.objects.values_list("name", "start_year", "end_year")) == {
        ("武陟县年产10万吨高端铝合金型材项目", 2024, 2026),  # 24.3-26.12
        ("温县怀药深加工及冷链物流园", 2025, 2026),
        ("武陟县城区供水管网改造工程", 2023, 2025),  # 23.6-25.6
    }


def test_a_category_column_holding_stage_words_is_read_as_the_stage_and_said(city):
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "项目类型", "总投资"],
            ["甲项目", "温县", "新开工", 1000],
            ["乙项目", "温县", "扩建", 1000],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert faults(report) == []
    assert "工作表「Sheet1」「项目类型」列填写的是建设性质（如「新开工」），已按建设性质读取" in (
        report.notes
    )
    assert set(Project.objects.values_list("name", "stage", "construction_nature", "category")) == {
        ("甲项目", "新开工", "", ""),
        ("乙项目", "", "扩建", ""),
    }


def test_a_category_column_beside_a_construction_column_stays_the_category(city):
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "项目类型", "建设性质", "总投资"],
            ["甲项目", "温县", "续建", "新建", 1000],
        ]
    )
    assert import_ledger(sheet, city=city, year=2025).ok
    project = Project.objects.get()
    assert (project.category, project.construction_nature) == ("续建", "新建")


def test_a_construction_cell_naming_another_stage_than_the_stage_column_is_a_fault(city):
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "建设性质", "建设阶段", "总投资"],
            ["甲项目", "温县", "续建", "新开工", 1000],
            ["乙项目", "温县", "新开工", "新开工", 1000],
        ]
    )
    assert faults(import_ledger(sheet, city=city, year=2025)) == [
        "第2行「建设性质」：「续建」与「建设阶段」列的「新开工」不符"
    ]


# A county's two-row period header without a county column (tryout P2, W2) -----------------


def two_wuzhi_projects(city) -> None:
    import_ledger(
        xlsx(
            [
                ["项目名称", "所在县区", "建设性质", "总投资", "2025年计划投资"],
                ["武陟县智算中心", "武陟县", "续建", 50000, 20000],
                ["武陟县铝材加工", "武陟县", "新建", 30000, 10000],
            ]
        ),
        city=city,
        year=2025,
    )


@pytest.mark.parametrize("write", [to_xlsx, to_xls], ids=["xlsx", "xls"])
@pytest.mark.parametrize(
    ("month_group", "year_group"), [("当月", "年初至报告期累计"), ("本月", "1—8月累计")]
)
def test_a_two_row_period_header_without_a_county_column_is_read(
    city, write, month_group, year_group
):
    two_wuzhi_projects(city)
    drawn = Drawn(
        [
            ["序号", "项目名称", month_group, None, year_group, None],
            [None, None, "完成投资", "形象进度", "完成投资", "占年度计划%"],
            [1, "武陟县智算中心", 3000, "主体施工", 25000, "125%"],
            [2, "武陟县铝材加工", 800, "设备安装", 4000, "40%"],
        ],
        name="8月",
        merged=[(1, 2, 1, 3), (1, 4, 1, 5)],
    )
    report = import_progress(BytesIO(write(drawn)), city=city, year=2025, month=8)
    assert faults(report) == []
    stored = {
        p.project.name: (p.completed_this_month, p.cumulative_completed)
        for p in MonthlyProgress.objects.select_related("project")
    }
    assert stored == {
        "武陟县智算中心": (Decimal(3000), Decimal(25000)),
        "武陟县铝材加工": (Decimal(800), Decimal(4000)),
    }


@pytest.mark.parametrize("write", [to_xlsx, to_xls], ids=["xlsx", "xls"])
def test_a_county_cell_merged_down_over_its_rows_names_the_county_of_each(city, write):
    # Tryout H4: 博爱县 merged over rows 2-3 gave "第3行「所在县区」：不能为空".
    drawn = Drawn(
        [
            ["序号", "县区", "项目名称", "建设性质", "总投资（万元）", "年度计划投资（万元）"],
            [1, "博爱县", "博爱县月山物流园", "续建", 18000, 6000],
            [2, None, "博爱县许良镇光伏", "新开工", 7000, 4000],
            [3, "孟州市", "孟州市桑坡园区道路", "续建", 9000, 3000],
        ],
        merged=[(2, 1, 3, 1)],
    )
    report = import_ledger(BytesIO(write(drawn)), city=city, year=2025)
    assert faults(report) == []
    assert placed() == {
        "博爱县月山物流园": ("博爱县",),
        "博爱县许良镇光伏": ("博爱县",),
        "孟州市桑坡园区道路": ("孟州市",),
    }


def test_a_money_cell_merged_down_over_rows_is_a_fault_naming_the_cells(city):
    two_wuzhi_projects(city)
    drawn = Drawn(
        [
            ["序号", "所在县区", "项目名称", "本月完成投资", "1—8月累计完成投资"],
            [1, "武陟县", "武陟县智算中心", 3000, 29000],
            [2, "武陟县", "武陟县铝材加工", 800, None],
        ],
        name="8月",
        merged=[(2, 4, 3, 4)],
    )
    report = import_progress(BytesIO(to_xlsx(drawn)), city=city, year=2025, month=8)
    assert faults(report) == [
        "第2行「累计完成投资」：单元格E2:E3纵向合并了第2—3行，金额属于哪一行不明；"
        "请取消合并，每行填写本行的数后再导入"
    ]
    assert not MonthlyProgress.objects.exists()


@pytest.mark.parametrize(
    "above",
    [
        [["温县2025年市重点项目台账（计量单位：亿元）"]],
        [["温县2025年市重点项目台账"], ["计量单位：亿元"]],
        [["温县2025年市重点项目台账"], ["单位：个、亿元"]],
    ],
)
def test_a_title_is_quoted_without_the_units_it_states_by_the_one_rule(city, above):
    sheet = xlsx([*above, ["项目名称", "总投资"], ["甲项目", 1]], title="Sheet1")
    report = import_ledger(sheet, city=city, year=2025)
    assert faults(report) == []
    assert Project.objects.get(name="甲项目").total_investment == Decimal(10000)
    number = len(above) + 2
    assert (
        f"工作表「Sheet1」第{number}行未填所在县区，取自表头标题「温县2025年市重点项目台账」"
        in report.notes
    ), report.notes


# A county's name alone under its block is the block's subtotal (tryout 10, L16, L14, P11) -------


def test_a_county_name_under_its_block_with_the_block_sum_closes_it_never_heads_the_next(city):
    sheet = xlsx(
        [
            ["项目名称", "建设单位", "总投资（亿元）"],
            ["★孟州市"],
            ["皮毛园区污水管网", "孟州市水务公司", 1.5],
            ["桑坡园区道路", "孟州市交通局", 2],
            ["孟州市", None, 3.5],
            ["岳村街道标准厂房", "温县产投公司", 0.8],
            ["温县", None, 0.8],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert [report.describe(fault) for fault in report.faults] == [
        "工作表「Sheet1」第1行「所在县区」：表头中没有这一列（或「建设地点」），"
        "第6行的县区也无法从标题行、工作表名、表头标题或项目代码得知"
        "（第5、7行只写县区名，金额等于其上方各项目之和，按小计行读取，县区不从小计行取；"
        "请填写所在县区列，或在各县区的项目上方加标题行）"
    ]
    assert not Project.objects.exists()


def test_county_names_under_blocks_beside_a_county_column_are_subtotals_that_agree(city):
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "年度计划投资", "总投资"],
            ["沁阳市盛唐产业园", "沁阳市", 3000, 9000],
            ["沁阳市沁北电厂改造", "沁阳市", 1000, 5000],
            ["沁阳市", None, 4000, 14000],
            ["博爱县许良镇光伏", "博爱县", 500, 700],
            ["博爱县", None, 500, 700],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert faults(report) == []
    assert placed() == {
        "沁阳市盛唐产业园": ("沁阳市",),
        "沁阳市沁北电厂改造": ("沁阳市",),
        "博爱县许良镇光伏": ("博爱县",),
    }
    assert not [note for note in report.notes if "不符" in note or "标题行" in note]


def test_progress_rows_after_a_county_subtotal_are_not_put_under_its_heading(city):
    header = ["项目名称", "所在县区", "总投资", "年度计划投资"]
    rows = [["智能装备园", "温县", 9000, 3000], ["污水处理厂提标", "孟州市", 5000, 2000]]
    assert import_ledger(xlsx([header, *rows]), city=city, year=2025).ok
    progress = xlsx(
        [
            ["项目名称", "本月完成投资（万元）", "1—4月累计完成投资（万元）"],
            ["温县："],
            ["智能装备园", 100, 400],
            ["温县", 100, 400],
            ["污水处理厂提标", 50, 200],
            ["孟州市", 50, 200],
        ]
    )
    report = import_progress(progress, city=city, year=2025, month=4)
    assert faults(report) == []
    assert dict(MonthlyProgress.objects.values_list("project__name", "cumulative_completed")) == {
        "智能装备园": Decimal(400),
        "污水处理厂提标": Decimal(200),
    }


# A 汇总 sheet beside one sheet per county (tryout 10, L11, P10) ---------------------------------


def test_a_summary_sheet_of_the_county_sheets_is_left_out_with_a_note(city):
    header = ["序号", "项目名称", "总投资（万元）", "年度计划投资（万元）"]
    sheet = xlsx(
        [
            ["2025年重点项目总表"],
            header,
            [1, "沁阳市盛唐产业园", 9000, 3000],
            [2, "博爱县光伏", 700, 500],
        ],
        title="全市总表",
        more_sheets={
            "沁阳市": [header, [1, "沁阳市盛唐产业园", 9000, 3000]],
            "博爱县": [header, [1, "博爱县光伏", 700, 500]],
        },
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert faults(report) == []
    assert report.created == 2
    assert placed() == {"沁阳市盛唐产业园": ("沁阳市",), "博爱县光伏": ("博爱县",)}
    assert (
        "工作表「全市总表」为各县工作表的汇总，已与各县工作表逐项核对（2个项目，一致），未重复导入"
        in report.notes
    )


def test_a_summary_sheet_disagreeing_with_a_county_sheet_stops_naming_both_rows(city):
    header = ["项目名称", "所在县区", "总投资", "年度计划投资"]
    assert import_ledger(
        xlsx([header, ["盛唐产业园", "沁阳市", 9000, 3000]]), city=city, year=2025
    ).ok
    progress_header = ["项目名称", "所在县区", "本月完成投资", "1—4月累计完成投资"]
    report = import_progress(
        xlsx(
            [progress_header, ["盛唐产业园", "沁阳市", 100, 400]],
            title="汇总表",
            more_sheets={"沁阳市": [progress_header, ["盛唐产业园", "沁阳市", 100, 450]]},
        ),
        city=city,
        year=2025,
        month=4,
    )
    assert [report.describe(fault) for fault in report.faults] == [
        "工作表「汇总表」第2行「累计完成投资」：本表是各县工作表的汇总，本行为400万元，"
        "而工作表「沁阳市」第2行为450万元，不一致；请核对后再导入（或删去汇总工作表）"
    ]
    assert not MonthlyProgress.objects.exists()


# A refused progress import says nothing was saved (tryout 10, P10; issue 9 §8) ---------------


def test_a_refused_progress_import_says_nothing_was_saved(city):
    header = ["项目名称", "所在县区", "总投资", "年度计划投资"]
    rows = [["盛唐产业园", "沁阳市", 9000, 3000], ["许良镇光伏", "博爱县", 700, 500]]
    assert import_ledger(xlsx([header, *rows]), city=city, year=2025).ok
    progress_header = ["项目名称", "所在县区", "本月完成投资", "1—4月累计完成投资"]
    workbook = {
        "沁阳市": [progress_header, ["盛唐产业园", "沁阳市", 100, 450]],
        "博爱县": [progress_header, ["许良镇光伏", "博爱县", 20, 90]],
    }
    report = import_progress(
        xlsx(workbook["沁阳市"], title="沁阳市", more_sheets={"博爱县": workbook["博爱县"]}),
        city=city,
        year=2025,
        month=4,
    )
    assert report.ok
    assert (
        "工作表「博爱县」第2行「许良镇光伏」：1—3月未报送，无从核对本月与累计：本月完成20万元、1—4月累计90万元均按所填保存"
    ) in report.notes
    MonthlyProgress.objects.all().delete()
    workbook["博爱县"].append(["没有的项目", "博爱县", 5, 5])
    refused = import_progress(
        xlsx(workbook["沁阳市"], title="沁阳市", more_sheets={"博爱县": workbook["博爱县"]}),
        city=city,
        year=2025,
        month=4,
    )
    assert not refused.ok
    assert not MonthlyProgress.objects.exists()
    assert (
        "工作表「沁阳市」第2行「盛唐产业园」：1—3月未报送，无从核对本月与累计：本月完成100万元、"
        "1—4月累计450万元均按所填读取（本次未写入）"
    ) in refused.notes
    assert not [note for note in refused.notes if "保存" in note]


def _headed_ledger(place_header: str, third_heading: str, place: str | None = "解放区/温县"):
    """Tryout 14 L7: headings 市直/示范区/<third>, a 所在地-like column and 牵头县区."""
    return xlsx(
        [
            ["2025年焦作市重点项目台账"],
            ["单位：亿元"],
            [
                "序号",
                "项目名称",
                place_header,
                "牵头县区",
                "总投资",
                "当年计划投资",
                "建设起止年限",
            ],
            ["一、市直项目（1个）"],
            [1, "焦作市第二水源工程", None, None, 12.5, 3, "2025-2027"],
            ["二、示范区（1个）"],
            [1, "示范区氢能装备产业园", None, None, 6.8, 2.2, "2025-2026"],
            [third_heading],
            [1, "沁河-蟒河水系连通工程", place, "温县", 9, 2.5, "2025-2027"],
        ]
    )


@pytest.mark.parametrize("place_header", ["所在地", "所在县区"])
def test_a_lead_county_column_under_a_county_heading_chooses_the_lead(city, place_header):
    report = import_ledger(_headed_ledger(place_header, "三、解放区（1个）"), city=city, year=2025)
    assert faults(report) == []
    assert placed()["沁河-蟒河水系连通工程"] == ("温县", "解放区")
    assert (
        "工作表「Sheet1」第9行「沁河-蟒河水系连通工程」位于温县、解放区，由温县（牵头县区）计入县区排名"
    ) in report.notes


def test_a_heading_naming_a_county_the_row_does_not_lie_in_is_refused(city):
    report = import_ledger(_headed_ledger("所在地", "三、孟州市（1个）"), city=city, year=2025)
    assert faults(report) == [
        "第9行：所在标题行为孟州市，「所在地」列为解放区/温县（温县、解放区），不一致，未写入任何数据"
    ]
    assert not Project.objects.exists()


def test_a_lead_county_alone_disagreeing_with_the_heading_is_refused_naming_its_column(city):
    """Tryout 14 L7: a 牵头县区 with no county cell was ignored for the heading's county."""
    sheet = _headed_ledger("所在地", "三、解放区（1个）", place=None)
    report = import_ledger(sheet, city=city, year=2025)
    assert faults(report) == [
        "第9行：所在标题行为解放区，「牵头县区」列为温县，不一致，未写入任何数据"
    ]
    assert not Project.objects.exists()


def test_a_lead_county_alone_agreeing_with_the_heading_places_the_row(city):
    report = import_ledger(
        _headed_ledger("所在地", "三、温县（1个）", place=None), city=city, year=2025
    )
    assert faults(report) == []
    assert placed()["沁河-蟒河水系连通工程"] == ("温县",)


def test_a_lead_county_outside_a_single_county_cell_is_refused(city):
    sheet = xlsx(
        [["项目名称", "所在县区", "牵头县区", "总投资"], ["甲项目", "温县", "武陟县", 9000]]
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert faults(report) == ["第2行「牵头县区」：「武陟县」不在所在县区「温县」之中"]
