"""Monthly reporting operations: open a period, fill and upload a county's report, submit,
return, approve, close and reopen. Each is a function that checks its preconditions, writes in
one transaction, and records the review step and every changed figure.

A decision is checked against the report as re-read under its lock (guanmo.locking), never
against the copy loaded with the page: two decisions sent at once give one result, and the
other is refused naming who decided first."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone

from guanmo import bounds, clock
from guanmo.accounts.models import User
from guanmo.ledger.columns import Field
from guanmo.ledger.models import MonthlyProgress
from guanmo.ledger.month_figures import deduction_note, derive_month_figures
from guanmo.ledger.services.progress_import import read_progress
from guanmo.locking import locked
from guanmo.progress.selectors import key_projects
from guanmo.regions.models import Region
from guanmo.regions.services import units_of
from guanmo.reporting import review
from guanmo.reporting.checks import EntryFigures, entry_warnings
from guanmo.reporting.history import Change, changes_between, record_changes
from guanmo.reporting.history import Source as ChangeSource
from guanmo.reporting.imports import record_import, remember_mapping
from guanmo.reporting.models import (
    CountyReport,
    ImportRecord,
    Period,
    ReportEntry,
    ReviewStep,
)
from guanmo.reporting.review import (  # the errors are this module's too, as views use them
    ReportingError,
    StaleReport,  # noqa: F401
    claim,
    locked_form,
    require_editable,
)
from guanmo.reporting.selectors import ReportLine, report_lines
from guanmo.sheets.advice import Channel
from guanmo.sheets.cells import CellError, parse_money, parse_paragraph
from guanmo.sheets.faults import ImportReport
from guanmo.sheets.workbook import Source

ENTRY_LABELS = {
    "completed_this_month": "本月完成投资（万元）",
    "cumulative_completed": "累计完成投资（万元）",
    "visible_progress": "形象进度",
    "problems": "存在问题",
}
TEXT_LABELS = {name: ENTRY_LABELS[name] for name in ("visible_progress", "problems")}


@dataclass(frozen=True)
class EntryInput:
    """A line as typed in the grid: figures as text, blank for none."""

    project_id: int
    completed_this_month: str = ""
    cumulative_completed: str = ""
    visible_progress: str = ""
    problems: str = ""


@dataclass(frozen=True)
class EntryFault:
    project: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"「{self.project}」{self.field}：{self.message}"


@dataclass
class SaveResult:
    faults: list[EntryFault] = field(default_factory=list)
    warnings: dict[int, list[str]] = field(default_factory=dict)  # project id → messages
    changed: int = 0

    @property
    def ok(self) -> bool:
        return not self.faults


# Periods ---------------------------------------------------------------------------------


def open_period(
    city: Region, *, year: int, month: int, deadline: date, user: User | None
) -> Period:
    """Open a month for reporting: one report per county and zone, one line per key project;
    and a 市本级 report, filled by the city office, when the city has key projects of its own."""
    if not 1 <= month <= 12:
        raise ReportingError(f"月份应在1到12之间，而不是{month}")
    opened_already = ReportingError(f"{year}年{month}月的填报期已开启，不能重复开启")
    if Period.objects.filter(city=city, year=year, month=month).exists():
        raise opened_already
    try:
        with transaction.atomic():
            period = Period.objects.create(
                city=city, year=year, month=month, deadline=deadline, opened_by=user
            )
            for unit in units_of(city):
                report = CountyReport.objects.create(period=period, county=unit)
                add_missing_entries(report)
            add_city_level_report(period)
    except IntegrityError:  # opened at the same moment by a double click or a colleague
        raise opened_already from None
    return period


def add_city_level_report(period: Period) -> CountyReport | None:
    """The period's 市本级 report, made (with its lines) when the city has key projects of its
    own (全市, 市直) and the period none yet, as when one joins the ledger after it opened."""
    city = period.city
    if period.reports.filter(county=city).exists():
        return None
    if (
        not key_projects(city, period.year, month=period.month)
        .filter(county=city)
        .due_to_report(period.year, period.month)
        .exists()
    ):
        return None
    report, made = CountyReport.objects.get_or_create(period=period, county=city)
    if made:
        add_missing_entries(report)
    return report


def add_missing_entries(report: CountyReport) -> int:
    """Give the report a line for every key project of its county and year that has none
    (projects added to the ledger after the period opened); a project taken off its list(s)
    before the period's month (`ledger.key_lists`), or entered after it (`ledger.due`), is not
    asked to report."""
    period = report.period
    projects = (
        key_projects(period.city, period.year, month=period.month)
        .filter(county=report.county)
        .due_to_report(period.year, period.month)
    )
    missing = projects.exclude(report_entries__report=report).values_list("pk", flat=True)
    created = ReportEntry.objects.bulk_create(
        [ReportEntry(report=report, project_id=pk) for pk in missing]
    )
    return len(created)


def close_period(period: Period, *, user: User) -> None:
    """Close the month: every county's report is locked from now on."""
    with transaction.atomic():
        current = locked(period)
        if current.is_closed:
            at = timezone.localtime(current.closed_at)
            raise ReportingError(f"{period}的填报期已于{at:%m月%d日%H:%M}关闭，请刷新页面")
        Period.objects.filter(pk=period.pk).update(closed_at=clock.now())
        review.lock_period_forms(period)
    period.refresh_from_db()


