"""Every format an office sends gives the same sheet: values, merges, hidden and struck rows."""

import zipfile
from datetime import datetime
from io import BytesIO

import pytest

from guanmo.sheets.formats import MergedRange, Unreadable, open_workbook
from tests.sheets.files import ODS_MANIFEST, ODS_NAMESPACES, WRITERS, Drawn, to_csv

DRAWN = Drawn(
    rows=[
        ["2025年重点项目台账", None, None, None, None],
        ["序号", "项目名称", "所在县区", "投资情况", None],
        [None, None, None, "总投资", "2025年计划投资"],
        [1, "武陟县智能装备产业园", "武陟县", 38000, 12000.5],
        [2, "温县怀药深加工及冷链物流园", "温县", 32000, 8000],
        [3, "已调出的项目", "温县", 1000, 500],
        [4, "博爱县新材料产业园", "博爱县", 5000, 2000],
    ],
    hidden_rows={5},
    struck_rows={6},
    hidden_columns={4},
    merged=[(1, 0, 1, 4), (2, 0, 3, 0), (2, 1, 3, 1), (2, 2, 3, 2), (2, 3, 2, 4)],
)


@pytest.mark.parametrize("extension", sorted(WRITERS))
def test_every_format_gives_the_same_values_merges_and_hidden_and_struck_rows(extension):
    (sheet,) = open_workbook(BytesIO(WRITERS[extension](DRAWN)))
    assert sheet.name == "台账"
    assert [row + (None,) * (5 - len(row)) for row in sheet.rows] == [
        tuple(row) for row in DRAWN.rows
    ]
    assert sheet.hidden_rows == {5}
    assert sheet.struck_rows == {6}
    assert 4 in sheet.hidden_columns and 3 not in sheet.hidden_columns
    assert set(sheet.merged) >= {MergedRange(1, 0, 1, 4), MergedRange(2, 3, 2, 4)}


@pytest.mark.parametrize("extension", sorted(WRITERS))
def test_a_row_with_one_struck_text_cell_of_two_is_not_struck(extension):
    drawn = Drawn(rows=[["项目名称", "所在县区"], ["甲项目", "温县"]], struck_rows=set())
    (sheet,) = open_workbook(BytesIO(WRITERS[extension](drawn)))
    assert sheet.struck_rows == frozenset()


def test_an_xlsx_saved_under_an_xls_name_is_read_as_xlsx(tmp_path):
    path = tmp_path / "台账.xls"
    path.write_bytes(WRITERS[".xlsx"](DRAWN))
    (sheet,) = open_workbook(path)
    assert sheet.rows[3][:3] == (1, "武陟县智能装备产业园", "武陟县")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_is_read_in_utf8_with_or_without_bom_and_in_gbk(encoding, tmp_path):
    path = tmp_path / "博爱县台账.csv"
    path.write_bytes(to_csv(DRAWN, encoding))
    (sheet,) = open_workbook(path)
    assert sheet.name == "博爱县台账"
    assert sheet.rows[0][0] == "2025年重点项目台账"
    assert sheet.rows[3] == ("1", "武陟县智能装备产业园", "武陟县", "38000", "12000.5")


def test_a_tab_separated_text_is_read_as_csv():
    (sheet,) = open_workbook(BytesIO("项目名称\t总投资\n甲项目\t100\n".encode()))
    assert sheet.rows == [("项目名称", "总投资"), ("甲项目", "100")]


def test_a_date_cell_is_a_datetime_in_xlsx_and_in_excel_2003_xml():
    (from_xlsx,) = open_workbook(BytesIO(WRITERS[".xlsx"](Drawn(rows=[[datetime(2024, 3, 1)]]))))
    (from_xml,) = open_workbook(
        BytesIO(
            b'<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"'
            b' xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="a">'
            b'<Table><Row><Cell><Data ss:Type="DateTime">2024-03-01T00:00:00.000</Data></Cell>'
            b"</Row></Table></Worksheet></Workbook>"
        )
    )
    assert from_xlsx.rows == from_xml.rows == [(datetime(2024, 3, 1),)]


def test_an_html_table_saved_as_xls_is_refused_by_name(tmp_path):
    path = tmp_path / "台账.xls"
    path.write_text("<html><body><table><tr><td>项目名称</td></tr></table></body></html>")
    with pytest.raises(Unreadable, match="网页（HTML）格式"):
        open_workbook(path)


def test_a_word_document_is_refused_by_name():
    file = BytesIO()
    with zipfile.ZipFile(file, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(Unreadable, match=r"Word 文档（\.docx）"):
        open_workbook(BytesIO(file.getvalue()))


@pytest.mark.parametrize("extension", sorted(WRITERS))
def test_a_table_starting_below_and_right_of_a1_keeps_its_row_numbers(extension):
    drawn = Drawn(rows=[[], [], [None, None, "项目名称", "总投资"], [None, None, "甲", 5]])
    drawn.hidden_rows = {4}
    (sheet,) = open_workbook(BytesIO(WRITERS[extension](drawn)))
    assert [row[2:] for row in sheet.rows[2:]] == [("项目名称", "总投资"), ("甲", 5)]
    assert sheet.hidden_rows == {4}


def test_libreoffice_s_million_repeated_empty_rows_and_columns_count_for_nothing():
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NAMESPACES}>'
        '<office:body><office:spreadsheet><table:table table:name="台账">'
        '<table:table-column table:number-columns-repeated="1024"/><table:table-row>'
        '<table:table-cell office:value-type="string"><text:p>项目名称</text:p></table:table-cell>'
        '<table:table-cell table:number-columns-repeated="1023"/></table:table-row>'
        '<table:table-row table:number-rows-repeated="1048575">'
        '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    file = BytesIO()
    with zipfile.ZipFile(file, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", ODS_MANIFEST)
        archive.writestr("content.xml", content)
    (sheet,) = open_workbook(BytesIO(file.getvalue()))
    assert sheet.rows == [("项目名称",)]


def with_ole_stream_renamed(xls: bytes, name: str) -> bytes:
    """The .xls with its Workbook stream named `name` in the OLE directory."""
    entry = xls.index("Workbook\0".encode("utf-16-le"))
    named = (name + "\0").encode("utf-16-le")
    patched = bytearray(xls)
    patched[entry : entry + 64] = named.ljust(64, b"\0")
    patched[entry + 64 : entry + 66] = len(named).to_bytes(2, "little")
    return bytes(patched)


def test_a_workbook_protected_by_a_password_is_refused_saying_so():
    # An encrypted .xlsx is an OLE file whose streams are EncryptionInfo and EncryptedPackage.
    data = with_ole_stream_renamed(WRITERS[".xls"](Drawn(rows=[["项目名称"]])), "EncryptionInfo")
    with pytest.raises(Unreadable, match="文件设置了打开密码；请在 Excel 或 WPS 中取消密码"):
        open_workbook(BytesIO(data))


def test_a_word_97_document_is_refused_by_name():
    data = with_ole_stream_renamed(WRITERS[".xls"](Drawn(rows=[["项目名称"]])), "WordDocument")
    with pytest.raises(Unreadable, match=r"Word 97-2003 文档（\.doc）"):
        open_workbook(BytesIO(data))


def test_a_folder_named_as_the_file_is_a_message(tmp_path):
    with pytest.raises(Unreadable, match="是文件夹，不是表格文件"):
        open_workbook(tmp_path)
