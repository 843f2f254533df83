"""What an import found: faults that stop it, notes that do not, and what it wrote.

The report is the user's proof of an import (issue 9 §8): the file, the sheets and rows read,
what was created, updated or left unchanged, the rows left out and why, how every column was
understood (with the unit of each money column) and every assumption made. Commands print it,
pages show it before anything is written, and the history keeps it (`as_dict`).
"""

import re
from dataclasses import asdict, dataclass, field

from openpyxl.utils import get_column_letter

from guanmo.sheets.advice import Channel, for_channel, mapping_may_help


def row_place(sheet: str, rows: int | str) -> str:
    """How every note and error of an import names a row: "工作表「武陟县」第2行" (`rows` may be
    "2、3" or "2—5"); "第2行" alone when the sheet is not known (issue 9 §8, tryout 11: a
    workbook of several sheets gave 「第2行…」 naming no sheet)."""
    return f"工作表「{sheet}」第{rows}行" if sheet else f"第{rows}行"


def quoted(text: object, limit: int = 40) -> str:
    """A cell's whole text as a note quotes it, its white space runs made one space, bounded to
    `limit` characters with …: "二、温县2025年市级重点建设项目（续建…" (tryout 18: a heading quoted
    cut to the place it names, 「武陟县重点」, misquoted the sheet)."""
    shown = " ".join(str(text or "").split())
    return shown if len(shown) <= limit else shown[:limit] + "…"


def stray_row(raw: object) -> str:
    """Why a row with neither a label nor a figure is left out, quoting what it holds:
    "非数据行（没有地区名称和数值，只有「数据来源：市统计局」）" ("" for a blank row), so a
    row skipped is never skipped unsaid (tryout 14)."""
    texts = [quoted(value, 20) for value in raw if value not in (None, "")]
    texts = [text for text in texts if text]
    if not texts:
        return ""
    shown = "」「".join(texts[:3])
    return f"非数据行（没有地区名称和数值，只有「{shown}」）"


def numbers_shown(numbers: list[int]) -> str:
    """Rows as a grouped note names them inside 第…行: "4、6", or "4、6、…等12" beyond ten."""
    shown = "、".join(str(number) for number in numbers[:10])
    return f"{shown}等{len(numbers)}" if len(numbers) > 10 else shown


def cell_place(sheet: str, rows: int | str, column: int, header: str) -> str:
    """How every note about a cell names it: the row (`row_place`), then the column by its
    letter and header, "工作表「台账」第4行列G「累计完成投资」" (`column` 0-based; tryout 14:
    notes naming a field alone left the user searching the columns for it)."""
    return f"{row_place(sheet, rows)}{column_named(column, header)}"


def column_named(column: int, header: str) -> str:
    """A column as notes name it: its letter and header, "列G「累计完成投资」" (0-based)."""
    return f"列{get_column_letter(column + 1)}「{header}」"


@dataclass(frozen=True)
class SheetFault:
    """One thing wrong with the sheet, with its place: "第37行「年度计划投资」：不能为负数"."""

    sheet: str
    row: int | None  # Excel's row number; None for a fault of the whole sheet or file
    column: str | None  # the column's label as Guanmo names it
    message: str

    def __str__(self) -> str:
        place = f"第{self.row}行" if self.row else ""
        if self.column:
            place += f"「{self.column}」"
        return f"{place}：{self.message}" if place else self.message


@dataclass(frozen=True)
class LeftOut:
    """A row of the sheet that was read but not imported, and why: "第12行为隐藏行，未导入"."""

    sheet: str
    row: int  # Excel's row number
    reason: str  # what the row is: 隐藏行, 删除线, 标题行, 小计行, 合计行, 其中行, 空行 ...

    def __str__(self) -> str:
        return f"第{self.row}行为{self.reason}，未导入"

    @property
    def placed(self) -> str:
        """As the report prints it, naming the sheet: "工作表「台账」第12行为隐藏行，未导入"."""
        return f"{row_place(self.sheet, self.row)}为{self.reason}，未导入"


