"""Building blocks for Guanmo's Excel output: a titled table that prints well and reads back.

Every sheet Guanmo writes has the same shape: a title line, a units line, one header row
(frozen), then data rows. The importers find such a header like any other, so what Guanmo
writes it can read back.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from guanmo.documents.formulas import put
from guanmo.figures.formatting import (
    EXCEL_DECIMAL_FORMAT,
    EXCEL_MONEY_FORMAT,
    EXCEL_POINTS_FORMAT,
    EXCEL_RATE_FORMAT,
    excel_rate,
)

MONEY_FORMAT = EXCEL_MONEY_FORMAT  # 万元, the header says so
RATE_FORMAT = EXCEL_RATE_FORMAT  # rows give the percentage (37.8); the cell holds 0.378
POINTS_FORMAT = EXCEL_POINTS_FORMAT  # a difference of two rates, in 个百分点
DECIMAL_FORMAT = EXCEL_DECIMAL_FORMAT
INTEGER_FORMAT = "0"
SIGNED_FORMAT = "+0;-0;0"  # a move in places: +3 前移, -6 后移
TEXT_FORMAT = "@"

_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_BODY_FONT = Font(name="宋体", size=10)
_HEADER_FONT = Font(name="黑体", size=10, bold=True)
_TITLE_FONT = Font(name="方正小标宋简体", size=16)


@dataclass(frozen=True)
class Column:
    """A column of a table: its header (with the unit: "完成投资（万元）"), width in characters,
    Excel number format and whether long text wraps. A RATE_FORMAT column takes percentages
    (Decimal 37.8) and writes them as the numbers Excel's percent format expects (0.378)."""

    header: str
    width: float = 12
    number_format: str | None = None
    wrap: bool = False


@dataclass(frozen=True)
class Formatted:
    """A figure with its own Excel number format, for a column whose rows differ (an amount in
    each row's unit, to that indicator's decimals): `write_table` writes `value` under
    `number_format` instead of the column's."""

    value: object
    number_format: str


def places_format(places: int) -> str:
    """An Excel number format with `places` decimals: "0", "0.0", "0.00"…"""
    return "0" if places == 0 else f"0.{'0' * places}"


def write_table(
    sheet: Worksheet,
    *,
    title: str,
    units: str | None,
    columns: Sequence[Column],
    rows: Iterable[Sequence[object]],
    freeze_columns: int = 0,
) -> int:
    """Write a titled, bordered table with a frozen header; return the header's row number.

    `freeze_columns` also keeps that many columns on the left in view (a project's name).
    """
    width = len(columns)
    _append(sheet, [title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.cell(1, 1).font = _TITLE_FONT
    sheet.cell(1, 1).alignment = Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[1].height = 30
    header_row = 2
    if units:
        _append(sheet, [units])
        sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
        sheet.cell(2, 1).alignment = Alignment(horizontal="right")
        sheet.cell(2, 1).font = _BODY_FONT
        header_row = 3

    _append(sheet, [column.header for column in columns])
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(header_row, index)
        cell.font = _HEADER_FONT
        cell.border = _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(index)].width = column.width

    for values in rows:
        row = _append(
            sheet,
            [_cell_value(value, column) for value, column in zip(values, columns, strict=True)],
        )
        for index, (value, column) in enumerate(zip(values, columns, strict=True), start=1):
            cell = sheet.cell(row, index)
            cell.border = _BORDER
            cell.font = _BODY_FONT
            if number_format := _number_format(value, column):
                cell.number_format = number_format
            if column.wrap:
                cell.alignment = Alignment(wrap_text=True, vertical="top")

    sheet.freeze_panes = sheet.cell(header_row + 1, freeze_columns + 1)
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    return header_row


def _append(sheet: Worksheet, values: Iterable[object]) -> int:
    """Write a row below the last one, every value through `put` (text never a formula);
    return its number."""
    row = sheet.max_row + 1 if sheet.max_row > 1 or sheet.cell(1, 1).value is not None else 1
    for index, value in enumerate(values, start=1):
        put(sheet.cell(row, index), value)
    return row


def _number_format(value: object, column: Column) -> str | None:
    return value.number_format if isinstance(value, Formatted) else column.number_format


def _cell_value(value: object, column: Column) -> object:
    number_format = _number_format(value, column)
    if isinstance(value, Formatted):
        value = value.value
    if number_format == RATE_FORMAT and isinstance(value, Decimal | int):
        return excel_rate(value)
    return value
