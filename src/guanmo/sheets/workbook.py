"""Reading each sheet of a workbook that holds a project table.

Any format an office sends is opened by guanmo.sheets.formats; here the sheets become tables.
Rows below the header that are hidden or struck through are left out and listed; formula
cells saved without a value stop the import, each named, rather than be read as blank.
"""

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from os import PathLike
from pathlib import Path

from guanmo.sheets.advice import Channel, likely_column, name_column, read_again
from guanmo.sheets.cells import CellError, parse_line
from guanmo.sheets.column_map import column_map, remembered_notes
from guanmo.sheets.faults import ImportReport, LeftOut, SheetFault
from guanmo.sheets.formats import Source, open_workbook
from guanmo.sheets.header import (
    HEADER_SEARCH_ROWS,
    Catalogue,
    Expected,
    Header,
    SheetPeriod,
    check_sheet_name,
    file_name_check,
    find_header,
    monthly_fault,
    read_note_units,
    sheet_period,
)
from guanmo.sheets.number_formats import shown_by, shown_value
from guanmo.sheets.sheet import MergedRange, Sheet, Unreadable, cell_address
from guanmo.sheets.summary import county_totals_notes, summary_note, summary_sheet
from guanmo.sheets.table import Row, Table, read_table

__all__ = ["Reading", "SheetSpec", "Source", "import_reason", "read_workbook", "source_name"]

HIDDEN_ROW = "隐藏行"
STRUCK_ROW = "删除线"
EXAMPLE_ROW = "填表示例行（名称以示例、例：、样例开头），不是项目"
# A row showing how to fill the table in: "示例：某某产业园项目", "例：…", "样例 …" (tryout 5, A12).
_EXAMPLE_NAME = re.compile(r"^\s*(?:填表示例|示例|样例|例\s*[：:])")
# Sheets telling how to fill the table in: read only when no other sheet holds it (tryout 5).
INSTRUCTION_SHEETS = frozenset({"说明", "填表说明", "填报说明"})


@dataclass(frozen=True)
class SheetSpec:
    """What an import reads from a sheet: of the catalogue's columns, those it uses and those
    it needs."""

    catalogue: Catalogue
    used: frozenset[StrEnum]
    required: tuple[tuple[StrEnum, ...], ...]  # for each, one of these columns must be there


@dataclass
class Reading:
    tables: list[Table] = field(default_factory=list)
    faults: list[SheetFault] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)  # hidden and struck-through rows
    hidden_columns: dict[str, frozenset[int]] = field(default_factory=dict)  # sheet → indexes
    headers: list[tuple[str, Header]] = field(default_factory=list)  # every project header found
    used: frozenset[StrEnum] = frozenset()  # the fields the import reads

    @property
    def rows(self) -> Iterator[Row]:
        for table in self.tables:
            yield from table.rows

    @property
    def all_left_out(self) -> list[LeftOut]:
        """Every row left out, sheet by sheet in row order: hidden and struck rows (found while
        reading) among each table's layout rows (headings, totals, 其中 lines)."""
        order = {name: index for index, name in enumerate(t.sheet for t in self.tables)}
        rows = [*self.left_out, *(left for table in self.tables for left in table.left_out)]
        return sorted(rows, key=lambda left: (order.get(left.sheet, len(order)), left.row))

    def report(self, subject: str, *, dry_run: bool) -> ImportReport:
        """An import's report, begun with what reading the workbook found."""
        columns = column_map(self.headers, self.tables, self.used)
        named_on = {
            reading.mapped_by: header.text
            for _, header in reversed(self.headers)
            for reading in header.readings
            if reading.mapped_by
        }
        return ImportReport(
            subject,
            faults=list(self.faults),
            notes=[*self.notes, *remembered_notes(columns)],
            dry_run=dry_run,
            sheets=[table.sheet for table in self.tables],
            left_out=self.all_left_out,
            columns=columns,
            rows_read=sum(len(table.rows) for table in self.tables),
            named_on=named_on,
        )


