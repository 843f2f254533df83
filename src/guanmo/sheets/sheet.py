"""A worksheet as every format gives it, the bounds it must keep, and the refusal of a file.

guanmo.sheets.formats opens a file; each format's reader (ooxml, opendocument, spreadsheetml,
and BIFF and CSV in formats) builds its sheets with `sheet_from_values`, so that every format
means the same: blanks are None, dates datetime, 1.0 is 1, and a struck row is one whose every
text cell is struck through.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from django.conf import settings

XLSX = "Excel 工作簿（.xlsx）"
XLS = "Excel 97-2003 工作簿（.xls）"
ODS = "OpenDocument 表格（.ods）"
SPREADSHEET_ML = "Excel 2003 XML 表格"
CSV = "CSV 文本文件（.csv）"
# What the upload forms accept; the content decides the format, the name only filters typos.
EXTENSIONS = (".xlsx", ".xlsm", ".xls", ".et", ".ods", ".xml", ".csv")
ACCEPT = ",".join(EXTENSIONS)
SAVE_AS = "请用 Excel 或 WPS 打开后另存为 .xlsx 再上传"


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
    # (row, column) → the error value ("#VALUE!") of a cell the values reader gives as blank
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    partly_struck: set[tuple[int, int]] = field(default_factory=set)  # (row, column)
    # (row, column) → the number format of a number cell whose format changes what it shows
    # (guanmo.sheets.number_formats.shown_by): "0!.0,", '0.00"亿元"', "0%"
    number_formats: dict[tuple[int, int], str] = field(default_factory=dict)

    def strike(self, row: int, column: int, runs: Iterable[tuple[str, bool]]) -> None:
        """Record a text cell typed in runs, each (text, struck?): wholly struck (white space
        aside) is a struck cell, partly struck is noted as such; unstruck runs say nothing."""
        states = {struck for text, struck in runs if text.strip()}
        if states == {True}:
            self.struck_cells.setdefault(row, set()).add(column)
        elif len(states) > 1:
            self.partly_struck.add((row, column))


@dataclass
class Sheet:
    """One worksheet as every format gives it.

    `rows[i]` holds the values of Excel row i + 1: str, int, float, bool, datetime or None
    (blank); a merged range's value stands in its top-left cell. A cell holding an error value
    gives its text ("#VALUE!", guanmo.sheets.cells.ERROR_VALUES), in every format. A struck
    row is one whose every text cell is struck through, by the cell's format or in all its
    rich-text runs; `struck_cells` gives every struck cell (row → columns), `partly_struck`
    the cells whose runs are struck only in part. `unevaluated` names the formula cells
    saved without a value: reading them as blank would be a silent wrong figure, so callers
    must refuse them.
    """

    name: str
    rows: list[tuple]
    hidden_rows: frozenset[int] = frozenset()
    struck_rows: frozenset[int] = frozenset()
    struck_cells: Mapping[int, frozenset[int]] = field(default_factory=dict)
    partly_struck: frozenset[tuple[int, int]] = frozenset()
    hidden_columns: frozenset[int] = frozenset()
    merged: tuple[MergedRange, ...] = ()
    unevaluated: tuple[str, ...] = ()
    hidden: bool = False  # the worksheet itself is hidden
    format: str = XLSX
    # (row from 1, column from 0) → the format code of a number cell whose number format shows
    # another number than it holds, or a unit or a percent sign (CSV: none can be known)
    number_formats: Mapping[tuple[int, int], str] = field(default_factory=dict)

    def numbered_rows(self) -> Iterable[tuple[int, tuple]]:
        """(Excel row number, values) for every row, top to bottom."""
        return enumerate(self.rows, start=1)


def sheet_from_values(
    name: str, values: Iterable[Sequence[object]], layout: Layout, bounds: Bounds, fmt: str
) -> Sheet:
    """A Sheet from a format's raw rows: blanks as None, dates as datetime, 1.0 as 1.

    Raises Unreadable for a cell longer than allowed.
    """
    rows = []
    struck_rows = set()
    limit = bounds.cell_chars
    errors: dict[int, dict[int, str]] = {}
    for (row_number, column), text in layout.errors.items():
        errors.setdefault(row_number, {})[column] = text
    for number, raw in enumerate(values, start=1):
        row = tuple(_value(value, limit, name, number) for value in raw)
        if number in errors:  # an error value is delivered as its text, never as a blank
            marked = list(row) + [None] * (max(errors[number]) + 1 - len(row))
            for column, text in errors[number].items():
                marked[column] = text
            row = tuple(marked)
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
        struck_cells={row: frozenset(columns) for row, columns in layout.struck_cells.items()},
        partly_struck=frozenset(layout.partly_struck),
        hidden_columns=frozenset(layout.hidden_columns),
        merged=tuple(layout.merged),
        unevaluated=tuple(layout.unevaluated),
        hidden=layout.hidden_sheet,
        format=fmt,
        number_formats=dict(layout.number_formats),
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
