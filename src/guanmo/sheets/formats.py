"""Opening any spreadsheet an office sends: the format is known by content, never by extension.

.xlsx/.xlsm (also under a .xls name) and .ods are read by calamine (python-calamine), with the
layout calamine does not report (hidden rows and columns, struck-through cells, formulas saved
without their value) read from the file's XML by guanmo.sheets.ooxml and .opendocument;
.xls and WPS .et (BIFF) by xlrd, which reports values and layout in one pass (the formulas saved
without a value, which xlrd reads as empty text, from the FORMULA records by guanmo.sheets.biff);
Excel 2003 XML ("SpreadsheetML", often served as .xls) by guanmo.sheets.spreadsheetml; .csv as
UTF-8 (with or without BOM) or else GB18030 (which contains GBK). Every format gives the same
`Sheet` (guanmo.sheets.sheet): the value of a merged range stands in its top-left cell only, and
the bounds in settings (GUANMO_SHEET_*) are checked before anything is parsed.
"""

import csv
import io
from itertools import islice
from os import PathLike
from pathlib import Path
from typing import IO

import xlrd
from lxml import etree

from guanmo.sheets import biff, number_formats, ooxml, spreadsheetml
from guanmo.sheets.sheet import (
    CSV,
    SAVE_AS,
    XLS,
    Bounds,
    Layout,
    MergedRange,
    Sheet,
    Unreadable,
    cell_address,
    sheet_from_values,
)

__all__ = ["Bounds", "MergedRange", "Sheet", "Source", "Unreadable", "open_workbook"]

Source = str | PathLike[str] | IO[bytes]  # a path, or a binary file object such as an upload

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"


def open_workbook(source: Source, bounds: Bounds | None = None, *, name: str = "") -> list[Sheet]:
    """Every worksheet of the file, in workbook order. A CSV's one sheet is named after `name`,
    the file's name as the user knows it (a web upload is held under a hash: tryout 24 F6),
    else after the source's own name.

    Raises FileNotFoundError for a path that is not there and Unreadable for a file that is
    too large, of no spreadsheet format, damaged, truncated or protected by a password.
    """
    bounds = bounds or Bounds.from_settings()
    data = _read_bytes(source, bounds)
    name = name or (source if isinstance(source, str | PathLike) else getattr(source, "name", None))
    try:
        if data.startswith(_ZIP_MAGIC):
            return ooxml.read_zipped(data, bounds)
        if data.startswith(_OLE_MAGIC):
            return _read_biff(data, bounds)
        head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        if head.startswith(b"<") and b"urn:schemas-microsoft-com:office:spreadsheet" in head:
            return spreadsheetml.read(data, bounds)
    except (ValueError, etree.LxmlError) as error:
        # A number or an element where the format allows none: damaged, not a server error.
        raise Unreadable(f"无法读取文件：表格文件的内容有误（{error}）；{SAVE_AS}") from None
    if head.startswith(b"<") and any(tag in head for tag in (b"<html", b"<table", b"<!doctype")):
        raise Unreadable(f"无法读取文件：这是网页（HTML）格式，不是表格文件；{SAVE_AS}")
    if b"\x00" in data[:4096]:
        raise Unreadable(f"无法读取文件：不是 Excel、WPS、OpenDocument 或 CSV 表格；{SAVE_AS}")
    return [read_csv(data, bounds, Path(name).stem if isinstance(name, str | PathLike) else "CSV")]


def _read_bytes(source: Source, bounds: Bounds) -> bytes:
    limit = bounds.upload_bytes
    too_large = (
        f"文件超过{limit // (1024 * 1024)}MB，不予读取；请删去无关的工作表或分成几个文件上传"
    )
    if isinstance(source, str | PathLike):
        path = Path(source)
        if path.stat().st_size > limit:
            raise Unreadable(too_large)
        try:
            return path.read_bytes()
        except IsADirectoryError:
            raise Unreadable(f"无法读取文件：{path}是文件夹，不是表格文件") from None
    if hasattr(source, "seek"):
        source.seek(0)
    data = source.read(limit + 1)
    if len(data) > limit:
        raise Unreadable(too_large)
    return data


