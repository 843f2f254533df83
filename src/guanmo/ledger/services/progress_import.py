"""Loading a month's progress sheet: completed investment and the state of each project.

Rows find their project by code, else by name within the county. A sheet may give this
month's figure, the year's cumulative figure, or both; the missing one is derived from the
last cumulative reported earlier in the same year (0 before the first report). When both are
given and do not add up to that, both are stored as typed and a note says so (or that they
could not be checked, the months before not being reported). A cumulative
since the start of construction (开累) is not the year's: a sheet that has only that gives the
year's figure only with the figure at the end of last year (至上年底累计完成投资), from a column
beside it or else from the ledger (`guanmo.ledger.year_end`); a row with neither stops the
import saying so (issue 9 §3). Loading the same month again replaces its figures;
each value it changes, or gives a month for the first time, goes to the project's history with
the file's name as the reason, as approving a report does; the import report is kept with them.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from guanmo.accounts.models import User
from guanmo.documents.official import chinese_date
from guanmo.ledger.columns import LEDGER_COLUMNS, Field
from guanmo.ledger.models import MonthlyProgress, Project
from guanmo.ledger.month_figures import (
    Reported,
    deduction_note,
    derive_month_figures,
    unreported_months,
)
from guanmo.ledger.services.matching import BATCH_SIZE, taken_from_notes, unread_heading_faults
from guanmo.ledger.services.progress_doubts import (
    header_text,
    later_months_notes,
    month_unit_slips,
    period_doubts,
    remembered_misfits,
    reported_around,
    resent_last_month,
    small_month_slips,
    unit_doubts,
)
from guanmo.ledger.services.progress_matching import KnownProject, ProgressLedger
from guanmo.ledger.year_end import PreviousYearEnd, previous_year_ends
from guanmo.regions.models import Region
from guanmo.reporting.history import Change, changes_between, field_labels, record_changes
from guanmo.reporting.history import Source as ChangeSource
from guanmo.reporting.imports import columns_named, record_import, remember_mapping
from guanmo.reporting.models import CountyReport, ImportRecord, Status
from guanmo.reporting.selectors import reports_of_month
from guanmo.sheets.advice import Channel, name_column, read_again
from guanmo.sheets.cells import format_wan
from guanmo.sheets.faults import ImportReport, SheetFault, row_place
from guanmo.sheets.header import Expected, column_letter, states_year
from guanmo.sheets.table import Row, Table
from guanmo.sheets.workbook import SheetSpec, Source, import_reason, read_workbook, source_name

PROGRESS_SHEET = SheetSpec(
    LEDGER_COLUMNS,
    used=frozenset(
        {
            Field.NAME,
            Field.CODE,
            Field.COUNTY,
            Field.LOCATION,  # tells namesakes apart when no county column does
            Field.COMPLETED_THIS_MONTH,
            Field.CUMULATIVE_COMPLETED,
            Field.CUMULATIVE_SINCE_START,
            Field.PREVIOUS_YEAR_END,
            Field.PREVIOUS_CUMULATIVE,
            Field.VISIBLE_PROGRESS,
            Field.PROBLEMS,
        }
    ),
    required=(
        (Field.NAME, Field.CODE),
        (Field.CUMULATIVE_COMPLETED, Field.COMPLETED_THIS_MONTH, Field.CUMULATIVE_SINCE_START),
    ),
)
_FIGURES = (Field.COMPLETED_THIS_MONTH, Field.CUMULATIVE_COMPLETED)
_GIVEN = (*_FIGURES, Field.CUMULATIVE_SINCE_START)  # a row giving none is not reported
_TEXTS = {Field.VISIBLE_PROGRESS: "visible_progress", Field.PROBLEMS: "problems"}
_LABELS = field_labels(
    MonthlyProgress, ["completed_this_month", "cumulative_completed", *_TEXTS.values()]
)


@dataclass(frozen=True)
class ProgressLine:
    """A valid row: the month's figures for one project. A text is None when the sheet has no
    such column (so loading it leaves the text already there alone)."""

    project_id: int
    completed_this_month: Decimal
    cumulative_completed: Decimal
    visible_progress: str | None
    problems: str | None
    row: int = 0  # the sheet's row number (Excel's), for messages
    sheet: str = ""  # the worksheet's name, for messages


def import_progress(
    source: Source,
    *,
    city: Region,
    year: int,
    month: int,
    county: Region | None = None,
    dry_run: bool = False,
    user: User | None = None,
    mapping: Mapping[str, Field | None] | None = None,
    file_name: str = "",
    confirm_changes: bool = False,
) -> ImportReport:
    """Load one month's progress. With `county`, the sheet is that county office's upload and
    rows of any other county are faults. All or nothing. The history names `user` as who
    changed the figures, and keeps the report; `mapping` names columns (header text → field,
    None to ignore); `confirm_changes` (--confirm-changes) lets figures doubted as slips or
    as last month's sheet sent again through, noted."""
    report, lines = read_progress(
        source,
        city=city,
        year=year,
        month=month,
        county=county,
        mapping=mapping,
        file_name=file_name,
        confirm_changes=confirm_changes,
    )
    report.dry_run = dry_run
    if report.ok:
        report.faults += reviewed_month_faults(lines, city=city, year=year, month=month)
        if not report.ok:
            report.notes = _unsaved(report.notes)
    if report.ok:
        _save(lines, report, city=city, year=year, month=month, county=county, user=user)
        if not dry_run and mapping:
            remember_mapping(city, mapping, report, user=user, year=year, month=month, unit=county)
    return report