def reopen_report(report: CountyReport, *, user: User, reason: str) -> None:
    """Reopen one county's report of a closed period for correction; a reason is required."""
    review.reopen(report, user=user, reason=reason)


# Filling in --------------------------------------------------------------------------------


def save_entries(
    report: CountyReport,
    inputs: Iterable[EntryInput],
    *,
    user: User,
    version: int,
    texts_only: bool = False,
    source: str = ChangeSource.GRID,
    lines: list[ReportLine] | None = None,
) -> SaveResult:
    """Save the typed lines as the report's draft, checked as the importer checks a sheet.

    All or nothing: with any fault nothing is saved. A save made from version `version` of
    the report when it has moved on is refused (`StaleReport`). With `texts_only` (a site
    commissioner's note) only visible progress and problems are taken. `lines` are the
    report's lines (`report_lines`) when the caller has just read them, else they are read.
    """
    require_editable(report)
    lines = {line.entry.project_id: line for line in lines or report_lines(report)}
    result = SaveResult()
    updates: list[tuple[ReportLine, dict]] = []
    for typed in inputs:
        line = lines.get(typed.project_id)
        if line is None:
            raise ReportingError("该项目不在本报表中")
        values = _checked_values(typed, line, result, texts_only=texts_only)
        if values is not None:
            updates.append((line, values))
    if not result.ok:
        return result
    with transaction.atomic():
        require_editable(locked_form(report))
        claim(report, version, user)
        changes = _apply(report, updates)
        record_changes(changes, source=source, user=user)
        if changes and not texts_only:
            ReviewStep.objects.create(report=report, action=ReviewStep.Action.SAVE, user=user)
    result.changed = len({change.project_id for change in changes})
    return result


def upload_sheet(
    report: CountyReport,
    sheet: Source,
    *,
    user: User,
    version: int,
    mapping: Mapping[str, Field | None] | None = None,
    file_name: str = "",
    confirm_changes: bool = False,
) -> ImportReport:
    """Load the county's own progress sheet into its draft, through the command line's
    importer, scoped to the county; `mapping` names columns and is remembered for the city;
    `confirm_changes` is the page's 确认修改 (`read_progress`). All or nothing; the import
    report is kept with the changes it made."""
    require_editable(report)
    outcome, updates = _sheet_updates(
        report, sheet, mapping=mapping, file_name=file_name, confirm_changes=confirm_changes
    )
    if not outcome.ok:
        return outcome
    with transaction.atomic():
        require_editable(locked_form(report))
        claim(report, version, user)
        changes = _apply(report, updates)
        period = report.period
        record = record_import(
            outcome,
            city=period.city,
            kind=ImportRecord.Kind.PROGRESS,
            user=user,
            county=report.county,
        )
        record_changes(changes, source=ChangeSource.UPLOAD, user=user, import_record=record)
        ReviewStep.objects.create(report=report, action=ReviewStep.Action.UPLOAD, user=user)
        if mapping:
            remember_mapping(
                period.city,
                mapping,
                outcome,
                user=user,
                year=period.year,
                month=period.month,
                unit=report.county,
            )
    return outcome


