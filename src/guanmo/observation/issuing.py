"""Issuing a tour's schedule before it and its results bulletin after it: numbered in the
city's series, dated by the city office, kept as issued; before that, the draft every download
gives alike."""

from datetime import date, timedelta

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
from guanmo.observation.bulletin import TourReport, bulletin_title
from guanmo.observation.exporters.docx import results_docx
from guanmo.observation.models import Tour
from guanmo.observation.schedule_document import schedule_document, schedule_title
from guanmo.observation.selectors import tour_report, tour_schedule


def results_subject(tour: Tour) -> str:
    return f"tour-{tour.pk}"


def issued_results(tour: Tour) -> IssuedDocument | None:
    return issued(tour.city, Kind.TOUR_BULLETIN, results_subject(tour))


def last_day(tour: Tour) -> date:
    return tour.first_day + timedelta(days=tour.days - 1)


def draft_letterhead(tour: Tour) -> Letterhead:
    """An unnumbered draft dated the tour's last day, the same on every download."""
    return letterhead(office_for(tour.city), number=None, dated=last_day(tour))


def draft_results(report: TourReport, tour: Tour) -> bytes:
    return results_docx(report, draft_letterhead(tour))


def issue_results_bulletin(
    tour: Tour, *, dated: date, user: User | None, today: date | None = None
) -> IssuedDocument:
    """Issue the closed tour's results bulletin (by the tour's own method) dated `dated`, not
    before the tour's last day. Raises DocumentError."""
    today = today or clock.today()
    if tour.status != Tour.Status.CLOSED:
        raise DocumentError("观摩评分尚未结束，不能印发结果通报")
    check_date(dated, today=today, earliest=last_day(tour))
    report = tour_report(tour)
    if report is None:
        raise DocumentError("尚无评分，不能印发结果通报")
    return issue(
        tour.city,
        kind=Kind.TOUR_BULLETIN,
        subject=results_subject(tour),
        title=bulletin_title(report.facts),
        dated=dated,
        user=user,
        build=lambda head: results_docx(report, head),
    )


def schedule_subject(tour: Tour) -> str:
    return f"schedule-{tour.pk}"


def issued_schedule(tour: Tour) -> IssuedDocument | None:
    return issued(tour.city, Kind.TOUR_SCHEDULE, schedule_subject(tour))


def schedule_file(tour: Tour, head: Letterhead | None = None) -> bytes | None:
    """The schedule of the tour's current route under `head` (by default the unnumbered,
    undated draft); None while the route has no stop."""
    sites, _, schedule, _ = tour_schedule(tour)
    if schedule is None:
        return None
    head = head or letterhead(office_for(tour.city), number=None, dated=None)
    return schedule_document(tour, schedule, {str(site.pk): site for site in sites}, head)


def issue_schedule(
    tour: Tour, *, dated: date, user: User | None, today: date | None = None
) -> IssuedDocument:
    """Issue the schedule of the tour's current route dated `dated`, not after the tour's
    first day. Raises DocumentError; later moves of the route leave the issued file as it is."""
    check_date(dated, today=today or clock.today(), latest=tour.first_day)
    if tour_schedule(tour)[2] is None:
        raise DocumentError("尚未排定路线，不能印发日程安排")
    return issue(
        tour.city,
        kind=Kind.TOUR_SCHEDULE,
        subject=schedule_subject(tour),
        title=schedule_title(tour),
        dated=dated,
        user=user,
        build=lambda head: schedule_file(tour, head),
    )