def read_progress(
    source: Source,
    *,
    city: Region,
    year: int,
    month: int,
    county: Region | None = None,
    mapping: Mapping[str, Field | None] | None = None,
    file_name: str = "",
    stored: Mapping[int, tuple[Decimal, Decimal]] | None = None,
    channel: Channel = Channel.COMMAND,
    confirm_changes: bool = False,
) -> tuple[ImportReport, list[ProgressLine]]:
    """Read and check a month's progress sheet without saving it: the report (faults, notes,
    column map) and the valid lines. The monthly report grid's upload saves the lines as its
    draft. The city's remembered column names apply, then `mapping`'s. `stored` gives, per
    project id, (this month, cumulative) figures the month holds beyond the ledger's (a county's
    draft): a figure derived from a blank cell may not change those either. `channel` says
    where the sheet came from: a message's advice on naming a column is the page's column map
    on the web, --map on the command line (`guanmo.sheets.advice`). `confirm_changes`: the
    user confirmed figures doubted as a month typed in another unit
    (`progress_doubts.small_month_slips`) or a county's sheet of last month sent again."""
    if not 1 <= month <= 12:
        raise ValueError(f"月份应在1到12之间，而不是{month}")
    ledger = ProgressLedger(city, county)
    mapping, remembered, earlier = columns_named(city, mapping or {}, unit=county)
    expected = Expected(
        year=year,
        month=month,
        mapping=mapping,
        remembered=remembered,
        earlier=earlier,
        places=ledger.counties.units,
        channel=channel,
    )
    reading = read_workbook(source, PROGRESS_SHEET, expected, file_name=file_name)
    report = reading.report("条月度进度", dry_run=False)
    report.file = file_name or source_name(source)
    report.channel = channel
    if not report.ok:
        return report, []
    derivations: dict[str, str] = {}  # a sheet's note of how its figures are derived → sheet
    for table in reading.tables:
        derived = _year_figure_notes(table)
        derivations |= dict.fromkeys(derived, table.sheet)
        report.notes += (
            derived + _bare_cumulative_notes(table, channel) + _since_start_unused(table)
        )

    matched: list[tuple[Table, Row, KnownProject]] = []
    silent = 0
    for table in reading.tables:
        derived = _month_column_notes(table, month)
        derivations |= dict.fromkeys(derived, table.sheet)
        report.notes += derived
        for row in table.rows:
            if not row.faults and all(row.values.get(each) is None for each in _GIVEN):
                silent += 1  # listed but not reported this month
                continue
            project = ledger.project_of(row, table)
            if project is not None:
                matched.append((table, row, project))
    # a 本月 typed in 元 is said of its cell first, and its row judged by nothing else
    month_slips, slipped = month_unit_slips(matched, city=city, year=year, month=month)
    matched = [each for each in matched if id(each[1]) not in slipped]
    unit_faults, unit_notes = unit_doubts(matched, city=city, year=year)
    unit_faults[:0] = month_slips
    report.notes += unit_notes
    slips, slip_notes = small_month_slips(
        matched, city=city, year=year, month=month, confirmed=confirm_changes
    )
    unit_faults += slips
    report.notes += slip_notes
    unit_faults += period_doubts(matched, city=city, year=year, month=month, channel=channel)
    lines = (
        []
        if unit_faults
        else _lines(matched, report, city=city, year=year, month=month, stored=stored)
    )
    report.faults = [fault for row in reading.rows for fault in row.faults]
    accepted = {
        line.project_id: (line.completed_this_month, line.cumulative_completed) for line in lines
    }
    resent, resent_notes = resent_last_month(
        matched, accepted, city=city, year=year, month=month, confirmed=confirm_changes
    )
    report.notes += resent_notes
    report.notes += later_months_notes(matched, accepted, city=city, year=year, month=month)
    report.faults += [SheetFault("", None, None, fault) for fault in unit_faults + resent]
    report.faults += [
        fault for table in reading.tables for fault in unread_heading_faults(table, ledger.laid_out)
    ]
    misfits = remembered_misfits(
        reading.tables,
        [(line.row, line.completed_this_month) for line in lines],
        failed=bool(report.faults),
        channel=channel,
    )
    report.faults[:0] = [SheetFault("", None, None, fault) for fault in misfits]
    report.notes += ledger.counties.reading_notes()
    report.notes += taken_from_notes(ledger.placed)
    report.notes += ledger.named_only_notes() + ledger.not_led_notes()
    if silent:
        report.notes.append(f"{silent}个项目未填本月和累计完成投资，视为未报送，已跳过")
    if report.faults:
        report.notes = _unsaved(_refused_derivations_left_out(report.notes, derivations, lines))
    return report, lines


