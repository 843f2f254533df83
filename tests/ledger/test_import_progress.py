"""Loading a month's progress: matched by code or name, the missing figure derived, replaced
when loaded again, and every fault named."""

from decimal import Decimal
from io import BytesIO

import pytest
import xlwt
from openpyxl import Workbook

from guanmo.ledger.models import MonthlyProgress, Project
from guanmo.ledger.services import import_ledger, import_progress
from guanmo.regions.models import Region
from tests.ledger.sheets import PROGRESS_UNIT_ASSUMED, ledger_xlsx, progress_xlsx, xlsx

CODE = "2024-410823-04-01-000123"


@pytest.fixture
def ledger(city):
    import_ledger(
        ledger_xlsx(
            [1, "甲项目", CODE, "武陟县", None, "续建", None, 10000, 3000],
            [2, "乙项目", None, "温县", None, "续建", None, 2000, 1200],
            [3, "丙项目", None, "孟州市", None, "新开工", None, 500, 500],
            [4, "丙项目", None, "温县", None, "新开工", None, 800, 500],  # a namesake elsewhere
        ),
        city=city,
        year=2025,
    )
    return city


def progress(name, month, year=2025, county=None):
    query = MonthlyProgress.objects.filter(project__name=name, year=year, month=month)
    if county:
        query = query.filter(project__county__name=county)
    return query.values_list("completed_this_month", "cumulative_completed").get()


def load(sheet, city, month=4, **options):
    return import_progress(sheet, city=city, year=2025, month=month, **options)


def test_rows_find_their_projects_by_code_or_by_name_within_the_county(ledger):
    sheet = xlsx(
        [
            [
                "项目代码",
                "项目名称",
                "县（市、区）",
                "4月完成投资",
                "1-4月累计完成投资",
                "形象进度",
                "存在问题",
            ],
            [CODE, "甲项目改了名字", "武陟县", 100, 400, "主体封顶", "用地指标不足"],
            [None, "乙 项 目", "温县", "50", "300", "设备安装", None],
            [None, "丙项目", "孟州", 20, 20, None, None],
        ]
    )
    report = load(sheet, ledger)
    assert report.faults == []
    assert (report.created, report.updated) == (3, 0)
    first = MonthlyProgress.objects.get(project__code=CODE)
    assert (first.completed_this_month, first.cumulative_completed) == (100, 400)
    assert (first.visible_progress, first.problems) == ("主体封顶", "用地指标不足")
    assert progress("乙项目", 4) == (Decimal(50), Decimal(300))
    assert progress("丙项目", 4, county="孟州市") == (Decimal(20), Decimal(20))


def test_messy_progress_sheet_imports_without_hand_editing(ledger):
    sheet = xlsx(
        [
            ["2025年1—4月全市重点项目建设进展情况表"],
            ["填报单位：市发展改革委", None, None, None, None, "单位：亿元"],
            ["序号", "项目名称", "县（市、区）", "完成投资", None, "形象进度"],
            [None, None, None, "4月", "1-4月累计", None],
            [None, "合计", None, "0.0105", "0.0455", None],
            ["一、工业项目"],
            ["１", "甲项目", "武陟县", "0.005", "０.０４", "主体\n封顶"],
            [],
            ["二、服务业项目"],
            ["2", "乙项目", "温县", "0.0055", 0.0055, None],
            ["3", "丙项目", "温县", None, None, "未开工"],
        ],
        merges=["A1:F1", "D3:E3", "A3:A4", "B3:B4", "C3:C4", "F3:F4"],
    )
    report = load(sheet, ledger)
    assert report.faults == []
    assert report.notes == [
        "工作表「Sheet1」「本月完成投资」、「累计完成投资」以亿元填报，已换算为万元",
        "工作表「Sheet1」第7行列E「完成投资／1-4月累计」为全角数字，按半角数字读取（如「０.０４」读作0.04）",
        "工作表「Sheet1」第7行「甲项目」：1—3月未报送，无从核对本月与累计：本月完成50万元、1—4月累计400万元均按所填保存",
        "1个项目未填本月和累计完成投资，视为未报送，已跳过",
    ]
    assert progress("甲项目", 4) == (Decimal(50), Decimal(400))
    assert progress("乙项目", 4) == (Decimal(55), Decimal(55))
    assert MonthlyProgress.objects.get(project__name="甲项目").visible_progress == "主体\n封顶"