def read_workbook(
    source: Source, spec: SheetSpec, expected: Expected | None = None, *, file_name: str = ""
) -> Reading:
    """Every sheet of the workbook with a project header, read into rows.

    Sheets without one (a cover note, a summary by county) and hidden sheets are noted and
    passed over; a workbook with none gets one fault per missing column of the first header
    it has. A file that cannot be read is one fault saying why, naming its format. A header
    or title that contradicts `expected` (another year or month) is a fault of its sheet;
    hidden columns are never read. So is a file name (`file_name`, else the source's) naming
    another period; a note under a table stating the unit ("注：表中金额单位为亿元") is read.
    """
    reading = Reading(used=spec.used)
    channel = expected.channel if expected is not None else Channel.COMMAND
    name = file_name or source_name(source)
    why, note = file_name_check(name, expected) if expected is not None else ("", "")
    if why:
        reading.faults.append(SheetFault("", None, None, why))
    if note:
        reading.notes.append(note)
    try:
        sheets = open_workbook(source)
    except FileNotFoundError:
        reading.faults.append(SheetFault("", None, None, f"找不到文件：{source}"))
        return reading
    except Unreadable as error:
        reading.faults.append(SheetFault("", None, None, error.message))
        return reading
    first_header: tuple[str, Header] | None = None
    other_periods: list[tuple[str, Header, SheetPeriod]] = []  # sheets of another month or year
    own_period = False  # a sheet's name or title names the import's own period
    lone_header: tuple[str, Header] | None = None  # a row naming only an identity column
    by_county: list[tuple[Sheet, Header, str]] = []  # sheets without names: totals by county?
    sheet_rows: dict[str, Sequence[Sequence[object]]] = {}  # what a missing column's advice reads
    for sheet, passed_over in _in_reading_order(sheets, reading):
        sheet_rows[sheet.name] = sheet.rows
        buffered = sheet.rows[:HEADER_SEARCH_ROWS]
        header = find_header(
            spec.catalogue, buffered, expected, hidden_columns=sheet.hidden_columns
        )
        if header is None and lone_header is None and not sheet.hidden:
            lone_header = _lone_header(sheet, spec, expected)
        if header is None or not header.fields & set(spec.catalogue.identity):
            if header is not None and first_header is None and not sheet.hidden:
                first_header = sheet.name, header
            if any(any(value is not None for value in row) for row in buffered):
                skipped = (
                    f"工作表「{sheet.name}」不是{spec.catalogue.row_word}表"
                    f"（未找到{spec.catalogue.identity[0].value}列），已跳过"
                )
                reading.notes.append(skipped)
                if header is not None and not sheet.hidden:
                    by_county.append((sheet, header, skipped))
            continue
        if sheet.hidden:
            reading.notes.append(f"工作表「{sheet.name}」是隐藏的工作表，未导入")
            continue
        if passed_over:
            reading.notes.append(f"工作表「{sheet.name}」是填表说明，未导入")
            continue
        if expected is not None:
            period = sheet_period(sheet.name, buffered[: header.rows[0] - 1], expected)
            if period and not period.agrees:
                other_periods.append((sheet.name, header, period))
                continue
            own_period = own_period or period is not None
            check_sheet_name(header, sheet.name, expected)
        read_note_units(header, sheet.rows)
        reading.headers.append((sheet.name, header))
        reading.notes.extend(f"工作表「{sheet.name}」{note}" for note in header.notes)
        reading.notes.extend(
            f"工作表「{sheet.name}」{note}" for name, note in header.part_notes if name in spec.used
        )
        missing = _missing_columns(sheet.name, header, spec, channel, sheet.rows)
        periods = spec.catalogue.periods
        reads_months = periods and {periods.this_month, periods.year_to_date} & spec.used
        if reads_months and (why := monthly_fault(header)):  # not "missing columns" (issue 9)
            missing = [SheetFault(sheet.name, header.rows[0], None, why)]
        elif header.report_month:  # read month by month: its month's column, or a fault saying
            missing = []  # that the import's month has none
        # A split figure that cannot be read says why, not that its column is missing.
        split = [(name, fault) for name, fault in header.part_faults if name in spec.used]
        unread = {name.value for name, _ in split}
        missing = [fault for fault in missing if fault.column not in unread]
        missing += [SheetFault(sheet.name, *fault) for fault in header.faults]
        missing += [SheetFault(sheet.name, *fault) for _, fault in split]
        if missing:
            reading.faults.extend(missing)
            continue
        reading.faults.extend(
            SheetFault(
                sheet.name,
                None,
                None,
                f"单元格{address}是公式，但文件中没有保存计算结果（常见于系统或程序生成的表格）；"
                "请用 Excel 或 WPS 打开、保存后再导入",
            )
            for address in sheet.unevaluated
        )
        if sheet.hidden_columns:
            reading.hidden_columns[sheet.name] = sheet.hidden_columns
        reading.faults.extend(_struck_in_part(sheet, header))
        sheet, shown_faults, shown_note = _as_shown(sheet, header)
        reading.faults.extend(shown_faults)
        reading.notes.extend(shown_note)
        spread, merged_faults = _spread_merged(sheet, header)
        if merged_faults:
            reading.faults.extend(merged_faults)
            continue
        hidden: dict[int, Sequence[object]] = {}
        table, notes = read_table(
            sheet.name,
            header,
            _visible_rows(sheet, header, reading.left_out, spread, hidden),
            spec.used,
            _title(buffered[: header.rows[0] - 1]),
            places=expected.places if expected is not None else (),
            hidden=hidden,
        )
        reading.tables.append(table)
        reading.faults.extend(table.faults)
        reading.notes.extend(notes)
    if other_periods and expected is not None:
        _other_periods(reading, other_periods, expected, own_period=own_period)
    if len(reading.tables) > 1 and (
        found := summary_sheet(
            reading.tables,
            spec.catalogue,
            spec.used,
            expected.places if expected is not None else (),
        )
    ):
        summary, disagreements = found
        reading.tables.remove(summary)
        reading.headers = [(name, head) for name, head in reading.headers if name != summary.sheet]
        reading.faults.extend(disagreements)
        if not disagreements:
            reading.notes.append(summary_note(summary))
    for sheet, header, skipped in by_county:  # a 汇总 of county totals: checked, said
        checked = county_totals_notes(
            sheet.name,
            header,
            sheet.rows,
            reading.tables,
            spec.catalogue,
            spec.used,
            expected.places if expected is not None else (),
        )
        if checked is not None and skipped in reading.notes:
            at = reading.notes.index(skipped)
            reading.notes[at : at + 1] = checked
    if not reading.tables and not reading.faults:
        first_header = first_header or lone_header
        if first_header:
            reading.headers.append(first_header)
            rows = sheet_rows.get(first_header[0], ())
            reading.faults.extend(_missing_columns(*first_header, spec, channel, rows))
        else:
            reading.faults.append(
                SheetFault(
                    "",
                    None,
                    None,
                    f"未找到表头：前50行中没有{spec.catalogue.header_words}等列名",
                )
            )
    return reading


