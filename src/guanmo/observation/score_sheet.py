"""Reading a paper tour's score sheet: one row per judge and site, one column per criterion.

The header is the first row (within the first 50) naming both 评委 and 观摩点; title lines may
stand above it. A criterion column states its maximum in brackets ("比规模（25分）",
"比规模(25)"), or is one of the default rubric's criteria. Every fault is collected with its
row and column; with any fault the sheet yields no score cards.
"""

import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from guanmo.observation.results import ScoreCard
from guanmo.observation.rubric import DEFAULT_RUBRIC, Criterion, score_fault
from guanmo.regions.names import clean_text, short_region_name
from guanmo.sheets.cells import format_wan, parse_line, parse_paragraph
from guanmo.sheets.faults import SheetFault
from guanmo.sheets.header import HEADER_SEARCH_ROWS
from guanmo.sheets.workbook import Source

JUDGE = "评委"
JUDGE_REGION = "评委所属县区"
SITE = "观摩点"
SITE_REGION = "观摩点所属县区"
REMARK = "评语"
TOTAL = "总分"
SERIAL = "序号"
USE = "计分"  # the organiser's export says whether a total counted; nothing to read

_SYNONYMS = {
    JUDGE: ("评委", "评委姓名", "评分人"),
    JUDGE_REGION: ("评委所属县区", "评委县区", "评委所在县区", "评委所属单位"),
    SITE: ("观摩点", "观摩点名称", "观摩项目", "观摩项目名称"),
    SITE_REGION: ("观摩点所属县区", "观摩点县区", "观摩点所在县区", "所属县区"),
    REMARK: ("评语", "备注", "点评"),
    TOTAL: ("总分", "合计", "总得分", "得分"),
    SERIAL: ("序号", "编号"),
    USE: ("计分",),
}
_COLUMN_BY_WORD = {word: column for column, words in _SYNONYMS.items() for word in words}
_REQUIRED = (JUDGE, JUDGE_REGION, SITE, SITE_REGION)

_BRACKETS = str.maketrans("[]【】〔〕", "()()()")
_WITH_MAXIMUM = re.compile(r"(?P<name>.+?)\((?:满分)?(?P<maximum>\d+(?:\.\d+)?)分?\)")
_POINTS = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_DEFAULT_CRITERIA = {criterion.name: criterion for criterion in DEFAULT_RUBRIC}
_ATTACHMENT = re.compile(r"附件\s*\d*[:：]?")  # "附件2" above a document's title
_TITLE_ENDINGS = ("评分汇总表", "评分统计表", "评分表", "打分表", "得分表", "测评表")


@dataclass
class ScoreSheet:
    """What a score sheet holds: its rubric and cards, or the faults that stop it."""

    sheet: str = ""
    title: str = ""  # the first title line above the header, "" when there is none
    rubric: tuple[Criterion, ...] = ()
    cards: list[ScoreCard] = field(default_factory=list)
    faults: list[SheetFault] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.faults

    @property
    def tour_name(self) -> str:
        """The tour the title line names: "2025年第二次重点项目观摩评分表" → "…观摩"."""
        for ending in _TITLE_ENDINGS:
            if self.title.endswith(ending):
                return self.title.removesuffix(ending)
        return self.title


@dataclass(frozen=True)
class _Columns:
    """Where each column stands (0-based) in the header row."""

    row: int  # the header's Excel row number
    named: dict[str, int]  # JUDGE, SITE, … → index
    criteria: list[tuple[int, Criterion]]


def read_score_sheet(source: Source, *, recusal: bool = True) -> ScoreSheet:
    """The score sheet in the first worksheet that has one, with every fault found.

    With `recusal`, a judge scoring a site of his own county is a fault.
    """
    try:
        workbook = load_workbook(source, read_only=True, data_only=True)
    except FileNotFoundError:
        return _failed(f"找不到文件：{source}")
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError):
        return _failed("无法读取文件：请使用 Excel 工作簿（.xlsx；旧版 .xls 请先另存为 .xlsx）")
    try:
        empty = True
        for worksheet in workbook.worksheets:
            worksheet.reset_dimensions()  # some writers record wrong sizes; read what is there
            rows = [list(row) for row in worksheet.iter_rows(values_only=True)]
            found = _find_header(rows)
            if found is not None:
                return _read(worksheet.title, rows, found, recusal=recusal)
            empty = empty and not any(_filled(row) for row in rows)
        if empty:
            return _failed("评分表是空的")
        return _failed("未找到表头：前50行中没有同时写有“评委”和“观摩点”的一行")
    finally:
        workbook.close()


