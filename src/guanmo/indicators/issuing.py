"""Issuing a month's indicator report (主要指标调度情况) as an official document: numbered in the
city office's main series and dated through `documents.services.issue`, as the monthly
bulletins are, and kept as issued with its workbook; before that, the draft is unnumbered and
undated."""

from datetime import date

from guanmo import clock
from guanmo.accounts.models import User
from guanmo.documents.models import IssuedDocument, Kind
from guanmo.documents.services import (
    DocumentError,
    check_date,
    issue,
    issued,
    letterhead,
    office_for,
)
from guanmo.indicators.models import ValueChange
from guanmo.indicators.report import IndicatorReport
from guanmo.indicators.report_output import as_docx, as_xlsx, docx_title
from guanmo.progress.services import first_day_after
from guanmo.regions.models import Region


def report_subject(report: IndicatorReport) -> str:
    """What the document is about, once per city: the month and the peer group (2025-06-g3)."""
    return f"{report.year}-{report.month:02d}-g{report.group.pk}"


def issued_report(city: Region, report: IndicatorReport) -> IssuedDocument | None:
    """The document issued of the whole group's report, if any (a one-region report is never
    issued: it is the county's own reading)."""
    if report.region is not None:
        return None
    return issued(city, Kind.INDICATOR_BULLETIN, report_subject(report))


def changed_after_issue(city: Region, year: int, month: int, document: IssuedDocument) -> bool:
    """Whether a figure of the city's indicators for the month changed after `document` (the
    month's issued bulletin) was issued (`ValueChange.at` after `issued_at`): the page then
    shows figures the issued .docx and .xlsx do not (tryout 26 item 5)."""
    return ValueChange.objects.filter(
        indicator__city=city, year=year, month=month, at__gt=document.issued_at
    ).exists()


def issued_of_month(city: Region, year: int, month: int) -> list[IssuedDocument]:
    """The month's issued indicator bulletins, of every group (`report_subject`)."""
    return list(
        IssuedDocument.objects.filter(
            city=city, kind=Kind.INDICATOR_BULLETIN, subject__startswith=f"{year}-{month:02d}-g"
        ).order_by("issued_at")
    )


def report_docx(city: Region, report: IndicatorReport) -> bytes:
    """The report's .docx: as issued when it has been, else the unnumbered, undated draft."""
    document = issued_report(city, report)
    if document is not None:
        return bytes(document.content)
    return as_docx(report, letterhead(office_for(city), number=None, dated=None))


def report_xlsx(city: Region, report: IndicatorReport) -> bytes:
    """The report's workbook: as issued when the report was issued with one, else built from
    the data as it stands."""
    document = issued_report(city, report)
    if document is not None and document.workbook is not None:
        return bytes(document.workbook)
    return as_xlsx(report)


def issue_report(
    city: Region, report: IndicatorReport, *, dated: date, user: User | None, today: date | None
) -> IssuedDocument:
    """Issue the group's report with the 成文日期 `dated` (not before the month is over, nor more
    than a few days ahead of today): the next 发文字号 of the city's main series. Raises
    DocumentError when the date is out of bounds, the report is issued already or is one
    region's."""
    if report.region is not None:
        raise DocumentError("只印发整个比较组的指标调度情况，不印发一个地区的")
    earliest = first_day_after(report.year, report.month)
    check_date(dated, today=today or clock.today(), earliest=earliest)
    return issue(
        city,
        kind=Kind.INDICATOR_BULLETIN,
        subject=report_subject(report),
        title=docx_title(report),
        dated=dated,
        user=user,
        build=lambda head: as_docx(report, head),
        build_workbook=lambda head: as_xlsx(report, head),
    )
