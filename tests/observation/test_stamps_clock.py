"""Every moment a tour keeps is the application's clock (`guanmo.clock.now`): with GUANMO_TODAY
set (the demo city lives in December 2025) a tour made, a judge's scores submitted, a site
closed and the tour's other sites closed with it are stamped that day, not the machine's."""

import uuid
from datetime import date

from django.utils import timezone

from guanmo.observation import services
from guanmo.observation.models import ScoreForm, Site
from tests.observation.tours import build_tour

DAY = date(2025, 6, 18)
FULL = {"比规模": "22", "比进度": "20.5", "比质量": "23", "比效益": "21"}


def _day(moment) -> date:
    return timezone.localtime(moment).date()


def test_a_tours_moments_are_stamped_on_the_applications_day(world, settings):
    settings.GUANMO_TODAY = DAY
    tour = build_tour(world)
    services.open_scoring(tour)
    site = tour.sites.get(project__name="温县太极文化产业园")
    services.submit_scores(
        tour.judges.get(name="张评委"), site, points=FULL, submission=uuid.uuid4()
    )
    services.close_site(site)
    services.close_tour(tour)

    tour.refresh_from_db()
    stamps = {
        "created_at": tour.created_at,
        "submitted_at": ScoreForm.objects.get().submitted_at,
        **{f"closed_at {each.pk}": each.closed_at for each in Site.objects.filter(tour=tour)},
    }
    assert len(stamps) == 2 + tour.sites.count()
    assert {name: _day(moment) for name, moment in stamps.items()} == dict.fromkeys(stamps, DAY)
