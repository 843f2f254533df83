"""Reading a messy sheet into project rows, with no database: what is kept, skipped and noted."""

from decimal import Decimal
from io import BytesIO

from guanmo.ledger.columns import Field
from guanmo.ledger.services.ledger_import import LEDGER_SHEET
from guanmo.sheets.workbook import read_workbook
from tests.ledger.sheets import xlsx

HEADER = ["序号", "项目名称", "所在县区", "总投资（万元）", "2025年计划投资（万元）"]


def read(*rows, **options):
    return read_workbook(xlsx(rows, **options), LEDGER_SHEET)


def names(reading):
    return [row.values[Field.NAME] for row in reading.rows]


def test_rows_keep_excel_row_numbers_below_title_and_units_lines():
    reading = read(["2025年重点项目台账"], ["单位：万元"], HEADER, [1, "甲项目", "温县", 100, 50])
    [row] = reading.rows
    assert row.number == 4
    assert row.values == {
        Field.NAME: "甲项目",
        Field.COUNTY: "温县",
        Field.TOTAL_INVESTMENT: Decimal(100),
        Field.ANNUAL_PLAN: Decimal(50),
    }


def test_category_headings_and_blank_rows_are_skipped():
    reading = read(
        HEADER,
        ["一、先进制造业项目（120个）"],
        [1, "甲项目", "温县", 100, 50],
        [],
        [None, None, None, None, None],
        ["（一）装备制造"],
        [2, "乙项目", "温县", 100, 50],
        ["二", "现代服务业项目(共8个)", None, 300, 20],  # a heading that carries its subtotal
        [3, "丙项目", "温县", 100, 50],
    )
    assert names(reading) == ["甲项目", "乙项目", "丙项目"]
    assert [row.heading for row in reading.rows] == ["先进制造业", "先进制造业", "现代服务业"]


def test_totals_rows_anywhere_are_skipped():
    reading = read(
        HEADER,
        [None, "合计", None, 300, 150],
        [1, "甲项目", "温县", 100, 50],
        [2, "乙项目", "温县", 200, 100],
        ["总计", None, None, 300, 150],
    )
    assert names(reading) == ["甲项目", "乙项目"]
    assert reading.notes == []


def test_totals_row_that_disagrees_is_reported():
    reading = read(
        HEADER,
        [1, "甲项目", "温县", 100, 50],
        [2, "乙项目", "温县", 200.5, 100],
        [None, "全市合计（2个）", None, 300, 150],
    )
    assert names(reading) == ["甲项目", "乙项目"]
    assert reading.notes == [
        "工作表「Sheet1」第4行合计与各项目之和不符：列D「总投资（万元）」合计300万元，各项目之和300.5万元"
    ]


def test_totals_row_agrees_within_the_precision_it_was_typed_to():
    reading = read(
        HEADER,
        [1, "甲项目", "温县", 100.126, 50],
        [2, "乙项目", "温县", 200.001, 100],
        [None, "合计", None, 300.13, "150"],
    )
    assert reading.notes == []


def test_subtotal_is_checked_against_its_own_category():
    reading = read(
        HEADER,
        ["一、工业项目"],
        [1, "甲项目", "温县", 100, 50],
        [None, "小计", None, 100, 50],
        ["二、服务业项目"],
        [None, "小计", None, 999, 20],
        [2, "乙项目", "温县", 200, 20],
        [None, "合计", None, 300, 70],
    )
    assert reading.notes == [
        "工作表「Sheet1」第6行「小计」与各项目之和不符：列D「总投资（万元）」小计999万元，各项目之和200万元"
    ]


def test_prose_mentioning_a_total_is_not_a_totals_row():
    reading = read(
        ["项目名称", "所在县区", "总投资", "建设内容"],
        ["甲项目", "温县", 100, "总计建设厂房3栋"],
    )
    assert names(reading) == ["甲项目"]


def test_column_number_line_and_footnotes_are_passed_over_with_a_note():
    reading = read(
        HEADER,
        [1, 2, 3, 4, 5],
        [1, "甲项目", "温县", 100, 50],
        ["填表人：张三，联系电话：3911234"],
    )
    assert names(reading) == ["甲项目"]
    # The sign-off line is left out as such (tryout 4 L04), not as an unexplained row.
    assert [str(left) for left in reading.all_left_out] == [
        "第2行为列序号行，未导入",
        "第4行为表尾签署行，未导入",
    ]


