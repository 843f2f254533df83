"""A 汇总 sheet beside one sheet per county whose rows have no county column: the county of a
county sheet's row is its sheet's name or title, so the summary's 所在县区 is checked against
that, not against a blank cell (tryout 14, L11/P9/P9b; issue 9 §4)."""

from decimal import Decimal

from guanmo.ledger.models import MonthlyProgress, Project
from guanmo.ledger.services import import_ledger, import_progress
from tests.ledger.sheets import xlsx


def placed() -> dict[str, tuple[str, ...]]:
    return {
        project.name: (project.county.name, project.total_investment)
        for project in Project.objects.select_related("county")
    }


def county_sheets(header, rows_by_county, *, summary_rows, summary_header):
    """A workbook: a 汇总 sheet, then one sheet per county titled with its county. The last
    county's sheet is named Sheet3, so that only its title names the county."""
    sheets = {}
    for number, (county, rows) in enumerate(rows_by_county.items()):
        name = county if number < len(rows_by_county) - 1 else "Sheet3"
        sheets[name] = [[f"{county}2025年重点项目台账"], header, *rows]
    return xlsx(
        [["2025年重点项目台账汇总"], summary_header, *summary_rows],
        title="汇总",
        more_sheets=sheets,
    )


def test_county_sheets_without_a_county_column_beside_a_summary_are_read_once(city):
    header = ["项目名称", "总投资（万元）", "2025年计划投资（万元）"]
    workbook = county_sheets(
        header,
        {"温县": [["番田镇光伏项目", 9000, 3000]], "孟州市": [["槐树乡水厂", 6000, 2000]]},
        summary_header=["所在县区", "项目名称", "总投资（万元）", "2025年计划投资（万元）"],
        summary_rows=[["温县", "番田镇光伏项目", 9000, 3000], ["孟州", "槐树乡水厂", 6000, 2000]],
    )
    report = import_ledger(workbook, city=city, year=2025)
    assert [str(fault) for fault in report.faults] == []
    assert report.created == 2
    assert placed() == {
        "番田镇光伏项目": ("温县", Decimal(9000)),
        "槐树乡水厂": ("孟州市", Decimal(6000)),
    }
    assert report.sheets == ["温县", "Sheet3"]
    assert (
        "工作表「汇总」为各县工作表的汇总，已与各县工作表逐项核对（2个项目，一致），未重复导入"
        in report.notes
    )


def test_a_summary_naming_another_county_than_the_county_sheet_is_refused(city):
    header = ["项目名称", "总投资（万元）", "2025年计划投资（万元）"]
    workbook = county_sheets(
        header,
        {"温县": [["番田镇光伏项目", 9000, 3000]], "孟州市": [["槐树乡水厂", 6000, 2000]]},
        summary_header=["所在县区", "项目名称", "总投资（万元）", "2025年计划投资（万元）"],
        summary_rows=[
            ["博爱县", "番田镇光伏项目", 9000, 3000],
            ["孟州市", "槐树乡水厂", 6000, 2000],
        ],
    )
    report = import_ledger(workbook, city=city, year=2025)
    assert [report.describe(fault) for fault in report.faults] == [
        "工作表「汇总」第3行「所在县区」：本表是各县工作表的汇总，本行为「博爱县」，"
        "而工作表「温县」第3行为温县（取自工作表名），不一致；请核对后再导入（或删去汇总工作表）"
    ]
    assert not Project.objects.exists()


def progress_beside_summary(city, wenxian: tuple[int, int]):
    """April's progress of two projects in a workbook of 汇总 and county sheets; the summary
    has 商贸综合体 at 1800 and 7200, its county sheet at `wenxian`."""
    ledger_header = ["项目名称", "所在县区", "总投资", "年度计划投资"]
    rows = [["污水处理厂提标", "武陟县", 9000, 3000], ["商贸综合体", "温县", 90000, 30000]]
    assert import_ledger(xlsx([ledger_header, *rows]), city=city, year=2025).ok
    header = ["项目名称", "本月完成投资（万元）", "1—4月累计完成投资（万元）"]
    workbook = county_sheets(
        header,
        {"武陟县": [["污水处理厂提标", 300, 900]], "温县": [["商贸综合体", *wenxian]]},
        summary_header=["县区", *header],
        summary_rows=[["武陟县", "污水处理厂提标", 300, 900], ["温县", "商贸综合体", 1800, 7200]],
    )
    return import_progress(workbook, city=city, year=2025, month=4)


def test_progress_by_county_sheets_beside_a_summary_is_read_once(city):
    report = progress_beside_summary(city, (1800, 7200))
    assert [str(fault) for fault in report.faults] == []
    assert dict(MonthlyProgress.objects.values_list("project__name", "cumulative_completed")) == {
        "污水处理厂提标": Decimal(900),
        "商贸综合体": Decimal(7200),
    }
    assert any(note.startswith("工作表「汇总」为各县工作表的汇总") for note in report.notes)


def test_progress_summary_disagreeing_in_a_figure_names_both_cells(city):
    report = progress_beside_summary(city, (1900, 7300))
    assert [report.describe(fault) for fault in report.faults] == [
        "工作表「汇总」第4行「本月完成投资」：本表是各县工作表的汇总，本行为1800万元，"
        "而工作表「Sheet3」第3行为1900万元，不一致；请核对后再导入（或删去汇总工作表）",
        "工作表「汇总」第4行「累计完成投资」：本表是各县工作表的汇总，本行为7200万元，"
        "而工作表「Sheet3」第3行为7300万元，不一致；请核对后再导入（或删去汇总工作表）",
    ]
    assert not MonthlyProgress.objects.exists()


def county_totals_workbook(jiefang_total: int) -> object:
    """A 汇总 sheet of one line per county (no project names) beside each county's sheet."""
    header = ["项目名称", "总投资（万元）", "2025年计划投资（万元）"]
    return xlsx(
        [
            ["县区", "项目个数", "总投资（万元）", "2025年计划投资（万元）"],
            ["解放区", 2, jiefang_total, 5000],
            ["孟州市", 1, 26000, 7000],
            ["合计", 3, jiefang_total + 26000, 12000],
        ],
        title="汇总",
        more_sheets={
            "解放区": [header, ["老旧小区提升", 10000, 3000], ["智慧停车场", 5000, 2000]],
            "孟州市": [header, ["皮毛产业园三期", 26000, 7000]],
        },
    )


def test_a_summary_of_county_totals_agreeing_is_checked_and_left_out(city):
    report = import_ledger(county_totals_workbook(15000), city=city, year=2025)
    assert [str(fault) for fault in report.faults] == []
    assert report.created == 3
    assert "工作表「汇总」为各县合计，已与各县工作表核对（2个县区，一致），未导入" in report.notes


def test_a_summary_of_county_totals_disagreeing_is_said(city):
    report = import_ledger(county_totals_workbook(16000), city=city, year=2025)
    assert [str(fault) for fault in report.faults] == []
    assert report.created == 3
    assert (
        "工作表「汇总」第2行「解放区」「总投资」16000万元，与工作表「解放区」各项目之和15000万元"
        "不符；汇总表未导入，各项目按各县工作表导入，请核对汇总表" in report.notes
    )
