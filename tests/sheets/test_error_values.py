"""Every format delivers a cell holding an Excel error value as its text ("#DIV/0!"), never as
a blank or 0, so the import can refuse it (issue 9 §5); in a header cell it stops the import
naming the cell, for the column it heads is not known."""

import re
from decimal import Decimal
from io import BytesIO

import pytest
import xlwt
from openpyxl import Workbook

from guanmo.ledger.models import Project
from guanmo.ledger.services import import_ledger, import_progress
from guanmo.sheets.cells import CellError, parse_money
from guanmo.sheets.formats import open_workbook
from tests.sheets.files import ODS_NAMESPACES, WRITERS, Drawn, ods_file, to_csv, to_xlsx

_CALCEXT = 'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"'


def _xlsx() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["总投资", None, None])
    for column, error in ((2, "#DIV/0!"), (3, "#N/A")):
        cell = sheet.cell(row=1, column=column)
        cell.value, cell.data_type = error, "e"
    file = BytesIO()
    workbook.save(file)
    return file.getvalue()


def _xls() -> bytes:
    workbook = xlwt.Workbook()
    sheet = workbook.add_sheet("Sheet1")
    sheet.write(0, 0, "总投资")
    sheet.row(0).set_cell_error(1, "#DIV/0!")
    sheet.row(0).set_cell_error(2, 0x2A)  # #N/A, which xlwt names only by its code
    file = BytesIO()
    workbook.save(file)
    return file.getvalue()


def _ods() -> bytes:
    """As LibreOffice saves a failed formula: a float 0 beside calcext's error type."""
    cells = (
        '<table:table-cell office:value-type="string"><text:p>总投资</text:p></table:table-cell>'
        '<table:table-cell table:formula="of:=1/0" office:value-type="float" office:value="0" '
        'calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>'
        '<table:table-cell table:formula="of:=NA()" calcext:value-type="error">'
        "<text:p>#N/A</text:p></table:table-cell>"
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NAMESPACES} '
        f'{_CALCEXT} office:version="1.2"><office:body><office:spreadsheet>'
        f'<table:table table:name="Sheet1"><table:table-row>{cells}</table:table-row>'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    return ods_file(content)


def _spreadsheetml() -> bytes:
    return (
        '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">'
        '<Worksheet ss:Name="Sheet1"><Table><Row><Cell><Data ss:Type="String">总投资</Data></Cell>'
        '<Cell ss:Formula="=1/0"><Data ss:Type="Error">#DIV/0!</Data></Cell>'
        '<Cell ss:Formula="=NA()"><Data ss:Type="Error">#N/A</Data></Cell>'
        "</Row></Table></Worksheet></Workbook>"
    ).encode()


def _csv() -> bytes:
    return "总投资,#DIV/0!,#N/A\r\n".encode()


@pytest.mark.parametrize("write", [_xlsx, _xls, _ods, _spreadsheetml, _csv])
def test_an_error_value_is_read_as_its_text_in_every_format(write):
    (sheet,) = open_workbook(BytesIO(write()))
    assert sheet.rows[0][:3] == ("总投资", "#DIV/0!", "#N/A")


@pytest.mark.parametrize("error", ["#VALUE!", "#REF!", "#N/A", "#DIV/0!", " #NAME? "])
def test_an_error_value_is_no_money(error):
    with pytest.raises(CellError, match=re.escape(f"单元格是错误值 {error.strip()}，无法读取")):
        parse_money(error)


def _faults(report) -> list[str]:
    return [str(fault) for fault in report.faults]


@pytest.mark.parametrize("fmt", [*sorted(WRITERS), ".csv"])
def test_an_error_value_in_a_header_cell_stops_the_import_naming_the_cell(city, fmt):
    drawn = Drawn(
        [
            ["2025年重点项目台账"],
            ["序号", "项目名称", "所在县区", "总投资", "#REF!"],
            [1, "甲项目", "温县", 1000, 300],
        ]
    )
    data = to_csv(drawn, "utf-8") if fmt == ".csv" else WRITERS[fmt](drawn)
    report = import_ledger(BytesIO(data), city=city, year=2025)
    assert _faults(report) == [
        "第2行：表头单元格E2是错误值 #REF!，无法知道这一列是什么；请改正表头后再导入"
    ]
    assert not Project.objects.exists()