def reviewed_month_faults(
    lines: list[ProgressLine], *, city: Region, year: int, month: int
) -> list[SheetFault]:
    """Faults for the lines of counties that report (`year`, `month`) through the workflow: once
    a reporting period is open, a county's figures of the month are its approved report's, so an
    import may not write them (it would change an approved or closed month behind the report,
    or be overwritten unseen when the report is approved). One fault per county and sheet,
    naming its rows, its report's state and the way to correct. Empty when the month has no
    period."""
    reports = reports_of_month(city, year, month)
    if not reports:
        return []
    county_of = dict(
        Project.objects.filter(pk__in=[line.project_id for line in lines]).values_list(
            "pk", "county_id"
        )
    )
    rows_by_county: dict[tuple[int, str], list[int]] = {}
    for line in lines:
        county = county_of.get(line.project_id)
        if county in reports:
            rows_by_county.setdefault((county, line.sheet), []).append(line.row)
    return [
        SheetFault(sheet, None, None, f"{_rows_text(rows)}为{_report_refusal(reports[county])}")
        for (county, sheet), rows in rows_by_county.items()
    ]


def _rows_text(rows: list[int]) -> str:
    shown = "、".join(str(row) for row in sorted(rows)[:10])
    return f"第{shown}行" + (f"等{len(rows)}行" if len(rows) > 10 else "")


def _report_refusal(report: CountyReport) -> str:
    """Why a county's report keeps an import from its month, and what to do instead."""
    unit, period = report.unit_name, report.period
    if period.is_closed and report.reopened:
        return (
            f"{unit}的项目：{unit}{period}月报已重新打开更正，本月数字以月报为准；"
            f"请在{unit}{period}月报中上传本表（月报页「上传表格」），审核通过后生效"
        )
    if period.is_closed:
        closed = chinese_date(timezone.localdate(period.closed_at))
        # A county that never had its report approved has no approved figures to stand by
        # (tryout 20 F9): its month counts as not reported.
        stands = (
            "本月数字以审核通过的月报为准"
            if report.status == Status.APPROVED
            else f"{unit}月报未审核通过（{report.get_status_display()}），本月按未报送计"
        )
        again = "更正" if report.status == Status.APPROVED else "补报"
        return (
            f"{unit}的项目：{period}填报期已于{closed}关闭，{stands}，导入不能改动；"
            f"如需{again}，请在「月报审核」中重新打开{unit}{period}月报（须填写原因），"
            "再在月报中上传本表"
        )
    if report.status == Status.APPROVED:
        return (
            f"{unit}的项目：{unit}{period}月报已审核通过，本月数字以审核通过的月报为准，"
            f"导入不能改动；如需更正，请在填报期关闭后重新打开{unit}月报（须填写原因）并在月报中更正"
        )
    return (
        f"{unit}的项目：{period}填报期已开启，{unit}月报正在填报（{report.get_status_display()}），"
        f"本月数字以审核通过的月报为准；请在{unit}{period}月报中上传本表（月报页「上传表格」），"
        "不要另行导入"
    )


def _refused_derivations_left_out(
    notes: list[str], derivations: Mapping[str, str], lines: list[ProgressLine]
) -> list[str]:
    """The notes of a refused import without those saying how a sheet's figures are derived
    (`derivations`: note → its sheet) when none of the sheet's rows was accepted: a refusal
    never describes figures it derived for rows it refuses (tryout 11, P8: 「本年累计按…算出」
    under the refusal of both rows)."""
    accepted = {line.sheet for line in lines}
    return [note for note in notes if note not in derivations or derivations[note] in accepted]


def _unsaved(notes: list[str]) -> list[str]:
    """The notes of a refused import: nothing is saved, so none says a figure was (tryout 10,
    P10: "…均按所填保存" under a refusal)."""
    return [note.replace("按所填保存", "按所填读取（本次未写入）") for note in notes]