def _other_periods(
    reading: Reading,
    sheets: Sequence[tuple[str, Header, SheetPeriod]],
    expected: Expected,
    *,
    own_period: bool,
) -> None:
    """Sheets whose name or title names another month or year than the import's. Beside a
    sheet naming the import's own period (one sheet per month: 10月 | 11月 | 12月) each is left
    out with a note saying its period and where it is named (tryout 11 C); without one, a
    lone such sheet stops the import as before (its title or name contradicts the import),
    and several stop it naming each sheet and its period."""
    wanted = f"{expected.month}月" if expected.month else f"{expected.year}年"
    if own_period:
        reading.notes.extend(
            f"工作表「{name}」是{period.text}的表（{period.place}），本次导入{wanted}，未导入"
            for name, _, period in sheets
        )
        return
    if len(sheets) > 1:
        named = "，".join(f"工作表「{name}」是{period.text}的表" for name, _, period in sheets)
        word = "月份" if expected.month else "年份"
        why = f"工作簿中没有{wanted}的工作表：{named}；请导入{wanted}的表，或按表中的{word}导入"
        reading.faults.append(SheetFault("", None, None, why))
        return
    name, header, _ = sheets[0]
    check_sheet_name(header, name, expected)
    reading.faults.extend(SheetFault(name, *fault) for fault in header.faults)


