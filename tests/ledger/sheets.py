"""Small workbooks made in the tests, the way offices type them."""

from collections.abc import Iterable, Sequence
from io import BytesIO

from openpyxl import Workbook

LEDGER_HEADER = [
    "序号",
    "项目名称",
    "项目代码",
    "所在县区",
    "建设单位",
    "建设性质",
    "起止年限",
    "总投资",
    "2025年计划投资",
    "责任单位",
    "包抓领导",
]
# Month-neutral words, so one sheet serves any month (a header naming 1—4月 is April's only).
PROGRESS_HEADER = ["序号", "项目名称", "所在县区", "本月完成投资", "累计完成投资", "形象进度"]
# The note a sheet writing no money unit gets (issue 9 §3): its figures are read as 万元.
PROGRESS_UNIT_ASSUMED = (
    "工作表「Sheet1」表中未写明金额单位，按万元读取（「本月完成投资」、「累计完成投资」）；"
    "如不是万元，请在表头写明单位"
)


def xlsx(
    rows: Iterable[Sequence[object]],
    *,
    merges: Iterable[str] = (),
    title: str = "Sheet1",
    more_sheets: dict[str, Iterable[Sequence[object]]] | None = None,
) -> BytesIO:
    """An .xlsx file in memory holding `rows` from A1 (None leaves a cell empty)."""
    workbook = Workbook()
    sheets = {title: rows, **(more_sheets or {})}
    for index, (name, sheet_rows) in enumerate(sheets.items()):
        sheet = workbook.active if index == 0 else workbook.create_sheet()
        sheet.title = name
        for row in sheet_rows:
            sheet.append(list(row))
        if index == 0:
            for cells in merges:
                sheet.merge_cells(cells)
    file = BytesIO()
    workbook.save(file)
    file.seek(0)
    return file


def ledger_xlsx(
    *rows: Sequence[object], header: Sequence[str] = LEDGER_HEADER, year: int = 2025
) -> BytesIO:
    """A ledger as a city office keeps it for `year`: title, units line, header, rows."""
    header = [label.replace("2025年", f"{year}年") for label in header]
    return xlsx([[f"{year}年焦作市重点项目台账"], ["单位：万元"], header, *rows])


def progress_xlsx(*rows: Sequence[object], header: Sequence[str] = PROGRESS_HEADER) -> BytesIO:
    return xlsx([["2025年重点项目进展情况"], header, *rows])
