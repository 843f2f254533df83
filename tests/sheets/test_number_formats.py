"""A cell's number format changes what it shows (issue 9, fresh-eyes tryout 4: L34, L38b, L32b):
the figure read is the one Excel shows, never the number held, and a percent in a money column
is refused naming its cell."""

import subprocess
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest
import xlwt
from openpyxl import Workbook

from guanmo.ledger.columns import Field
from guanmo.ledger.services.ledger_import import LEDGER_SHEET
from guanmo.sheets.number_formats import shown_by
from guanmo.sheets.workbook import read_workbook


@pytest.mark.parametrize(
    ("code", "divisor", "unit", "percent"),
    [
        ("0!.0,", Decimal(10000), "", False),
        ("#,##0.0,", Decimal(1000), "", False),
        ("0.0,,", Decimal(1000000), "", False),
        ('0.00"亿元"', Decimal(1), "亿元", False),
        ("0%", Decimal("0.01"), "", True),
        ("#,##0.00_);[Red](#,##0.00)", None, None, None),
        ("General", None, None, None),
        ("#,##0", None, None, None),
    ],
)
def test_a_format_says_how_the_shown_number_is_made(code, divisor, unit, percent):
    shown = shown_by(code)
    if divisor is None:
        assert shown is None
    else:
        assert (shown.divisor, shown.unit, shown.percent) == (divisor, unit, percent)


def test_an_excel_xls_format_with_a_literal_point_is_read_as_shown():
    workbook = xlwt.Workbook()
    sheet = workbook.add_sheet("台账")
    shown = xlwt.easyxf(num_format_str="0!.0,")
    for column, label in enumerate(HEADER):
        sheet.write(0, column, label)
    for column, value in enumerate(["甲", "温县"]):
        sheet.write(1, column, value)
    sheet.write(1, 2, 125000000, shown)
    sheet.write(1, 3, 30000000, shown)
    file = BytesIO()
    workbook.save(file)
    file.seek(0)
    reading = read_workbook(file, LEDGER_SHEET)
    assert not reading.faults, reading.faults
    assert figures(reading) == [(12500, 3000)]


def formatted(rows, formats: dict[str, str]) -> BytesIO:
    """An .xlsx whose cells (by address) carry the given number formats."""
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(list(row))
    for address, code in formats.items():
        sheet[address].number_format = code
    file = BytesIO()
    workbook.save(file)
    file.seek(0)
    return file


