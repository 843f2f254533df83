"""Every format delivers a cell holding an Excel error value as its text ("#DIV/0!"), never as
a blank or 0, so the import can refuse it (issue 9 §5)."""

import io
import re
import zipfile
from io import BytesIO

import pytest
import xlwt
from openpyxl import Workbook

from guanmo.sheets.cells import CellError, parse_money
from guanmo.sheets.formats import open_workbook
from tests.sheets.files import ODS_MANIFEST, ODS_NAMESPACES

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
    file = io.BytesIO()
    with zipfile.ZipFile(file, "w") as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"),
            "application/vnd.oasis.opendocument.spreadsheet",
            compress_type=zipfile.ZIP_STORED,
        )
        archive.writestr("META-INF/manifest.xml", ODS_MANIFEST)
        archive.writestr("content.xml", content)
    return file.getvalue()


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