# How a column came to be read as it is, when a user named it (ColumnUse.note).
USER_NAMED = "用户指定"
REMEMBERED = "沿用上次导入的对应"  # followed by （date，user）: named in an earlier import
FORGOTTEN = "不再沿用上次导入的对应"  # the user dropped the earlier import's naming now
# followed by （date，user）: an earlier import's naming that does not fit this sheet
NOT_USED = "未沿用上次导入的对应"


@dataclass(frozen=True)
class ColumnUse:
    """How one column of a sheet was read: "年度计划投资 ← 2025年计划投资（示例：30000万元）"."""

    sheet: str
    column: int  # 0-based index
    header: str  # the header text as the sheet has it
    key: str  # what a user's mapping of it is matched by
    field: str  # the field's label ("年度计划投资"); "" when the column is not read
    sample: str = ""  # the first value read from it, as the report shows it
    unit: str = ""  # 万元, 亿元 or 元 for a money column
    note: str = ""  # why it is not read, or "用户指定"

    @property
    def unknown(self) -> bool:
        """Not understood: a column the user may name or ignore."""
        return not self.field and (self.note in ("", FORGOTTEN) or self.note.startswith(NOT_USED))

    @property
    def remembered(self) -> bool:
        """Read as a user named it in an earlier import of the city."""
        return self.note.startswith(REMEMBERED)

    @property
    def forgotten(self) -> bool:
        return self.note == FORGOTTEN

    @property
    def chosen(self) -> str:
        """What the user chose for the column on the preview page: a field's label, 忽略, or
        "" when he chose nothing now (a remembered naming is not his choice now)."""
        if self.note == USER_NAMED:
            return self.field
        return "忽略" if self.note == f"{USER_NAMED}忽略" else ""

    def __str__(self) -> str:
        if not self.field:
            why = self.note or "未识别"
            return f"（未读取）← {self.header}（{why}）"
        details = [f"示例：{self.sample}"] if self.sample else []
        if self.unit:
            details.append(f"单位：{self.unit}")
        if self.note:
            details.append(self.note)
        shown = f"（{'，'.join(details)}）" if details else ""
        return f"{self.field} ← {self.header}{shown}"


# How a line names a sheet: what a .csv's report says otherwise (`ImportReport.said`).
_SHEET_NAMED = re.compile(r"工作表「[^」]*」")

# Beyond this many rows left out, the report names them a line per sheet and reason.
GROUP_LEFT_OUT = 10


