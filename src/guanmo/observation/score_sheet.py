"""Reading a paper tour's score sheets: one row per judge and site, one column per criterion.

Every worksheet with a score header is read: one sheet for the whole panel, or one per judge
(whose name may then stand in the title, "评分表（评委：张三）", or be the sheet's name instead
of a 评委 column). The header is the first row (within the first 50) naming 观摩点 and 评委 or
a criterion; title lines may stand above it. A criterion column states its maximum in brackets
("比规模（25分）", "比规模(25)"), or is one of the default rubric's criteria. Counties are
regions of the administrative tree, whatever the spelling. Every fault is collected with its
sheet, row and column; with any fault the workbook yields no score cards.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation

from guanmo.figures.arithmetic import percent
from guanmo.ledger.services.matching import own_words
from guanmo.observation.results import ScoreCard
from guanmo.observation.rubric import (
    DEFAULT_RUBRIC,
    SCALE_SHARE,
    SCORE_STEP,
    Criterion,
    full_marks,
    plain,
    score_fault,
    smaller_scale,
    step_fault,
)
from guanmo.regions.names import (
    Coded,
    clean_text,
    level_character,
    naming,
    region_mentioned,
    region_named,
    regions_near,
)
from guanmo.regions.services import city_of_counties, counties_of
from guanmo.sheets.cells import format_wan, parse_line, parse_paragraph
from guanmo.sheets.faults import SheetFault
from guanmo.sheets.formats import Source, open_workbook
from guanmo.sheets.header import HEADER_SEARCH_ROWS
from guanmo.sheets.number_formats import rows_as_shown
from guanmo.sheets.sheet import Sheet, Unreadable, cell_address

JUDGE = "评委"
JUDGE_REGION = "评委所属县区"
SITE = "观摩点"
SITE_REGION = "观摩点所属县区"
REMARK = "评语"
TOTAL = "总分"
SERIAL = "序号"
RECUSED = "回避"  # written in a recused judge's cells instead of points
USE = "计分"  # the organiser's export says whether a total counted; nothing to read

_SYNONYMS = {
    JUDGE: ("评委", "评委姓名", "评分人"),
    JUDGE_REGION: ("评委所属县区", "评委县区", "评委所在县区", "评委所属单位"),
    SITE: ("观摩点", "观摩点名称", "观摩项目", "观摩项目名称", "项目名称"),
    SITE_REGION: (
        "观摩点所属县区",
        "观摩点县区",
        "观摩点所在县区",
        "所属县区",
        "县区",
        "所在县区",
        "县(市、区)",
    ),
    REMARK: ("评语", "备注", "点评"),
    TOTAL: ("总分", "合计", "总得分", "得分"),
    SERIAL: ("序号", "编号"),
    USE: ("计分",),
}
_COLUMN_BY_WORD = {word: column for column, words in _SYNONYMS.items() for word in words}
# A judge's county may be left out (recusal then unchecked, said so); a judge's own sheet may
# name him above the header instead of in a 评委 column.
_REQUIRED = (SITE, SITE_REGION)
# A summary sheet's name, or what its judge cells hold instead of judges' names.
_SUMMARY_NAMES = frozenset({"汇总", "合计", "汇总表", "合计表", "统计", "统计表", "平均分"})
_SUMMARY_JUDGES = frozenset({"平均分", "平均", "合计", "汇总", "总计", "小计"})

_BRACKETS = str.maketrans("[]【】〔〕", "()()()")
_WITH_MAXIMUM = re.compile(r"(?P<name>.+?)\((?:满分)?(?P<maximum>\d+(?:\.\d+)?)分?\)")
_POINTS = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_DEFAULT_CRITERIA = {criterion.name: criterion for criterion in DEFAULT_RUBRIC}
_ATTACHMENT = re.compile(r"附件\s*\d*[:：]?")  # "附件2" above a document's title
_TITLE_BRACKET = re.compile(r"[（(](?P<inside>[^（）()]+)[)）]$")  # "…评分表（评委：张三）"
_JUDGE_LABEL = re.compile(r"^评委(?:姓名)?[:：]")
_JUDGE_LINE = re.compile(r"评委(?:姓名)?[:：](?P<name>[^\s,，;；、（）()]+)")
_PROGRAM_SHEET_NAME = re.compile(r"(?i)(sheet|工作表|表)\d*")
_NOT_A_JUDGE = re.compile(r"\d|年|月|组|汇总|统计|合计|平均|排名|结果|说明|评分表|打分表")
_TITLE_ENDINGS = ("评分汇总表", "评分统计表", "评分表", "打分表", "得分表", "测评表")


@dataclass
class ScoreSheet:
    """What a workbook of score sheets holds: its rubric and cards, or the faults that stop it.

    `sheets` are the worksheets read (each with a score header); the rubric is theirs in
    common, and a judge may have his cards on one sheet or spread over several."""

    sheets: list[str] = field(default_factory=list)
    title: str = ""  # the first sheet's title line, less a judge's name; "" when none
    rubric: tuple[Criterion, ...] = ()
    cards: list[ScoreCard] = field(default_factory=list)
    faults: list[SheetFault] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # (sheet, why) for each worksheet with a score header that is not read: hidden, a summary
    left_out: list[tuple[str, str]] = field(default_factory=list)
    # judges read from sheets without a 评委所属县区 column: their recusal cannot be checked
    unrecused: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.faults

    @property
    def judges(self) -> list[str]:
        """The judges whose cards were read, in the order first met."""
        return list(dict.fromkeys(card.judge for card in self.cards))

    @property
    def tour_name(self) -> str:
        """The tour the title line names: "2025年第二次重点项目观摩评分表" → "…观摩"."""
        for ending in _TITLE_ENDINGS:
            if self.title.endswith(ending):
                return self.title.removesuffix(ending)
        return self.title

    @property
    def reading(self) -> str:
        """What was read, as the command says it: "读取7个工作表（…），7位评委的评分74份"."""
        read = (
            f"读取{len(self.sheets)}个工作表（{'、'.join(self.sheets)}），"
            f"{len(self.judges)}位评委的评分{len(self.cards)}份"
        )
        if not self.left_out:
            return read
        skipped = "、".join(f"{name}（{why}）" for name, why in self.left_out)
        return f"{read}；未读取{len(self.left_out)}个工作表：{skipped}"

    def describe(self, fault: SheetFault) -> str:
        """A fault as printed: its sheet is named only when the workbook has several."""
        return f"工作表「{fault.sheet}」{fault}" if len(self.sheets) > 1 else str(fault)


@dataclass(frozen=True)
class _Columns:
    """Where each column stands (0-based) in the header row."""

    row: int  # the header's Excel row number
    named: dict[str, int]  # JUDGE, SITE, … → index
    criteria: list[tuple[int, Criterion]]


@dataclass(frozen=True)
class _Worksheet:
    """One worksheet with a score header, as read but not yet checked."""

    name: str
    rows: list[tuple]
    top: int  # the header's index in `rows`
    source: Sheet  # as the reader gave it: hidden and struck rows, formulas without values

    def left_out(self, number: int) -> str:
        """Why row `number` is not read: "隐藏行", "删除线行", or "" when it is read."""
        if number in self.source.hidden_rows:
            return "隐藏行"
        return "删除线行" if number in self.source.struck_rows else ""

    @property
    def lines_above(self) -> list[str]:
        return [text for row in self.rows[: self.top] for v in row if (text := parse_line(v))]


def read_score_sheet(
    source: Source,
    *,
    recusal: bool = True,
    step: Decimal = SCORE_STEP,
    regions: Sequence[Coded] | None = None,
    top_name: str = "",
) -> ScoreSheet:
    """The score cards on every worksheet that has a score header, with every fault found.
    `top_name` names the installation's top (焦作市, or a county at the top), whose level messages
    say: 市级项目 and 本市, or 县级项目 and 本县 (`names.level_character`).

    Scores must be multiples of `step` points. A county typed in the sheet is the region of
    `regions` (the city's counties and zones) it identifies, by name, short name or code;
    without `regions`, the counties of the GB/T 2260 city the sites' counties name. With
    `recusal`, a judge scoring a site of his own county is a fault.
    """
    try:
        worksheets = open_workbook(source)
    except FileNotFoundError:
        return _failed(f"找不到文件：{source}")
    except Unreadable as error:
        return _failed(error.message)
    if fault := step_fault(step):
        return _failed(fault)
    headed = [
        _Worksheet(found.name, list(found.rows), top, found)
        for found in worksheets
        if (top := _find_header(found.rows)) is not None
    ]
    if not headed:
        if not any(_filled(row) for found in worksheets for row in found.rows):
            return _failed("评分表是空的")
        return _failed(_no_header(worksheets))
    left_out = [(worksheet.name, why) for worksheet in headed if (why := _left_out(worksheet))]
    scored = [worksheet for worksheet in headed if not _left_out(worksheet)]
    if not scored:
        skipped = "、".join(f"{name}（{why}）" for name, why in left_out)
        return _failed(f"没有可读取的评分工作表：{skipped}")
    sheet = ScoreSheet(sheets=[worksheet.name for worksheet in scored], left_out=left_out)
    scored = [_as_shown(worksheet, sheet.faults) for worksheet in scored]
    spread = [_spread_merged(worksheet) for worksheet in scored]
    scored = [worksheet for worksheet, _ in spread]
    sheet.faults += [fault for _, faults in spread for fault in faults]
    sheet.notes += [
        f"工作表「{found.name}」没有评分表头，未读取"
        for found in worksheets
        if found.name not in {worksheet.name for worksheet in headed}
        and any(_filled(row) for row in found.rows)
    ]
    for worksheet in scored:
        sheet.faults += _unreadable_cells(worksheet.source)
    if not sheet.ok:
        return sheet
    hint = ""
    if regions is None:
        regions, hint = _regions_named_by(scored)
    reader = _RowReader(
        sheet, recusal=recusal, step=step, regions=regions, hint=hint, top_name=top_name
    )
    for worksheet in scored:
        _read(sheet, reader, worksheet)
    if sheet.ok:
        reader.check_scales()
    if sheet.ok:
        sheet.cards = reader.cards
    sheet.notes.extend(reader.notes)
    return sheet


def _no_header(worksheets: Sequence[Sheet]) -> str:
    """Why no worksheet has a score header: a row naming 观摩点 with neither 评委 nor a
    criterion is named with the columns not understood (judges typed as columns, tryout 3 S2);
    else the widest row searched is, as the likely header (issue 9, tryout 8 O03)."""
    for found in worksheets:
        for number, row in enumerate(found.rows[:HEADER_SEARCH_ROWS], start=1):
            if SITE not in {_column_of(value) for value in row}:
                continue
            others = "、".join(
                label for value in row if (label := parse_line(value)) and _column_of(value) is None
            )
            where = f"工作表「{found.name}」" if len(worksheets) > 1 else ""
            return (
                f"{where}第{number}行有“观摩点”列，但没有“评委”列，也没有注明满分的评分项列"
                f"（如“比规模（25分）”），其余各列（{others}）无法识别；评分表应每行填写一位评委"
                "对一个观摩点的评分，评委作列的汇总表请改为“评委、观摩点、观摩点所属县区、"
                "各评分项”的样式后再导入"
            )
    missing = (
        f"未找到表头：前{HEADER_SEARCH_ROWS}行中没有同时写有“观摩点”和“评委”（或评分项）的一行"
    )
    widest = max(
        (
            (len(labels), -number, labels)
            for found in worksheets
            for number, row in enumerate(found.rows[:HEADER_SEARCH_ROWS], start=1)
            if len(labels := [label for value in row if (label := parse_line(value))]) > 1
        ),
        default=None,
    )
    if widest is None:
        return missing
    _, number, labels = widest
    return f"{missing}；第{-number}行的{''.join(f'「{label}」' for label in labels)}无法识别"


# Columns whose cell merged down over rows says the same of each row: a site scored by several
# judges, a judge scoring several sites.
_SPREAD = frozenset({JUDGE, JUDGE_REGION, SITE, SITE_REGION})


def _spread_merged(worksheet: _Worksheet) -> tuple[_Worksheet, list[SheetFault]]:
    """The worksheet with each judge or site cell merged down over rows given to every row it
    spans; a score or total merged down does not say whose score it is, a fault naming it."""
    header = worksheet.rows[worksheet.top]
    rows = list(worksheet.rows)
    faults = []
    for merged in worksheet.source.merged:
        index = merged.first_column
        if merged.first_row <= worksheet.top + 1 or merged.last_row == merged.first_row:
            continue
        if index >= len(header) or not (label := parse_line(header[index])):
            continue
        column = _column_of(header[index])
        if column in _SPREAD:
            value = rows[merged.first_row - 1][index]
            for number in range(merged.first_row + 1, min(merged.last_row, len(rows)) + 1):
                row = list(rows[number - 1]) + [None] * (index + 1 - len(rows[number - 1]))
                row[index] = value
                rows[number - 1] = tuple(row)
        elif column == TOTAL or (column is None and isinstance(_criterion(label), Criterion)):
            named = _criterion(label).name if column is None else label
            cells = f"{cell_address(merged.first_row, index)}:" + cell_address(
                merged.last_row, merged.last_column
            )
            message = (
                f"单元格{cells}纵向合并了第{merged.first_row}—{merged.last_row}行，分数属于哪一行"
                "不明；请取消合并，每行填写本行的分数后再导入"
            )
            faults.append(SheetFault(worksheet.name, merged.first_row, named, message))
    return replace(worksheet, rows=rows), faults


def _left_out(worksheet: _Worksheet) -> str:
    """Why a worksheet with a score header is not read as judges' scores, or "" when it is: a
    hidden sheet (as hidden rows are), or a summary: named 汇总/合计, or every judge cell a
    summary's word (平均分) (source: issue 9 §7, tryout OA)."""
    if worksheet.source.hidden:
        return "隐藏的工作表"
    name = clean_text(worksheet.name)
    if name in _SUMMARY_NAMES:
        return f"汇总表：工作表名称为“{worksheet.name}”"
    header = worksheet.rows[worksheet.top]
    index = next((i for i, value in enumerate(header) if _column_of(value) == JUDGE), None)
    if index is None:
        return ""
    judges = {
        clean_text(row[index])
        for row in worksheet.rows[worksheet.top + 1 :]
        if index < len(row) and row[index] is not None and clean_text(row[index])
    }
    if judges and judges <= _SUMMARY_JUDGES:
        words = "、".join(f"“{word}”" for word in sorted(judges))
        return f"汇总表：评委列填写{words}"
    return ""


def _as_shown(worksheet: _Worksheet, faults: list[SheetFault]) -> _Worksheet:
    """The worksheet's scores as their number formats show them (guanmo.sheets.number_formats:
    a score in a percent format is refused naming its cell, never read as the fraction held)."""
    rows, unread = rows_as_shown(worksheet.source, worksheet.top + 1)
    header = worksheet.rows[worksheet.top]
    for row, column, why in unread:
        label = parse_line(header[column]) if column < len(header) else None
        faults.append(SheetFault(worksheet.name, row, label or None, why))
    return replace(worksheet, rows=rows)


def _unreadable_cells(found: Sheet) -> list[SheetFault]:
    """Formula cells saved without a value: never read as blank or 0."""
    if not found.unevaluated:
        return []
    cells = "、".join(found.unevaluated)
    message = f"公式单元格{cells}没有保存计算结果；请在 Excel 或 WPS 中打开、保存后再试"
    return [SheetFault(found.name, None, None, message)]


def _regions_named_by(worksheets: Sequence[_Worksheet]) -> tuple[list[Coded], str]:
    """The counties of the city the sites' counties name (GB/T 2260), and how to add a zone."""
    texts = set()
    for worksheet in worksheets:
        index = next(
            (
                i
                for i, value in enumerate(worksheet.rows[worksheet.top])
                if _column_of(value) == SITE_REGION
            ),
            None,
        )
        if index is not None:
            texts |= {
                parse_line(row[index])
                for row in worksheet.rows[worksheet.top + 1 :]
                if index < len(row)
            }
    city = city_of_counties(texts)
    if city is None:
        return [], ""
    hint = (
        f"（未建立城市，县区按GB/T 2260中{city.name}的区划识别；"
        f"园区、示范区请先登记：guanmo init-city {city.code} --zone 名称）"
    )
    return list(counties_of(city.code)), hint


def _failed(message: str) -> ScoreSheet:
    return ScoreSheet(faults=[SheetFault("", None, None, message)])


def _filled(row: Sequence[object]) -> bool:
    return any(clean_text(value) for value in row if value is not None)


def _column_of(value: object) -> str | None:
    return _COLUMN_BY_WORD.get(clean_text(value)) if value is not None else None


def _find_header(rows: Sequence[Sequence[object]]) -> int | None:
    """The header: the first row naming 观摩点 and either 评委 or a criterion (a judge's own
    sheet may leave the judge to its title or name)."""
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        named = {_column_of(value) for value in row}
        if SITE in named and (
            JUDGE in named
            or any(
                isinstance(_criterion(label), Criterion)
                for value in row
                if value is not None and _column_of(value) is None and (label := parse_line(value))
            )
        ):
            return index
    return None


def _read(sheet: ScoreSheet, reader: "_RowReader", worksheet: _Worksheet) -> None:
    columns = _columns(sheet, worksheet.name, worksheet.rows[worksheet.top], worksheet.top + 1)
    if columns is None:
        return
    judge, title = _judge_of(sheet, worksheet, columns)
    if not sheet.sheets.index(worksheet.name):
        sheet.title = title
        sheet.rubric = tuple(criterion for _, criterion in columns.criteria)
    elif {(c.name, c.maximum) for _, c in columns.criteria} != {
        (c.name, c.maximum) for c in sheet.rubric
    }:
        first = "、".join(f"{c.name}（{plain(c.maximum)}分）" for c in sheet.rubric)
        message = f"评分项与工作表「{sheet.sheets[0]}」不同（应为{first}）"
        sheet.faults.append(SheetFault(worksheet.name, columns.row, None, message))
        return
    if JUDGE_REGION not in columns.named:
        sheet.notes.append(
            f"工作表「{worksheet.name}」没有“{JUDGE_REGION}”列，无法核对该表评委是否应当回避"
        )
    if JUDGE not in columns.named and not judge:
        message = "表头中没有“评委”列，标题和工作表名称也未注明评委（如“评分表（评委：张三）”）"
        sheet.faults.append(SheetFault(worksheet.name, columns.row, JUDGE, message))
        return
    cards_before = len(reader.cards)
    for number, row in enumerate(worksheet.rows[worksheet.top + 1 :], start=worksheet.top + 2):
        if (why := worksheet.left_out(number)) and _filled(row):
            sheet.notes.append(f"工作表「{worksheet.name}」第{number}行为{why}，未读取")
        elif not why:
            reader.read(worksheet.name, columns, judge, number, row)
    if JUDGE_REGION not in columns.named:
        judges = [card.judge for card in reader.cards[cards_before:]]
        sheet.unrecused += [j for j in dict.fromkeys(judges) if j not in sheet.unrecused]
    if len(reader.cards) == cards_before and sheet.ok:
        sheet.faults.append(SheetFault(worksheet.name, columns.row, None, "表头以下没有任何评分"))


def _judge_of(sheet: ScoreSheet, worksheet: _Worksheet, columns: _Columns) -> tuple[str, str]:
    """The judge a sheet without a 评委 column belongs to ("" when it has the column or names
    none), and its title less the judge's name. A line "评委：张三" above the header names
    him; else the title's closing bracket ("…评分表（张三）"); else the sheet's own name, unless
    it is a name a program gives (Sheet1, 工作表1) or a summary's (汇总, 统计)."""
    lines = worksheet.lines_above
    title = next((line for line in lines if not _ATTACHMENT.fullmatch(line)), "")
    bracket = _TITLE_BRACKET.search(title)
    in_bracket = _JUDGE_LABEL.sub("", bracket["inside"]) if bracket else ""
    found = next(((line, m["name"]) for line in lines if (m := _JUDGE_LINE.search(line))), None)
    labelled = found[1] if found else ""
    judge, source = "", ""
    if JUDGE not in columns.named:
        name = parse_line(worksheet.name)
        if found:
            judge, source = labelled, "标题注明" if found[0] == title else "表中注明"
        elif in_bracket and not _NOT_A_JUDGE.search(in_bracket):
            judge, source = in_bracket, "标题注明"
        elif name and not _PROGRAM_SHEET_NAME.fullmatch(name) and not _NOT_A_JUDGE.search(name):
            judge, source = name, "工作表名称"
    if bracket and in_bracket in (judge, labelled, worksheet.name):
        title = title[: bracket.start()]  # the judge's own copy of the tour's sheet
    if judge:
        sheet.notes.append(f"工作表「{worksheet.name}」没有“评委”列，按{source}计为评委{judge}")
    return judge, title


def _columns(sheet: ScoreSheet, name: str, header: Sequence[object], row: int) -> _Columns | None:
    """The header's columns, or None after recording why the header cannot be read."""
    named: dict[str, int] = {}
    criteria: list[tuple[int, Criterion]] = []
    faults = sheet.faults
    for index, value in enumerate(header):
        if value is None or not (label := parse_line(value)):
            continue
        column = _column_of(value)
        if column in named:
            faults.append(SheetFault(name, row, label, "与前面的列重复"))
        elif column is not None:
            named[column] = index
        else:
            criterion = _criterion(label)
            if isinstance(criterion, str):
                faults.append(SheetFault(name, row, label, criterion))
            elif any(criterion.name == known.name for _, known in criteria):
                faults.append(SheetFault(name, row, label, "评分项重复"))
            else:
                criteria.append((index, criterion))
    for column in _REQUIRED:
        if column not in named:
            faults.append(SheetFault(name, row, column, "表头中没有这一列"))
    if not criteria and TOTAL in named:
        faults.append(_total_only(name, row, parse_line(header[named[TOTAL]])))
    elif not criteria:
        message = "表头中没有评分项列（如“比规模（25分）”）"
        faults.append(SheetFault(name, row, None, message))
    return None if faults else _Columns(row, named, criteria)


def _total_only(name: str, row: int, label: str) -> SheetFault:
    """A header whose only score is a bare 总分: its full marks are not known, so neither its
    scale nor its criteria are; the fault says both ways to write it (tryout 3, S1)."""
    items = "、".join(f"{c.name}（{plain(c.maximum)}分）" for c in DEFAULT_RUBRIC)
    message = (
        f"表中只有“{label}”一列，没有评分项，总分也未注明满分；按总分计分请将表头写作"
        f"“{label}（{plain(full_marks(DEFAULT_RUBRIC))}分）”，按评分项计分请分列填写各项得分："
        f"{items}"
    )
    return SheetFault(name, row, label, message)


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
    """Reads the rows below each sheet's header one by one, keeping what the checks across
    rows and sheets need."""

    def __init__(
        self,
        sheet: ScoreSheet,
        *,
        recusal: bool,
        step: Decimal,
        regions: Sequence[Coded],
        hint: str = "",
        top_name: str = "",
    ):
        self.sheet, self.recusal, self.step, self.regions = sheet, recusal, step, regions
        self.hint = hint  # how to make the tree know a county it does not know
        self.level = level_character(top_name)  # the top's level: 市, 县 (本市, 县级项目)
        self.own_words = own_words(top_name)  # 市直, 全市…; 县直, 全县… at a county's top
        self.cards: list[ScoreCard] = []
        self.notes: list[str] = []
        self.scored: dict[tuple[str, str], tuple[str, int]] = {}  # (judge, site) → its place
        self.places: dict[str, dict[str, list[int]]] = {}  # judge → worksheet → rows read
        self.site_regions: dict[str, tuple[str, int]] = {}  # site → (county, first row)
        self.spellings: dict[str, dict[str, str]] = {"judge": {}, "site": {}}
        self.worksheet = ""
        self.columns: _Columns | None = None

    def fault(self, row: int, column: str | None, message: str) -> None:
        self.sheet.faults.append(SheetFault(self.worksheet, row, column, message))

    def cell(self, row: Sequence[object], column: str) -> object:
        index = self.columns.named.get(column)
        return row[index] if index is not None and index < len(row) else None

    def read(
        self, worksheet: str, columns: _Columns, sheet_judge: str, number: int, row: list
    ) -> None:
        if not _filled(row):
            return
        self.worksheet, self.columns = worksheet, columns
        judge = self.spelled("judge", sheet_judge or parse_line(self.cell(row, JUDGE)))
        site = self.spelled("site", parse_line(self.cell(row, SITE)))
        judge_region = self.region(parse_line(self.cell(row, JUDGE_REGION)), judge=True)
        self.unclear_judge_region(number, parse_line(self.cell(row, JUDGE_REGION)))
        site_region = self.region(parse_line(self.cell(row, SITE_REGION)), judge=False)
        if self.recused(number, row, judge, site):
            return
        faults_before = len(self.sheet.faults)
        for column, value in ((JUDGE, judge), (SITE, site), (SITE_REGION, site_region)):
            if value == "":
                self.fault(number, column, "不能为空")
        if site_region is None:
            typed = parse_line(self.cell(row, SITE_REGION))
            if clean_text(typed) in self.own_words:
                own = f"{self.level}级项目"
                message = (
                    f"「{typed}」是{own}，{own}不参加县区排名，不能作为观摩点计分；"
                    "请填写观摩点所在的县区或园区"
                )
            else:
                message = f"「{typed}」不是本{self.level}区划中的县区或园区{self.hint}"
                if near := regions_near(typed, self.regions):
                    names = "、".join(region.name for region in near)
                    message += f"，是否为{names}？请填写全称"
            self.fault(number, SITE_REGION, message)
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
            self.places.setdefault(judge, {}).setdefault(worksheet, []).append(number)
            remark = parse_paragraph(self.cell(row, REMARK))
            self.cards.append(
                ScoreCard(judge, judge_region or "", site, site_region, scores, remark)
            )

    def recused(self, number: int, row: Sequence[object], judge: str, site: str) -> bool:
        """Whether the row is the judge's recusal written out: 回避 in every criterion's cell,
        left out with a note as a row not typed is (issue 9, tryout 8 O04). 回避 in only some
        is a fault."""
        written = [
            clean_text(row[index] if index < len(row) else None) == RECUSED
            for index, _ in self.columns.criteria
        ]
        if written and all(written):
            self.notes.append(
                f"工作表「{self.worksheet}」第{number}行：评委{judge}对观摩点「{site}」回避，未计分"
            )
            return True
        if any(written):
            self.fault(
                number,
                None,
                f"只有部分评分项写了“{RECUSED}”；评委回避的观摩点各项都写“{RECUSED}”（或整行不填）",
            )
            return True
        return False

    def scores(self, number: int, row: Sequence[object]) -> dict[str, Decimal]:
        scores = {}
        for index, criterion in self.columns.criteria:
            value = row[index] if index < len(row) else None
            points = _points(value)
            if isinstance(points, str):
                self.fault(number, criterion.name, points)
            elif fault := score_fault(criterion, points, self.step):
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

    def check_scales(self) -> None:
        """A judge whose scores are on another scale than the rubric's: his figures would pass
        every range check and still sink each site he scored, so the import stops naming him,
        his rows and the scale seen (tryout 3, S3: caught only later by the agreement check).
        Seen are fractions 0—1 of each item, a whole sheet scored out of a tenth of its full
        marks (every score at most a tenth of its criterion's maximum: out of 10 on a
        100-point sheet), and each item scored out of 10 or 5 (rubric.smaller_scale)."""
        rubric = self.sheet.rubric
        for judge, sheets in self.places.items():
            cards = [card for card in self.cards if card.judge == judge]
            scores = [
                (points, criterion.maximum)
                for card in cards
                for criterion in rubric
                if (points := card.scores.get(criterion.name)) is not None
            ]
            scale = smaller_scale(scores)
            seen = (
                _item_scale_seen(scores, scale, rubric)
                if scale == 1  # fractions, however large the sheet: not "out of a tenth"
                else _tenth_seen(cards, scores, rubric) or _item_scale_seen(scores, scale, rubric)
            )
            if not seen:
                continue
            column = "、".join(criterion.name for criterion in rubric)
            for worksheet, numbers in sheets.items():
                message = f"评委{judge}的评分（{_rows_text(numbers)}）{seen}"
                self.sheet.faults.append(SheetFault(worksheet, None, column, message))

    def check_once(self, number: int, judge: str, site: str) -> None:
        worksheet, first = self.scored.setdefault((judge, site), (self.worksheet, number))
        if (worksheet, first) != (self.worksheet, number):
            where = (
                f"第{first}行"
                if worksheet == self.worksheet
                else f"工作表「{worksheet}」第{first}行"
            )
            self.fault(number, None, f"评委{judge}已在{where}为观摩点「{site}」打过分")

    def check_site_region(self, number: int, site: str, region: str) -> None:
        first_region, first_row = self.site_regions.setdefault(site, (region, number))
        if first_region != region:
            self.fault(
                number,
                SITE_REGION,
                f"观摩点「{site}」在第{first_row}行属{first_region}，此处却填{region}",
            )

    def unclear_judge_region(self, number: int, text: str) -> None:
        """A fault for a judge's unit that names no county or zone of the tree but looks like
        one (a part of a name: 一体化, 陟; 武 of 修武县 and 武陟县): whether he is to be recused
        is not guessed (issue 9 §7)."""
        if not text or region_mentioned(text, self.regions) is not None:
            return
        if near := regions_near(text, self.regions):
            names = "、".join(region.name for region in near)
            self.fault(
                number,
                JUDGE_REGION,
                f"「{text}」不是本{self.level}县区或园区的名称、简称或区划代码，是否为{names}？"
                "请填写全称，以便核对回避",
            )

    def spelled(self, kind: str, text: str) -> str:
        """The first spelling met of a name typed several ways ("张 三" and "张三")."""
        return self.spellings[kind].setdefault(clean_text(text), text) if text else ""

    def region(self, text: str, *, judge: bool) -> str | None:
        """The name of the county or zone `text` identifies in the tree by the one rule of
        `regions.names.naming` ("示范区", "城乡一体化示范区" and 410800-Z01 are one zone), noted
        when typed otherwise; a judge's unit may be a body of it (温县发改委 is of 温县:
        `region_mentioned`); the notes say which rule ("“示范区”按简称识别为城乡一体化示范区").
        A judge's unit that is no county (市发改委) stays as typed and
        recuses him from nothing; a site's county that the tree does not know is None. A part
        of a name (一体化) is never taken: `unclear_judge_region` refuses it."""
        if not text:
            return ""
        found = (region_mentioned if judge else region_named)(text, self.regions)
        if found is None:
            note = f"评委所属「{text}」不是本{self.level}的县区或园区，不回避"
            if judge and note not in self.notes:
                self.notes.append(note)
            return text if judge else None
        named = naming(text, self.regions)
        note = named.note if named else f"评委所属「{text}」属{found.name}，按{found.name}核对回避"
        if note and note not in self.notes:
            self.notes.append(note)
        return found.name


def _tenth_seen(
    cards: Sequence[ScoreCard],
    scores: Sequence[tuple[Decimal, Decimal]],
    rubric: Sequence[Criterion],
) -> str:
    """What a judge every one of whose scores is at most a tenth of its criterion's maximum
    shows ("…最高9.5分，都不超过满分100分的十分之一，像是按10分制打的分…"); "" otherwise."""
    if any(points * 10 > maximum for points, maximum in scores):
        return ""
    highest = max((card.total for card in cards), default=Decimal(0))
    if not highest:  # nothing but zeros shows no scale
        return ""
    full = full_marks(rubric)
    if len(rubric) == 1:
        seen = f"最高{plain(highest)}分，都不超过满分{plain(full)}分的十分之一"
    else:
        seen = f"最高总分{plain(highest)}分，各项都不超过满分的十分之一（满分{plain(full)}分）"
    return (
        f"{seen}，像是按{plain(full / 10)}分制打的分；请按本表满分（{plain(full)}分）换算后"
        "重新填写，或核对评分是否填错"
    )


def _item_scale_seen(
    scores: Sequence[tuple[Decimal, Decimal]], scale: Decimal | None, rubric: Sequence[Criterion]
) -> str:
    """What a judge whose every item looks scored out of `scale` (rubric.smaller_scale: 10, 5,
    or 1 for fractions) shows, with the rule that saw it; "" for no scale."""
    if scale is None:
        return ""
    how = (
        "每项按0—1的比例（如0.8表示八成）填的分"
        if scale == 1
        else f"每项按{plain(scale)}分制打的分"
    )
    share = max(percent(points, maximum) for points, maximum in scores)
    maxima = "、".join(plain(criterion.maximum) for criterion in rubric)
    return (
        f"各项都不超过{plain(scale)}分（最高一项为该项满分的{plain(share)}%），而本表评分项满分为"
        f"{maxima}分，像是{how}；请按各项满分换算后重新填写，或核对评分是否填错（判定："
        f"{len(scores)}项得分都不超过{plain(scale)}分，"
        f"评分项满分至少一项不低于{plain(2 * scale)}分，"
        f"各项得分都不超过该项满分的{plain(SCALE_SHARE * 100)}%）"
    )


def _rows_text(numbers: Sequence[int]) -> str:
    """Rows as a message names them: "第8行", "第8—10行" (consecutive), "第2、5、8行"."""
    if len(numbers) == 1:
        return f"第{numbers[0]}行"
    if numbers[-1] - numbers[0] == len(numbers) - 1:
        return f"第{numbers[0]}—{numbers[-1]}行"
    return f"第{'、'.join(str(number) for number in numbers)}行"


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
