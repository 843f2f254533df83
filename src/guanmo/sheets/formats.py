"""Opening any spreadsheet an office sends: the format is known by content, never by extension.

.xlsx/.xlsm (also under a .xls name) and .ods are read by calamine (python-calamine), with the
layout calamine does not report (hidden rows and columns, struck-through cells, formulas saved
without their value) read from the file's XML by guanmo.sheets.ooxml and .opendocument;
.xls and WPS .et (BIFF) by xlrd, which reports values and layout in one pass; Excel 2003 XML
("SpreadsheetML", often served as .xls) by guanmo.sheets.spreadsheetml; .csv as UTF-8 (with or
without BOM) or else GB18030 (which contains GBK). Every format gives the same `Sheet`: the
value of a merged range stands in its top-left cell only, and the bounds in settings
(GUANMO_SHEET_*) are checked before anything is parsed.
"""

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import islice
from os import PathLike
from pathlib import Path
from typing import IO

import python_calamine
import xlrd
from django.conf import settings

Source = str | PathLike[str] | IO[bytes]  # a path, or a binary file object such as an upload

XLSX = "Excel 工作簿（.xlsx）"
XLS = "Excel 97-2003 工作簿（.xls）"
ODS = "OpenDocument 表格（.ods）"
SPREADSHEET_ML = "Excel 2003 XML 表格"
CSV = "CSV 文本文件（.csv）"
# What the upload forms accept; the content decides the format, the name only filters typos.
EXTENSIONS = (".xlsx", ".xlsm", ".xls", ".et", ".ods", ".xml", ".csv")
ACCEPT = ",".join(EXTENSIONS)
SAVE_AS = "请用 Excel 或 WPS 打开后另存为 .xlsx 再上传"

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"


class Unreadable(Exception):
    """A file that cannot be read; the message says why in Chinese, naming the format."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Bounds:
    """The most a spreadsheet may hold (settings GUANMO_SHEET_*), checked before parsing."""

    upload_bytes: int
    unpacked_bytes: int
    inflate_ratio: int
    rows: int
    columns: int
    cell_chars: int

    @classmethod
    def from_settings(cls) -> "Bounds":
        return cls(
            upload_bytes=settings.GUANMO_SHEET_MAX_UPLOAD_MB * 1024 * 1024,
            unpacked_bytes=settings.GUANMO_SHEET_MAX_UNPACKED_MB * 1024 * 1024,
            inflate_ratio=settings.GUANMO_SHEET_MAX_INFLATE_RATIO,
            rows=settings.GUANMO_SHEET_MAX_ROWS,
            columns=settings.GUANMO_SHEET_MAX_COLUMNS,
            cell_chars=settings.GUANMO_SHEET_MAX_CELL_CHARS,
        )

    def check_size(self, sheet: str, rows: int, columns: int) -> None:
        """Refuses a sheet with more rows or columns than allowed."""
        if rows > self.rows:
            raise Unreadable(
                f"工作表「{sheet}」超过{self.rows}行（至少{rows}行），不予读取；请分成几个文件上传"
            )
        if columns > self.columns:
            raise Unreadable(f"工作表「{sheet}」超过{self.columns}列（至少{columns}列），不予读取")


@dataclass(frozen=True)
class MergedRange:
    """A merged range: rows as Excel numbers them (from 1), columns as indexes (from 0)."""

    first_row: int
    first_column: int
    last_row: int
    last_column: int


@dataclass
class Layout:
    """What a format's own reader found beside the values (rows from 1, columns from 0)."""

    hidden_rows: set[int] = field(default_factory=set)
    hidden_columns: set[int] = field(default_factory=set)
    struck_cells: dict[int, set[int]] = field(default_factory=dict)  # row → struck columns
    merged: list[MergedRange] = field(default_factory=list)
    unevaluated: list[str] = field(default_factory=list)  # "D3": formulas saved without value
    hidden_sheet: bool = False