def _as_shown(sheet: Sheet, header: Header) -> tuple[Sheet, list[SheetFault], list[str]]:
    """The sheet with each money cell below the header read as its number format shows it
    (fresh-eyes tryout 4, L34/L38b/L32b: the user reads what Excel shows, never the number
    held): 125000000 under "0!.0," is 12500, 1.25 under '0.00"亿元"' is "1.25亿元" (converted by
    its unit; a column whose every figure has its unit in its format no longer counts as one
    whose unit is assumed); a percent ("0%") in a money column is a fault naming the cell.
    Every other column read is taken as shown too (`number_formats.shown_value`): in a column
    of percentages (its header says %: 投资完成率（%）, 主导产业占比目标（%）) a fraction in a
    percent format is the percent shown, 0.925 under "0.0%" is 92.5 (tryout 8, S02/P02); a
    percent format in any other column is a fault naming the cell.
    Returns the sheet, the faults and the note saying which cells were read as shown. Formats
    a file cannot carry (CSV) change nothing."""
    money = header.figure_columns
    below = [(row, column) for row, column in sorted(sheet.number_formats) if row > header.rows[-1]]
    cells = [(row, column) for row, column in below if column in money]
    others = [(row, column) for row, column in below if column in header.columns]
    others = [(row, column) for row, column in others if column not in money]
    if not cells and not others:
        return sheet, [], []
    rows = [list(values) for values in sheet.rows]
    faults, read = [], []
    for row, column in others:
        held = rows[row - 1][column]
        try:
            value = shown_value(sheet, row, column, percent=_holds_percentages(header, column))
        except CellError as error:
            faults.append(SheetFault(sheet.name, row, header.text_of(column), str(error)))
            continue
        if value is not held:
            rows[row - 1][column] = value
            read.append((cell_address(row, column), sheet.number_formats[row, column], held, value))
    numbers = {column: 0 for column in money}  # number cells below the header, by column
    for values in rows[header.rows[-1] :]:
        for column in money:
            value = values[column] if column < len(values) else None
            if isinstance(value, int | float) and not isinstance(value, bool):
                numbers[column] += 1
    with_unit = dict.fromkeys(money, 0)
    for row, column in cells:
        held = rows[row - 1][column]
        code = sheet.number_formats[row, column]
        shown = shown_by(code)
        if shown is None or isinstance(held, bool) or not isinstance(held, int | float):
            continue
        text = shown.text(held)
        address = cell_address(row, column)
        if shown.inside:
            name = header.columns.get(column)
            faults.append(
                SheetFault(
                    sheet.name,
                    row,
                    name.value if name else header.text_of(column),
                    f"单元格{address}的数字格式「{code}」在数字之间夹有文字「{shown.inside}」，"
                    "显示的不是一个数，无法确定其所示金额（由 Excel 格式转换而来时，Excel 与 "
                    "LibreOffice 所示的数可能相差十倍以上）；请将该列改为常规数字格式、"
                    "按表头单位填写后再导入",
                )
            )
            continue
        if shown.percent:
            name = header.columns.get(column)
            faults.append(
                SheetFault(
                    sheet.name,
                    row,
                    name.value if name else header.text_of(column),
                    f"单元格{address}设置为百分比格式，显示为{text}，不是金额；请填写金额后再导入",
                )
            )
            continue
        rows[row - 1][column] = text
        read.append((address, code, held, text))
        with_unit[column] += bool(shown.unit)
    for column, count in with_unit.items():  # every figure's unit is in its format: not assumed
        if count and count == numbers[column]:
            header.sheet_unit_columns.discard(column)
    if not read:
        return sheet, faults, []
    named = "、".join(address for address, *_ in read[:5])
    more = f"等{len(read)}个单元格" if len(read) > 5 else ""
    _, code, held, text = read[0]
    note = (
        f"工作表「{sheet.name}」{named}{more}的数字格式改变了显示的数"
        f"（如格式「{code}」把{held}显示为{text}），已按表中显示的数和单位导入"
    )
    return replace(sheet, rows=[tuple(values) for values in rows]), faults, [note]


