"""Reading a workbook into project rows: header found, cells parsed, the rest set aside.

Below the header a row is blank, a category heading ("一、先进制造业项目（120个）"), a totals
row ("合计", "小计"), a project row, or something else (a footnote, a column-number line).
Only project rows come out; a totals row whose figures differ from the sum of the rows it
covers is noted. Reading streams the sheet once (openpyxl read-only), as fast as it can be read.
"""

import re
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from os import PathLike
from typing import IO, Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from guanmo.ledger.sheets import cells
from guanmo.ledger.sheets.faults import SheetFault
from guanmo.ledger.sheets.header import (
    HEADER_SEARCH_ROWS,
    MONEY_FIELDS,
    PROSE_FIELDS,
    Field,
    Header,
    find_header,
)
from guanmo.regions.names import clean_text

Source = str | PathLike[str] | IO[bytes]  # a path, or a binary file object such as an upload

_PARSERS: dict[Field, Callable[[object], object]] = {
    Field.NAME: cells.parse_line,
    Field.CODE: cells.parse_project_code,
    Field.OWNER: cells.parse_line,
    Field.COUNTY: cells.parse_line,
    Field.LOCATION: cells.parse_line,
    Field.INDUSTRY: cells.parse_line,
    Field.STAGE: cells.parse_stage,
    Field.LEVELS: cells.parse_levels,
    Field.SCOPE: cells.parse_paragraph,
    Field.YEARS: cells.parse_years,
    Field.RESPONSIBLE_UNIT: cells.parse_line,
    Field.LEADER_IN_CHARGE: cells.parse_line,
    Field.SITE_COMMISSIONER: cells.parse_line,
    Field.VISIBLE_PROGRESS: cells.parse_paragraph,
    Field.PROBLEMS: cells.parse_paragraph,
}
# The fields whose presence makes a row a project row (a footnote has none of them).
_PROJECT_MARKS = frozenset({Field.NAME, Field.CODE, Field.COUNTY}) | MONEY_FIELDS

_TOTALS_WORDS = ("合计", "总计", "小计")
_TOTALS_CELL_LENGTH = 12  # "全市重点项目合计（492个）" fits; a sentence in a note does not
_ENUMERATED = re.compile(
    r"^(?:第?[一二三四五六七八九十百零〇]+[、.,]|\([一二三四五六七八九十百]+\))"
)
_BARE_NUMERAL = re.compile(r"^\(?[一二三四五六七八九十百]+\)?$")
_COUNTED = re.compile(r"\(?共?\d+个(?:项目)?\)?$")


@dataclass(frozen=True)
class SheetSpec:
    """What an import reads from a sheet."""

    used: frozenset[Field]
    required: tuple[tuple[Field, ...], ...]  # for each, one of these columns must be there


@dataclass
class Row:
    """A project row: its place, its parsed cells, and the faults found in it so far."""

    sheet: str
    number: int
    values: dict[Field, Any]
    heading: str = ""  # the category heading it stands under, e.g. "先进制造业"
    section: int = 0  # counts the headings above it; a 小计 row covers one section
    faults: list[SheetFault] = field(default_factory=list)

    def fault(self, column: Field, message: str) -> None:
        self.faults.append(SheetFault(self.sheet, self.number, column.value, message))

    def failed(self, column: Field) -> bool:
        return any(fault.column == column.value for fault in self.faults)


@dataclass
class Table:
    sheet: str
    header: Header
    rows: list[Row]


@dataclass
class Reading:
    tables: list[Table] = field(default_factory=list)
    faults: list[SheetFault] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def rows(self) -> Iterator[Row]:
        for table in self.tables:
            yield from table.rows


def read_workbook(source: Source, spec: SheetSpec) -> Reading:
    """Every sheet of the workbook with a project header, read into rows.

    Sheets without one (a cover note, a summary by county) are noted and passed over; a
    workbook with none gets one fault per missing column of the first header it has.
    """
    reading = Reading()
    try:
        workbook = load_workbook(source, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError):
        reading.faults.append(
            SheetFault(
                "",
                None,
                None,
                "无法读取文件：请上传 Excel 工作簿（.xlsx，旧版 .xls 请先另存为 .xlsx）",
            )
        )
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
            table, notes = read_table(worksheet.title, header, _chain(rest, rows), spec)
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


@dataclass(frozen=True)
class _Figure:
    """A figure in a totals row, as typed: in the sheet's unit, to so many decimal places."""

    typed: Decimal
    unit: Decimal

    @property
    def amount(self) -> Decimal:
        return self.typed * self.unit

    def agrees(self, rows_sum: Decimal) -> bool:
        """Whether the sum of the rows, rounded as the figure was typed, is the figure.

        (1234.57 agrees with 1234.5678; a total typed as 4000 does not with 4000.5.)
        """
        quantum = Decimal(10) ** -cells.decimal_places(self.typed)
        return (rows_sum / self.unit).quantize(quantum, ROUND_HALF_UP) == self.typed


@dataclass
class _Totals:
    number: int
    section: int | None  # a 小计 covers its category; 合计 and 总计 the whole sheet
    figures: dict[Field, _Figure]