def _lines(
    matched: list[tuple[Table, Row, KnownProject]],
    report: ImportReport,
    *,
    city: Region,
    year: int,
    month: int,
    stored: Mapping[int, tuple[Decimal, Decimal]] | None,
) -> list[ProgressLine]:
    """The month's figures of each matched row, derived and checked: faults go on the rows,
    notes (every assumption and derivation) on the report."""
    earlier, later = reported_around(city, year, month)
    stored = {**_stored_figures(city, year, month), **(stored or {})}
    year_ends = {}
    if _needs_year_end([table for table, _, _ in matched]):
        year_ends = previous_year_ends(Project.objects.filter(city=city), year)
    lines: list[ProgressLine] = []
    for table, row, project in matched:
        derived = _year_cumulative(row, table, year_ends.get(project.pk), year)
        if row.faults:
            continue
        before, differs = _month_before(row, table, earlier.get(project.pk), month)
        _previous_adds_up(row, table, month)
        not_given = _month_not_given(row, table, before, month, stored=project.pk in stored)
        _month_within_cumulative(row, table, month)
        if row.faults:
            continue
        figures = _figures(row, table, project, before, later.get(project.pk), month)
        if figures is not None:
            figures = _keep_stored(row, figures, stored.get(project.pk), month)
        if figures is None:
            continue
        figures = _state_zero_start(row, table, figures, before, year, month)
        this_month, cumulative, note = figures
        texts = {
            attribute: row.values.get(column, "") if column in table.header.fields else None
            for column, attribute in _TEXTS.items()
        }
        lines.append(
            ProgressLine(
                project.pk, this_month, cumulative, **texts, row=row.number, sheet=row.sheet
            )
        )
        deducted = deduction_note(month, this_month, cumulative, before)
        deducted = f"{_where(row)}{deducted}" if deducted else ""
        report.notes += [each for each in (derived, differs, not_given, note, deducted) if each]
    return lines


def _where(row: Row) -> str:
    """How a note names a row: "工作表「沁阳市」第2行「沁阳市铝精深加工」"."""
    name = row.values.get(Field.NAME) or row.values.get(Field.CODE)
    return f"{row_place(row.sheet, row.number)}「{name}」"


def _month_column_notes(table: Table, month: int) -> list[str]:
    """What a sheet without a 本月 column is read as in January: the month is the cumulative,
    stated once (fresh-eyes tryout fault 1); later months say so by row. A 本月 column headed
    报告期 ("报告期完成投资") is read as the import's month, the report period of a monthly
    report: the assumption is stated (tryout 6 of issue 9, P15)."""
    header = table.header
    fields = header.fields
    period = [
        header.shown(index)
        for index, name in header.columns.items()
        if name == Field.COMPLETED_THIS_MONTH and "报告期" in header.shown(index)
    ]
    if period:
        return [
            f"工作表「{table.sheet}」「{period[0]}」按本次导入的{month}月（报告期为一个月）"
            "的完成投资读取"
        ]
    if month != 1 or Field.COMPLETED_THIS_MONTH in fields:
        return []
    if not fields & {Field.CUMULATIVE_COMPLETED, Field.CUMULATIVE_SINCE_START}:
        return []
    return [f"工作表「{table.sheet}」没有本月完成投资列，1月的本月完成投资即1月累计完成投资"]


def _month_before(
    row: Row, table: Table, stored: Reported | None, month: int
) -> tuple[Reported | None, str]:
    """The cumulative the month's figures start from: the sheet's own 1—(M−1)月累计 when it
    gives one (fresh-eyes tryout fault 5), else the last one stored earlier in the year.

    A sheet's 1—(M−1)月累计 differing from the month before as stored is a fault on its cell
    naming both figures, never stored with a note (issue 9, the rule of commit 6433f48: a
    December 400 over November while 本月 said 300 was a silent wrong figure). With no month
    before stored, the sheet's figure is the start, and the note says so."""
    previous = row.values.get(Field.PREVIOUS_CUMULATIVE)
    if previous is None:
        return stored, ""
    if stored is not None and stored[0] == month - 1:
        if stored[1] != previous:
            row.fault(
                Field.PREVIOUS_CUMULATIVE,
                f"{row.place(Field.PREVIOUS_CUMULATIVE)}{format_wan(previous)}万元，与已报的"
                f"{month - 1}月累计{format_wan(stored[1])}万元不符，未导入（核对上月数据："
                "如上月数据有误，请先更正上月报表；如本表有误请改正后再导入）",
            )
        return (month - 1, previous), ""
    note = (
        f"{row.place(Field.PREVIOUS_CUMULATIVE)}：尚无已报的{month - 1}月累计，"
        f"按表中{_year_to_month(month - 1)}{format_wan(previous)}万元起算"
    )
    return (month - 1, previous), note