def test_cumulative_is_derived_from_this_month_and_the_last_report(ledger):
    load(progress_xlsx([1, "乙项目", "温县", 300, 300, ""]), ledger, month=3)
    sheet = xlsx([["项目名称", "所在县区", "本月完成投资"], ["乙项目", "温县", 80]])
    load(sheet, ledger, month=5)  # April was not reported: the last report is March's
    assert progress("乙项目", 5) == (Decimal(80), Decimal(380))


def test_this_month_is_derived_from_the_cumulative_and_the_last_report(ledger):
    load(progress_xlsx([1, "乙项目", "温县", 300, 300, ""]), ledger, month=3)
    load(progress_xlsx([1, "乙项目", "温县", None, "420", ""]), ledger, month=4)
    assert progress("乙项目", 4) == (Decimal(120), Decimal(420))


def test_january_starts_from_nothing(ledger):
    sheet = xlsx([["项目名称", "所在县区", "本月完成投资"], ["乙项目", "温县", 80]])
    load(sheet, ledger, month=1)
    assert progress("乙项目", 1) == (Decimal(80), Decimal(80))


def test_figures_that_disagree_with_last_month_are_refused_naming_both_cells(ledger):
    load(progress_xlsx([1, "乙项目", "温县", 300, 300, ""]), ledger, month=3)
    report = load(progress_xlsx([1, "乙项目", "温县", 50, 340, ""]), ledger, month=4)
    assert [fault.message for fault in report.faults] == [
        "本月完成50万元（D3）加3月累计300万元为350万元，与所填累计340万元（E3）不符，未导入"
        "（请核对两数）"
    ]
    assert not MonthlyProgress.objects.filter(month=4).exists()


def test_a_cumulative_above_last_month_and_this_month_is_refused_as_likely_since_start(city):
    """Tryout 14 P6: 「累计完成投资」 holding each project's 开累 was stored with a note."""
    import_ledger(
        ledger_xlsx(
            [1, "温县人民医院北部山区院区项目", None, "温县", None, "续建", None, 9000, 3000]
        ),
        city=city,
        year=2025,
    )
    november = xlsx(
        [
            ["项目名称", "本月完成投资（万元）", "累计完成投资（万元）"],
            ["温县人民医院北部山区院区项目", 100, 3154.69],
        ]
    )
    assert load(november, city, month=11).ok
    sheet = BytesIO()
    workbook = Workbook()
    workbook.active.title = "温县"
    for line in (
        ["温县重点项目建设进度（2025年12月）"],
        ["项目名称", "本月完成投资（万元）", "累计完成投资（万元）"],
        ["温县人民医院北部山区院区项目", 100, 5254.69],
    ):
        workbook.active.append(line)
    workbook.save(sheet)
    sheet.seek(0)
    report = load(sheet, city, month=12)
    assert [fault.message for fault in report.faults] == [
        "本月完成100万元（B3）加11月累计3154.69万元为3254.69万元，与所填累计5254.69万元（C3）不符"
        "，多出2000万元，疑为开累（自开工累计），未导入（请核对两数）"
    ]
    assert not MonthlyProgress.objects.filter(month=12).exists()


def test_a_cumulative_said_to_be_the_years_is_still_refused_when_it_disagrees(ledger):
    load(progress_xlsx([1, "乙项目", "温县", 300, 300, ""]), ledger, month=3)
    sheet = xlsx(
        [["项目名称", "所在县区", "本月完成投资", "1—4月累计完成投资"], ["乙项目", "温县", 50, 500]]
    )
    report = load(sheet, ledger, month=4)
    assert [fault.message for fault in report.faults] == [
        "本月完成50万元（C2）加3月累计300万元为350万元，与所填1—4月累计500万元（D2）不符，未导入"
        "（请核对两数）"
    ]
    assert not MonthlyProgress.objects.filter(month=4).exists()