def _failed(message: str) -> ScoreSheet:
    return ScoreSheet(faults=[SheetFault("", None, None, message)])


def _filled(row: Sequence[object]) -> bool:
    return any(clean_text(value) for value in row if value is not None)


def _column_of(value: object) -> str | None:
    return _COLUMN_BY_WORD.get(clean_text(value)) if value is not None else None


def _find_header(rows: Sequence[Sequence[object]]) -> int | None:
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        named = {_column_of(value) for value in row}
        if JUDGE in named and SITE in named:
            return index
    return None


def _read(sheet_name: str, rows: list[list[object]], top: int, *, recusal: bool) -> ScoreSheet:
    sheet = ScoreSheet(sheet=sheet_name, title=_title(rows[:top]))
    columns = _columns(sheet, rows[top], top + 1)
    if columns is None:
        return sheet
    sheet.rubric = tuple(criterion for _, criterion in columns.criteria)
    reader = _RowReader(sheet, columns, recusal=recusal)
    for number, row in enumerate(rows[top + 1 :], start=top + 2):
        reader.read(number, row)
    if not reader.cards and not sheet.faults:
        sheet.faults.append(SheetFault(sheet_name, columns.row, None, "表头以下没有任何评分"))
    if sheet.ok:
        sheet.cards = reader.cards
    sheet.notes.extend(reader.notes)
    return sheet


def _title(rows_above: Sequence[Sequence[object]]) -> str:
    for row in rows_above:
        for value in row:
            text = parse_line(value)
            if text and not _ATTACHMENT.fullmatch(text):
                return text
    return ""


def _columns(sheet: ScoreSheet, header: Sequence[object], row: int) -> _Columns | None:
    """The header's columns, or None after recording why the header cannot be read."""
    named: dict[str, int] = {}
    criteria: list[tuple[int, Criterion]] = []
    faults = sheet.faults
    for index, value in enumerate(header):
        if value is None or not (label := parse_line(value)):
            continue
        column = _column_of(value)
        if column in named:
            faults.append(SheetFault(sheet.sheet, row, label, "与前面的列重复"))
        elif column is not None:
            named[column] = index
        else:
            criterion = _criterion(label)
            if isinstance(criterion, str):
                faults.append(SheetFault(sheet.sheet, row, label, criterion))
            elif any(criterion.name == known.name for _, known in criteria):
                faults.append(SheetFault(sheet.sheet, row, label, "评分项重复"))
            else:
                criteria.append((index, criterion))
    for column in _REQUIRED:
        if column not in named:
            faults.append(SheetFault(sheet.sheet, row, column, "表头中没有这一列"))
    if not criteria:
        message = "表头中没有评分项列（如“比规模（25分）”）"
        faults.append(SheetFault(sheet.sheet, row, None, message))
    return None if faults else _Columns(row, named, criteria)


def _criterion(label: str) -> Criterion | str:
    """The criterion a header cell names, or why it names none."""
    key = clean_text(label).translate(_BRACKETS)
    if match := _WITH_MAXIMUM.fullmatch(key):
        name, maximum = match["name"], Decimal(match["maximum"])
        if maximum <= 0:
            return "满分应大于0"
        known = _DEFAULT_CRITERIA.get(name)
        return Criterion(name, maximum, known.description if known else "")
    if key in _DEFAULT_CRITERIA:
        return _DEFAULT_CRITERIA[key]
    return f"未注明满分：评分项请写作“{label}（25分）”的样式"