def _previous_adds_up(row: Row, table: Table, month: int) -> None:
    """1—(M−1)月累计 + M月 must be 1—M月累计 where the sheet gives all three: else a fault on the
    cumulative naming the three columns (fresh-eyes tryout faults 4 and 5)."""
    previous = row.values.get(Field.PREVIOUS_CUMULATIVE)
    this_month = row.values.get(Field.COMPLETED_THIS_MONTH)
    cumulative = row.values.get(Field.CUMULATIVE_COMPLETED)
    if previous is None or this_month is None or cumulative is None:
        return
    if previous + this_month == cumulative:
        return
    row.fault(
        Field.CUMULATIVE_COMPLETED,
        f"「{header_text(table, Field.CUMULATIVE_COMPLETED)}」{format_wan(cumulative)}万元不等于"
        f"「{_previous_text(table, month)}」{format_wan(previous)}万元加"
        f"「{header_text(table, Field.COMPLETED_THIS_MONTH)}」{format_wan(this_month)}万元"
        f"（{format_wan(previous + this_month)}万元），未导入",
    )


def _previous_text(table: Table, month: int) -> str:
    """What the sheet calls its 1—(M−1)月累计: its column's header, or for a month-by-month sheet
    the sum of the months before."""
    if Field.PREVIOUS_CUMULATIVE in table.header.fields:
        return header_text(table, Field.PREVIOUS_CUMULATIVE)
    return "1月" if month == 2 else f"1—{month - 1}月各月之和"


def _gives_since_start_only(table: Table) -> bool:
    """Whether the sheet's only cumulative is since the start of construction (开累)."""
    fields = table.header.fields
    return Field.CUMULATIVE_SINCE_START in fields and Field.CUMULATIVE_COMPLETED not in fields


def _needs_year_end(tables: list[Table]) -> bool:
    return any(_gives_since_start_only(table) for table in tables)


def _year_figure_notes(table: Table) -> list[str]:
    """What a sheet whose only cumulative is since the start of construction is read as: the
    year's is 开累 less last year's year-end figure, from its column or from the ledger (the
    139.1% fault was a 开累 figure taken as the year's)."""
    if not _gives_since_start_only(table):
        return []
    since_start = header_text(table, Field.CUMULATIVE_SINCE_START)
    if Field.PREVIOUS_YEAR_END in table.header.fields:
        before = f"「{header_text(table, Field.PREVIOUS_YEAR_END)}」"
    else:
        before = "台账中的截至上年底累计完成投资"
    return [
        f"工作表「{table.sheet}」没有本年累计完成投资列，本年累计按「{since_start}」减{before}算出"
    ]


def _since_start_unused(table: Table) -> list[str]:
    """A since-start cumulative (开累) read beside the year's own cumulative is never the
    year's: said, naming its column (tryout 14: read and left aside unsaid)."""
    if _gives_since_start_only(table) or Field.CUMULATIVE_SINCE_START not in table.header.fields:
        return []
    column = table.header.named(Field.CUMULATIVE_SINCE_START)
    return [f"工作表「{table.sheet}」{column}为自开工累计，未作本年累计使用"]


def _year_cumulative(row: Row, table: Table, in_ledger: PreviousYearEnd | None, year: int) -> str:
    """Put the year's cumulative on a row of a sheet that gives only 开累: 开累 less the row's
    至上年底累计, else the ledger's (`in_ledger`). Returns the note saying the ledger's was used,
    or that the row's differs from it; a fault on the row when neither is there or the
    difference is negative."""
    since_start = row.values.get(Field.CUMULATIVE_SINCE_START)
    if not _gives_since_start_only(table) or since_start is None:
        return ""
    before, note = row.values.get(Field.PREVIOUS_YEAR_END), ""
    where = _where(row)
    if before is None and in_ledger is not None:
        before = in_ledger.completed
        how = f"，{in_ledger.derivation}" if in_ledger.derivation else ""
        note = (
            f"{where}：本年累计由开累减截至上年底累计得出（开累{format_wan(since_start)}万元减"
            f"台账中截至{year - 1}年底累计{format_wan(before)}万元{how}）"
        )
    elif before is not None and in_ledger is not None and before != in_ledger.completed:
        note = (
            f"{where}：表中至上年底累计完成投资{format_wan(before)}万元，与台账中截至{year - 1}"
            f"年底累计{format_wan(in_ledger.completed)}万元不符，本年累计按表中数算出"
        )
    if before is None:
        if not row.failed(Field.PREVIOUS_YEAR_END):
            in_sheet = Field.PREVIOUS_YEAR_END in table.header.fields
            row.fault(
                Field.PREVIOUS_YEAR_END if in_sheet else Field.CUMULATIVE_SINCE_START,
                ("未填写" if in_sheet else "是自开工以来的累计，不是本年累计完成投资")
                + f"；台账中也没有这个项目截至{year - 1}年底的累计完成投资，无法由开累算出"
                "本年累计，未导入（请在台账中填写截至上年底累计完成投资，或在表中填写本年累计）",
            )
        return ""
    if since_start < before:
        row.fault(
            Field.CUMULATIVE_SINCE_START,
            f"{format_wan(since_start)}万元，低于截至{year - 1}年底累计{format_wan(before)}万元，"
            "减出的本年累计为负数，未导入",
        )
        return ""
    row.values[Field.CUMULATIVE_COMPLETED] = since_start - before
    return note


