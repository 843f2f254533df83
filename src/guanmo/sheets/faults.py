"""What an import found: faults that stop it, notes that do not, and what it wrote."""

from dataclasses import dataclass, field


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

    @property
    def ok(self) -> bool:
        return not self.faults

    def describe(self, fault: SheetFault) -> str:
        """A fault as printed: its sheet is named only when the file has several."""
        return f"工作表「{fault.sheet}」{fault}" if len(self.sheets) > 1 else str(fault)

    @property
    def summary(self) -> str:
        if not self.ok:
            return f"发现{len(self.faults)}处错误，未写入任何数据。"
        counts = f"新增{self.created}{self.subject}，更新{self.updated}{self.subject}"
        if self.dry_run:
            return f"检查通过（试运行，未写入）：将{counts}。"
        return f"导入完成：{counts}。"