def _holds_percentages(header: Header, column: int) -> bool:
    """Whether a column holds percentages: its header or its field's label says % (投资完成率
    （%）, 主导产业占比目标（%）)."""
    words = (header.shown(column), header.text_of(column))
    return any("%" in word or "％" in word for word in words)


def _spread_merged(sheet: Sheet, header: Header) -> tuple[dict[int, tuple], list[SheetFault]]:
    """The rows below the header whose cells a vertically merged cell covers, with its value.

    A label merged down over rows ("武陟县" over its county's rows 3-4, a stage over several
    projects) says the same of every row it spans, so each row gets it: {Excel row: values}. A
    money cell merged down over rows does not say which row's figure it is, so it is a fault
    naming the range (returned with no rows), unless the project's name is merged over the
    same rows: one project on a tall row. A merged 项目名称 is left as the sheet has it, and
    rows under it with data of their own are a fault (`_merged_name_faults`).
    """
    below = header.rows[-1]
    spread: dict[int, list] = {}
    names = [
        merged
        for merged in sheet.merged
        if merged.first_row > below
        and merged.last_row > merged.first_row
        and header.columns.get(merged.first_column) == header.catalogue.name
    ]
    faults = [fault for merged in names for fault in _merged_name_faults(sheet, header, merged)]
    for merged in sheet.merged:
        if merged.first_row <= below or merged.last_row == merged.first_row:
            continue
        named = header.columns.get(merged.first_column)
        if any(
            name.first_row <= merged.first_row and merged.last_row <= name.last_row
            for name in names
        ):
            continue  # within one project's tall row: the figure is its own
        if merged.first_column in header.figure_columns:
            cells = f"{cell_address(merged.first_row, merged.first_column)}:" + cell_address(
                merged.last_row, merged.last_column
            )
            faults.append(
                SheetFault(
                    sheet.name,
                    merged.first_row,
                    header.text_of(merged.first_column),
                    f"单元格{cells}纵向合并了第{merged.first_row}—{merged.last_row}行，"
                    "金额属于哪一行不明；请取消合并，每行填写本行的数后再导入",
                )
            )
            continue
        if named is None or named == header.catalogue.name or merged.first_row > len(sheet.rows):
            continue
        value = _cell(sheet.rows[merged.first_row - 1], merged.first_column)
        for number in range(merged.first_row + 1, min(merged.last_row, len(sheet.rows)) + 1):
            row = spread.setdefault(number, list(sheet.rows[number - 1]))
            row += [None] * (merged.first_column + 1 - len(row))
            row[merged.first_column] = value
    return {number: tuple(row) for number, row in spread.items()}, faults


def _merged_name_faults(sheet: Sheet, header: Header, merged: MergedRange) -> list[SheetFault]:
    """A project name merged down over rows some of which hold data of their own (a code, a
    figure): whether they are the project's sub-items or other projects under one name cell
    is not known, so the import stops naming the cell and both ways to type it (tryout 3 N3).
    Rows holding nothing but the merge are the project's own tall row, read once."""
    owning = {}
    for number in range(merged.first_row + 1, min(merged.last_row, len(sheet.rows)) + 1):
        row = sheet.rows[number - 1]
        own = [
            named.value
            for index, named in sorted(header.columns.items())
            if named not in (header.catalogue.name, header.catalogue.serial)
            and parse_line(_cell(row, index))
        ]
        if own:
            owning[number] = own
    if not owning:
        return []
    cells = f"{cell_address(merged.first_row, merged.first_column)}:" + cell_address(
        merged.last_row, merged.last_column
    )
    rows = "、".join(str(number) for number in owning)
    fields = "、".join(dict.fromkeys(value for own in owning.values() for value in own))
    return [
        SheetFault(
            sheet.name,
            min(owning),
            header.catalogue.name.value,
            f"单元格{cells}纵向合并了第{merged.first_row}—{merged.last_row}行，第{rows}行另有本行"
            f"的{fields}，不知是同一项目的分项还是另一个项目；是同一项目的请合并为一行填写，"
            "是不同项目的请取消合并、每行填写项目名称后再导入",
        )
    ]


