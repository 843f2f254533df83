"""Loading a city's ledger sheet: projects, their key-list places and the year's annual plan.

A project in the sheet is matched to one already in the ledger by its code, else by its name
within its county; a match is updated, anything else created. Nothing is ever deleted. The
columns the sheet has overwrite (a blank cell clears), except that a known code is kept and a
blank figure of the year (年度计划投资, 截至上年底累计完成投资) and a blank milestone date
(计划开工时间, 实际开工时间…) leave the stored one alone.
Each value a row changes on a project already in the ledger, the year's figures included,
goes to the project's history with the file's name as the reason; a new project's first values
are not changes.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import Model

from guanmo import clock
from guanmo.accounts.models import User
from guanmo.figures.formatting import rate
from guanmo.ledger.cells import (
    StageOrNature,
    format_levels,
    heading_levels,
    parse_stage_or_nature,
    stage_named,
)
from guanmo.ledger.columns import LEDGER_COLUMNS, MILESTONE_COLUMNS, Field
from guanmo.ledger.key_lists import first_day
from guanmo.ledger.milestones import MilestoneDates, date_faults
from guanmo.ledger.models import (
    AnnualPlan,
    CompletedBeforeYear,
    KeyListEntry,
    Level,
    Milestone,
    MilestoneKind,
    Project,
    Stage,
)
from guanmo.ledger.services.matching import (
    BareNames,
    CountyFinder,
    Placement,
    name_key,
    place,
    placement_notes,
    unread_heading_faults,
)
from guanmo.ledger.services.milestones import milestone_changes
from guanmo.ledger.unit_doubts import (
    CONFIRM_CHANGES,
    check_large_figures,
    slip_of,
    small_totals_faults,
    tenfold_change,
    times_text,
    total_below_plan_slip,
    unit_doubt_notes,
)
from guanmo.prepared_writes import PreparedWrites, reserve_ids
from guanmo.regions.models import Region
from guanmo.regions.names import names_town_or_zone, own_level, whole
from guanmo.reporting.history import Change, changes_between, field_labels, record_changes
from guanmo.reporting.history import Source as ChangeSource
from guanmo.reporting.imports import columns_named, record_import, remember_mapping
from guanmo.reporting.models import ImportRecord
from guanmo.reporting.selectors import closed_months, reporting_month
from guanmo.sheets.advice import Channel
from guanmo.sheets.cells import CellError, format_wan
from guanmo.sheets.faults import ImportReport, SheetFault
from guanmo.sheets.header import Expected, Header, column_letter
from guanmo.sheets.stated_units import without_stated_units
from guanmo.sheets.table import Row, Table
from guanmo.sheets.workbook import SheetSpec, Source, import_reason, read_workbook, source_name

LEDGER_SHEET = SheetSpec(
    LEDGER_COLUMNS,
    used=frozenset(Field)
    - {
        Field.SERIAL,
        Field.COMPLETED_THIS_MONTH,
        Field.CUMULATIVE_COMPLETED,
        Field.CUMULATIVE_SINCE_START,
        Field.VISIBLE_PROGRESS,
        Field.PROBLEMS,
    },
    # The county may come from the layout instead of a column (see _unplaced_faults).
    required=((Field.NAME,), (Field.TOTAL_INVESTMENT,)),
)

# Columns copied onto the project as they stand; a blank cell sets the attribute's blank.
_COPIED: dict[Field, tuple[str, object]] = {
    Field.NAME: ("name", ""),
    Field.OWNER: ("owner", ""),
    Field.INDUSTRY: ("industry", ""),
    Field.CATEGORY: ("category", ""),
    Field.PHASE: ("stage", ""),
    Field.NATURE: ("construction_nature", ""),
    Field.SCOPE: ("scope", ""),
    Field.TOTAL_INVESTMENT: ("total_investment", Decimal(0)),
    Field.RESPONSIBLE_UNIT: ("responsible_unit", ""),
    Field.LEADER_IN_CHARGE: ("leader_in_charge", ""),
    Field.SITE_COMMISSIONER: ("site_commissioner", ""),
    Field.LOCATION: ("location", ""),
}
_LENGTH_LIMITS = {
    column: Project._meta.get_field(attribute).max_length
    for column, (attribute, _) in _COPIED.items()
    if Project._meta.get_field(attribute).max_length
}


@dataclass(frozen=True)
class _YearFigure:
    """A figure the ledger keeps per project and year, read from a column of its own."""

    column: Field
    model: type[Model]
    attribute: str

    @property
    def labels(self) -> dict[str, str]:
        return field_labels(self.model, [self.attribute])


_YEAR_FIGURES = (
    _YearFigure(Field.ANNUAL_PLAN, AnnualPlan, "planned_investment"),
    _YearFigure(Field.PREVIOUS_YEAR_END, CompletedBeforeYear, "completed"),
)


@dataclass
class _Entry:
    """A valid sheet row and what it becomes."""

    row: Row
    columns: set[Field]  # the columns its sheet has
    placement: Placement
    # The outermost heading above it that names no place ("先进制造业"): a county heading
    # gives the county, never a field of the projects under it.
    category_heading: str = ""
    level_heading: str = ""  # the heading naming its key list ("省重点项目"), if any
    stage_heading: str = ""  # the stage a heading above it gave its blank 建设阶段, if any
    project: Project | None = None  # the ledger's project it updates, if any

    @property
    def county(self) -> Region:
        """The unit that counts the project: its county, lead county, or the city itself."""
        return self.placement.lead


def import_ledger(
    source: Source,
    *,
    city: Region,
    year: int,
    level: str = Level.CITY,
    dry_run: bool = False,
    user: User | None = None,
    mapping: Mapping[str, Field | None] | None = None,
    file_name: str = "",
    confirm_changes: bool = False,
    month: int | None = None,
    channel: Channel = Channel.COMMAND,
) -> ImportReport:
    """Load a ledger sheet for `year`; rows go on the (year, level) key list unless their
    重点级别 cell names the lists. All or nothing: with any fault, nothing is written (and
    nothing recorded). The history names `user` as who changed the figures and keeps the
    report; `mapping` names columns (header text → field, None to ignore), and is remembered
    for the city's next import. A stored 总投资 or 年度计划投资 changed tenfold or more is a
    fault (a likely unit slip) unless `confirm_changes`, then a note. A project it creates
    entered the ledger on the first day of the import's `month` (else the month the city is
    reporting, `reporting_month`; none in January) and is due to report from then
    (`ledger.due`), as noted. `channel` says where the sheet came from: a message's advice on
    naming a column is the page's column map on the web, --map on the command line
    (`guanmo.sheets.advice`)."""
    if level not in Level.values:
        raise ValueError(f"级别应为省、市或县，而不是{level}")
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"月份应在1到12之间，而不是{month}")
    counties = CountyFinder(city)
    named, remembered, earlier = columns_named(city, mapping or {})
    expected = Expected(
        year=year,
        mapping=named,
        remembered=remembered,
        earlier=earlier,
        places=counties.units,
        channel=channel,
    )
    reading = read_workbook(source, LEDGER_SHEET, expected, file_name=file_name)
    report = reading.report("个项目", dry_run=dry_run)
    report.file = file_name or source_name(source)
    report.channel = channel
    if not report.ok:
        return report

    large_notes = check_large_figures(reading.tables)
    entries: list[_Entry] = []
    for table in reading.tables:
        report.notes += _read_category_as_stage(table)
        stage, note = _stage_of_sheet(table)
        report.notes += note
        for row in table.rows:
            if stage:
                row.values[Field.PHASE] = stage
            entry = _check_row(row, table, counties)
            if entry:
                entry.columns |= {Field.PHASE} if stage else set()
                entries.append(entry)
    _check_repeats(entries)
    lead_notes = _match_ledger(entries, city)
    kept_totals = _check_blank_totals(entries)
    confirmed = _check_tenfold_changes(entries, reading.tables, year, confirmed=confirm_changes)
    confirmed += _check_closed_months(
        entries, reading.tables, city, year, month, confirmed=confirm_changes
    )
    milestones = _check_milestones(entries, clock.today())
    report.faults = [fault for row in reading.rows for fault in row.faults]
    report.faults += _unplaced_faults(reading.tables, {id(entry.row) for entry in entries})
    placed = [(entry.row, entry.placement) for entry in entries]
    report.faults += [f for table in reading.tables for f in unread_heading_faults(table, placed)]
    report.faults += small_totals_faults(reading.tables)
    if not report.ok:
        return report

    report.notes += counties.reading_notes()
    report.notes += placement_notes([(entry.row, entry.placement) for entry in entries])
    report.notes += _level_heading_notes(entries)
    report.notes += _stage_heading_notes(entries)
    report.notes += lead_notes
    report.notes += _pending_notes(entries, year)
    report.notes += _blank_mark_notes(entries, year) + _blank_cell_notes(entries, year)
    report.notes += _start_only_notes(entries)
    report.notes += kept_totals + confirmed
    report.notes += unit_doubt_notes(reading.tables) + large_notes

    if any(Field.ANNUAL_PLAN not in table.header.fields for table in reading.tables):
        report.notes.append(f"表中没有年度计划投资列，未设置{year}年计划投资")
    entered_month = month or reporting_month(city, year)
    # In the year's ledger from January it is due every month, as a project with no day is;
    # no day keeps it due in an earlier year's ledger loaded later, and an export read back
    # the same.
    entered_on = first_day(year, entered_month) if entered_month > 1 else None
    changes = _changes(
        entries, city=city, year=year, level=level, milestones=milestones, entered_on=entered_on
    )
    report.created, report.updated = len(changes.created), changes.updated
    report.notes += _entered_note(len(changes.created), entered_on, given=month is not None)
    report.unchanged = len(entries) - report.created - report.updated
    if not dry_run:
        prepared = changes.prepare()
        with transaction.atomic():
            changes.write(prepared)
            record = record_import(report, city=city, kind=ImportRecord.Kind.LEDGER, user=user)
            record_changes(
                changes.history,
                source=ChangeSource.IMPORT,
                user=user,
                reason=import_reason(report.file),
                import_record=record,
            )
            if mapping:
                remember_mapping(city, mapping, report, user=user, year=year)
    return report


def _entered_note(created: int, entered_on: date | None, *, given: bool) -> list[str]:
    """What the import's period means for the projects it creates (issue 14 round 14: one
    added in June was asked to report every month of the year)."""
    if not created or entered_on is None:  # due every month of the year: nothing to say
        return []
    month = f"{entered_on.year}年{entered_on.month}月"
    why = "按导入时指定的月份" if given else "按正在填报的月份；如应自其他月份起，请指定导入月份"
    return [
        f"新增的{created}个项目转入台账日期记为{month}1日，自{month}起报送进度"
        f"（{why}），此前月份不要求报送"
    ]


def _read_category_as_stage(table: Table) -> list[str]:
    """A 项目类型 column every cell of which is a stage or a 建设性质 word (新开工, 续建, 扩建)
    is that column under another name, in a sheet without one: read it so, and say so."""
    header = table.header
    index = next((i for i, name in header.columns.items() if name == Field.CATEGORY), None)
    if index is None or Field.STAGE in header.fields:
        return []
    typed = [row.values[Field.CATEGORY] for row in table.rows if row.values.get(Field.CATEGORY)]
    try:
        read = [parse_stage_or_nature(text) for text in typed]
    except CellError:
        return []
    if not read:
        return []
    header.columns[index] = Field.STAGE
    for row in table.rows:
        text = row.values.pop(Field.CATEGORY, "")
        row.values[Field.STAGE] = parse_stage_or_nature(text)
    return [
        f"工作表「{table.sheet}」「项目类型」列填写的是建设性质（如「{typed[0]}」），已按建设性质读取"
    ]


def _stage_of_sheet(table: Table) -> tuple[str, list[str]]:
    """The stage of every project of a sheet without a stage column (建设阶段 or 建设性质) whose
    name, else title, names one ("续建项目"), and the note saying so (tryout 4 L06)."""
    if table.header.fields & {Field.PHASE, Field.STAGE}:
        return "", []
    for where, text in (("工作表名", table.sheet), ("标题", without_stated_units(table.title))):
        if stage := stage_named(text):
            return stage, [
                f"工作表「{table.sheet}」没有{Field.PHASE.value}列，按{where}「{text}」读作"
                f"{stage}项目"
            ]
    return "", []


def _check_row(row: Row, table: Table, counties: CountyFinder) -> _Entry | None:
    """The faults a row has on its own; a blank county cell falls back on the location, then
    on the sheet's layout (heading, sheet name, title, project code)."""
    columns = table.header.fields
    if not row.values.get(Field.NAME) and not row.failed(Field.NAME):
        row.fault(Field.NAME, "不能为空")
    found_before = len(row.faults)
    placement = counties.placement_of(row, table)
    if (
        placement is None
        and len(row.faults) == found_before
        and columns & {Field.COUNTY, Field.LOCATION}
        and not any(row.failed(c) for c in (Field.COUNTY, Field.LOCATION, Field.LEAD_COUNTY))
    ):
        row.fault(Field.COUNTY if Field.COUNTY in columns else Field.LOCATION, "不能为空")
    stage_heading = _stage_heading(row, table.header)
    _check_pending(row)
    _check_stages(row)
    level_heading = _level_heading(row)
    for column, limit in _LENGTH_LIMITS.items():
        if len(row.values.get(column, "")) > limit:
            row.fault(column, f"不能超过{limit}个字")
    total = row.values.get(Field.TOTAL_INVESTMENT)
    plan = row.values.get(Field.ANNUAL_PLAN)
    if total is not None and plan is not None and plan > total:
        # the total is the slip, not the plan, unless the plan is itself doubted as one (a
        # plan typed in 元, `check_large_figures`)
        doubted = row.failed(Field.ANNUAL_PLAN) or row.failed(Field.TOTAL_INVESTMENT)
        if not doubted and (slip := total_below_plan_slip(total, plan)):
            cell = _cell_of(table.header, Field.TOTAL_INVESTMENT, row.number)
            row.fault(
                Field.TOTAL_INVESTMENT,
                f"{cell}为{format_wan(total)}万元，{slip}；请核对单位后再导入",
            )
        else:
            row.fault(
                Field.ANNUAL_PLAN, f"{format_wan(plan)}万元，超过总投资{format_wan(total)}万元"
            )
    before = row.values.get(Field.PREVIOUS_YEAR_END)
    if total is not None and before is not None and before > total:
        row.fault(
            Field.PREVIOUS_YEAR_END, f"{format_wan(before)}万元，超过总投资{format_wan(total)}万元"
        )
    if row.faults or placement is None:
        return None
    # A heading naming a place (a county, the city, a town or a park under a county's) or a
    # key list is no 产业类别 of the projects under it.
    category = next(
        (
            h
            for h in row.headings
            if counties.find(h) is None
            and not counties.names_city(h)
            and not names_town_or_zone(h)
            and not heading_levels(h)
            and not stage_named(h)
        ),
        "",
    )
    if stage_heading:
        columns = columns | {Field.PHASE}
    return _Entry(row, columns, placement, category, level_heading, stage_heading)


