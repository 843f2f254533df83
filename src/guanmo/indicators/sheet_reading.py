"""Reading an indicator sheet as the statistics bureau sends it into regions' figures.

Two layouts (issue 12, "Import as the statistics bureau sends it"):
- the 统计月报: regions as rows; per indicator a group header ("固定资产投资（亿元）", merged over
  its sub-columns) above sub-columns 绝对值/1—M月累计, 上年同期, 同比增长（%）, 位次;
- one sheet per indicator: regions as rows, the sub-columns in one header row, the indicator
  named by the sheet's name or its title.

Files are opened by `guanmo.sheets.formats.open_workbook` (every format, hidden and struck rows,
formulas saved without a value); titles and sheet names naming another year or month stop the
import as the ledger's do (`guanmo.sheets.header.check_title`). Nothing here touches regions or
values: rows come out with their label, and every fault names its sheet, row and column.
"""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from guanmo.indicators.arithmetic import QUARTER_ENDS, QUARTER_ONLY
from guanmo.indicators.choices import Frequency
from guanmo.indicators.columns import (
    INDICATOR_ROW_WORDS,
    UNIT_HEADERS,
    AmbiguousColumn,
    Label,
    Role,
    SheetUnit,
    factor,
    figure_role,
    indicator_key,
    indicator_measure,
    is_note,
    is_subtotal,
    is_total,
    read_label,
    sheet_unit,
    unit_disagreement,
    unit_in_cell,
    unit_kind,
)
from guanmo.indicators.models import MAX_PLACES, Indicator
from guanmo.indicators.remembered import Mapped
from guanmo.regions.names import clean_text
from guanmo.sheets import cells
from guanmo.sheets.advice import Channel, name_column, read_again
from guanmo.sheets.column_map import as_typed
from guanmo.sheets.faults import (
    FORGOTTEN,
    REMEMBERED,
    USER_NAMED,
    ColumnUse,
    LeftOut,
    SheetFault,
    cell_place,
    stray_row,
)
from guanmo.sheets.header import (
    IGNORE,
    Expected,
    Header,
    check_sheet_name,
    check_title,
    column_key,
    column_letter,
    months_text,
    parse_pairs,
    period_named,
)
from guanmo.sheets.header_layout import under_a_group
from guanmo.sheets.number_formats import shown_value
from guanmo.sheets.remembered import HEADER_JOIN, misfit, misfit_note
from guanmo.sheets.sheet import Sheet, cell_address

HEADER_SEARCH_ROWS = 20
FIGURE_ROLES = (Role.VALUE, Role.LAST_YEAR, Role.GROWTH, Role.RANK)
_LIMIT = Decimal(10) ** 12  # IndicatorValue keeps twelve digits before the point
UNEVALUATED = (
    "是公式，但文件中没有保存计算结果（常见于系统或程序生成的表格）；请用 Excel 或 WPS 打开、"
    "保存后再导入"
)


MEASURES = "累计、上年同期、增速、位次"
MAP_FORM = "“表头=指标名称:度量”，如“固投增速（%）=固定资产投资:增速”"


def parse_indicator_mapping(
    texts: Sequence[str], catalogue: Sequence[Indicator]
) -> dict[str, Mapped | None]:
    """`--map '表头=指标名称:度量'` options (the ledger's `--map 'Excel列名=字段'`, parsed by the
    same `guanmo.sheets.header.parse_pairs`) → header key → (indicator, measure), None for
    忽略, FORGET for 按系统识别 (a remembered naming dropped: `reporting.imports.columns_named`).
    指标名称 is a catalogue name (规上 for 规模以上 as elsewhere); 度量 any sub-column word
    (累计/绝对值, 上年同期, 增速/增长/同比, 位次) or the column map's label (同比增长（%）);
    ValueError says what is wrong with the first bad option."""
    by_key = {indicator_key(indicator.name): indicator for indicator in catalogue}

    def named(text: str, right: str) -> Mapped:
        name, sep, measure = right.replace("：", ":").rpartition(":")
        if not sep or not name.strip() or not measure.strip():
            raise ValueError(f"「{text}」应写成{MAP_FORM}（度量为{MEASURES}）")
        indicator = by_key.get(indicator_key(name))
        if indicator is None:
            raise ValueError(f"「{text}」中的“{name.strip()}”不是本市指标目录中的指标")
        label = read_label(measure)
        role = next((role for role in Role if role.value == measure.strip()), None) or (
            label.role if label else None
        )
        if role not in FIGURE_ROLES:
            raise ValueError(f"「{text}」中的度量“{measure.strip()}”无法识别；可用：{MEASURES}")
        return indicator, role

    return parse_pairs(texts, named, form=f"{MAP_FORM}（度量为{MEASURES}）")  # type: ignore[return-value]