def test_loading_a_month_again_replaces_its_figures(ledger):
    load(progress_xlsx([1, "乙项目", "温县", 100, 100, "开工"]), ledger)
    report = load(progress_xlsx([1, "乙项目", "温县", 150, 150, "主体施工"]), ledger)
    assert (report.created, report.updated) == (0, 1)
    assert MonthlyProgress.objects.count() == 1
    assert progress("乙项目", 4) == (Decimal(150), Decimal(150))
    assert MonthlyProgress.objects.get().visible_progress == "主体施工"


def test_rows_without_figures_are_not_reports(ledger):
    report = load(progress_xlsx([1, "乙项目", "温县", None, None, "未报"]), ledger)
    assert (report.ok, report.created) == (True, 0)
    assert report.notes == [
        PROGRESS_UNIT_ASSUMED,
        "1个项目未填本月和累计完成投资，视为未报送，已跳过",
    ]


def test_dry_run_writes_nothing(ledger):
    report = load(progress_xlsx([1, "乙项目", "温县", 100, 100, ""]), ledger, dry_run=True)
    assert (report.ok, report.created) == (True, 1)
    assert not MonthlyProgress.objects.exists()


def faults(sheet, city, **options):
    report = load(sheet, city, **options)
    assert not MonthlyProgress.objects.filter(month=options.get("month", 4)).exists()
    return [str(fault) for fault in report.faults]


def test_progress_for_a_project_not_in_the_ledger(ledger):
    sheet = progress_xlsx([1, "乙项目", "温县", 10, 10, ""], [2, "戊项目", "温县", 10, 10, ""])
    assert faults(sheet, ledger) == ["第4行「项目名称」：温县的台账中没有这个项目，请先导入台账"]


def test_an_unknown_code_falls_back_on_the_name_and_else_is_a_fault(ledger):
    sheet = xlsx(
        [
            ["项目代码", "项目名称", "所在县区", "本月完成投资"],
            ["2025-410825-04-01-000999", "乙项目", "温县", 10],
            ["2025-410825-04-01-000998", None, None, 10],
        ]
    )
    assert faults(sheet, ledger) == ["第3行「项目代码」：台账中没有这个项目，请先导入台账"]


def test_a_name_shared_by_two_counties_needs_the_county(ledger):
    sheet = xlsx([["项目名称", "本月完成投资"], ["丙项目", 10], ["乙项目", 10]])
    assert faults(sheet, ledger) == [
        "第2行「项目名称」：台账中有2个名为「丙项目」的项目（孟州市、温县），无法确定是哪一个；"
        "请填写所在县区或项目代码"
    ]


def test_cumulative_below_the_last_report_with_the_month_blank_is_refused(ledger):
    """No 核减 typed (本月 blank): a falling cumulative is a contradiction, not a deduction."""
    load(progress_xlsx([1, "乙项目", "温县", 300, 300, ""]), ledger, month=3)
    report = load(progress_xlsx([1, "乙项目", "温县", None, 250, ""]), ledger)
    assert [str(fault) for fault in report.faults] == [
        "第3行「累计完成投资」：累计250万元（E3），低于3月累计300万元，而本月完成投资未填写"
        "（D3），两数相互矛盾（核减时本月应填负数）"
    ]
    assert not MonthlyProgress.objects.filter(month=4).exists()


def test_cumulative_below_the_last_report_with_a_negative_month_is_a_deduction(ledger):
    load(progress_xlsx([1, "乙项目", "温县", 300, 300, ""]), ledger, month=3)
    report = load(progress_xlsx([1, "乙项目", "温县", -50, 250, ""]), ledger)
    assert report.faults == []
    assert progress("乙项目", 4) == (Decimal(-50), Decimal(250))
    assert (
        "工作表「Sheet1」第3行「乙项目」本月为负数（核减）：本月完成投资-50万元，1—4月累计250万元，"
        "比3月累计300万元减少50万元"
    ) in report.notes