def _stage_heading(row: Row, header: Header) -> str:
    """The stage the innermost heading above `row` names (一、新开工项目（2个） → 新开工), taken as
    the row's 建设阶段 when neither its 建设阶段 nor its 建设性质 cell gives one; a cell giving
    another stage is a fault of that cell. Returns the stage taken ("" when none was).
    Source: issue 9 §4 (tryout 11 L17): a heading row never leaves what it says unread."""
    named = next((stage_named(h) for h in reversed(row.headings) if stage_named(h)), "")
    if not named:
        return ""
    stated = row.values.get(Field.STAGE) or StageOrNature()
    own = [(Field.PHASE, row.values.get(Field.PHASE)), (Field.STAGE, stated.stage)]
    for column, stage in own:
        if stage and stage != named and not row.failed(column):
            cell = _cell_of(header, column, row.number)
            row.fault(column, f"{cell}「{stage}」与所在标题行（{named}项目）不符")
    if any(stage for _, stage in own) or any(row.failed(column) for column, _ in own):
        return ""
    row.values[Field.PHASE] = named
    return named


def _level_heading(row: Row) -> str:
    """The innermost heading above `row` naming a key list ("省重点项目"), whose levels the row
    takes when its own 重点级别 cell is blank; a cell naming other levels is a fault of the row.
    "" when no heading names a list. Source: issue 9 (tryout 5 A07, 一、省重点项目)."""
    heading = next((h for h in reversed(row.headings) if heading_levels(h)), "")
    if not heading or row.failed(Field.LEVELS):
        return heading
    named = heading_levels(heading)
    own = row.values.get(Field.LEVELS)
    if own and own != named:
        row.fault(Field.LEVELS, f"「{format_levels(own)}」与所在标题行「{heading}」不符")
    else:
        row.values[Field.LEVELS] = named
    return heading