def converted(file: BytesIO, extension: str, tmp_path: Path) -> Path:
    """The same workbook saved by LibreOffice as .xls or .ods."""
    source = tmp_path / "in.xlsx"
    source.write_bytes(file.getvalue())
    subprocess.run(
        [
            "soffice",
            "--headless",
            "--convert-to",
            extension,
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    return tmp_path / f"in.{extension}"


HEADER = ["项目名称", "所在县区", "总投资（万元）", "2025年计划投资（万元）"]
BARE = ["项目名称", "所在县区", "总投资", "2025年计划投资"]


def figures(reading):
    return [
        (row.values[Field.TOTAL_INVESTMENT], row.values.get(Field.ANNUAL_PLAN))
        for row in reading.rows
    ]


def yuan_shown_as_wan():
    return formatted(
        [HEADER, ["甲", "温县", 125000000, 30000000], ["乙", "温县", 86000000, 20000000]],
        {"C2": "0!.0,", "D2": "#,##0.0,", "C3": "0!.0,", "D3": "0!.0,"},
    )


def test_yuan_shown_as_wan_by_the_format_are_read_as_shown_with_a_note():
    reading = read_workbook(yuan_shown_as_wan(), LEDGER_SHEET)
    assert not reading.faults, reading.faults
    assert figures(reading) == [(12500, 30000), (8600, 2000)]
    assert any("数字格式" in note and "C2" in note for note in reading.notes), reading.notes


def test_a_unit_in_the_format_converts_the_cell():
    file = formatted([BARE, ["甲", "温县", 1.25, 0.3]], {"C2": '0.00"亿元"', "D2": '0.00"亿元"'})
    reading = read_workbook(file, LEDGER_SHEET)
    assert not reading.faults, reading.faults
    assert figures(reading) == [(12500, 3000)]
    assert not any("未写明金额单位" in note for note in reading.notes), reading.notes


def test_a_percent_in_a_money_column_is_refused_naming_the_cell():
    file = formatted([HEADER, ["甲", "温县", 9000, 0.3]], {"D2": "0%"})
    reading = read_workbook(file, LEDGER_SHEET)
    assert [(f.row, f.column) for f in reading.faults] == [(2, Field.ANNUAL_PLAN.value)]
    assert "D2" in reading.faults[0].message and "30%" in reading.faults[0].message


@pytest.mark.parametrize("extension", ["xls", "ods"])
def test_formats_are_read_from_xls_and_ods(extension, tmp_path):
    # LibreOffice takes "!" for a literal, not an escape: only the formats it keeps are used.
    file = formatted(
        [BARE, ["甲", "温县", 125000000, 0.3], ["乙", "温县", 8600000000, 2000000]],
        {"C2": "#,##0.0,", "D2": '0.00"亿元"', "C3": "0.0,,", "D3": "#,##0,"},
    )
    reading = read_workbook(converted(file, extension, tmp_path), LEDGER_SHEET)
    assert not reading.faults, reading.faults
    assert figures(reading) == [(125000, 3000), (8600, 2000)]
    percent = converted(
        formatted([HEADER, ["甲", "温县", 9000, 0.3]], {"D2": "0%"}), extension, tmp_path
    )
    assert [f.row for f in read_workbook(percent, LEDGER_SHEET).faults] == [2]


@pytest.mark.parametrize(
    ("code", "divisor"),
    [
        ('0"."0,', Decimal(10000)),  # a quoted point is a literal point too: 125000000 → 12500.0
        ("0\\.0,", Decimal(10000)),
        ('#,##0"."00,,', Decimal(100000000)),
    ],
)
def test_a_literal_point_however_written_divides_by_the_digits_after_it(code, divisor):
    assert shown_by(code).divisor == divisor


@pytest.mark.parametrize("code", ['0"!".0,', '0"-"0', '#,##0"万"000'])
def test_text_between_the_digits_makes_the_shown_number_unknown(code):
    assert shown_by(code).inside


@pytest.mark.parametrize("extension", ["xls", "ods"])
@pytest.mark.parametrize("code", ["0\\.0,", '0"."0,'])
def test_a_literal_point_in_a_format_saved_by_libreoffice_reads_what_it_shows(
    code, extension, tmp_path
):
    """LibreOffice keeps Excel's escaped point as text embedded in the digits: 125000000 under
    0\\.0, shows as 12500.0 in both programs."""
    file = formatted([HEADER, ["甲", "温县", 125000000, 30000000]], {"C2": code, "D2": code})
    reading = read_workbook(converted(file, extension, tmp_path), LEDGER_SHEET)
    assert not reading.faults, reading.faults
    assert figures(reading) == [(12500, 3000)]


@pytest.mark.parametrize(("extension", "kept"), [("ods", '0"!".0,'), ("xls", "0\\!.0,")])
def test_a_format_saved_by_libreoffice_with_text_in_the_digits_is_refused_naming_the_cell(
    extension, kept, tmp_path
):
    """LibreOffice reads Excel's 0!.0, as "!" before its decimal point and saves it so (.ods
    embedded text, .xls 0\\!.0,): 125000000 shows as 125000!.0 there, as 12500.0 in Excel
    from the first .xlsx; neither scale is guessed."""
    file = formatted(
        [HEADER, ["甲", "温县", 125000000, 30000000]], {"C2": "0!.0,", "D2": "#,##0.0,"}
    )
    reading = read_workbook(converted(file, extension, tmp_path), LEDGER_SHEET)
    assert [(fault.row, fault.column) for fault in reading.faults] == [
        (2, Field.TOTAL_INVESTMENT.value)
    ]
    assert reading.faults[0].message == (
        f"单元格C2的数字格式「{kept}」在数字之间夹有文字「!」，显示的不是一个数，无法确定"
        "其所示金额（由 Excel 格式转换而来时，Excel 与 LibreOffice 所示的数可能相差十倍以上）；"
        "请将该列改为常规数字格式、按表头单位填写后再导入"
    )