def unread_columns(
    columns: Sequence[ColumnUse], sheet: str, channel: Channel = Channel.COMMAND
) -> str:
    """The columns of `sheet` not understood, each by letter and header, with what was expected
    and how to name one as the `channel` advises (`sheets.advice`: --map on the command line,
    the column map's “指定为” on the web; tryout 18 (7)): "；未识别的列：B列「固投增速（%）」，
    应为…"; "" for none."""
    unread = [
        use
        for use in columns
        if use.sheet == sheet
        and not use.field
        and not use.note.startswith((USER_NAMED, REMEMBERED))
        and use.note not in ("隐藏列", "本月数不读取，只读累计值")
    ]
    if not unread:
        return ""
    named = "、".join(f"{column_letter(use.column)}列「{use.header}」" for use in unread)
    if channel == Channel.WEB:
        how = f"请{name_column(unread[0].header, '指标名称·度量', channel)}后{read_again(channel)}"
    else:
        how = f"请用 --map '{unread[0].header}=指标名称:度量' 指明（度量为{MEASURES}）"
    return (
        f"；未识别的列：{named}，应为本市指标目录中的指标名称加度量（如“固定资产投资增速（%）”"
        "“地区生产总值（亿元）”），或指标组表头下的累计、上年同期、增速、位次；如其中一列是某"
        f"指标的某项，{how}"
    )


@dataclass(frozen=True)
class Column:
    """A figure column: which indicator, what figure, as the header shows it, and the factor
    into the indicator's unit (1 for growth and rank)."""

    index: int
    indicator: Indicator
    role: Role
    shown: str
    factor: Decimal = Decimal(1)
    unit: str = ""  # the unit its figures are typed in, as the sheet states it ("" for none)

    @property
    def percent(self) -> bool:
        """Whether the column holds percentages: a growth, or the figure of a % indicator."""
        return self.role == Role.GROWTH or (
            self.role in (Role.VALUE, Role.LAST_YEAR) and self.indicator.unit == "%"
        )


@dataclass
class Figures:
    """One region's figures of one indicator as read, in the indicator's unit; None: blank."""

    value: Decimal | None = None
    last_year: Decimal | None = None
    growth: Decimal | None = None
    rank: int | None = None
    dashes: dict[str, str] = field(default_factory=dict)  # attribute → cell typed "—", "/"…

    @property
    def given(self) -> bool:
        return any(
            each is not None for each in (self.value, self.last_year, self.growth, self.rank)
        )


@dataclass
class SheetRow:
    """A row of regions' figures: its place, the label typed, whether it is a totals row, and
    its figures by indicator."""

    sheet: str
    number: int
    label: str
    column: str  # the regions' column as the header names it
    total: bool
    figures: dict[int, Figures] = field(default_factory=dict)  # indicator pk → figures


@dataclass
class Read:
    """What reading the workbook found."""

    rows: list[SheetRow] = field(default_factory=list)
    faults: list[SheetFault] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)
    columns: list[ColumnUse] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)
    indicators: dict[int, Indicator] = field(default_factory=dict)  # those the sheets give
    ranked: set[int] = field(default_factory=set)  # indicators with a 位次 column
    # header key → the header of the sheet a naming was applied on (kept with the naming)
    named_on: dict[str, str] = field(default_factory=dict)
    channel: Channel = Channel.COMMAND  # where the sheet came from: how advice is worded


def read_sheets(
    sheets: Sequence[Sheet],
    catalogue: Sequence[Indicator],
    expected: Expected,
    mapping: Mapping[str, Mapped | None] | None = None,
) -> Read:
    """Every sheet's regions and figures (a sheet without a regions column is passed over with a
    note; hidden sheets too); `mapping` (`parse_indicator_mapping` over the city's remembered
    namings, `reporting.imports.columns_named`) names columns by header, a remembered naming
    (`expected.earlier`) only on the header it was given on (`sheets.remembered.misfit`)."""
    read = Read(channel=expected.channel)
    by_key = {indicator_key(indicator.name): indicator for indicator in catalogue}
    for sheet in sheets:
        found = header_row(sheet)
        if (across := _indicators_as_rows(sheet, found)) is not None and not sheet.hidden:
            read.sheets.append(sheet.name)
            read.faults.append(SheetFault(sheet.name, *across, INDICATORS_AS_ROWS))
            continue
        if found is None:
            if any(any(value is not None for value in row) for row in sheet.rows[:5]):
                read.notes.append(f"工作表「{sheet.name}」没有“地区”列，不是指标表，已跳过")
            continue
        if sheet.hidden:
            read.notes.append(f"工作表「{sheet.name}」是隐藏的工作表，未导入")
            continue
        _SheetReader(sheet, found, by_key, expected, read, mapping or {}).take()
    if not read.sheets and not read.faults:
        read.faults.append(
            SheetFault("", None, None, "未找到指标表：前20行中没有“地区”“县区”等列名")
        )
    return read