def _level_heading_notes(entries: list[_Entry]) -> list[str]:
    """What the report says of levels taken from headings: "工作表「台账」第3、4行按标题行
    「省重点项目」列入省重点项目名录"."""
    by_heading: dict[tuple[str, str], list[int]] = {}
    for entry in entries:
        if entry.level_heading:
            key = (entry.row.sheet, entry.level_heading)
            by_heading.setdefault(key, []).append(entry.row.number)
    notes = []
    for (sheet, heading), numbers in by_heading.items():
        levels = format_levels(heading_levels(heading))
        notes.append(
            f"工作表「{sheet}」{_row_numbers(numbers)}按标题行「{heading}」列入{levels}重点项目名录"
        )
    return notes


def _stage_heading_notes(entries: list[_Entry]) -> list[str]:
    """What the report says of stages taken from headings: "工作表「台账」第4、6行没有建设阶段
    列，按所在标题行读作新开工项目"."""
    by_stage: dict[tuple[str, str], list[int]] = {}
    for entry in entries:
        if entry.stage_heading:
            key = (entry.row.sheet, entry.stage_heading)
            by_stage.setdefault(key, []).append(entry.row.number)
    return [
        f"工作表「{sheet}」{_row_numbers(numbers)}没有{Field.PHASE.value}列，按所在标题行读作"
        f"{stage}项目"
        for (sheet, stage), numbers in by_stage.items()
    ]


def _row_numbers(numbers: list[int]) -> str:
    """ "第4、6行", or "第4、6、…等12行" beyond ten rows."""
    shown = "、".join(str(number) for number in numbers[:10])
    return f"第{shown}{f'等{len(numbers)}行' if len(numbers) > 10 else '行'}"


def _unplaced_faults(tables: list[Table], placed: set[int]) -> list[SheetFault]:
    """One fault per sheet with neither a county nor a location column whose layout (headings,
    sheet name, title, project codes) does not place every row."""
    faults = []
    for table in tables:
        if table.header.fields & {Field.COUNTY, Field.LOCATION}:
            continue
        unplaced = [r.number for r in table.rows if id(r) not in placed and not r.faults]
        if unplaced:
            shown = "、".join(str(number) for number in unplaced[:10])
            faults.append(
                SheetFault(
                    table.sheet,
                    table.header.rows[0],
                    Field.COUNTY.value,
                    f"表头中没有这一列（或「{Field.LOCATION.value}」），第{shown}行的县区"
                    "也无法从标题行、工作表名、表头标题或项目代码得知"
                    + _place_subtotals_said(table),
                )
            )
    return faults