def preview_sheet(
    report: CountyReport,
    sheet: Source,
    *,
    mapping: Mapping[str, Field | None] | None = None,
    file_name: str = "",
    confirm_changes: bool = False,
) -> ImportReport:
    """What uploading the sheet would load, written nowhere: the report (column map, rows left
    out, faults, notes, how many draft lines it would change)."""
    return _sheet_updates(
        report, sheet, mapping=mapping, file_name=file_name, confirm_changes=confirm_changes
    )[0]


def _sheet_updates(
    report: CountyReport,
    sheet: Source,
    *,
    mapping: Mapping[str, Field | None] | None,
    file_name: str,
    confirm_changes: bool = False,
) -> tuple[ImportReport, list[tuple[ReportLine, dict]]]:
    """The sheet read and checked for the county, and the new values of its draft lines; the
    report counts the lines that would change."""
    period = report.period
    lines = {line.entry.project_id: line for line in report_lines(report)}
    drafted = {  # the draft's figures: a blank cell never changes them (issue 9 §5)
        project_id: (line.entry.completed_this_month, line.entry.cumulative_completed)
        for project_id, line in lines.items()
        if line.entry.completed_this_month is not None
        and line.entry.cumulative_completed is not None
    }
    outcome, progress_lines = read_progress(
        sheet,
        city=period.city,
        year=period.year,
        month=period.month,
        county=report.county,
        mapping=mapping,
        file_name=file_name,
        stored=drafted,
        channel=Channel.WEB,
        confirm_changes=confirm_changes,
    )
    if not outcome.ok:
        return outcome, []
    updates = []
    for progress in progress_lines:
        line = lines.get(progress.project_id)
        if line is None:
            outcome.notes.append("表中有不在本月重点项目名录中的项目，已跳过")
            continue
        values = {
            "completed_this_month": progress.completed_this_month,
            "cumulative_completed": progress.cumulative_completed,
        }
        for name in TEXT_LABELS:
            if getattr(progress, name) is not None:
                values[name] = getattr(progress, name)
        updates.append((line, values))
    outcome.updated = len({change.project_id for change in _changes(report, updates)[0]})
    outcome.unchanged = len(updates) - outcome.updated
    return outcome, updates


def entry_warnings_of(line: ReportLine) -> list[str]:
    entry = line.entry
    return entry_warnings(
        EntryFigures(
            month=entry.report.period.month,
            completed_this_month=entry.completed_this_month,
            cumulative_completed=entry.cumulative_completed,
            visible_progress=entry.visible_progress,
            earlier_months=line.earlier_months,
            annual_plan=line.annual_plan,
        )
    )


def _checked_values(
    typed: EntryInput, line: ReportLine, result: SaveResult, *, texts_only: bool
) -> dict | None:
    """The line's new values, or None after recording its faults."""
    project = line.entry.project
    values: dict = {
        "visible_progress": parse_paragraph(typed.visible_progress),
        "problems": parse_paragraph(typed.problems),
    }
    for name, label in TEXT_LABELS.items():
        if fault := bounds.text_fault(values[name], label):
            result.faults.append(EntryFault(project.name, label, fault))
            return None
    if texts_only:
        return values
    figures: dict[str, Decimal | None] = {}
    for name in ("completed_this_month", "cumulative_completed"):
        try:
            figures[name] = parse_money(
                getattr(typed, name) or None, signed=name == "completed_this_month"
            )
        except CellError as error:
            result.faults.append(EntryFault(project.name, ENTRY_LABELS[name], str(error)))
    if len(figures) < 2:
        return None
    if figures["completed_this_month"] is None and figures["cumulative_completed"] is None:
        return {**values, **figures}  # not reported this month
    derived = derive_month_figures(
        figures["completed_this_month"],
        figures["cumulative_completed"],
        month=line.entry.report.period.month,
        earlier=line.earlier,
        later=line.later,
        total_investment=project.total_investment,
        deductions=True,
    )
    if not derived.ok:
        blamed = "cumulative_completed" if derived.fault_on_cumulative else "completed_this_month"
        result.faults.append(EntryFault(project.name, ENTRY_LABELS[blamed], derived.fault))
        return None
    values["completed_this_month"] = derived.completed_this_month
    values["cumulative_completed"] = derived.cumulative_completed
    deducted = deduction_note(
        line.entry.report.period.month,
        derived.completed_this_month,
        derived.cumulative_completed,
        line.earlier,
    )
    warnings = [each for each in (derived.note, deducted) if each]
    checked = ReportLine(
        entry=ReportEntry(report=line.entry.report, project=project, **values),
        annual_plan=line.annual_plan,
        earlier=line.earlier,
        later=line.later,
        earlier_months=line.earlier_months,
    )
    warnings += entry_warnings_of(checked)
    if warnings:
        result.warnings[project.pk] = warnings
    return values