@dataclass
class Sheet:
    """One worksheet as every format gives it.

    `rows[i]` holds the values of Excel row i + 1: str, int, float, bool, datetime or None
    (blank); a merged range's value stands in its top-left cell. A struck row is one whose
    every text cell is struck through. `unevaluated` names the formula cells saved without a
    value: reading them as blank would be a silent wrong figure, so callers must refuse them.
    """

    name: str
    rows: list[tuple]
    hidden_rows: frozenset[int] = frozenset()
    struck_rows: frozenset[int] = frozenset()
    hidden_columns: frozenset[int] = frozenset()
    merged: tuple[MergedRange, ...] = ()
    unevaluated: tuple[str, ...] = ()
    hidden: bool = False  # the worksheet itself is hidden
    format: str = XLSX

    def numbered_rows(self) -> Iterable[tuple[int, tuple]]:
        """(Excel row number, values) for every row, top to bottom."""
        return enumerate(self.rows, start=1)


def open_workbook(source: Source, bounds: Bounds | None = None) -> list[Sheet]:
    """Every worksheet of the file, in workbook order.

    Raises FileNotFoundError for a path that is not there and Unreadable for a file that is
    too large, of no spreadsheet format, damaged, truncated or protected by a password.
    """
    bounds = bounds or Bounds.from_settings()
    data = _read_bytes(source, bounds)
    name = source if isinstance(source, str | PathLike) else getattr(source, "name", None)
    if data.startswith(_ZIP_MAGIC):
        from guanmo.sheets import ooxml

        return ooxml.read_zipped(data, bounds)
    if data.startswith(_OLE_MAGIC):
        return _read_biff(data, bounds)
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<"):
        if b"urn:schemas-microsoft-com:office:spreadsheet" in head:
            from guanmo.sheets import spreadsheetml

            return spreadsheetml.read(data, bounds)
        if b"<html" in head or b"<table" in head or b"<!doctype html" in head:
            raise Unreadable(f"无法读取文件：这是网页（HTML）格式，不是表格文件；{SAVE_AS}")
    if b"\x00" in data[:4096]:
        raise Unreadable(f"无法读取文件：不是 Excel、WPS、OpenDocument 或 CSV 表格；{SAVE_AS}")
    return [read_csv(data, bounds, Path(name).stem if isinstance(name, str | PathLike) else "CSV")]


def sheet_from_values(
    name: str, values: Iterable[Sequence[object]], layout: Layout, bounds: Bounds, fmt: str
) -> Sheet:
    """A Sheet from a format's raw rows: blanks as None, dates as datetime, 1.0 as 1.

    Raises Unreadable for a cell longer than allowed.
    """
    rows = []
    struck_rows = set()
    limit = bounds.cell_chars
    for number, raw in enumerate(values, start=1):
        row = tuple(_value(value, limit, name, number) for value in raw)
        rows.append(row)
        struck = layout.struck_cells.get(number)
        if struck:
            text_columns = [i for i, value in enumerate(row) if isinstance(value, str)]
            if text_columns and all(i in struck for i in text_columns):
                struck_rows.add(number)
    width = max((len(row) for row in rows), default=0)
    bounds.check_size(name, len(rows), width)
    return Sheet(
        name,
        rows,
        hidden_rows=frozenset(layout.hidden_rows),
        struck_rows=frozenset(struck_rows),
        hidden_columns=frozenset(layout.hidden_columns),
        merged=tuple(layout.merged),
        unevaluated=tuple(layout.unevaluated),
        hidden=layout.hidden_sheet,
        format=fmt,
    )


def cell_address(row: int, column: int) -> str:
    """The address Excel shows for a cell: (3, 3) is D3 (row from 1, column from 0)."""
    letters = ""
    column += 1
    while column:
        column, remainder = divmod(column - 1, 26)
        letters = chr(65 + remainder) + letters
    return f"{letters}{row}"


def _value(value: object, limit: int, sheet: str, row: int) -> object:
    if value == "" or value is None:
        return None
    if isinstance(value, str):
        if len(value) > limit:
            raise Unreadable(f"工作表「{sheet}」第{row}行有单元格超过{limit}个字符，不予读取")
        return value
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime(value.year, value.month, value.day)
    return value


def _read_bytes(source: Source, bounds: Bounds) -> bytes:
    limit = bounds.upload_bytes
    too_large = (
        f"文件超过{limit // (1024 * 1024)}MB，不予读取；请删去无关的工作表或分成几个文件上传"
    )
    if isinstance(source, str | PathLike):
        path = Path(source)
        if path.stat().st_size > limit:
            raise Unreadable(too_large)
        return path.read_bytes()
    if hasattr(source, "seek"):
        source.seek(0)
    data = source.read(limit + 1)
    if len(data) > limit:
        raise Unreadable(too_large)
    return data