INDICATORS_AS_ROWS = (
    "指标排在行上（地区排在列上，或一县一表）的表式暂不支持；请改为地区为行、指标为列：第一列写"
    "地区，每个指标一列（或一组列：累计、增速、位次）"
)


def _indicators_as_rows(sheet: Sheet, found: tuple[int, int] | None) -> tuple[int, str] | None:
    """(Excel row, text) of a 指标名称 header cell left of the regions' column (or in a sheet
    without one): the indicators run down the rows, which the reader does not read — its 单位
    column is no regions' column (issue 9, tryout 8 I05, I06)."""
    if found:
        top, region_column = found
        rows = [(top + 1, sheet.rows[top][:region_column])]
    else:
        rows = list(enumerate(sheet.rows[:HEADER_SEARCH_ROWS], start=1))
    for number, row in rows:
        for value in row:
            if isinstance(value, str) and clean_text(value) in INDICATOR_ROW_WORDS:
                return number, " ".join(value.split())
    return None


def header_row(sheet: Sheet) -> tuple[int, int] | None:
    """(0-based row, regions' column) of the first row naming the regions' column."""
    for number, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        for index, value in enumerate(row):
            label = read_label(value)
            if label is not None and label.role == Role.REGION:
                return number, index
    return None


def second_header_row(sheet: Sheet, top: int, region_column: int) -> bool:
    """Whether the row below the header row `top` (0-based) is its second row: a sub-column
    says a figure (累计, 增速…), or the regions' header cell is merged down over it, or the row
    names no region and holds no number, only words and units under the figure columns
    (「目标（万元）」, 「（万元）」, 「目标值」: tryout 14 T1, whose second row was read as a
    region's). Every label of a second row stands under its group (`sheets.header_layout.
    under_a_group` decides for merged groups; an unmerged group heads the one cell below it)."""
    if top + 1 >= len(sheet.rows):
        return False
    lower_row = sheet.rows[top + 1]
    lower = [read_label(value) for value in lower_row]
    if any(label and label.role in (Role.VALUE, Role.GROWTH) for label in lower):
        return True
    if any(
        merged.first_row == top + 1
        and merged.last_row >= top + 2
        and merged.first_column <= region_column <= merged.last_column
        for merged in sheet.merged
    ):
        return True
    if cells.parse_line(_cell(lower_row, region_column)):
        return False
    upper_row = sheet.rows[top]
    below = [(i, value) for i, value in enumerate(lower_row) if i > region_column and value]
    return bool(below) and all(
        isinstance(value, str)
        and read_label(value) is not None
        and not _is_figure_text(value)
        and (_cell(upper_row, index) is not None or under_a_group(upper_row, lower_row, index))
        for index, value in below
    )


def _is_figure_text(text: str) -> bool:
    """Whether a text cell is a figure typed as text ("12,345", "８")."""
    try:
        return cells.parse_figure(text) is not None
    except (cells.CellError, ValueError):
        return False