@dataclass
class ImportReport:
    """The outcome of one import: with any fault, nothing was written."""

    subject: str  # what was counted, with its measure word: "个项目", "条月度进度"
    faults: list[SheetFault] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    dry_run: bool = False
    sheets: list[str] = field(default_factory=list)  # the sheets read as project tables
    left_out: list[LeftOut] = field(default_factory=list)  # rows read and deliberately skipped
    file: str = ""  # the file's name as uploaded or given
    rows_read: int = 0  # project rows read below the headers
    unchanged: int = 0
    columns: list[ColumnUse] = field(default_factory=list)  # every header column, in order
    record_id: int | None = None  # the ImportRecord that keeps it, once written
    # mapping key → the header (guanmo.sheets.remembered) of the sheet the user named it on
    named_on: dict[str, str] = field(default_factory=dict)
    # each stored figure the import changed, old → new, for imports whose record page has no
    # table of them otherwise: "武陟县“固定资产投资”2025年1—6月本期累计值：100 → 102.5"
    changed: list[str] = field(default_factory=list)
    channel: Channel = Channel.COMMAND  # where the report is shown (`advice.for_channel`)

    @property
    def ok(self) -> bool:
        return not self.faults

    def describe(self, fault: SheetFault) -> str:
        """A fault as printed, naming its sheet whenever it has one: one format whether the
        file has one sheet or several (fresh-eyes tryout 4: a workbook whose other sheets hold
        no projects gave row faults naming no sheet)."""
        return self.said(f"工作表「{fault.sheet}」{fault}" if fault.sheet else str(fault))

    @property
    def is_csv(self) -> bool:
        """Whether the file is a .csv: one table, no sheets (`said`)."""
        return self.file.lower().endswith(".csv")

    def said(self, text: str) -> str:
        """A line of the report as printed: for a .csv, every 工作表「…」 (its one table, named
        by the readers as a sheet) is the file, 文件「台账.csv」 (tryout 18 (6d): a csv has no
        sheets); any other file's lines as they are."""
        text = for_channel(text, self.channel)
        if not self.is_csv:
            return text
        return _SHEET_NAMED.sub(lambda _: f"文件「{self.file}」", text)

    @property
    def note_lines(self) -> list[str]:
        """The notes as every face prints them (`said`)."""
        return [self.said(note) for note in self.notes]

    @property
    def summary(self) -> str:
        if not self.ok:
            return f"发现{len(self.faults)}处错误，未写入任何数据。"
        counts = f"新增{self.created}{self.subject}，更新{self.updated}{self.subject}"
        if self.dry_run:
            return f"检查通过（试运行，未写入）：将{counts}。"
        return f"导入完成：{counts}。"

    @property
    def notes_heading(self) -> str:
        """The heading of the notes: a refused import's say nothing was written, so no note
        reads as if saved (tryout 11, P8)."""
        return "说明" if self.ok else "读取说明（本次未写入任何数据）"

    @property
    def fault_lines(self) -> list[str]:
        """The faults as every face prints them (`describe`: naming the sheet)."""
        return [self.describe(fault) for fault in self.faults]

    @property
    def left_out_lines(self) -> list[str]:
        """Each row left out and why, as every face prints them: one line a row, or beyond
        GROUP_LEFT_OUT rows one line a sheet and reason naming its rows in order
        ("工作表「台账」第5、9、14行为标题行，未导入"; tryout 14: skipped rows are the
        user's proof too)."""
        if len(self.left_out) <= GROUP_LEFT_OUT:
            return [self.said(row.placed) for row in self.left_out]
        grouped: dict[tuple[str, str], list[int]] = {}
        for row in self.left_out:
            grouped.setdefault((row.sheet, row.reason), []).append(row.row)
        return [
            self.said(f"{row_place(sheet, '、'.join(map(str, numbers)))}为{reason}，未导入")
            for (sheet, reason), numbers in grouped.items()
        ]

    @property
    def mapping_may_help(self) -> bool:
        """Whether the page may advise naming columns (`advice.mapping_may_help`)."""
        return any(mapping_may_help(fault.message) for fault in self.faults)

    @property
    def unknown_columns(self) -> list[ColumnUse]:
        """The columns not understood, which a user may name or ignore."""
        return [use for use in self.columns if use.unknown]

    def lines(self) -> list[str]:
        """The whole report as printed and kept, one line each (after the faults, if any)."""
        lines = [f"文件：{self.file}"] if self.file else []
        if self.sheets and self.is_csv:
            lines.append(f"读取文件：{self.file}；读取{self.rows_read}行")
        elif self.sheets:
            lines.append(f"读取工作表：{'、'.join(self.sheets)}；读取{self.rows_read}行")
        if self.ok:
            lines.append(
                f"新增{self.created}{self.subject}，更新{self.updated}{self.subject}，"
                f"无变化{self.unchanged}{self.subject}"
            )
        if self.changed:
            lines.append(f"改动的数字（{len(self.changed)}处）：")
            lines += [f"  {line}" for line in self.changed]
        if self.columns:
            lines.append("列对应（字段 ← 表头）：")
            several = len({use.sheet for use in self.columns}) > 1
            lines += [f"  {f'「{use.sheet}」' if several else ''}{use}" for use in self.columns]
        if self.left_out:
            lines.append("未导入的行：")
            lines += [f"  {line}" for line in self.left_out_lines]
        if self.notes:
            lines.append(self.notes_heading + "：")
            lines += [f"  {note}" for note in self.note_lines]
        return lines

    def as_dict(self) -> dict:
        """The report as JSON keeps it with the change history."""
        return {
            "subject": self.subject,
            "file": self.file,
            "sheets": self.sheets,
            "rows_read": self.rows_read,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "dry_run": self.dry_run,
            "faults": self.fault_lines,
            "notes": self.note_lines,
            "left_out": [asdict(row) for row in self.left_out],
            "columns": [asdict(use) for use in self.columns],
            "changed": self.changed,
            "summary": self.summary,
        }