def read_calamine(data: bytes, fmt: str, bounds: Bounds, layouts: dict[str, Layout]) -> list[Sheet]:
    """The sheets calamine reads from a zipped workbook (.xlsx, .ods), with their layouts."""
    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except python_calamine.PasswordError:
        raise Unreadable(f"无法读取文件：{fmt}设置了打开密码；请取消密码后再上传") from None
    except Exception as error:  # calamine raises several kinds for a damaged file
        raise Unreadable(f"无法读取文件：{fmt}已损坏或不完整（{error}）；{SAVE_AS}") from None
    try:
        sheets = []
        for metadata in workbook.sheets_metadata:
            if metadata.typ != python_calamine.SheetTypeEnum.WorkSheet:
                continue  # a chart sheet holds no cells
            layout = layouts.get(metadata.name, Layout())
            layout.hidden_sheet = metadata.visible != python_calamine.SheetVisibleEnum.Visible
            try:
                values = workbook.get_sheet_by_name(metadata.name).to_python(skip_empty_area=False)
            except Exception as error:
                message = (
                    f"无法读取文件：{fmt}的工作表「{metadata.name}」已损坏（{error}）；{SAVE_AS}"
                )
                raise Unreadable(message) from None
            sheets.append(sheet_from_values(metadata.name, values, layout, bounds, fmt))
        return sheets
    finally:
        workbook.close()


def _read_biff(data: bytes, bounds: Bounds) -> list[Sheet]:
    """.xls and WPS .et (BIFF in an OLE container) through xlrd, layout included."""
    if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o" in data[:65536]:
        raise Unreadable(f"无法读取文件：{XLSX}设置了打开密码；请取消密码后再上传")
    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=False)
    except Exception as error:  # xlrd raises XLRDError, struct and index errors alike
        raise Unreadable(
            f"无法读取文件：不是可读的{XLS}或 WPS 表格（.et），或文件已损坏（{error}）；{SAVE_AS}"
        ) from None
    struck_xfs = {
        index
        for index, xf in enumerate(book.xf_list)
        if xf.font_index < len(book.font_list) and book.font_list[xf.font_index].struck_out
    }
    sheets = []
    for sheet in book.sheets():
        bounds.check_size(sheet.name, sheet.nrows, sheet.ncols)
        layout = Layout(hidden_sheet=sheet.visibility != 0)
        layout.hidden_rows = {r + 1 for r, info in sheet.rowinfo_map.items() if info.hidden}
        layout.hidden_columns = {c for c, info in sheet.colinfo_map.items() if info.hidden}
        layout.merged = [
            MergedRange(r0 + 1, c0, r1, c1 - 1) for r0, r1, c0, c1 in sheet.merged_cells
        ]
        values = []
        for r in range(sheet.nrows):
            row = []
            for c, cell in enumerate(sheet.row(r)):
                row.append(_biff_value(cell, book.datemode))
                if cell.ctype == xlrd.XL_CELL_TEXT and cell.xf_index in struck_xfs:
                    layout.struck_cells.setdefault(r + 1, set()).add(c)
            values.append(row)
        sheets.append(sheet_from_values(sheet.name, values, layout, bounds, XLS))
    book.release_resources()
    return sheets


def _biff_value(cell: xlrd.sheet.Cell, datemode: int) -> object:
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate.xldate_as_datetime(cell.value, datemode)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return cell.value
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return xlrd.biffh.error_text_from_code.get(cell.value, "#错误")
    return cell.value


def read_csv(data: bytes, bounds: Bounds, name: str = "CSV") -> Sheet:
    """A CSV file as one sheet: UTF-8 (a BOM is dropped), else GB18030, which contains GBK.

    Decoding is strict: UTF-8 is tried first because a GBK text is almost never valid UTF-8,
    while UTF-8 Chinese decodes as GB18030 into wrong characters.
    """
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise Unreadable(f"无法读取文件：{CSV}的编码既不是 UTF-8 也不是 GBK/GB18030；{SAVE_AS}")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    try:
        # One row past the bound is enough to refuse; the rest is never split into cells.
        values = list(islice(csv.reader(io.StringIO(text, newline=""), dialect), bounds.rows + 1))
    except csv.Error as error:
        raise Unreadable(f"无法读取文件：{CSV}格式有误（{error}）；{SAVE_AS}") from None
    return sheet_from_values(name, values, Layout(), bounds, CSV)