def _struck_in_part(sheet: Sheet, header: Header) -> list[SheetFault]:
    """A cell below the header, in any column read but the serial's, whose text is struck
    through only in part ("~~1200~~800", "~~主体封顶~~完成基础"): which part counts is not
    known, so the import stops naming it. Prose (形象进度, 存在问题) is refused as names and
    figures are: read whole, its struck words would stand as if they still held (issue 9 §4)."""
    faults = []
    for number, column in sorted(sheet.partly_struck):
        named = header.columns.get(column)
        if (
            number <= header.rows[-1]
            or named is None
            or named == header.catalogue.serial
            or _left_out_as(sheet, header, number)
        ):
            continue
        faults.append(
            SheetFault(
                sheet.name,
                number,
                named.value,
                f"单元格{cell_address(number, column)}中只有部分文字带删除线，不知道哪部分作数；"
                "请删去作废的文字或将整格标删除线后再导入",
            )
        )
    return faults


def _in_reading_order(sheets: list[Sheet], reading: Reading) -> Iterator[tuple[Sheet, bool]]:
    """Each sheet with whether it is passed over: every sheet but the instructions (说明,
    填表说明, 填报说明) first, then those, passed over when another sheet gave a table or a fault.

    Lazy on purpose: whether the instructions are read depends on what `reading` holds once
    the other sheets have been read. Source of the rule: issue 9, tryout 5 (A12, B16b), where
    a 说明 sheet's example row was stored as a project or overwrote one's figures.
    """
    yield from ((sheet, False) for sheet in sheets if sheet.name.strip() not in INSTRUCTION_SHEETS)
    passed_over = bool(reading.tables or reading.faults)
    yield from (
        (sheet, passed_over) for sheet in sheets if sheet.name.strip() in INSTRUCTION_SHEETS
    )


def _left_out_as(
    sheet: Sheet, header: Header, number: int, row: Sequence[object] = ()
) -> str | None:
    """Why a row is left out unread (hidden, or struck through: every text cell, or its
    project name; or an example row, its name beginning 示例/例：/样例/填表示例), or None."""
    if number in sheet.hidden_rows:
        return HIDDEN_ROW
    name = header.catalogue.name
    names = [index for index, named in header.columns.items() if name and named == name]
    struck = sheet.struck_cells.get(number, frozenset())
    if number in sheet.struck_rows or any(index in struck for index in names):
        return STRUCK_ROW
    if any(
        isinstance(text := _cell(row, index), str) and _EXAMPLE_NAME.match(text) for index in names
    ):
        return EXAMPLE_ROW
    return None


def _cell(row: Sequence[object], index: int) -> object:
    return row[index] if index < len(row) else None


def _visible_rows(
    sheet: Sheet,
    header: Header,
    left_out: list[LeftOut],
    spread: dict[int, tuple],
    hidden: dict[int, Sequence[object]] | None = None,
) -> Iterator[tuple]:
    """The rows below the header; a hidden or struck-through one (every text cell struck, or
    its project name) comes as blank, and is listed.

    Blank keeps every later row at its Excel number, and a blank row is passed over. A row a
    merged label covers comes with the label (`spread`, from _spread_merged). Hidden rows are
    kept in `hidden` (number → cells), so that a total they explain can say so.
    """
    below = header.rows[-1]
    for number, row in enumerate(sheet.rows[below:], start=below + 1):
        row = spread.get(number, row)
        reason = _left_out_as(sheet, header, number, row)
        if reason and any(value is not None for value in row):
            left_out.append(LeftOut(sheet.name, number, reason))
            if reason == HIDDEN_ROW and hidden is not None:
                hidden[number] = row
            yield ()
        else:
            yield row