def _bare_cumulative_notes(table: Table, channel: Channel) -> list[str]:
    """A cumulative column whose header, group, title and sheet name say nothing of the year
    (a bare 累计完成投资) may be since the start of construction: it is read as the year's,
    and the report says so (tryout 3: a 续建 project's 5200 read against a plan of 2000).
    Stated rather than refused because a bare 累计 under a titled year sheet is the common
    layout and the tests of many real sheets read it as the year's."""
    reading = next(
        (each for each in table.header.readings if each.field == Field.CUMULATIVE_COMPLETED), None
    )
    if reading is None or reading.named_by_user or table.header.report_month:
        return []  # a month-by-month sheet's total is the year's by its months
    if any(states_year(text) for text in (reading.text, table.title, table.sheet)):
        return []
    return [
        f"工作表「{table.sheet}」「{reading.text}」未写明口径，按本年累计读取；如是自开工以来的"
        f"累计，请{name_column(reading.key, Field.CUMULATIVE_SINCE_START.value, channel)}"
        f"后{read_again(channel)}"
    ]


def _cell_of(table: Table, row: Row, name: Field) -> str:
    """The cell of `row` in `name`'s column: "C3" ("" when the sheet has no such column)."""
    index = next((index for index, each in table.header.columns.items() if each == name), None)
    return "" if index is None else f"{column_letter(index)}{row.number}"


_OF_THE_YEAR = re.compile(r"本年|当年|年初|本年度|\d+\s*[—–\-－~～至]\s*\d+\s*月")


def _says_the_year(header: str) -> bool:
    """Whether a 累计 column's header says its figure is the year's (本年累计, 当年累计,
    年初至报告期累计, 1—M月累计), not a bare 累计 that may hold 开累 (tryout 14 P6)."""
    return bool(_OF_THE_YEAR.search(header))


def _year_to_month(month: int) -> str:
    return "1月累计" if month == 1 else f"1—{month}月累计"


def _month_not_given(
    row: Row, table: Table, earlier: Reported | None, month: int, *, stored: bool = False
) -> str:
    """A 本月 the sheet does not give (no such column, or its cell left blank or typed as a dash:
    —, /) is derived from the cumulative only with a cumulative known for the month before (the
    sheet's 1—(M−1)月累计 or a stored month), or the year's start, and the note returned says
    how; otherwise the row is a fault (tryout 3: 本月 "—" was derived as 累计 − 0 silently;
    fresh-eyes tryout fault 1: a sheet without the column had 本月 set to the cumulative).
    "" when the month's figure is typed. With figures already stored for the month (`stored`),
    `_keep_stored` decides instead."""
    cumulative = row.values.get(Field.CUMULATIVE_COMPLETED)
    no_column = Field.COMPLETED_THIS_MONTH not in table.header.fields
    if (
        row.values.get(Field.COMPLETED_THIS_MONTH) is not None
        or row.failed(Field.COMPLETED_THIS_MONTH)
        or cumulative is None
    ):
        return ""
    given = f"{_year_to_month(month)}{format_wan(cumulative)}万元"
    missing = "表中没有本月完成投资列" if no_column else "未填写数字"
    if earlier is None and month != 1 and not stored:
        row.fault(
            Field.COMPLETED_THIS_MONTH,
            f"{missing}，此前月份也未报送累计完成投资，无法由{given}算出本月完成投资，未导入"
            + (
                "（请在表中填写本月完成投资，或先导入此前月份的进度）"
                if no_column
                else "（请填写本月完成投资）"
            ),
        )
        return ""
    before_month, before = earlier or (0, Decimal(0))
    if no_column:
        if earlier is None:
            return ""  # January's, stated once for the sheet (_month_column_notes)
        return (
            f"{_where(row)}：表中没有本月完成投资列，本月完成投资按{given}减{before_month}月累计"
            f"{format_wan(before)}万元算出{format_wan(cumulative - before)}万元"
        )
    less = f"减{before_month}月累计{format_wan(before)}万元" if earlier else ""
    return (
        f"{_where(row)}：本月完成投资未填写数字，按{given}{less}算出"
        f"{format_wan(cumulative - before)}万元"
    )