class _RowReader:
    """Reads the rows below the header one by one, keeping what the checks across rows need."""

    def __init__(self, sheet: ScoreSheet, columns: _Columns, *, recusal: bool):
        self.sheet, self.columns, self.recusal = sheet, columns, recusal
        self.cards: list[ScoreCard] = []
        self.notes: list[str] = []
        self.scored: dict[tuple[str, str], int] = {}  # (judge, site) → the row that scored it
        self.site_regions: dict[str, tuple[str, int]] = {}  # site → (county, first row)
        self.spellings: dict[str, dict[str, str]] = {"judge": {}, "site": {}, "region": {}}

    def fault(self, row: int, column: str | None, message: str) -> None:
        self.sheet.faults.append(SheetFault(self.sheet.sheet, row, column, message))

    def cell(self, row: Sequence[object], column: str) -> object:
        index = self.columns.named.get(column)
        return row[index] if index is not None and index < len(row) else None

    def read(self, number: int, row: Sequence[object]) -> None:
        if not _filled(row):
            return
        judge = self.spelled("judge", parse_line(self.cell(row, JUDGE)))
        site = self.spelled("site", parse_line(self.cell(row, SITE)))
        judge_region = self.region(parse_line(self.cell(row, JUDGE_REGION)))
        site_region = self.region(parse_line(self.cell(row, SITE_REGION)))
        faults_before = len(self.sheet.faults)
        for column, value in ((JUDGE, judge), (SITE, site), (SITE_REGION, site_region)):
            if not value:
                self.fault(number, column, "不能为空")
        scores = self.scores(number, row)
        self.check_total(number, row, scores)
        if judge and site:
            self.check_once(number, judge, site)
        if site and site_region:
            self.check_site_region(number, site, site_region)
        if self.recusal and judge and site and judge_region and judge_region == site_region:
            self.fault(
                number,
                None,
                f"评委{judge}与观摩点「{site}」同属{site_region}，应当回避，不能打分",
            )
        if len(self.sheet.faults) == faults_before:
            remark = parse_paragraph(self.cell(row, REMARK))
            self.cards.append(ScoreCard(judge, judge_region, site, site_region, scores, remark))

    def scores(self, number: int, row: Sequence[object]) -> dict[str, Decimal]:
        scores = {}
        for index, criterion in self.columns.criteria:
            value = row[index] if index < len(row) else None
            points = _points(value)
            if isinstance(points, str):
                self.fault(number, criterion.name, points)
            elif fault := score_fault(criterion, points):
                # score_fault names the criterion; the fault's place already does.
                self.fault(number, criterion.name, fault.removeprefix(f"「{criterion.name}」"))
            else:
                scores[criterion.name] = points
        return scores

    def check_total(self, number: int, row: Sequence[object], scores: dict[str, Decimal]) -> None:
        """A total typed on the sheet must equal the sum of the scores beside it."""
        value = self.cell(row, TOTAL)
        if value is None or not clean_text(value) or len(scores) < len(self.columns.criteria):
            return
        typed = _points(value)
        total = sum(scores.values(), Decimal(0))
        if isinstance(typed, str):
            self.fault(number, TOTAL, typed)
        elif typed != total:
            self.fault(
                number,
                TOTAL,
                f"各项得分之和为{format_wan(total)}，而总分填的是{format_wan(typed)}",
            )

    def check_once(self, number: int, judge: str, site: str) -> None:
        first = self.scored.setdefault((judge, site), number)
        if first != number:
            self.fault(number, None, f"评委{judge}已在第{first}行为观摩点「{site}」打过分")

    def check_site_region(self, number: int, site: str, region: str) -> None:
        first_region, first_row = self.site_regions.setdefault(site, (region, number))
        if first_region != region:
            self.fault(
                number,
                SITE_REGION,
                f"观摩点「{site}」在第{first_row}行属{first_region}，此处却填{region}",
            )

    def spelled(self, kind: str, text: str) -> str:
        """The first spelling met of a name typed several ways ("张 三" and "张三")."""
        return self.spellings[kind].setdefault(clean_text(text), text) if text else ""

    def region(self, text: str) -> str:
        """A county as first spelled: "武陟" after "武陟县" is 武陟县, noted once."""
        if not text:
            return ""
        key = short_region_name(clean_text(text))
        first = self.spellings["region"].setdefault(key, text)
        note = f"「{text}」按「{first}」计"
        if first != text and note not in self.notes:
            self.notes.append(note)
        return first


def _points(value: object) -> Decimal | str:
    """Points as typed (a number, or text such as "22.5" or "22.5分"), or why they are not."""
    if value is None or (isinstance(value, str) and not clean_text(value)):
        return "未打分"
    if isinstance(value, bool):
        return f"不是数字：{value}"
    if isinstance(value, int | Decimal):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))  # 22.5 stays 22.5, 0.1 stays 0.1
    text = clean_text(value).removesuffix("分")
    if not _POINTS.fullmatch(text):
        return f"不是数字：{parse_line(value)}"
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        return f"不是数字：{parse_line(value)}"