class _SheetReader:
    def __init__(
        self,
        sheet: Sheet,
        found: tuple[int, int],
        by_key: Mapping[str, Indicator],
        expected: Expected,
        read: Read,
        mapping: Mapping[str, Mapped | None],
    ) -> None:
        self.sheet, self.by_key, self.expected, self.read = sheet, by_key, expected, read
        self.mapping = mapping
        self.top, self.region_column = found
        self.faults: list[SheetFault] = []
        # quarterly indicators in a month ending no quarter: by indicator, its name, its columns in
        # this sheet and the fault naming the first (`_off_quarter`, `_blank_off_quarter`)
        self.off_quarter: dict[int, tuple[str, list[int], SheetFault]] = {}
        self.columns: list[Column] = []
        # growth cells typed as text with % (5.2%), by column: (address, text, figure read)
        self.percent_text: dict[str, list[tuple[str, str, Decimal]]] = {}
        # the first figure read from each column (in the indicator's unit): the column map's
        # sample, by column index
        self.samples: dict[int, str] = {}
        # a 单位 column (亩/座 per row, tryout 21 (2)): its index, and the rows converted by it
        self.unit_column: int | None = None
        self.unit_converted: dict[str, list[str]] = {}

    def fault(self, row: int | None, column: str | None, message: str) -> None:
        self.faults.append(SheetFault(self.sheet.name, row, column, message))

    def take(self) -> None:
        sheet, top = self.sheet, self.top
        upper = [read_label(value) for value in sheet.rows[top]]
        lower_row = sheet.rows[top + 1] if top + 1 < len(sheet.rows) else ()
        lower = [read_label(value) for value in lower_row]
        two_rows = any(label and label.role in FIGURE_ROLES for label in lower)
        self.bottom = top + 1 if two_rows else top
        self.two_rows = two_rows
        self.unit_column = next(
            (
                index
                for row in (upper, lower)
                for index, label in enumerate(row)
                if label is not None and label.name in UNIT_HEADERS and index != self.region_column
            ),
            None,
        )
        # every header cell's text in order: what a remembered naming is compared by
        self.header_text = HEADER_JOIN.join(
            " ".join(str(value).split())
            for row in sheet.rows[top : self.bottom + 1]
            for value in row
            if value is not None and str(value).strip()
        )
        header = Header(rows=tuple(range(top + 1, self.bottom + 2)), columns={}, units={})
        check_title(header, sheet.rows[:top], self.expected)
        check_sheet_name(header, sheet.name, self.expected)
        for row, column, message in header.faults:
            self.fault(row, column, message)
        self.sheet_unit = sheet_unit(sheet.rows[:top])
        region = upper[self.region_column]
        self.read.columns.append(
            ColumnUse(sheet.name, self.region_column, region.text, region.name, Role.REGION.value)
        )
        if two_rows:
            self._wide(upper, lower)
        else:
            self._one_row(upper)
        self._blank_off_quarter()
        if not self.columns and not self.faults:
            self.fault(
                top + 1,
                None,
                "表头中没有本市指标目录中指标的数值、增速或位次列"
                + unread_columns(self.read.columns, sheet.name, self.expected.channel),
            )
        if not self.faults:
            self._rows()
            self._unevaluated()
            self._percent_notes()
            self._unit_notes()
            self.read.columns = [
                replace(use, sample=self.samples[use.column])
                if use.sheet == sheet.name and use.field and use.column in self.samples
                else use
                for use in self.read.columns
            ]
        self.read.faults += sorted(self.faults, key=lambda fault: fault.row or 0)
        self.read.sheets.append(sheet.name)

    def _one_row(self, upper: list[Label | None]) -> None:
        """A one-row header: a cell naming an indicator with its measure (固定资产投资增速（%）,
        地区生产总值（亿元）: `indicator_measure`), or one the user maps, starts that indicator's
        columns, and the bare sub-columns right of it (位次, 上年同期) are its own, until a cell
        names another (or an indicator not in the catalogue, whose 位次 is not read). A header
        naming no indicator is one indicator's sheet, named by the sheet's name or title, as
        are bare sub-columns before any named cell."""
        labels = list(upper)
        runs: list[tuple[Indicator | None, list[tuple[int, Label | None]]]] = [(None, [])]
        for index, label in enumerate(upper):
            if index <= self.region_column or label is None:
                continue
            mapped = self._mapped(label.text)
            found = indicator_measure(label, self.by_key) if mapped is None else None
            if isinstance(mapped, tuple):  # the user's word first
                runs.append((mapped[0], []))
            elif found is not None:
                labels[index] = found[1]
                runs.append((found[0], []))
            elif mapped is None and label.role is None and label.name:
                runs.append((None, []))  # another indicator: its 位次 is not ours
            runs[-1][1].append((index, None))
        if all(indicator is None for indicator, _ in runs):  # one indicator's sheet
            runs = [(None, [(index, None) for index in range(len(upper))])]
        lead = runs[0][1]
        if len(runs) == 1 or any(
            (label := upper[index]) and label.role in FIGURE_ROLES for index, _ in lead
        ):
            runs[0] = (self._named_indicator(), lead)
        for indicator, indexes in runs:
            self._columns(labels, indexes, indicator, "")

    def _mapped(self, *texts: str) -> Mapped | str | None:
        """What the user's --map (or the city's earlier import) says of a column headed by any
        of `texts` (its own text, and 「组／子」 under a group): (indicator, measure), IGNORE,
        or None when nothing is said, or a remembered naming does not fit this sheet (said in
        the notes once; the column's note `_named_note`)."""
        for text in texts:
            key = column_key(text)
            if key not in self.mapping:
                continue
            earlier = self.expected.earlier.get(key)
            if earlier is not None and (
                unfit := misfit(
                    earlier,
                    sheet_header=self.header_text,
                    period_word=period_named(text),
                    year=self.expected.year,
                    month=self.expected.month,
                )
            ):
                note = misfit_note(
                    text, key, _label(self.mapping[key]), unfit, self.expected.channel
                )
                if note not in self.read.notes:
                    self.read.notes.append(note)
                return None
            self.read.named_on[key] = self.header_text
            return self.mapping[key] or IGNORE
        return None

    def _named_note(self, *texts: str) -> str:
        """The column map's note on a column named by `texts`: 用户指定 (忽略) when typed now,
        沿用上次导入的对应（…） when remembered, 未沿用上次导入的对应（…） when a remembered
        naming did not fit, 不再沿用上次导入的对应 when dropped now; "" when none names it."""
        for text in texts:
            key = column_key(text)
            if key not in self.mapping:
                if self.expected.remembered.get(key) == FORGOTTEN:
                    return FORGOTTEN
                continue
            earlier = self.expected.earlier.get(key)
            if earlier is not None and key not in self.read.named_on:
                return earlier.not_used
            if key in self.expected.remembered:
                return self.expected.remembered[key]
            return USER_NAMED if self.mapping[key] else f"{USER_NAMED}忽略"
        return ""

    def _named_indicator(self) -> Indicator | None:
        """The indicator of a one-indicator sheet: named by the sheet, else by its title."""
        named = self.by_key.get(indicator_key(self.sheet.name))
        if named is not None:
            return named
        title = "".join(
            value for row in self.sheet.rows[: self.top] for value in row if isinstance(value, str)
        )
        key = indicator_key(title)
        within = [indicator for name, indicator in self.by_key.items() if name and name in key]
        if within:
            return max(within, key=lambda indicator: len(indicator.name))
        self.fault(
            None,
            None,
            "未能确定指标：工作表名和标题都没有写明本市指标目录中的指标（如“固定资产投资”），"
            "表头也没有写明指标名称"
            + unread_columns(self._header_uses(), self.sheet.name, self.expected.channel),
        )
        return None

    def _header_uses(self) -> list[ColumnUse]:
        """The header's cells right of the regions' column as columns not read (for a fault
        naming them before the columns are read)."""
        return [
            ColumnUse(self.sheet.name, index, label.text, label.name, "")
            for index, label in enumerate(map(read_label, self.sheet.rows[self.top]))
            if index > self.region_column and label is not None and label.role != Role.SERIAL
        ]

    def _wide(self, upper: list[Label | None], lower: list[Label | None]) -> None:
        """The 统计月报 layout: each sub-column under its group header (a merged cell shows its
        text in its first column only, so a group spans right until the next)."""
        group: tuple[int, Label] | None = None
        by_group: dict[int, list[tuple[int, Label | None]]] = {}
        groups: dict[int, Label] = {}
        for index in range(max(len(upper), len(lower))):
            if index <= self.region_column:
                continue
            above = upper[index] if index < len(upper) else None
            if above is not None:
                group = (index, above)
                groups[index] = above
            if group is not None:
                by_group.setdefault(group[0], []).append((index, group[1]))
        for start, label in groups.items():
            indicator = self.by_key.get(indicator_key(label.name))
            if indicator is None:
                self.read.columns.append(
                    ColumnUse(
                        self.sheet.name,
                        start,
                        label.text,
                        label.name,
                        "",
                        note="不是本市指标目录中的指标",
                    )
                )
                self.read.notes.append(
                    f"工作表「{self.sheet.name}」「{label.text}」不是本市指标目录中的指标，未读取"
                )
            if indicator is not None and label.months:
                self._check_months(label, self.top + 1, label.text)
            self._columns(lower, by_group[start], indicator, label.unit)

    def _columns(
        self,
        labels: list[Label | None],
        indexes: list[tuple[int, Label | None]],
        group_indicator: Indicator | None,
        group_unit: str,
    ) -> None:
        """The figure columns among `indexes`, of `group_indicator` unless the user's --map
        names another (None: an indicator not in the catalogue, whose columns are read only
        when mapped); a unit is the sub-column's, else `group_unit` (its group header's), else
        the sheet's (`self.sheet_unit`)."""
        row = self.bottom + 1
        for index, group in indexes:
            label = labels[index] if index < len(labels) else None
            if label is None or index == self.region_column:
                continue
            shown = f"{group.text}／{label.text}" if group else label.text
            use = ColumnUse(self.sheet.name, index, shown, column_key(shown), "")
            mapped = self._mapped(shown, label.text)
            named_note = self._named_note(shown, label.text)
            if mapped is None and index == self.unit_column:
                self.read.columns.append(replace(use, note="各行数值的单位，按行换算"))
                continue
            if isinstance(mapped, str):  # 忽略
                self.read.columns.append(replace(use, note=named_note))
                continue
            indicator = mapped[0] if mapped else group_indicator
            hidden = index in self.sheet.hidden_columns
            if indicator is None or (label.role not in FIGURE_ROLES and not mapped):
                why = "本月数不读取，只读累计值" if label.role == Role.THIS_MONTH else "未识别"
                if label.role != Role.SERIAL and (group is None or indicator is not None):
                    if hidden and not named_note:  # left out as hidden, never merely 未识别
                        self._hidden(use, shown)
                        continue
                    self.read.columns.append(replace(use, note=named_note or why))
                continue
            if hidden:
                self._hidden(use, shown)
                continue
            # A one-indicator sheet's name (固定资产投资增速) says what its columns hold.
            named = read_label(self.sheet.name) if group is None else group
            try:
                ratio = indicator.unit == "%"
                role = mapped[1] if mapped else figure_role(label, [named], ratio=ratio)
            except AmbiguousColumn as error:
                self.fault(row, shown, str(error))
                continue
            label = replace(label, role=role)
            if label.role == Role.VALUE and label.months:
                self._check_months(label, row, shown)
            into = Decimal(1)
            header_unit = label.unit or group_unit
            stated = header_unit or (self.sheet_unit.word if self.sheet_unit else "")
            if label.role in (Role.VALUE, Role.LAST_YEAR):
                why = unit_disagreement(header_unit, self.sheet_unit)
                if why and not self.two_rows:  # one indicator's sheet: one of the two is wrong
                    self.fault(row, shown, why)
                    continue
                if why:  # a 统计月报's units line is the default of columns without their own
                    self.read.notes.append(
                        f"工作表「{self.sheet.name}」「{shown}」表头写明单位为{header_unit}，按表头"
                        f"读取（{self.sheet_unit.place}所写{self.sheet_unit.word}用于未写单位的列）"
                    )
                at = "" if header_unit else _stated_at(self.sheet_unit)
                # a ratio's group header in % (占比（%）) states its columns' unit too
                percent = label.percent or (group is not None and group.percent)
                into = self._factor(stated, at, percent, indicator, row, shown)
                if into is None:
                    continue
            if self._off_quarter(indicator, row, index, shown):
                continue
            amount = label.role in (Role.VALUE, Role.LAST_YEAR)
            self.columns.append(
                Column(index, indicator, label.role, shown, into, stated if amount else "")
            )
            self.read.indicators[indicator.pk] = indicator
            if label.role == Role.RANK:
                self.read.ranked.add(indicator.pk)
            self.read.columns.append(
                ColumnUse(
                    self.sheet.name,
                    index,
                    shown,
                    label.name,
                    f"{indicator.name}·{label.role.value}",
                    unit=stated if label.role in (Role.VALUE, Role.LAST_YEAR) else "",
                    note=named_note if mapped else "",
                )
            )

    def _hidden(self, use: ColumnUse, shown: str) -> None:
        """A hidden column, understood or not, left out: said in the column map and the notes."""
        self.read.columns.append(replace(use, note="隐藏列"))
        self.read.notes.append(f"工作表「{self.sheet.name}」「{shown}」为隐藏列，未读取")

    def _off_quarter(self, indicator: Indicator, row: int, index: int, shown: str) -> bool:
        """Whether the column gives a quarterly indicator in a month ending no quarter: a fault
        naming the sheet, row and column, once per indicator and sheet ("工作表「地区生产总值」
        第1行列B「1—5月累计（亿元）」：“地区生产总值”是季度指标，只在3、6、9、12月有数，本次导入
        的是5月"; tryout 18 (6b): it doubled the name and named no sheet nor column)."""
        month = self.expected.month
        if not month or indicator.frequency != Frequency.QUARTERLY or month in QUARTER_ENDS:
            return False
        if indicator.pk not in self.off_quarter:
            fault = SheetFault(
                self.sheet.name,
                None,
                None,
                f"{cell_place('', row, index, shown)}：“{indicator.name}”是季度指标，"
                f"{QUARTER_ONLY}，本次导入的是{month}月",
            )
            self.off_quarter[indicator.pk] = (indicator.name, [], fault)
        self.off_quarter[indicator.pk][1].append(index)
        return True

    def _blank_off_quarter(self) -> None:
        """Fault each quarterly indicator of `_off_quarter` that has a figure under its columns;
        one whose columns are all blank (a monthly template keeps the GDP columns, left empty in
        May) is left out with a note (tryout 21 (12): the import stopped, passing only with
        --map …=忽略)."""
        body = self.sheet.rows[self.bottom + 1 :]
        for name, indices, fault in self.off_quarter.values():
            typed = any(
                index < len(row) and row[index] is not None and str(row[index]).strip()
                for row in body
                for index in indices
            )
            if typed:
                self.faults.append(fault)
                continue
            self.read.notes.append(
                f"工作表「{self.sheet.name}」“{name}”是季度指标，{self.expected.month}月不报，"
                "表中其各列均为空，已略过"
            )

    def _factor(
        self, stated: str, at: str, percent: bool, indicator: Indicator, row: int, shown: str
    ) -> Decimal | None:
        """Into the indicator's unit: exactly, or a fault (None); `at` says where the sheet
        states the unit (for the note), "" when the header does; `percent`: the column's header
        or its group's says % (tryout 29 item 7: 占比（%）／绝对值 was said 未注明单位)."""
        if percent and indicator.unit == "%":
            return Decimal(1)
        if not stated:
            if self.unit_column is None:  # else each row's unit cell says it (`_row_factor`)
                self.read.notes.append(
                    f"工作表「{self.sheet.name}」「{shown}」未注明单位，按指标“{indicator.name}”"
                    f"的单位{indicator.unit}读取"
                )
            return Decimal(1)
        into = factor(stated, indicator.unit)
        if into is None:
            self.fault(
                row,
                shown,
                f"以{stated}填报，指标“{indicator.name}”的单位是{indicator.unit}，无法换算",
            )
        elif into != 1:
            self.read.notes.append(
                f"工作表「{self.sheet.name}」「{shown}」以{stated}填报{at}，"
                f"已换算为{indicator.unit}"
            )
        return into

    def _check_months(self, label: Label, row: int, shown: str) -> None:
        wanted = (1, self.expected.month)
        if self.expected.month and label.months != wanted:
            self.fault(
                row,
                shown,
                f"表头写明{months_text(label.months)}，与导入的{months_text(wanted)}不符",
            )

    def _percent_notes(self) -> None:
        """One note per growth column whose cells were typed as text with % ("5.2%"), naming
        them and how they were read (5.2, not 0.052) (issue 9 §8, tryout 11 §3)."""
        for shown, typed in self.percent_text.items():
            addresses = "、".join(address for address, _, _ in typed)
            _, text, figure = typed[0]
            self.read.notes.append(
                f"工作表「{self.sheet.name}」「{shown}」单元格{addresses}以文本填写百分号（如“{text}”），"
                f"已按增速{cells.format_wan(figure)}读取（不是{cells.format_wan(figure / 100)}）"
            )

    def _unevaluated(self) -> None:
        for address in self.sheet.unevaluated:
            letters = address.rstrip("0123456789")
            number = int(address[len(letters) :])
            column = next(
                (c.shown for c in self.columns if cell_address(number, c.index) == address), None
            )
            self.fault(number, column, f"单元格{address}{UNEVALUATED}")

    def _rows(self) -> None:
        sheet, region_header = self.sheet, str(self.sheet.rows[self.top][self.region_column])
        region_header = " ".join(region_header.split())
        for number, raw in enumerate(sheet.rows[self.bottom + 1 :], start=self.bottom + 2):
            cells_given = [
                column for column in self.columns if _cell(raw, column.index) not in (None, "")
            ]
            label = cells.parse_line(_cell(raw, self.region_column))
            if not label and not cells_given:
                if stray := stray_row(raw):
                    self.read.left_out.append(LeftOut(sheet.name, number, stray))
                continue
            if number in sheet.hidden_rows or number in sheet.struck_rows:
                reason = "隐藏行" if number in sheet.hidden_rows else "删除线"
                self.read.left_out.append(LeftOut(sheet.name, number, reason))
                continue
            if not label:
                self.fault(number, region_header, "没有地区名称，无法确定是哪个地区的数")
                continue
            if is_note(label) and not cells_given:
                self.read.left_out.append(LeftOut(sheet.name, number, "注释行"))
                continue
            if is_subtotal(label):
                self.read.left_out.append(LeftOut(sheet.name, number, "小计行"))
                continue
            row = SheetRow(sheet.name, number, label, region_header, is_total(label))
            refused = len(self.faults)
            for column in self.columns:
                self._take(row, column)
            if row.figures:
                self.read.rows.append(row)
            elif len(self.faults) > refused:
                # a cell refused is said as such, never as a row without figures (tryout 17);
                # its region is still looked up, so that every fault is said in one run
                self.read.rows.append(row)
            elif not row.total:
                self.read.notes.append(
                    f"工作表「{sheet.name}」第{number}行（{label}）没有任何数值，未导入"
                )

    def _take(self, row: SheetRow, column: Column) -> None:
        """The row's figure in `column`, as the sheet shows it (a growth of 0.099 under "0.0%"
        is 9.9: guanmo.sheets.number_formats.shown_value)."""
        into: Decimal | None = Decimal(1)
        try:
            value = shown_value(self.sheet, row.number, column.index, percent=column.percent)
            if column.role == Role.RANK:
                figure = cells.parse_rank(value)
            else:
                figure = cells.parse_figure(value)
                into = self._row_factor(row, column)
                if into is None:
                    return
                if figure is not None and into != 1:
                    figure = _converted(figure, column, into)
        except cells.CellError as error:
            raw = _cell(self.sheet.rows[row.number - 1], column.index)
            unit = _unit_of(column) if column.role in (Role.VALUE, Role.LAST_YEAR) else ""
            said = unit_in_cell(raw, unit, column.indicator.name) if unit else ""
            self.fault(row.number, column.shown, said or str(error))
            return
        attribute = {
            Role.VALUE: "value",
            Role.LAST_YEAR: "last_year",
            Role.GROWTH: "growth",
            Role.RANK: "rank",
        }[column.role]
        raw = _cell(self.sheet.rows[row.number - 1], column.index)
        typed = clean_text(raw) if isinstance(raw, str) else ""
        address = cell_address(row.number, column.index)
        if figure is None:
            if typed:  # "—", "/", "无": not given, said where it keeps a stored figure
                figures = row.figures.setdefault(column.indicator.pk, Figures())
                figures.dashes[attribute] = f"{address}为“{raw.strip()}”"
            return
        if column.index not in self.samples:
            self.samples[column.index] = self._sample(row, column, Decimal(figure), into)
        if column.role == Role.GROWTH and typed.endswith("%"):
            self.percent_text.setdefault(column.shown, []).append((address, raw.strip(), figure))
        figures = row.figures.setdefault(column.indicator.pk, Figures())
        if getattr(figures, attribute) is not None:
            self.fault(
                row.number, column.shown, f"“{column.indicator.name}”的{column.role.value}有两列"
            )
            return
        setattr(figures, attribute, figure)

    def _sample(self, row: SheetRow, column: Column, figure: Decimal, into: Decimal) -> str:
        """The column map's sample of `figure` (in the indicator's unit, `into` times the typed
        one): an amount as the sheet has it, in the unit the column or the row's 单位 cell
        states, with the indicator's figure beside when the two differ ("742601.5万元（折合
        74.26015亿元）": `column_map.as_typed`); a growth, a rank or a figure of no stated unit
        as read."""
        unit = column.indicator.unit
        if column.role not in (Role.VALUE, Role.LAST_YEAR) or unit == "%":
            return cells.format_wan(figure)
        typed = column.unit
        if into != column.factor and self.unit_column is not None:  # the row's 单位 cell
            given = _cell(self.sheet.rows[row.number - 1], self.unit_column)
            typed = clean_text(given) if isinstance(given, str) else typed
        return as_typed(figure, into=into, typed_unit=typed or unit, stored_unit=unit)

    def _row_factor(self, row: SheetRow, column: Column) -> Decimal | None:
        """What the row's figure in `column` is multiplied by: the column's factor, or, where the
        sheet has a 单位 column and the row names a unit there, that unit's into the indicator's
        (120亩 → 0.012万亩); None, with a fault naming the cell, for a unit of another kind (3座
        of an indicator in 亩: issue 12, "a sheet that mixes 亩 and 座 in one column is
        refused")."""
        if self.unit_column is None or column.role not in (Role.VALUE, Role.LAST_YEAR):
            return column.factor
        typed = _cell(self.sheet.rows[row.number - 1], self.unit_column)
        given = clean_text(typed) if isinstance(typed, str) else ""
        if not given:
            return column.factor
        indicator = column.indicator
        into = factor(given, indicator.unit)
        address = cell_address(row.number, self.unit_column)
        if into is None:
            self.fault(
                row.number,
                column.shown,
                f"单元格{address}单位为{given}，指标“{indicator.name}”的单位是{indicator.unit}，"
                f"无法换算（同一列不能混填不同单位的数）",
            )
        elif into != 1:
            self.unit_converted.setdefault(column.shown, []).append(f"单元格{address}为{given}")
        return into

    def _unit_notes(self) -> None:
        """One note per column whose rows were converted by the 单位 column, naming the cells."""
        for shown, given in self.unit_converted.items():
            self.read.notes.append(
                f"工作表「{self.sheet.name}」「{shown}」按各行单位列换算（{'、'.join(given)}）"
            )