def _month_within_cumulative(row: Row, table: Table, month: int) -> None:
    """本月 above the year's cumulative cannot both be right: a fault naming both cells (tryout
    3: 9000 against 1500 was taken with only the usual "以累计为准" note)."""
    this_month = row.values.get(Field.COMPLETED_THIS_MONTH)
    cumulative = row.values.get(Field.CUMULATIVE_COMPLETED)
    if this_month is None or cumulative is None or this_month <= cumulative:
        return
    fields = table.header.fields
    here = f"（{_cell_of(table, row, Field.COMPLETED_THIS_MONTH)}）"
    there = (
        f"（{_cell_of(table, row, Field.CUMULATIVE_COMPLETED)}）"
        if Field.CUMULATIVE_COMPLETED in fields
        else "（由开累算出）"
    )
    period = _year_to_month(month)
    row.fault(
        Field.COMPLETED_THIS_MONTH,
        f"本月完成{format_wan(this_month)}万元{here}大于{period}{format_wan(cumulative)}万元"
        f"{there}，本月完成投资不能超过{period}，未导入",
    )


def _stored_figures(city: Region, year: int, month: int) -> dict[int, tuple[Decimal, Decimal]]:
    """Per project, the (this month, cumulative) figures already stored for the month."""
    return {
        project_id: (this_month, cumulative)
        for project_id, this_month, cumulative in MonthlyProgress.objects.filter(
            project__city=city, year=year, month=month
        ).values_list("project_id", "completed_this_month", "cumulative_completed")
    }


_Figures = tuple[Decimal, Decimal, str]


def _keep_stored(
    row: Row, figures: _Figures, stored: tuple[Decimal, Decimal] | None, month: int
) -> _Figures | None:
    """A figure derived from a blank cell never replaces one already stored for the month: where
    it would change it, the row is a fault naming the blank column (None), so nothing is written
    and the stored figures stand (source: issue 9 §5, an import never overwrites a stored figure
    with a value it could not read). Refusing, not keeping the stored one, because the typed
    figure may be the correction and only the office can say which of the two is right."""
    if stored is None:
        return figures
    this_month, cumulative, _ = figures
    checks = (  # (blank column, its stored figure, derived figure, stored's name, derived from)
        (Field.CUMULATIVE_COMPLETED, stored[1], cumulative, "累计", "本月完成"),
        (Field.COMPLETED_THIS_MONTH, stored[0], this_month, "本月完成", "累计"),
    )
    for blank, kept, derived, name, source in checks:
        if row.values.get(blank) is None and derived != kept:
            row.fault(
                blank,
                f"未填写；{month}月已存{name}{format_wan(kept)}万元，由{source}推算为"
                f"{format_wan(derived)}万元，与之不符，未导入（请填写{blank.value}）",
            )
            return None
    return figures


def _state_zero_start(
    row: Row, table: Table, figures: _Figures, earlier: Reported | None, year: int, month: int
) -> _Figures:
    """A cumulative derived from this month's figure alone, with no earlier report in the year,
    takes the earlier months as 0; after a month not reported, it adds to the last stored
    cumulative; after the month before, to its cumulative (the sheet's 1—(M−1)月累计, else the
    stored one): the note says so, naming the months and figures (tryout fault 4; tryout 4
    P16; tryout 14: the last went unsaid)."""
    if month == 1 or row.values.get(Field.CUMULATIVE_COMPLETED) is not None:
        return figures
    this_month, cumulative, note = figures
    if earlier is not None and earlier[0] == month - 1:
        in_sheet = row.values.get(Field.PREVIOUS_CUMULATIVE) is not None
        source = "表中" if in_sheet else "已报的"
        missing = (
            "表中没有累计完成投资列"
            if Field.CUMULATIVE_COMPLETED not in table.header.fields
            else "累计完成投资未填写数字"
        )
        added = (
            f"{_where(row)}：{missing}，{_year_to_month(month)}按{source}{earlier[0]}月累计"
            f"{format_wan(earlier[1])}万元加本月完成投资{format_wan(this_month)}万元算出"
            f"{format_wan(cumulative)}万元"
        )
        return this_month, cumulative, "；".join(filter(None, [note, added]))
    months = unreported_months(month, earlier)
    if earlier is None:
        assumed = (
            f"{_where(row)}：{year}年{months}未报送完成投资，累计按此前为0算出"
            f"（1—{month}月累计{format_wan(cumulative)}万元）"
        )
    else:
        assumed = (
            f"{_where(row)}：{months}未报送完成投资，1—{month}月累计按{earlier[0]}月累计"
            f"{format_wan(earlier[1])}万元加本月算出（{format_wan(cumulative)}万元）"
        )
    return this_month, cumulative, "；".join(filter(None, [note, assumed]))