def _place_subtotals_said(table: Table) -> str:
    """Why rows under a county's name typed below them are not placed there: that row is
    their subtotal, and a subtotal gives no project its county (tryout 10, L16b)."""
    if not table.place_subtotals:
        return ""
    shown = "、".join(str(number) for number in table.place_subtotals)
    return (
        f"（第{shown}行只写县区名，金额等于其上方各项目之和，按小计行读取，县区不从小计行取；"
        "请填写所在县区列，或在各县区的项目上方加标题行）"
    )


def _stage_of(row: Row) -> str:
    """The key-project stage a row gives, from 建设阶段 or a stage word in 建设性质."""
    stated = row.values.get(Field.STAGE) or StageOrNature()
    return row.values.get(Field.PHASE) or stated.stage


def _check_stages(row: Row) -> None:
    """A stage word in 建设性质 must be the stage the 建设阶段 column gives, if both are filled."""
    stated = row.values.get(Field.STAGE) or StageOrNature()
    phase = row.values.get(Field.PHASE)
    if stated.stage and phase and stated.stage != phase:
        row.fault(Field.STAGE, f"「{stated.stage}」与「{Field.PHASE.value}」列的「{phase}」不符")


def _check_pending(row: Row) -> None:
    """待定/暂无 stands for a blank money cell (annual plan, 截至上年底累计完成投资, 总投资) only
    where the project may have none yet: a 前期 project, or one whose stage the sheet does not
    give (source: issue 9 §5). A new project's 总投资 stays required (`_check_blank_totals`)."""
    stage = _stage_of(row)
    for column, typed in row.pending.items():
        if stage and stage != Stage.PREPARATORY:
            row.fault(column, f"「{typed}」：{stage}项目应填写{column.value}")


def _pending_notes(entries: list[_Entry], year: int) -> list[str]:
    """A figure of the year typed 待定/暂无, read as blank: "…填写「待定」，按未填写处理（未设置该
    项）", or "…，保留原值（500万元）" where the ledger keeps one (never overwritten). 总投资's
    notes are `_check_blank_totals`'s."""
    notes = []
    for entry in entries:
        for figure in _YEAR_FIGURES:
            if not (typed := entry.row.pending.get(figure.column)):
                continue
            stored = _stored_year_figure(entry, figure, year)
            kept = "（未设置该项）" if stored is None else f"，保留原值（{format_wan(stored)}万元）"
            notes.append(f"{entry.row.place(figure.column)}填写「{typed}」，按未填写处理{kept}")
    return notes


def _blank_mark_notes(entries: list[_Entry], year: int) -> list[str]:
    """A figure of the year typed as a blank mark ("—", "/", "无": a 新开工 project's 截至上年底
    累计, tryout 6 L10) sets nothing and keeps any stored figure; said once per sheet and
    column: "工作表「台账」第3、4行「至上年底累计完成投资」填写「—」「无」，按未填写处理，未设置；
    如为0请填0"."""
    found: dict[tuple[str, Field, bool], list[tuple[Row, str, Decimal | None]]] = {}
    for entry in entries:
        for figure in _YEAR_FIGURES:
            if typed := entry.row.blank_marks.get(figure.column):
                stored = _stored_year_figure(entry, figure, year)
                key = (entry.row.sheet, figure.column, stored is not None)
                found.setdefault(key, []).append((entry.row, typed, stored))
    notes = []
    for (_, column, kept), rows in found.items():
        marks = "".join(f"「{typed}」" for typed in dict.fromkeys(typed for _, typed, _ in rows))
        if kept:  # the stored figure stays: said so (tryout 10, L13b), not "未设置"
            values = "、".join(
                f"第{row.number}行{format_wan(stored)}万元"
                for row, _, stored in rows[:10]
                if stored is not None
            )
            why = f"保留原值（{values}）"
        else:
            why = "未设置"
        place = rows[0][0].place(column, [row.number for row, _, _ in rows])
        notes.append(f"{place}填写{marks}，按未填写处理，{why}；如为0请填0")
    return notes


def _blank_cell_notes(entries: list[_Entry], year: int) -> list[str]:
    """A figure of the year whose cell is left blank (the column is there) keeps the figure the
    ledger stores: said once per sheet and column with each kept figure,
    "工作表「台账」第4、5行列I「2025年计划投资」未填，保留原值（第4行2000万元、第5行1200万元）"
    (tryout 14: a kept plan went unsaid, as if the blank had been read)."""
    notes = []
    for figure in _YEAR_FIGURES:
        blank = [
            entry
            for entry in entries
            if figure.column in entry.columns
            and entry.row.values.get(figure.column) is None
            and figure.column not in entry.row.blank_marks
            and figure.column not in entry.row.pending
            and not entry.row.failed(figure.column)
            and entry.project is not None
            and entry.project.pk is not None
        ]
        stored = dict(
            figure.model.objects.filter(
                project__in=[entry.project for entry in blank], year=year
            ).values_list("project_id", figure.attribute)
        )
        kept: dict[str, list[tuple[Row, Decimal]]] = {}
        for entry in blank:
            if (amount := stored.get(entry.project.pk)) is not None:
                kept.setdefault(entry.row.sheet, []).append((entry.row, amount))
        for rows in kept.values():
            values = "、".join(
                f"第{row.number}行{format_wan(amount)}万元" for row, amount in rows[:10]
            )
            values += "等" if len(rows) > 10 else ""
            place = rows[0][0].place(figure.column, [row.number for row, _ in rows])
            notes.append(f"{place}未填，保留原值（{values}）")
    return notes


def _stored_year_figure(entry: _Entry, figure: _YearFigure, year: int) -> Decimal | None:
    """The figure the ledger already keeps for the entry's project and year, if any."""
    if entry.project is None or entry.project.pk is None:
        return None
    return (
        figure.model.objects.filter(project=entry.project, year=year)
        .values_list(figure.attribute, flat=True)
        .first()
    )


def _start_only_notes(entries: list[_Entry]) -> list[str]:
    """A 起止年限 giving the start alone (a date, 2025.06, 2024—): the end stays unset, said so
    (source: issue 9 §5, a date gives the start year, not a one-year project)."""
    notes = []
    for entry in entries:
        start, end = entry.row.values.get(Field.YEARS) or (None, None)
        if start and not end:
            notes.append(
                f"{entry.row.place(Field.YEARS)}只写了开工年份（{start}年），竣工年份未设置"
            )
    return notes


