"""Issuing a closed month's bulletin: numbered, dated by the city office, and kept as issued
(the .docx and its workbook)."""

import io
from calendar import monthrange
from datetime import date, timedelta

from django.utils import timezone

from guanmo import clock
from guanmo.accounts.models import User
from guanmo.documents.models import IssuedDocument, Kind
from guanmo.documents.official import Letterhead
from guanmo.documents.services import (
    DocumentError,
    check_date,
    issue,
    issued,
    letterhead,
    office_for,
)
from guanmo.progress.exporters.docx import bulletin_docx, bulletin_title
from guanmo.progress.exporters.xlsx import write_xlsx
from guanmo.progress.report import ProgressReport
from guanmo.progress.sections import bulletin_sections
from guanmo.progress.selectors import progress_report_for
from guanmo.regions.models import Region
from guanmo.reporting.selectors import ClosedMonth, closed_month


def bulletin_subject(year: int, month: int) -> str:
    return f"{year}-{month:02d}"


def issued_bulletin(city: Region, year: int, month: int) -> IssuedDocument | None:
    return issued(city, Kind.PROGRESS_BULLETIN, bulletin_subject(year, month))


def first_day_after(year: int, month: int) -> date:
    """The earliest 成文日期 of a month's bulletin: the day after the month ends."""
    return date(year, month, monthrange(year, month)[1]) + timedelta(days=1)


def draft_letterhead(city: Region, closed: ClosedMonth) -> Letterhead:
    """The letterhead of a closed month's bulletin not yet issued: no number, dated the day
    its period was closed (so that every download of the draft is the same document); a month
    loaded from sheets with no period, the day after the month ends (its earliest 成文日期),
    today at the latest."""
    if closed.period is not None and closed.period.closed_at is not None:
        dated = timezone.localtime(closed.period.closed_at).date()
    else:
        dated = min(first_day_after(closed.year, closed.month), clock.today())
    return letterhead(office_for(city), number=None, dated=dated)


def bulletin_content(city: Region, report: ProgressReport, head: Letterhead) -> bytes:
    period = report.period
    sections = bulletin_sections(city, period.year, period.month)
    return bulletin_docx(report, head, city.name, sections=sections)


def bulletin_workbook(city: Region, year: int, month: int) -> bytes:
    """The month's bulletin as a workbook (.xlsx bytes): the county and project tables, then
    the added sections' tables, from the data as it stands; issuing keeps it as issued."""
    report = progress_report_for(
        city, year, month, with_projects=True, with_changes=True, with_columns=True
    )
    output = io.BytesIO()
    write_xlsx(report, city.name, output, sections=bulletin_sections(city, year, month))
    return output.getvalue()


def issue_bulletin(
    city: Region,
    year: int,
    month: int,
    *,
    dated: date,
    user: User | None,
    today: date | None = None,
) -> IssuedDocument:
    """Issue a closed month's bulletin with the 成文日期 `dated`, the next 发文字号 of the year,
    its workbook (.xlsx) kept with it. Raises DocumentError when the month is not closed, the
    date is out of bounds, or the bulletin is issued already."""
    today = today or clock.today()
    if closed_month(city, year, month) is None:
        raise DocumentError(f"{year}年{month}月尚未关闭填报，不能印发通报")
    check_date(dated, today=today, earliest=first_day_after(year, month))
    report = progress_report_for(city, year, month, with_changes=True, with_columns=True)
    return issue(
        city,
        kind=Kind.PROGRESS_BULLETIN,
        subject=bulletin_subject(year, month),
        title=bulletin_title(report, city.name),
        dated=dated,
        user=user,
        build=lambda head: bulletin_content(city, report, head),
        build_workbook=lambda _head: bulletin_workbook(city, year, month),
    )