def test_cumulative_above_total_investment(ledger):
    assert faults(progress_xlsx([1, "乙项目", "温县", 1, "2,000.01", ""]), ledger) == [
        "第3行「累计完成投资」：累计2000.01万元，超过总投资2000万元"
    ]


def test_this_month_that_takes_the_cumulative_above_total_investment(ledger):
    load(progress_xlsx([1, "乙项目", "温县", 1900, 1900, ""]), ledger, month=3)
    sheet = xlsx([["项目名称", "所在县区", "本月完成投资"], ["乙项目", "温县", 200]])
    assert faults(sheet, ledger) == ["第2行「本月完成投资」：累计2100万元，超过总投资2000万元"]


def test_cumulative_above_a_later_month_already_loaded(ledger):
    load(progress_xlsx([1, "乙项目", "温县", 300, 300, ""]), ledger, month=5)
    assert faults(progress_xlsx([1, "乙项目", "温县", 350, 350, ""]), ledger) == [
        "第3行「累计完成投资」：累计350万元，高于已报的5月累计300万元"
    ]


def test_negative_cumulative_and_non_numeric_figures(ledger):
    sheet = progress_xlsx(
        [1, "乙项目", "温县", -5, -100, ""], [2, "甲项目", "武陟县", 5, "一百", ""]
    )
    assert faults(sheet, ledger) == [
        "第3行「累计完成投资」：不能为负数",
        "第4行「累计完成投资」：不是数字：一百",
    ]


def test_the_same_project_twice(ledger):
    sheet = progress_xlsx([1, "乙项目", "温县", 5, 5, ""], [2, "乙项目", "温县", 6, 6, ""])
    assert faults(sheet, ledger) == [
        "第4行「项目名称」：与第3行同名，都是台账中温县的「乙项目」；请删去重复的一行，"
        "或填写所在县区或项目代码区分"
    ]


def test_a_county_upload_may_hold_only_its_own_projects(ledger):
    wen = Region.objects.get(name="温县")
    sheet = xlsx(
        [
            ["项目代码", "项目名称", "所在县区", "本月完成投资"],
            [None, "乙项目", None, 10],  # no county typed: the uploader's
            [None, "丙项目", "孟州市", 10],
            [CODE, "甲项目", None, 10],
        ]
    )
    assert faults(sheet, ledger, county=wen) == [
        "第3行「所在县区」：不属于温县，只能填报本县区的项目",
        "第4行「项目名称」：这个项目不属于温县，只能填报本县区的项目",
    ]
    report = load(xlsx([["项目名称", "本月完成投资"], ["丙项目", 10]]), ledger, county=wen)
    assert report.ok  # the namesake in 温县, not the one in 孟州市
    assert Project.objects.get(monthly_progress__isnull=False).county == wen


def test_a_progress_sheet_needs_a_figure_column(ledger):
    sheet = xlsx([["项目名称", "所在县区", "形象进度"], ["乙项目", "温县", "施工"]])
    assert faults(sheet, ledger) == [
        "第1行「累计完成投资」：表头中没有这一列（或「本月完成投资」）（或「开工累计完成投资」）"
    ]


def test_an_xls_cumulative_formula_saved_without_value_stops_the_import(ledger):
    # 1—8月累计 = 上月累计 + 本月, written by a program (xlwt): no value saved in the file.
    workbook = xlwt.Workbook(encoding="utf-8")
    sheet = workbook.add_sheet("8月")
    for column, title in enumerate(["项目名称", "所在县区", "上月累计", "本月完成投资"]):
        sheet.write(0, column, title)
    sheet.write(0, 4, "1—8月累计完成投资")
    for column, value in enumerate(["乙项目", "温县", 500, 300]):
        sheet.write(1, column, value)
    sheet.write(1, 4, xlwt.Formula("C2+D2"))
    file = BytesIO()
    workbook.save(file)
    assert [
        message.split("是公式")[0] for message in faults(BytesIO(file.getvalue()), ledger, month=8)
    ] == ["单元格E2"]