def _check_repeats(entries: list[_Entry]) -> None:
    """The same project twice in one file: same code, or same name in the same county."""
    by_code: dict[str, Row] = {}
    by_name: dict[tuple[int, str], Row] = {}
    for entry in entries:
        row = entry.row
        code = row.values.get(Field.CODE)
        if code and code in by_code:
            row.fault(Field.CODE, f"与{place(row, by_code[code])}重复")
            continue
        key = (entry.county.pk, name_key(row.values[Field.NAME]))
        if key in by_name:
            row.fault(Field.NAME, f"与{place(row, by_name[key])}重复（同一县区的同名项目）")
            continue
        if code:
            by_code[code] = row
        by_name[key] = row


def _match_ledger(entries: list[_Entry], city: Region) -> list[str]:
    """Find each row's project in the ledger (two queries for the whole city): by its code, else
    by its name in any county it lies in, the ledger's lead county first, then the counties it
    lies in besides (a project in 解放区、温县 led by 温县 is found from a row naming 解放区 first),
    else by its name without a leading county or city name in the same county ("获嘉县盛泰…" is
    the stored "盛泰…", noted, its name kept). A code and a name of two different stored
    projects are a fault naming both; a name under its code that is no other stored project's
    is a renaming, noted "项目更名：旧名→新名" (fresh-eyes tryout 4, L40/L41).
    A row giving no 牵头县区 keeps the stored lead when that is among its counties. Returns the
    notes on leads that change and on names (source: issue 9 §6, tryout LF)."""
    projects = list(Project.objects.filter(city=city).select_related("county").order_by("id"))
    by_code = {project.code: project for project in projects if project.code}
    led: dict[tuple[int, str], Project] = {}
    for project in projects:
        led.setdefault((project.county_id, name_key(project.name)), project)
    shared: dict[int, set[int]] = {}
    lying: dict[tuple[int, str], Project] = {}
    by_id = {project.pk: project for project in projects}
    through = Project.other_counties.through.objects.filter(project__city=city)
    for project_id, region_id in through.order_by("project_id").values_list(
        "project_id", "region_id"
    ):
        shared.setdefault(project_id, set()).add(region_id)
        lying.setdefault((region_id, name_key(by_id[project_id].name)), by_id[project_id])
    named: dict[str, list[Project]] = {}
    for project in projects:
        named.setdefault(name_key(project.name), []).append(project)
    bare = BareNames(city, projects)
    claimed: dict[int, Row] = {}
    notes = []
    for entry in entries:
        row = entry.row
        if row.faults:
            continue
        code = row.values.get(Field.CODE, "")
        project = by_code.get(code) if code else None
        key = name_key(row.values[Field.NAME])
        renamed = ""
        if project is not None and key != name_key(project.name):
            counties = {county.pk for county in entry.placement.counties} | {project.county_id}
            other = next((each for each in named.get(key, ()) if each.county_id in counties), None)
            if other is not None:
                row.fault(
                    Field.CODE,
                    f"项目代码{code}是台账中「{project.name}」（{project.county.name}）的代码，"
                    f"而项目名称「{row.values[Field.NAME]}」是台账中另一项目"
                    f"（{other.county.name}）；请核对代码与名称后再导入",
                )
                continue
            renamed = (
                f"工作表「{row.sheet}」第{row.number}行项目更名："
                f"{project.name}→{row.values[Field.NAME]}"
            )
        if project is None:
            project = next(
                (
                    found
                    for index in (led, lying)
                    for county in entry.placement.counties
                    if (found := index.get((county.pk, key)))
                ),
                None,
            )
            if project is None and (project := bare.find(key, entry.placement.counties)):
                renamed = (
                    f"工作表「{row.sheet}」第{row.number}行「{row.values[Field.NAME]}」去掉县区名后"
                    f"与台账中{project.county.name}的「{project.name}」相同，按同一项目导入，"
                    "名称不变"
                )
                row.values[Field.NAME] = project.name
            if project and code and project.code and project.code != code:
                row.fault(Field.CODE, f"台账中同名项目的代码是{project.code}，与此不符")
                continue
        if project is not None and not renamed:
            renamed = _same_name_kept(row, project)
        if project is not None and project.pk in claimed:
            row.fault(Field.NAME, f"与{place(row, claimed[project.pk])}是台账中的同一项目")
            continue
        if project is None:
            continue
        claimed[project.pk] = row
        entry.project = project
        if renamed:
            notes.append(renamed)
        placement = entry.placement
        if placement.others and not placement.lead_named and project.county in placement.others:
            entry.placement = placement.led_by(project.county)
        if entry.county != project.county:
            several = bool(entry.placement.others or shared.get(project.pk))
            what = "牵头县区" if several else "所在县区"
            notes.append(
                f"工作表「{row.sheet}」第{row.number}行「{row.values[Field.NAME]}」"
                f"{what}由{project.county.name}改为{entry.county.name}"
            )
    return notes


def _same_name_kept(row: Row, project: Project) -> str:
    """A row naming its stored project in other brackets or spaces (温县食品加工项目(一期) for
    温县食品加工项目（一期）) keeps the stored name, as bulletins print it, and the note saying
    so; "" when the names are written alike (tryout 7 of issue 9, L13: the re-import renamed
    the project silently)."""
    typed = row.values[Field.NAME]
    if typed == project.name:
        return ""
    row.values[Field.NAME] = project.name
    return (
        f"工作表「{row.sheet}」第{row.number}行「{typed}」与台账中的「{project.name}」只有全角、"
        "半角或空格的写法不同，按同一项目导入，名称不变"
    )


def _check_blank_totals(entries: list[_Entry]) -> list[str]:
    """A blank 总投资 (or a blank mark: —, /, 无; 待定 of a 前期 project) is a fault on a new
    project and keeps the stored figure of a project already in the ledger: the notes saying
    so, row by row. Never 0 (source: issue 9 §5, an import never overwrites a stored figure
    with a value it could not read)."""
    notes = []
    for entry in entries:
        row = entry.row
        if (
            Field.TOTAL_INVESTMENT not in entry.columns
            or row.values.get(Field.TOTAL_INVESTMENT) is not None
            or row.failed(Field.TOTAL_INVESTMENT)
        ):
            continue
        typed = row.pending.get(Field.TOTAL_INVESTMENT)
        if entry.project is None:
            row.fault(
                Field.TOTAL_INVESTMENT,
                f"「{typed}」：新增项目应填写总投资" if typed else "不能为空",
            )
        elif typed:
            notes.append(
                f"{row.place(Field.TOTAL_INVESTMENT)}填写「{typed}」，按未填写处理，"
                f"保留台账中已有的{format_wan(entry.project.total_investment)}万元"
            )
        else:
            notes.append(
                f"{row.place(Field.TOTAL_INVESTMENT)}未填写，"
                f"保留台账中已有的{format_wan(entry.project.total_investment)}万元"
            )
    return notes


