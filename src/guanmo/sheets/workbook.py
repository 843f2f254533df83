"""Opening a workbook and reading each sheet that holds a project table.

The workbook is streamed once (openpyxl read-only): as fast as the sheet can be read at all.
"""

import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import IO

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from guanmo.sheets.faults import ImportReport, SheetFault
from guanmo.sheets.header import HEADER_SEARCH_ROWS, Field, Header, find_header
from guanmo.sheets.table import Row, Table, read_table

Source = str | PathLike[str] | IO[bytes]  # a path, or a binary file object such as an upload


@dataclass(frozen=True)
class SheetSpec:
    """What an import reads from a sheet."""

    used: frozenset[Field]
    required: tuple[tuple[Field, ...], ...]  # for each, one of these columns must be there


@dataclass
class Reading:
    tables: list[Table] = field(default_factory=list)
    faults: list[SheetFault] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def rows(self) -> Iterator[Row]:
        for table in self.tables:
            yield from table.rows

    def report(self, subject: str, *, dry_run: bool) -> ImportReport:
        """An import's report, begun with what reading the workbook found."""
        return ImportReport(
            subject,
            faults=list(self.faults),
            notes=list(self.notes),
            dry_run=dry_run,
            sheets=[table.sheet for table in self.tables],
        )


def read_workbook(source: Source, spec: SheetSpec) -> Reading:
    """Every sheet of the workbook with a project header, read into rows.

    Sheets without one (a cover note, a summary by county) are noted and passed over; a
    workbook with none gets one fault per missing column of the first header it has.
    """
    reading = Reading()
    try:
        workbook = load_workbook(source, read_only=True, data_only=True)
    except FileNotFoundError:
        reading.faults.append(SheetFault("", None, None, f"找不到文件：{source}"))
        return reading
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError):
        message = "无法读取文件：请使用 Excel 工作簿（.xlsx；旧版 .xls 请先另存为 .xlsx）"
        reading.faults.append(SheetFault("", None, None, message))
        return reading
    first_header: tuple[str, Header] | None = None
    try:
        for worksheet in workbook.worksheets:
            worksheet.reset_dimensions()  # some writers record wrong sizes; read what is there
            rows = worksheet.iter_rows(values_only=True)
            buffered = [row for _, row in zip(range(HEADER_SEARCH_ROWS), rows, strict=False)]
            header = find_header(buffered)
            if header is None or not header.fields & {Field.NAME, Field.CODE}:
                if header is not None and first_header is None:
                    first_header = worksheet.title, header
                if any(any(value is not None for value in row) for row in buffered):
                    reading.notes.append(
                        f"工作表「{worksheet.title}」不是项目表（未找到项目名称列），已跳过"
                    )
                continue
            missing = _missing_columns(worksheet.title, header, spec)
            if missing:
                reading.faults.extend(missing)
                continue
            rest = buffered[header.rows[-1] :]
            table, notes = read_table(worksheet.title, header, _chain(rest, rows), spec.used)
            reading.tables.append(table)
            reading.notes.extend(notes)
    finally:
        workbook.close()
    if not reading.tables and not reading.faults:
        if first_header:
            reading.faults.extend(_missing_columns(*first_header, spec))
        else:
            reading.faults.append(
                SheetFault("", None, None, "未找到表头：前50行中没有“项目名称”“总投资”等列名")
            )
    return reading


def import_reason(source: Source) -> str:
    """The reason the history gives for what loading `source` changed: 导入《台账.xlsx》."""
    name = source if isinstance(source, str | PathLike) else getattr(source, "name", "")
    file_name = (
        Path(name).name if isinstance(name, str | PathLike) else ""
    )  # int: opened from an fd
    return f"导入《{file_name}》" if file_name else "导入表格"


def _chain(first: list, rest: Iterable) -> Iterator:
    yield from first
    yield from rest


def _missing_columns(sheet: str, header: Header, spec: SheetSpec) -> list[SheetFault]:
    faults = []
    for choices in spec.required:
        if not header.fields & set(choices):
            others = "".join(f"（或「{choice.value}」）" for choice in choices[1:])
            faults.append(
                SheetFault(sheet, header.rows[0], choices[0], f"表头中没有这一列{others}")
            )
    return faults