def test_an_error_value_in_a_group_cell_of_a_two_row_header_stops_the_import(city):
    drawn = Drawn(
        [
            ["序号", "项目名称", "所在县区", "#VALUE!", None],
            [None, None, None, "本月", "累计"],
            [1, "甲项目", "温县", 10, 300],
        ],
        merged=[(1, 3, 1, 4)],
    )
    report = import_progress(BytesIO(to_xlsx(drawn)), city=city, year=2025, month=7)
    assert "第1行：表头单元格D1是错误值 #VALUE!，无法知道这一列是什么；请改正表头后再导入" in (
        _faults(report)
    )


# A figure in a heading or totals row is what the rows are checked against: unreadable, it
# stops the import naming its cell, for the check then has nothing to compare.

TWO_PROJECTS = [
    ["序号", "项目名称", "所在县区", "总投资", "年度计划投资"],
    [1, "甲项目", "温县", 1000, 300],
    [2, "乙项目", "温县", 2000, 500],
]


@pytest.mark.parametrize(
    ("row", "fault"),
    [
        (
            [None, "合计", None, "#REF!", 800],
            "第4行「总投资」：合计行的单元格D4是错误值 #REF!，无法与各项目之和核对；请改正后再导入",
        ),
        (
            [None, "温县小计", None, 3000, "见附表"],
            "第4行「年度计划投资」：小计行的单元格E4「见附表」不是数字，无法与各项目之和核对；"
            "请改正后再导入",
        ),
        (
            [None, "合计（共2个）", None, 3000, "#N/A"],
            "第4行「年度计划投资」：合计行的单元格E4是错误值 #N/A，无法与各项目之和核对；"
            "请改正后再导入",
        ),
    ],
)
@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_an_unreadable_figure_in_a_totals_row_stops_the_import_naming_the_cell(
    city, fmt, row, fault
):
    data = WRITERS[fmt](Drawn([*TWO_PROJECTS, row]))
    report = import_ledger(BytesIO(data), city=city, year=2025)
    assert _faults(report) == [fault]
    assert not Project.objects.exists()


def test_an_unreadable_figure_in_a_heading_row_stops_the_import_naming_the_cell(city):
    drawn = Drawn(
        [
            ["序号", "项目名称", "总投资", "年度计划投资"],
            [None, "温县（2个）", "#DIV/0!", 800],
            [1, "甲项目", 1000, 300],
            [2, "乙项目", 2000, 500],
        ]
    )
    report = import_ledger(BytesIO(to_xlsx(drawn)), city=city, year=2025)
    assert _faults(report) == [
        "第2行「总投资」：标题行的单元格C2是错误值 #DIV/0!，无法与各项目之和核对；请改正后再导入"
    ]


def test_a_money_column_the_import_does_not_read_is_not_checked_in_a_totals_row(city):
    """A ledger import reads no 累计完成投资: its 合计 figure is neither checked against rows
    it never read (which would say they disagree) nor refused when unreadable."""
    drawn = Drawn(
        [
            ["序号", "项目名称", "所在县区", "总投资", "累计完成投资", "本月完成投资"],
            [1, "甲项目", "温县", 1000, 300, 20],
            [2, "乙项目", "温县", 2000, 500, 30],
            [None, "合计", None, 3000, 800, "#REF!"],
        ]
    )
    report = import_ledger(BytesIO(to_xlsx(drawn)), city=city, year=2025)
    assert _faults(report) == []
    assert not [note for note in report.notes if "不符" in note]
    assert sorted(Project.objects.values_list("name", "total_investment")) == [
        ("乙项目", Decimal(2000)),
        ("甲项目", Decimal(1000)),
    ]
