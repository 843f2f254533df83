"""Every spreadsheet input is bounded (issue 11): refused before parsing, with a message.

Bounds come from settings (GUANMO_SHEET_*); a zip bomb, a sheet declaring a million rows and a
truncated or malformed file are Chinese messages, never an exception or a long wait.
"""

import io
import struct
import zipfile

import pytest

from guanmo.ledger.models import Project
from guanmo.ledger.services import import_ledger
from guanmo.sheets.formats import Unreadable, open_workbook
from tests.sheets.files import WRITERS, Drawn, to_csv, to_xlsx

LEDGER = Drawn(
    rows=[
        ["项目名称", "所在县区", "总投资", "年度计划投资"],
        ["武陟县智能装备产业园", "武陟县", 38000, 12000],
        ["温县怀药深加工及冷链物流园", "温县", 32000, 8000],
    ]
)


def with_sheet_xml(xlsx: bytes, write_sheet) -> bytes:
    """The .xlsx with its first worksheet's XML replaced by what `write_sheet(stream)` writes."""
    source = zipfile.ZipFile(io.BytesIO(xlsx))
    file = io.BytesIO()
    with zipfile.ZipFile(file, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for info in source.infolist():
            if info.filename == "xl/worksheets/sheet1.xml":
                with target.open(info.filename, "w") as stream:
                    write_sheet(stream)
            else:
                target.writestr(info.filename, source.read(info.filename))
    return file.getvalue()


def bomb(stream) -> None:
    """One cell of 200 MB: the 205 KB bomb of issue 11."""
    stream.write(
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
    )
    block = b"A" * (1024 * 1024)
    for _ in range(200):
        stream.write(block)
    stream.write(b"</t></is></c></row></sheetData></worksheet>")


def test_a_zip_bomb_is_refused_from_its_declared_sizes(city):
    data = with_sheet_xml(to_xlsx(LEDGER), bomb)
    assert len(data) < 1024 * 1024
    with pytest.raises(Unreadable, match="疑为压缩炸弹，不予读取"):
        open_workbook(io.BytesIO(data))
    report = import_ledger(io.BytesIO(data), city=city, year=2025)
    assert len(report.faults) == 1 and "压缩炸弹" in report.faults[0].message
    assert not Project.objects.exists()


def test_a_workbook_unpacking_past_the_bound_is_refused(settings):
    settings.GUANMO_SHEET_MAX_UNPACKED_MB = 0
    with pytest.raises(Unreadable, match="文件解压后共0MB，超过0MB的上限"):
        open_workbook(io.BytesIO(to_xlsx(LEDGER)))


def test_a_sheet_declaring_a_millionth_row_is_refused_before_it_is_read():
    def far_row(stream):
        stream.write(
            b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
            b'<row r="1000000"><c r="A1000000"><v>1</v></c></row></sheetData></worksheet>'
        )

    with pytest.raises(Unreadable, match="工作表「台账」超过200000行（至少1000000行）"):
        open_workbook(io.BytesIO(with_sheet_xml(to_xlsx(LEDGER), far_row)))


def test_a_sheet_of_many_rows_is_refused_at_the_first_row_past_the_bound(settings):
    settings.GUANMO_SHEET_MAX_ROWS = 1000

    def many_rows(stream):
        stream.write(
            b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            b"<sheetData>"
        )
        for number in range(1, 3001):  # rows without their number, as some writers leave them
            stream.write(b"<row><c><v>%d</v></c></row>" % number)
        stream.write(b"</sheetData></worksheet>")

    with pytest.raises(Unreadable, match="超过1000行"):
        open_workbook(io.BytesIO(with_sheet_xml(to_xlsx(LEDGER), many_rows)))


@pytest.mark.parametrize("extension", sorted(WRITERS))
def test_too_many_rows_are_refused_in_every_format(settings, extension):
    settings.GUANMO_SHEET_MAX_ROWS = 50
    drawn = Drawn(rows=[["项目名称", "总投资"]] + [[f"项目{n}", n] for n in range(60)])
    with pytest.raises(Unreadable, match="工作表「台账」超过50行"):
        open_workbook(io.BytesIO(WRITERS[extension](drawn)))


def test_too_many_rows_of_csv_are_refused(settings):
    settings.GUANMO_SHEET_MAX_ROWS = 50
    drawn = Drawn(rows=[["项目名称", "总投资"]] + [[f"项目{n}", n] for n in range(60)])
    with pytest.raises(Unreadable, match="超过50行"):
        open_workbook(io.BytesIO(to_csv(drawn, "utf-8")))


@pytest.mark.parametrize("extension", sorted(WRITERS))
def test_too_many_columns_are_refused_in_every_format(settings, extension):
    settings.GUANMO_SHEET_MAX_COLUMNS = 10
    drawn = Drawn(rows=[[f"列{n}" for n in range(12)]])
    with pytest.raises(Unreadable, match="超过10列"):
        open_workbook(io.BytesIO(WRITERS[extension](drawn)))


@pytest.mark.parametrize("extension", sorted(WRITERS))
def test_a_cell_longer_than_the_bound_is_refused(settings, extension):
    settings.GUANMO_SHEET_MAX_CELL_CHARS = 100
    drawn = Drawn(rows=[["项目名称"], ["长" * 101]])
    with pytest.raises(Unreadable, match="第2行有单元格超过100个字符"):
        open_workbook(io.BytesIO(WRITERS[extension](drawn)))


def test_a_file_larger_than_the_upload_bound_is_refused_unread(settings, tmp_path):
    settings.GUANMO_SHEET_MAX_UPLOAD_MB = 0
    path = tmp_path / "台账.xlsx"
    path.write_bytes(to_xlsx(LEDGER))
    with pytest.raises(Unreadable, match="文件超过0MB，不予读取"):
        open_workbook(path)
    with pytest.raises(Unreadable, match="文件超过0MB，不予读取"):
        open_workbook(io.BytesIO(to_xlsx(LEDGER)))


@pytest.mark.parametrize(
    ("extension", "format_named"),
    [
        (".xlsx", r"Excel 工作簿（\.xlsx）已损坏或不完整"),
        (".xls", r"不是可读的Excel 97-2003 工作簿（\.xls）或 WPS 表格（\.et），或文件已损坏"),
        (".ods", r"已损坏或不完整"),
        (".xml", "Excel 2003 XML 表格已损坏或不完整"),
    ],
)
def test_a_truncated_file_is_a_message_naming_its_format(extension, format_named):
    data = WRITERS[extension](LEDGER)
    with pytest.raises(Unreadable, match=format_named):
        open_workbook(io.BytesIO(data[: len(data) * 2 // 3]))


def test_a_truncated_file_is_one_fault_of_the_import(city):
    data = to_xlsx(LEDGER)
    report = import_ledger(io.BytesIO(data[:-100]), city=city, year=2025)
    assert [fault.message[:7] for fault in report.faults] == ["无法读取文件："]
    assert not Project.objects.exists()


def declaring_size(data: bytes, part: str, size: int) -> bytes:
    """The zip with `part`'s declared unpacked size changed to `size` (headers and directory)."""
    patched = bytearray(data)
    name = part.encode()
    for signature, offset, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        at = patched.find(signature)
        while at != -1:
            if patched[at + name_at : at + name_at + len(name)] == name:
                patched[at + offset : at + offset + 4] = struct.pack("<I", size)
            at = patched.find(signature, at + 4)
    return bytes(patched)


def test_a_zip_bomb_that_lies_about_its_size_is_refused(city):
    data = declaring_size(with_sheet_xml(to_xlsx(LEDGER), bomb), "xl/worksheets/sheet1.xml", 2000)
    with pytest.raises(Unreadable, match="压缩内容已损坏或不完整"):
        open_workbook(io.BytesIO(data))


def test_a_file_damaged_inside_a_part_is_a_message():
    data = bytearray(to_xlsx(LEDGER))
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start + 4 : start + 40] = b"\xff" * 36  # the directory is whole, the part is not
    with pytest.raises(Unreadable, match="无法读取文件：压缩内容已损坏或不完整"):
        open_workbook(io.BytesIO(bytes(data)))