def _figures(
    row: Row,
    table: Table,
    project: KnownProject,
    earlier: Reported | None,
    later: Reported | None,
    month: int,
) -> tuple[Decimal, Decimal, str] | None:
    """(this month, cumulative, note) for a row, derived and checked; None after a fault."""
    figures = derive_month_figures(
        row.values.get(Field.COMPLETED_THIS_MONTH),
        row.values.get(Field.CUMULATIVE_COMPLETED),
        month=month,
        earlier=earlier,
        later=later,
        total_investment=project.total_investment,
        deductions=True,
        cells=(
            _cell_of(table, row, Field.COMPLETED_THIS_MONTH),
            _cell_of(table, row, Field.CUMULATIVE_COMPLETED),
        ),
        year_said=_says_the_year(header_text(table, Field.CUMULATIVE_COMPLETED)),
    )
    if not figures.ok:
        on_cumulative = figures.fault_on_cumulative
        row.fault(
            Field.CUMULATIVE_COMPLETED if on_cumulative else Field.COMPLETED_THIS_MONTH,
            figures.fault,
        )
        return None
    note = f"{_where(row)}：{figures.note}" if figures.note else ""
    return figures.completed_this_month, figures.cumulative_completed, note


def _update_notes(updates: list[tuple[ProgressLine, list[Change]]]) -> list[str]:
    """What each updated row changes, old → new, as the web's import record lists it
    (tryout 20 F9: the command said only 「更新2条月度进度」): "工作表「3月」第2行「甲项目」
    更新：本月完成投资（万元）3100 → 3300，累计完成投资（万元）6600.5 → 6800.5"."""
    names = dict(
        Project.objects.filter(pk__in=[line.project_id for line, _ in updates]).values_list(
            "pk", "name"
        )
    )
    return [
        f"{row_place(line.sheet, line.row)}「{names[line.project_id]}」更新："
        + "，".join(
            f"{change.field}{change.old or '（空）'} → {change.new or '（空）'}"
            for change in changes
        )
        for line, changes in updates
    ]


def _save(
    lines: list[ProgressLine],
    report: ImportReport,
    *,
    city: Region,
    year: int,
    month: int,
    county: Region | None,
    user: User | None,
) -> None:
    """Create the month's reports and replace those already there, recording what changes in
    the history; count both."""
    existing = {
        progress.project_id: progress
        for progress in MonthlyProgress.objects.filter(project__city=city, year=year, month=month)
    }
    new, changed = [], []
    history: list[Change] = []
    updates: list[tuple[ProgressLine, list[Change]]] = []
    for line in lines:
        progress = existing.get(line.project_id) or MonthlyProgress(
            project_id=line.project_id, year=year, month=month
        )
        values = {
            "completed_this_month": line.completed_this_month,
            "cumulative_completed": line.cumulative_completed,
        }
        for attribute in _TEXTS.values():
            if getattr(line, attribute) is not None:
                values[attribute] = getattr(line, attribute)
        before = {name: getattr(progress, name) for name in values} if progress.pk else {}
        changes = changes_between(line.project_id, _LABELS, before, values, year=year, month=month)
        history += changes
        if progress.pk and changes:
            updates.append((line, changes))
        if progress.pk is None:
            new.append(progress)
        elif any(getattr(progress, name) != value for name, value in values.items()):
            changed.append(progress)
        for name, value in values.items():
            setattr(progress, name, value)
    report.created, report.updated = len(new), len(changed)
    report.notes += _update_notes(updates)
    report.unchanged = len(lines) - len(new) - len(changed)
    if report.dry_run:
        return
    with transaction.atomic():
        record = record_import(
            report, city=city, kind=ImportRecord.Kind.PROGRESS, user=user, county=county
        )
        MonthlyProgress.objects.bulk_create(new, batch_size=BATCH_SIZE)
        MonthlyProgress.objects.bulk_update(
            changed, ["completed_this_month", "cumulative_completed", *_TEXTS.values()], BATCH_SIZE
        )
        record_changes(
            history,
            source=ChangeSource.IMPORT,
            user=user,
            reason=import_reason(report.file),
            import_record=record,
        )