def _unit_of(column: Column) -> str:
    """The unit a figure column is typed in: the indicator's, or the one its header names
    when the figures are converted (一般公共预算收入（万元） of an indicator in 亿元)."""
    if column.factor == 1:
        return column.indicator.unit
    named = (part for part in re.findall(r"[（(]([^（）()]+)[）)]", column.shown))
    return next((part for part in named if unit_kind(part) is not None), "")


def _cell(row: Sequence[object], index: int) -> object:
    return row[index] if index < len(row) else None


def _stated_at(stated: SheetUnit | None) -> str:
    """Where the sheet states the unit a column was read in, for a note: "（第1行「…」写明）"."""
    return f"（{stated.place}写明）" if stated is not None else ""


def _converted(figure: Decimal, column: Column, into: Decimal) -> Decimal:
    """A figure in the indicator's unit (times `into`), exactly; CellError when it would need
    rounding."""
    converted = figure * into
    if cells.decimal_places(converted.normalize()) > MAX_PLACES:
        raise cells.CellError(
            f"{cells.format_wan(figure)}换算为{column.indicator.unit}后超过{MAX_PLACES}位小数，"
            "无法精确保存"
        )
    if abs(converted) >= _LIMIT:
        raise cells.CellError(f"数额过大：{cells.format_wan(figure)}")
    return converted


def _label(mapped: Mapped | None) -> str | None:
    """A naming as the notes say it (固定资产投资:增速), None for 忽略."""
    return None if mapped is None else f"{mapped[0].name}:{mapped[1].value}"