def _cell_of(header: Header, name: Field, number: int) -> str:
    """How a fault names the cell of `name` in row `number`: "单元格C4" ("本行" when no one
    column gives it, as a figure summed from its parts)."""
    index = next((i for i, field in header.columns.items() if field == name), None)
    return f"单元格{column_letter(index)}{number}" if index is not None else "本行"


# How a doubted change is confirmed, on the page and on the command line.
def _check_tenfold_changes(
    entries: list[_Entry], tables: list[Table], year: int, *, confirmed: bool
) -> list[str]:
    """A re-import changing a stored 总投资 or `year`'s 年度计划投资 tenfold or more, up or down,
    is a fault of the cell naming the stored figure and the likely slip ("疑为以亿元填报"),
    unless the user `confirmed` the changes: then the notes saying each was changed as
    confirmed. Source: issue 9 §5, tryout 11 A (1.2 overwrote a stored 12000 without a word);
    the rule is `unit_doubts.tenfold_change`."""
    known = [entry for entry in entries if entry.project is not None]
    plans = dict(
        AnnualPlan.objects.filter(year=year, project__in=[e.project for e in known]).values_list(
            "project_id", "planned_investment"
        )
    )
    headers = {table.sheet: table.header for table in tables}
    notes = []
    for entry in known:
        row, project = entry.row, entry.project
        assert project is not None
        for name, stored in (
            (Field.TOTAL_INVESTMENT, project.total_investment),
            (Field.ANNUAL_PLAN, plans.get(project.pk)),
        ):
            typed = row.values.get(name)
            if name not in entry.columns or typed is None or stored is None:
                continue
            power = tenfold_change(stored, typed)
            if power is None:
                continue
            times = times_text(stored, typed, power)
            if confirmed:
                was = times.replace("其", "原数的", 1)
                notes.append(
                    f"{row.place(name)}由{format_wan(stored)}"
                    f"万元改为{format_wan(typed)}万元（{was}），已按确认修改"
                )
                continue
            header = headers.get(row.sheet)
            cell = _cell_of(header, name, row.number) if header else "本行"
            row.fault(
                name,
                f"{cell}为{format_wan(typed)}万元，台账中已存为{format_wan(stored)}万元，{times}，"
                f"{slip_of(power)}；{CONFIRM_CHANGES}",
            )
    return notes


def _check_closed_months(
    entries: list[_Entry],
    tables: list[Table],
    city: Region,
    year: int,
    month: int | None,
    *,
    confirmed: bool,
) -> list[str]:
    """A re-import changing a project's 年度计划投资 of `year` is a fault of its cell when it
    would change the completion rate of a closed month (`_closed_months`: before the import's
    `month` when given, else any of the year): the fault lists, per such month, the
    project's unit and 全市 with their rate as reported and as it would become ("5月武陟县
    52.4%→47.8%、全市47.5%→45.6%"); confirmed (`confirm_changes`), the same as a note.

    Why not keep May's plan for May: the ledger stores one plan per project and year
    (`AnnualPlan`), and every figure of every month divides by it — the report's SQL
    (`progress.selectors.with_figures`, `left_figures`), the county's reporting pages, the
    disclosure and the doubts on progress each join it directly. A plan-as-of-month rule would
    need the plan's history as data every one of them reads, not a lookup in `FigureChange`
    (which keeps text and the moment of the change, not the month it counts from). So the
    import says what a change would do to the months already reported and writes only when the
    office confirms it (tryout 25 [1]: a July import raising 30000 to 36000 turned May's 武陟县
    52.4% into 47.8% and said only 更新1个项目). The rates are worked out by the report itself
    (`progress_report_for`) with the new plans written in a savepoint rolled back at once, so
    they are the bulletin's, by its one rule."""
    changed = _plan_changes(entries, year)
    if not changed:
        return []
    months = _closed_months(city, year, before=month)
    if not months:
        return []
    before = _unit_rates(city, year, months)
    with transaction.atomic():
        for entry, _, typed in changed:
            assert entry.project is not None
            AnnualPlan.objects.update_or_create(
                project=entry.project, year=year, defaults={"planned_investment": typed}
            )
        after = _unit_rates(city, year, months)
        transaction.set_rollback(True)
    headers = {table.sheet: table.header for table in tables}
    notes = []
    for entry, stored, typed in changed:
        row = entry.row
        units = [_unit_label(entry.county, city), whole(city.name)]
        said = _rate_changes(before, after, units)
        if not said:
            continue
        if confirmed:
            notes.append(
                f"{row.place(Field.ANNUAL_PLAN)}由{_stored_text(stored)}改为{format_wan(typed)}"
                f"万元，已按确认修改；已关账月份的完成率随之改变：{said}"
            )
            continue
        header = headers.get(row.sheet)
        cell = _cell_of(header, Field.ANNUAL_PLAN, row.number) if header else "本行"
        row.fault(
            Field.ANNUAL_PLAN,
            f"{cell}为{format_wan(typed)}万元，台账中已存为{_stored_text(stored)}；各月完成率均按"
            f"台账中的年度计划计算，改后已关账月份的完成率随之改变：{said}；{CONFIRM_CHANGES}",
        )
    return notes


def _plan_changes(entries: list[_Entry], year: int) -> list[tuple[_Entry, Decimal | None, Decimal]]:
    """Each project already in the ledger whose row sets `year`'s plan to another figure than
    the stored one (None: none stored), with the stored and the typed plan (万元); rows
    already at fault in the plan column are left to that fault."""
    known = [
        entry
        for entry in entries
        if entry.project is not None
        and Field.ANNUAL_PLAN in entry.columns
        and entry.row.values.get(Field.ANNUAL_PLAN) is not None
        and not entry.row.failed(Field.ANNUAL_PLAN)
    ]
    plans = dict(
        AnnualPlan.objects.filter(year=year, project__in=[e.project for e in known]).values_list(
            "project_id", "planned_investment"
        )
    )
    changed = []
    for entry in known:
        assert entry.project is not None
        stored, typed = plans.get(entry.project.pk), entry.row.values[Field.ANNUAL_PLAN]
        if stored != typed:
            changed.append((entry, stored, typed))
    return changed


