"""The moments the demo's records carry, put on the days they happened in the demo's story.

Saving stamps a record with the moment of saving (Guanmo's clock, `guanmo.clock.now`; Django's
own for an account), which for the demo is the day `make demo` runs (or GUANMO_TODAY, its own
today, 15 December 2025, when set), not the day the record's story tells: accounts would
all have joined, tours been created and judges' scores submitted on that one day. After the
demo is built, each such moment is set from the record's own day: accounts made at the start
of the year, a month opened on its first day, a tour created a month before it starts, a
site's scores submitted and closed on its day of the tour, a problem's steps on their dates,
a visit written and its photos uploaded on the evening of the visit, a document issued on its
date (with a result's history entries of its issue). Plans and deadlines (a tour two days
off, a deadline next week) keep their dates."""

from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from guanmo.accounts.models import User
from guanmo.assessment.models import ResultChange
from guanmo.commissioners.models import Photo, Visit
from guanmo.documents.models import IssuedDocument
from guanmo.observation.models import ScoreForm, Site, Tour
from guanmo.regions.models import Region
from guanmo.reporting.models import Period
from guanmo.supervision.models import ProblemStep

ACCOUNTS_MADE = date(2025, 1, 2)
TOUR_PLANNED_BEFORE = timedelta(days=30)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    """`day` at `hour`:`minute` local time, aware."""
    return timezone.make_aware(datetime.combine(day, time(hour)) + timedelta(minutes=minute))


@transaction.atomic
def date_recorded_moments(city: Region) -> None:
    """Set the city's saved-at moments from the days their records tell (see the module)."""
    accounts = User.objects.filter(Q(region=city) | Q(region__parent=city) | Q(username="admin"))
    accounts.update(date_joined=at(ACCOUNTS_MADE, 9))
    periods = list(Period.objects.filter(city=city))
    for period in periods:
        period.opened_at = at(date(period.year, period.month, 1), 9)
    Period.objects.bulk_update(periods, ["opened_at"])

    tours = list(Tour.objects.filter(city=city))
    for tour in tours:
        tour.created_at = at(tour.first_day - TOUR_PLANNED_BEFORE, 9)
    Tour.objects.bulk_update(tours, ["created_at"])
    _date_scoring(Site.objects.filter(tour__city=city, day__isnull=False))

    steps = list(ProblemStep.objects.filter(problem__project__city=city).order_by("on", "at", "pk"))
    for minute, step in enumerate(steps):
        step.at = at(step.on, 9, minute % 480)  # in office hours, in the order they were taken
    ProblemStep.objects.bulk_update(steps, ["at"], batch_size=500)

    visits = list(Visit.objects.filter(project__city=city))
    for visit in visits:
        visit.created_at = at(visit.visited_on, 18)
        Photo.objects.filter(visit=visit).update(uploaded_at=visit.created_at)
    Visit.objects.bulk_update(visits, ["created_at"])

    documents = list(IssuedDocument.objects.filter(city=city))
    for document in documents:
        document.issued_at = at(document.dated, 10)
    IssuedDocument.objects.bulk_update(documents, ["issued_at"])
    for document in documents:  # a result's 成文日期 and 印发 entries: when its bulletin was issued
        ResultChange.objects.filter(document=document).update(at=document.issued_at)


def _date_scoring(sites) -> None:
    """Scores submitted through the site's day of the tour, a minute apart from 10:00; a
    closed site closed at that day's end."""
    for site in sites.select_related("tour"):
        day = site.tour.first_day + timedelta(days=site.day - 1)
        forms = list(ScoreForm.objects.filter(site=site).order_by("submitted_at", "pk"))
        for minute, form in enumerate(forms):
            form.submitted_at = at(day, 10, minute)
        ScoreForm.objects.bulk_update(forms, ["submitted_at"])
        if site.closed_at is not None:
            Site.objects.filter(pk=site.pk).update(closed_at=at(day, 18))