def begin_import(
    source: Source,
    spec: SheetSpec,
    expected: Expected,
    *,
    subject: str,
    dry_run: bool,
    file_name: str = "",
    month: int | None = None,
) -> tuple[Reading, ImportReport]:
    """The workbook read (`read_workbook`) and the import's report begun from it, naming its
    file (`file_name`, else the source's). `month`, the month the import is told its figures
    stand at, is checked first: ValueError outside 1—12, before anything is read."""
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"月份应在1到12之间，而不是{month}")
    reading = read_workbook(source, spec, expected, file_name=file_name)
    report = reading.report(subject, dry_run=dry_run)
    report.file = file_name or source_name(source)
    return reading, report


def source_name(source: Source) -> str:
    """The file name of `source` ("" for a file object without one)."""
    name = source if isinstance(source, str | PathLike) else getattr(source, "name", "")
    return Path(name).name if isinstance(name, str | PathLike) else ""  # int: opened from an fd


def import_reason(source: Source | str) -> str:
    """The reason the history gives for what loading `source` changed: 导入《台账.xlsx》."""
    file_name = source_name(source)
    return f"导入《{file_name}》" if file_name else "导入表格"


def _title(rows_above: Sequence[Sequence[object]]) -> str:
    """The text above a header (title, units line), joined by spaces: where a sheet may name its
    county; quoted without its units (`stated_units.without_stated_units`)."""
    return " ".join(value for row in rows_above for value in row if isinstance(value, str))


def _lone_header(
    sheet: Sheet, spec: SheetSpec, expected: Expected | None
) -> tuple[str, Header] | None:
    """A row naming an identity column (项目名称) and only columns Guanmo does not know
    ("项目名称 | 进度款（万元）"): the sheet's header, whose missing columns are named with the
    columns not understood, rather than "未找到表头" (tryout 7 of issue 9, U07)."""
    header = find_header(
        spec.catalogue,
        sheet.rows[:HEADER_SEARCH_ROWS],
        expected,
        hidden_columns=sheet.hidden_columns,
        least=1,
    )
    if header is None or not header.fields & set(spec.catalogue.identity) or not header.unknown:
        return None
    return sheet.name, header


def _missing_columns(
    sheet: str,
    header: Header,
    spec: SheetSpec,
    channel: Channel,
    rows: Sequence[Sequence[object]] = (),
) -> list[SheetFault]:
    """One fault per required column the header lacks; when the header has columns it did not
    understand, the fault names them and how to name one as the missing column, as the
    `channel` advises (--map, or the page's column map), since the missing figure is most
    likely among them (tryout 6 of issue 9, P15). Which one is suggested, if any, is
    `advice.likely_column`'s rule, judging the cells of the sheet's `rows` below the header."""
    faults = []
    for choices in spec.required:
        if not header.fields & set(choices):
            others = "".join(f"（或「{choice.value}」）" for choice in choices[1:])
            faults.append(
                SheetFault(
                    sheet,
                    header.rows[0],
                    choices[0],
                    f"表头中没有这一列{others}"
                    + _unknown_hint(header, choices[0], channel, spec, rows),
                )
            )
    return faults


def _unknown_hint(
    header: Header,
    missing: StrEnum,
    channel: Channel,
    spec: SheetSpec,
    rows: Sequence[Sequence[object]],
) -> str:
    """ "；表中有未识别的列：「…」、「…」，如其中一列就是所缺的列，请…后重新导入", the advice
    being the `channel`'s (`guanmo.sheets.advice`): --map on the command line, the page's
    column map on the web, never both (issue 9); naming the column `advice.likely_column`
    finds among them, else "该列"."""
    if not header.unknown:
        return ""
    shown = "、".join(f"「{text}」" for text in header.unknown[:6])
    more = f"等{len(header.unknown)}列" if len(header.unknown) > 6 else ""
    below = rows[header.rows[-1] : header.rows[-1] + 200]
    columns = [
        (text, [row[index] if index < len(row) else None for row in below])
        for text, index in zip(header.unknown, header.unknown_indexes, strict=True)
    ]
    likely = likely_column(missing.value, missing in spec.catalogue.money, columns)
    named = name_column(likely or "", missing.value, channel)
    return (
        f"；表中有未识别的列：{shown}{more}，如其中一列就是所缺的列，"
        f"请{named}后{read_again(channel)}"
    )
