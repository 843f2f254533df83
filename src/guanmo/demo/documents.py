"""The demo city's issuing office and the documents it has issued: every closed month's
bulletin, numbered and dated the day its month was closed, the closed tour's schedule three
days before the tour and its results bulletin three days after; in the order of their dates,
so numbers follow dates; the 前三季度 assessment's results bulletin once its result is final
(`demo.assessment`); the latest month's 主要指标调度情况 of the city's units, ten days after
the month."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone

from guanmo.accounts.models import Role, User
from guanmo.assessment.models import ResultChange
from guanmo.assessment.objections import issue_bulletin as issue_assessment_bulletin
from guanmo.demo.assessment import ISSUED, create_demo_assessment
from guanmo.documents.models import IssuedDocument, IssuingOffice
from guanmo.indicators.issuing import issue_report
from guanmo.indicators.report import latest_report
from guanmo.observation.issuing import issue_results_bulletin, issue_schedule, last_day
from guanmo.observation.models import Tour
from guanmo.observation.selectors import tour_schedule
from guanmo.progress.services import first_day_after, issue_bulletin
from guanmo.regions.models import Region
from guanmo.reporting.models import Period

OFFICE = {
    "full_name": "焦作市重点项目建设办公室",
    "short_name": "焦作市项目办",
    "number_prefix": "焦作项目办",
    "signer": "李卫东",
}


def create_demo_office(city: Region) -> IssuingOffice:
    """The office's names, set before anything is issued; documents of an earlier run go (with
    the result history entries that name them, which protect a document from deletion)."""
    ResultChange.objects.filter(document__city=city).delete()
    IssuedDocument.objects.filter(city=city).delete()
    office, _ = IssuingOffice.objects.update_or_create(city=city, defaults=OFFICE)
    return office


@dataclass(frozen=True)
class DemoDocuments:
    bulletins: int
    latest: IssuedDocument | None


def issue_demo_documents(city: Region, seed: int) -> DemoDocuments:
    """Issue the closed months' bulletins, the closed tours' schedules and results bulletins
    and the assessment's results bulletin by date (the indicators must be there already)."""
    office_user = User.objects.filter(role=Role.CITY_OFFICE, region=city).first()
    issues: list[tuple[date, object]] = [(ISSUED, ("assessment", None))]
    for period in Period.objects.filter(city=city, closed_at__isnull=False):
        closed = timezone.localtime(period.closed_at).date()
        issues.append((closed, ("bulletin", period.year, period.month)))
    for tour in Tour.objects.filter(city=city, status=Tour.Status.CLOSED):
        issues.append((last_day(tour) + timedelta(days=3), ("tour", tour)))
        if tour_schedule(tour)[2] is not None:
            issues.append((tour.first_day - timedelta(days=3), ("schedule", tour)))
    indicators = latest_report(city)
    if indicators is not None:
        dated = first_day_after(indicators.year, indicators.month) + timedelta(days=9)
        issues.append((dated, ("indicators", indicators)))
    latest = None
    bulletins = 0
    for dated, what in sorted(issues, key=lambda issue: issue[0]):
        if what[0] == "bulletin":
            _, year, month = what
            latest = issue_bulletin(city, year, month, dated=dated, user=office_user, today=dated)
            bulletins += 1
        elif what[0] == "assessment":
            result = create_demo_assessment(city, office_user, seed)
            issue_assessment_bulletin(result, dated=dated, user=office_user)
        elif what[0] == "indicators":
            issue_report(city, what[1], dated=dated, user=office_user, today=dated)
        elif what[0] == "schedule":
            issue_schedule(what[1], dated=dated, user=office_user, today=dated)
        else:
            issue_results_bulletin(what[1], dated=dated, user=office_user, today=dated)
    return DemoDocuments(bulletins=bulletins, latest=latest)