def _closed_months(city: Region, year: int, *, before: int | None) -> list[int]:
    """The closed months of `year` (`reporting.selectors.closed_months`: a closed period, or
    figures imported without one), before month `before` if given."""
    months = (month for _, month in closed_months(city, year))
    return sorted(month for month in months if before is None or month < before)


def _unit_rates(city: Region, year: int, months: list[int]) -> dict[int, dict[str, Decimal | None]]:
    """Each month's completion rate of every unit and of the whole city (全市, by `whole`), as
    the bulletin has them."""
    from guanmo.progress.selectors import progress_report_for

    rates = {}
    for month in months:
        report = progress_report_for(city, year, month)
        rates[month] = {f.region: f.completion_rate for f in report.regions}
        rates[month][whole(city.name)] = report.total.completion_rate
    return rates


def _unit_label(unit: Region, city: Region) -> str:
    """The name the report gives the unit counting a project (市本级 for the city's own)."""
    return own_level(city.name) if unit.pk == city.pk else unit.name


def _stored_text(stored: Decimal | None) -> str:
    return "未填" if stored is None else f"{format_wan(stored)}万元"


def _rate_changes(
    before: dict[int, dict[str, Decimal | None]],
    after: dict[int, dict[str, Decimal | None]],
    units: list[str],
) -> str:
    """ "4月武陟县40.0%→33.3%、全市40.0%→35.3%；5月…": each month's `units` whose shown rate
    changes."""
    months = []
    for month, rates in before.items():
        changes = [
            f"{unit}{rate(rates.get(unit))}→{rate(after[month].get(unit))}"
            for unit in units
            if rate(rates.get(unit)) != rate(after[month].get(unit))
        ]
        if changes:
            months.append(f"{month}月" + "、".join(changes))
    return "；".join(months)


@dataclass
class _Changes:
    """What loading the sheet changes in the ledger, worked out before anything is written."""

    created: list[Project] = field(default_factory=list)
    changed: list[Project] = field(default_factory=list)
    attributes: set[str] = field(default_factory=set)  # those that differ in `changed`
    key_lists: list[KeyListEntry] = field(default_factory=list)
    # per figure of the year (annual plan, 截至上年底累计): the rows to create and to update
    new_figures: dict[_YearFigure, list[Model]] = field(default_factory=dict)
    changed_figures: dict[_YearFigure, list[Model]] = field(default_factory=dict)
    new_milestones: list[Milestone] = field(default_factory=list)
    changed_milestones: list[Milestone] = field(default_factory=list)
    updated: int = 0  # existing projects changed in any way
    history: list[Change] = field(default_factory=list)  # what changes on existing projects
    # project (by identity: new ones have no id yet) → the ids of its other counties
    other_counties: dict[int, tuple[Project, set[int]]] = field(default_factory=dict)

    def prepare(self) -> PreparedWrites:
        """Every insert and update the sheet calls for, built before the transaction that runs
        them (the new rows' ids reserved now), so that a large sheet holds SQLite's one write
        lock only while the database writes, not while Python builds the statements."""
        through = Project.other_counties.through
        links = [
            through(project=project, region_id=region)
            for project, regions in self.other_counties.values()
            for region in sorted(regions)
        ]
        figures = [(figure.model, self.new_figures.get(figure, [])) for figure in _YEAR_FIGURES]
        # New projects first: the key-list entries, links and plans made for them take their ids.
        for model, rows in [
            (Project, self.created),
            (through, links),
            (KeyListEntry, self.key_lists),
            *figures,
            (Milestone, self.new_milestones),
        ]:
            for row, pk in zip(rows, reserve_ids(model, len(rows)), strict=True):
                row.pk = pk
        writes = PreparedWrites()
        writes.insert(Project, self.created)
        writes.update(Project, self.changed, sorted(self.attributes))
        writes.insert(through, links)
        writes.insert(KeyListEntry, self.key_lists)
        for figure, (model, rows) in zip(_YEAR_FIGURES, figures, strict=True):
            writes.insert(model, rows)
            writes.update(model, self.changed_figures.get(figure, []), [figure.attribute])
        writes.insert(Milestone, self.new_milestones)
        writes.update(Milestone, self.changed_milestones, ["planned", "reached"])
        return writes

    def write(self, prepared: PreparedWrites) -> None:
        """Run what `prepare()` built, inside the caller's transaction; a project's other
        counties are replaced, so its old links go first."""
        new = {id(project) for project in self.created}
        stored = [
            project.pk for project, _ in self.other_counties.values() if id(project) not in new
        ]
        Project.other_counties.through.objects.filter(project_id__in=stored).delete()
        prepared.run()


def _changes(
    entries: list[_Entry],
    *,
    city: Region,
    year: int,
    level: str,
    milestones: Mapping[int, dict[MilestoneKind, Milestone]],
    entered_on: date | None,
) -> _Changes:
    """Compare the rows with the ledger (two queries; `milestones`: the stored ones of the
    matched projects by project id, `_check_milestones`) and list the writes they call for. A
    project created entered the ledger `entered_on`, and so did one matched that was taken to
    have entered later (a ledger of an earlier month or year loaded after it)."""
    changes = _Changes()
    listed = set(
        KeyListEntry.objects.filter(project__city=city, year=year).values_list(
            "project_id", "level"
        )
    )
    stored = {
        figure: {
            each.project_id: each
            for each in figure.model.objects.filter(project__city=city, year=year)
        }
        for figure in _YEAR_FIGURES
    }
    shared: dict[int, set[int]] = {}
    for project_id, region_id in Project.other_counties.through.objects.filter(
        project__city=city
    ).values_list("project_id", "region_id"):
        shared.setdefault(project_id, set()).add(region_id)
    for entry in entries:
        project = entry.project or Project(city=city, entered_on=entered_on)
        values = _project_values(entry)
        if project.entered_on and project.entered_on > (entered_on or first_day(year, 1)):
            # in the ledger of an earlier period than the day it was taken to have entered
            values["entered_on"] = entered_on
        kept = {figure: stored[figure].get(project.pk) for figure in _YEAR_FIGURES}
        if entry.project is not None:
            changes.history += _history(entry, values, kept, year)
        differs = {name for name, value in values.items() if getattr(project, name) != value}
        for name in differs:
            setattr(project, name, values[name])
        if entry.project is None:
            changes.created.append(project)
        elif differs:
            changes.changed.append(project)
            changes.attributes |= differs
        touched = bool(differs)
        others = {county.pk for county in entry.placement.others}
        if others != shared.get(project.pk, set()):
            changes.other_counties[id(project)] = (project, others)
            touched = True
        for each in sorted(entry.row.values.get(Field.LEVELS) or {level}):
            if (project.pk, each) not in listed:
                changes.key_lists.append(KeyListEntry(project=project, year=year, level=each))
                touched = True
        for figure, row in kept.items():
            amount = entry.row.values.get(figure.column)
            if amount is not None and row is None:
                made = figure.model(project=project, year=year, **{figure.attribute: amount})
                changes.new_figures.setdefault(figure, []).append(made)
                touched = True
            elif amount is not None and getattr(row, figure.attribute) != amount:
                setattr(row, figure.attribute, amount)
                changes.changed_figures.setdefault(figure, []).append(row)
                touched = True
        touched |= _milestone_writes(entry, project, milestones, changes)
        if touched and entry.project is not None:
            changes.updated += 1
    return changes