def test_merged_two_row_header_from_a_real_file():
    reading = read(
        ["2025年重点项目台账"],
        ["序号", "项目名称", "所在县区", "投资情况（亿元）", None],
        [None, None, None, "总投资", "2025年计划投资"],
        [1, "甲项目", "温县", 1.5, "0.25"],
        merges=["A1:E1", "A2:A3", "B2:B3", "C2:C3", "D2:E2"],
    )
    [row] = reading.rows
    assert row.number == 4
    assert row.values[Field.TOTAL_INVESTMENT] == Decimal("15000")
    assert row.values[Field.ANNUAL_PLAN] == Decimal("2500")
    assert reading.notes == ["工作表「Sheet1」「总投资」、「年度计划投资」以亿元填报，已换算为万元"]


def test_unknown_columns_are_noted_not_fatal():
    reading = read(
        ["项目名称", "所在县区", "总投资（万元）", "备注", "联系电话"],
        ["甲项目", "温县", 1, "无", ""],
    )
    assert reading.faults == []
    assert reading.notes == ["工作表「Sheet1」有未识别的列，已忽略：备注、联系电话"]


def test_cell_faults_carry_sheet_row_and_column():
    reading = read(HEADER, [1, "甲项目", "温县", "约100", -5])
    assert [str(fault) for fault in reading.rows.__next__().faults] == [
        "第2行「总投资」：不是数字：约100",
        "第2行「年度计划投资」：不能为负数",
    ]


def test_cover_sheet_is_passed_over_and_every_project_sheet_read():
    reading = read(
        ["填报说明"],
        ["请按模板填写"],
        title="说明",
        more_sheets={
            "新开工": [HEADER, [1, "甲项目", "温县", 100, 50]],
            "续建": [HEADER, [1, "乙项目", "温县", 100, 50]],
        },
    )
    assert names(reading) == ["甲项目", "乙项目"]
    assert [row.sheet for row in reading.rows] == ["新开工", "续建"]
    assert reading.notes == ["工作表「说明」不是项目表（未找到项目名称列），已跳过"]


def test_missing_name_column_is_one_fault_naming_it():
    reading = read(["2025年台账"], ["所在县区", "建设单位", "总投资"], ["温县", "甲公司", 100])
    assert [str(fault) for fault in reading.faults] == ["第2行「项目名称」：表头中没有这一列"]
    assert list(reading.rows) == []


def test_a_sheet_without_a_county_column_is_read_for_its_layout_to_place_the_rows():
    # headings, the sheet's name or title, or project codes may give the county (the import
    # faults a sheet whose layout does not: test_import_layout)
    reading = read(["项目名称", "建设单位", "总投资"], ["甲项目", "甲公司", 100])
    assert reading.faults == []
    assert names(reading) == ["甲项目"]


def test_sheet_without_any_header_is_a_fault():
    reading = read(["说明"], ["本表由各县区填报"])
    assert [str(fault) for fault in reading.faults] == [
        "未找到表头：前50行中没有“项目名称”“总投资”等列名"
    ]


def test_a_file_that_is_no_spreadsheet_is_a_fault():
    reading = read_workbook(BytesIO(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), LEDGER_SHEET)
    assert [fault.message for fault in reading.faults] == [
        "无法读取文件：不是 Excel、WPS、OpenDocument 或 CSV 表格；"
        "请用 Excel 或 WPS 打开后另存为 .xlsx 再上传"
    ]


def test_a_missing_file_is_named(tmp_path):
    missing = tmp_path / "台账.xlsx"
    reading = read_workbook(missing, LEDGER_SHEET)
    assert [str(fault) for fault in reading.faults] == [f"找不到文件：{missing}"]


def test_header_standing_anywhere_in_the_sheet_is_found():
    reading = read(
        [],
        [None, None, "附件2"],
        [None, None, "2025年重点项目台账"],
        [],
        [None, None, "项目名称", "所在县区", "总投资"],
        [None, None, "甲项目", "温县", "1,000"],
    )
    [row] = reading.rows
    assert (row.number, row.values[Field.TOTAL_INVESTMENT]) == (6, Decimal(1000))