def _changes(
    report: CountyReport, updates: list[tuple[ReportLine, dict]]
) -> tuple[list[Change], list[tuple[ReportEntry, dict]]]:
    """What the new values change: the history's changes and the entries to write."""
    period = report.period
    changes: list[Change] = []
    changed: list[tuple[ReportEntry, dict]] = []
    for line, values in updates:
        entry = line.entry
        before = {name: getattr(entry, name) for name in values}
        found = changes_between(
            entry.project_id, ENTRY_LABELS, before, values, year=period.year, month=period.month
        )
        if found:
            changed.append((entry, values))
            changes += found
    return changes, changed


def _apply(report: CountyReport, updates: list[tuple[ReportLine, dict]]) -> list[Change]:
    """Write changed lines; the changes, for the history."""
    changes, changed = _changes(report, updates)
    for entry, values in changed:
        for name, value in values.items():
            setattr(entry, name, value)
    entries = [entry for entry, _ in changed]
    ReportEntry.objects.bulk_update(entries, list(ENTRY_LABELS), batch_size=500)
    return changes


# Review ------------------------------------------------------------------------------------


def submit_report(report: CountyReport, *, user: User, version: int) -> None:
    """Hand the draft to the city office for review."""
    review.submit(report, user=user, version=version)


def return_report(report: CountyReport, *, user: User, reason: str) -> None:
    """Send a submitted report back to its county with the reason."""
    review.send_back(report, user=user, reason=reason)


def approve_report(report: CountyReport, *, user: User) -> int:
    """Approve a submitted report: its figures become the month's figures that bulletins and
    rankings count. Returns how many projects' figures changed."""

    def publish(report: CountyReport) -> int:
        changes = _publish(report)
        record_changes(changes, source=ChangeSource.APPROVAL, user=user)
        return len({change.project_id for change in changes})

    return review.approve(report, user=user, publish=publish)


def _publish(report: CountyReport) -> list[Change]:
    """Copy the report's lines into the month's approved figures."""
    period = report.period
    entries = list(report.entries.all())
    approved = {
        progress.project_id: progress
        for progress in MonthlyProgress.objects.filter(
            project_id__in=[entry.project_id for entry in entries],
            year=period.year,
            month=period.month,
        )
    }
    changes: list[Change] = []
    new, changed, withdrawn = [], [], []
    for entry in entries:
        progress = approved.get(entry.project_id)
        values = {name: getattr(entry, name) for name in ENTRY_LABELS}
        before = {name: getattr(progress, name) for name in ENTRY_LABELS} if progress else {}
        if not entry.is_reported:
            if progress is not None:  # reported before a reopen, withdrawn since
                withdrawn.append(progress.pk)
                changes += changes_between(
                    entry.project_id,
                    ENTRY_LABELS,
                    before,
                    dict.fromkeys(ENTRY_LABELS),
                    year=period.year,
                    month=period.month,
                )
            continue
        found = changes_between(
            entry.project_id, ENTRY_LABELS, before, values, year=period.year, month=period.month
        )
        if not found:
            continue
        changes += found
        if progress is None:
            new.append(
                MonthlyProgress(
                    project_id=entry.project_id, year=period.year, month=period.month, **values
                )
            )
        else:
            for name, value in values.items():
                setattr(progress, name, value)
            changed.append(progress)
    MonthlyProgress.objects.bulk_create(new, batch_size=500)
    MonthlyProgress.objects.bulk_update(changed, list(ENTRY_LABELS), batch_size=500)
    MonthlyProgress.objects.filter(pk__in=withdrawn).delete()
    return changes