def _given_milestones(row: Row) -> dict[MilestoneKind, dict[str, object]]:
    """The milestone dates a row gives (a blank cell gives none): kind → {attribute: date}."""
    given: dict[MilestoneKind, dict[str, object]] = {}
    for column, (kind, attribute) in MILESTONE_COLUMNS.items():
        if row.values.get(column) is not None:
            given.setdefault(kind, {})[attribute] = row.values[column]
    return given


def _check_milestones(
    entries: list[_Entry], today: date
) -> dict[int, dict[MilestoneKind, Milestone]]:
    """The stored milestones of the matched projects (one query), and a fault on each row whose
    milestone dates, with the stored ones they leave, are wrong (`milestones.date_faults`)."""
    stored: dict[int, dict[MilestoneKind, Milestone]] = {}
    ids = [entry.project.pk for entry in entries if entry.project is not None]
    for milestone in Milestone.objects.filter(project_id__in=ids):
        stored.setdefault(milestone.project_id, {})[MilestoneKind(milestone.kind)] = milestone
    columns = {(kind, attribute): column for column, (kind, attribute) in MILESTONE_COLUMNS.items()}
    for entry in entries:
        given = _given_milestones(entry.row)
        if not given:
            continue
        kept = stored.get(entry.project.pk, {}) if entry.project else {}
        merged = {
            kind: MilestoneDates(kind, row.planned, row.reached) for kind, row in kept.items()
        }
        for kind, dates in given.items():
            merged[kind] = MilestoneDates(
                kind,
                dates.get("planned", merged.get(kind, MilestoneDates(kind)).planned),
                dates.get("reached", merged.get(kind, MilestoneDates(kind)).reached),
            )
        reached = [kind for kind in given if "reached" in given[kind]]
        for kind, why in date_faults(merged, today) if reached else []:
            entry.row.fault(columns[(kind if kind in reached else reached[0], "reached")], why)
    return stored


def _milestone_writes(
    entry: _Entry,
    project: Project,
    stored: Mapping[int, dict[MilestoneKind, Milestone]],
    changes: _Changes,
) -> bool:
    """The milestone rows a row creates or changes, and its history on a stored project."""
    given = _given_milestones(entry.row)
    kept = stored.get(project.pk, {}) if entry.project is not None else {}
    before = {kind: MilestoneDates(kind, row.planned, row.reached) for kind, row in kept.items()}
    after = {}
    for kind, dates in given.items():
        row = kept.get(kind)
        if row is None:
            row = Milestone(project=project, kind=kind)
            changes.new_milestones.append(row)
        elif any(getattr(row, attribute) != value for attribute, value in dates.items()):
            changes.changed_milestones.append(row)
        else:
            continue
        for attribute, value in dates.items():
            setattr(row, attribute, value)
        after[kind] = MilestoneDates(kind, row.planned, row.reached)
    if entry.project is not None:
        changes.history += milestone_changes(project, before, after)
    return bool(after)


def _history(
    entry: _Entry, values: dict[str, object], kept: dict[_YearFigure, Model | None], year: int
) -> list[Change]:
    """What a row changes on its project in the ledger, worked out before it is changed."""
    project = entry.project
    before = {name: getattr(project, name) for name in values}
    after = {**values, "county_id": entry.county.name}
    before["county_id"] = project.county.name  # the history names the county, not its id
    found = changes_between(project.pk, field_labels(Project, values), before, after)
    for figure, row in kept.items():
        amount = entry.row.values.get(figure.column)
        if amount is not None:
            found += changes_between(
                project.pk,
                figure.labels,
                {figure.attribute: getattr(row, figure.attribute) if row else None},
                {figure.attribute: amount},
                year=year,
            )
    return found


def _project_values(entry: _Entry) -> dict[str, object]:
    row, columns = entry.row, entry.columns
    values: dict[str, object] = {"county_id": entry.county.pk}
    for column, (attribute, blank) in _COPIED.items():
        if column in columns:
            values[attribute] = row.values.get(column, blank)
    if row.values.get(Field.TOTAL_INVESTMENT) is None:  # blank: the stored figure stands
        values.pop("total_investment", None)
    if Field.STAGE in columns:
        # 建设性质 holds either the stage or the statistical nature; each sets its own field.
        stated = row.values.get(Field.STAGE) or StageOrNature()
        if stated.nature and Field.NATURE not in columns:
            values["construction_nature"] = stated.nature
        if Field.PHASE not in columns and (stated.stage or not stated.nature):
            values["stage"] = stated.stage
    if Field.INDUSTRY not in columns and entry.category_heading:
        values["industry"] = entry.category_heading
    if Field.YEARS in columns:
        values["start_year"], values["end_year"] = row.values.get(Field.YEARS, (None, None))
    else:  # 开工时间 and 竣工时间 in columns of their own, else the milestones' dates
        for column, attribute, dated in (
            (Field.START_DATE, "start_year", (Field.REACHED_STARTED, Field.PLANNED_STARTED)),
            (Field.END_DATE, "end_year", (Field.REACHED_COMPLETED, Field.PLANNED_COMPLETED)),
        ):
            if column in columns:
                values[attribute] = row.values.get(column)
            elif day := next((row.values[d] for d in dated if row.values.get(d)), None):
                values[attribute] = day.year
    if row.values.get(Field.CODE):
        values["code"] = row.values[Field.CODE]
    return values