def _read_biff(data: bytes, bounds: Bounds) -> list[Sheet]:
    """.xls and WPS .et (BIFF in an OLE container) through xlrd, layout included."""
    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=False)
    except Exception as error:  # xlrd raises XLRDError, struct and index errors alike
        # A password-protected .xlsx is an OLE file too, holding EncryptionInfo, not Workbook.
        if "encrypted" in str(error) or "EncryptionInfo".encode("utf-16-le") in data:
            raise Unreadable(
                "无法读取文件：文件设置了打开密码；请在 Excel 或 WPS 中取消密码后再上传"
            ) from None
        if "WordDocument".encode("utf-16-le") in data:
            raise Unreadable(
                "无法读取文件：这是 Word 97-2003 文档（.doc），不是表格；请上传 Excel 表格"
            ) from None
        raise Unreadable(
            f"无法读取文件：不是可读的{XLS}或 WPS 表格（.et），或文件已损坏（{error}）；{SAVE_AS}"
        ) from None
    struck_xfs = {
        index
        for index, xf in enumerate(book.xf_list)
        if xf.font_index < len(book.font_list) and book.font_list[xf.font_index].struck_out
    }
    telling = {}  # xf index → a number format that changes what a number shows
    for index, xf in enumerate(book.xf_list):
        code = book.format_map.get(xf.format_key)
        if code is not None and number_formats.shown_by(code.format_str) is not None:
            telling[index] = code.format_str
    unevaluated = biff.unevaluated_cells(data)
    sheets = []
    for sheet in book.sheets():
        bounds.check_size(sheet.name, sheet.nrows, sheet.ncols)
        layout = Layout(hidden_sheet=sheet.visibility != 0)
        layout.unevaluated = [cell_address(r + 1, c) for r, c in unevaluated.get(sheet.name, [])]
        layout.hidden_rows = {r + 1 for r, info in sheet.rowinfo_map.items() if info.hidden}
        layout.hidden_columns = {c for c, info in sheet.colinfo_map.items() if info.hidden}
        layout.merged = [
            MergedRange(r0 + 1, c0, r1, c1 - 1) for r0, r1, c0, c1 in sheet.merged_cells
        ]
        values = []
        runlists = sheet.rich_text_runlist_map
        for r in range(sheet.nrows):
            row = []
            for c, cell in enumerate(sheet.row(r)):
                row.append(_biff_value(cell, book.datemode))
                if cell.ctype == xlrd.XL_CELL_NUMBER and cell.xf_index in telling:
                    layout.number_formats[(r + 1, c)] = telling[cell.xf_index]
                if cell.ctype != xlrd.XL_CELL_TEXT:
                    continue
                struck = cell.xf_index in struck_xfs
                if (r, c) in runlists:
                    layout.strike(r + 1, c, _biff_runs(cell.value, runlists[r, c], struck, book))
                elif struck:
                    layout.struck_cells.setdefault(r + 1, set()).add(c)
            values.append(row)
        sheets.append(sheet_from_values(sheet.name, values, layout, bounds, XLS))
    book.release_resources()
    return sheets


def _biff_runs(
    text: str, runlist: list[tuple[int, int]], struck: bool, book: xlrd.Book
) -> list[tuple[str, bool]]:
    """A BIFF rich text's runs, (text, struck?): each run list entry (character, font) sets the
    font from that character on; the text before the first takes the cell's font."""
    starts = [(0, None), *runlist]
    runs = []
    for (start, font), (end, _) in zip(starts, [*starts[1:], (len(text), None)], strict=True):
        if font is not None:
            struck = font < len(book.font_list) and bool(book.font_list[font].struck_out)
        runs.append((text[start:end], struck))
    return runs


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