def read_table(
    sheet: str, header: Header, rows: Iterable[Sequence[object]], spec: SheetSpec
) -> tuple[Table, list[str]]:
    """The project rows below a header (`rows` starts just below it) and the notes on the rest."""
    notes = _header_notes(sheet, header)
    columns = [(index, name) for index, name in header.columns.items() if name in spec.used]
    money = [(index, name) for index, name in columns if name in MONEY_FIELDS]
    text_columns = [index for index, name in header.columns.items() if name not in PROSE_FIELDS]
    text_columns += [
        index for index in range(max(header.columns) + 1) if index not in header.columns
    ]
    width = max(header.columns) + 1
    table = Table(sheet, header, [])
    headings: dict[int, str] = {}
    section = 0
    totals: list[_Totals] = []
    passed_over: list[int] = []

    first_row = header.rows[-1] + 1
    for number, raw in enumerate(rows, start=first_row):
        if len(raw) < width:
            raw = (*raw, *(None,) * (width - len(raw)))
        if not any(value is not None and value != "" for value in raw):
            continue
        if _is_totals(raw, text_columns):
            is_subtotal = any(isinstance(raw[i], str) and "小计" in raw[i] for i in text_columns)
            totals.append(
                _Totals(number, section if is_subtotal else None, _figures(raw, money, header))
            )
            continue
        if number == first_row and _is_column_numbers(raw):
            continue
        heading = _heading(raw)
        if heading:
            level, text = heading
            headings = {k: v for k, v in headings.items() if k < level} | {level: text}
            section += 1
            continue
        row = Row(sheet, number, {}, headings.get(1) or headings.get(2, ""), section)
        for index, name in columns:
            value = raw[index]
            if value is None:
                continue
            try:
                if name in MONEY_FIELDS:
                    row.values[name] = cells.parse_money(value, header.units[index])
                else:
                    row.values[name] = _PARSERS[name](value)
            except cells.CellError as error:
                row.fault(name, str(error))
        if row.faults or any(row.values.get(mark) for mark in _PROJECT_MARKS):
            table.rows.append(row)
        else:
            passed_over.append(number)

    notes += _totals_notes(sheet, table.rows, totals, [name for _, name in money])
    if passed_over:
        shown = "、".join(str(n) for n in passed_over[:10])
        more = f"等{len(passed_over)}行" if len(passed_over) > 10 else "行"
        notes.append(
            f"工作表「{sheet}」第{shown}{more}不是项目行（无项目名称、县区和金额），已跳过"
        )
    return table, notes


def _header_notes(sheet: str, header: Header) -> list[str]:
    notes = []
    if header.unknown:
        notes.append(f"工作表「{sheet}」有未识别的列，已忽略：{'、'.join(header.unknown)}")
    if header.repeated:
        notes.append(f"工作表「{sheet}」有重复的列，只读第一列：{'、'.join(header.repeated)}")
    if header.in_yi:
        names = "、".join(f"「{name.value}」" for name in header.in_yi)
        notes.append(f"工作表「{sheet}」{names}以亿元填报，已换算为万元")
    return notes


def _is_totals(raw: Sequence[object], text_columns: list[int]) -> bool:
    return any(
        isinstance(value, str)
        and len(value) <= _TOTALS_CELL_LENGTH
        and any(word in value for word in _TOTALS_WORDS)
        for value in (raw[index] for index in text_columns)
    )


def _heading(raw: Sequence[object]) -> tuple[int, str] | None:
    """(level, text) of a category heading row: "一、…" is level 1, "（一）…" level 2."""
    filled = [value for value in raw if value is not None and value != ""]
    first = filled[0]
    if not isinstance(first, str):
        return None
    text = cells.normalise(first)
    if _BARE_NUMERAL.match(text) and len(filled) > 1 and isinstance(filled[1], str):
        level, text = (2 if text.startswith("(") else 1), cells.normalise(filled[1])
    elif match := _ENUMERATED.match(text):
        level, text = (2 if text.startswith("(") else 1), text[match.end() :]
    elif len(filled) == 1 and _COUNTED.search(clean_text(text)):
        level = 1
    else:
        return None
    text = _COUNTED.sub("", clean_text(text)).removesuffix("项目")
    return level, text


def _is_column_numbers(raw: Sequence[object]) -> bool:
    """A line under the header numbering its columns: 1 2 3 … or A B C …"""
    filled = [cells.normalise(value) for value in raw if value is not None and value != ""]
    return len(filled) >= 3 and all(
        text.isdigit() or (len(text) == 1 and text.isalpha()) for text in filled
    )


def _figures(
    raw: Sequence[object], money: list[tuple[int, Field]], header: Header
) -> dict[Field, _Figure]:
    figures = {}
    for index, name in money:
        try:
            typed = cells.parse_money(raw[index])
        except cells.CellError:
            continue  # an unreadable total is no reason to stop; the rows are what counts
        if typed is not None:
            figures[name] = _Figure(typed, header.units[index])
    return figures


def _totals_notes(
    sheet: str, rows: list[Row], totals: list[_Totals], money: list[Field]
) -> list[str]:
    sums: dict[int | None, dict[Field, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for row in rows:
        for name in money:
            amount = row.values.get(name)
            if isinstance(amount, Decimal):
                sums[None][name] += amount
                sums[row.section][name] += amount
    notes = []
    for total in totals:
        covered = (
            sums[total.section] if total.section is not None and total.section > 0 else sums[None]
        )
        differences = [
            f"「{name.value}」合计{cells.format_wan(figure.amount)}万元，"
            f"各项目之和{cells.format_wan(covered[name])}万元"
            for name, figure in total.figures.items()
            if not figure.agrees(covered[name])
        ]
        if differences:
            notes.append(
                f"工作表「{sheet}」第{total.number}行合计与各项目之和不符：{'；'.join(differences)}"
            )
    return notes
